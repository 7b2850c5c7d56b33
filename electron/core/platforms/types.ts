// The contract of a platform adapter: detect, fetch, parse into the model of shared/model.ts.
import type { Component, Incident, Vendor } from '../../../shared/model';
import type { PlatformId } from '../../../shared/platforms';
import type { HttpClient } from '../http/types';

/** What detection found, cached in the watch entry so that polling costs no probes. */
export interface Detection {
  platform: PlatformId;
  /** The human page. */
  pageUrl: string;
  /** What the adapter reads (an API base, a feed, or the page itself). */
  apiUrl: string;
  /** The vendor's name where the platform tells it. */
  name?: string;
}

export interface ReadContext {
  http: HttpClient;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
}

/** What one read of a platform gives; the engine turns it into a Snapshot (status rollup, error wrapping). */
export interface PlatformRead {
  vendor: Vendor;
  components: Component[];
  incidents: Incident[];
  /** True when every request was answered 304: nothing changed since the last read. */
  notModified: boolean;
}

export interface PlatformAdapter {
  id: PlatformId;
  /** From the URL's shape alone (known hosts, API paths): no request. */
  matchUrl(url: URL): Detection | null;
  /**
   * Cheap probing where the URL says nothing: at most a few requests. `page` is the already fetched
   * body of the URL itself (HTML or other), shared by all adapters so that detection fetches it once.
   */
  probe?(
    url: URL,
    ctx: ReadContext,
    page: { body: string; contentType: string } | null,
  ): Promise<Detection | null>;
  read(detection: Detection, ctx: ReadContext): Promise<PlatformRead>;
}

// The engine's public entry: find out which platform a status page runs on, and read it into a Snapshot.
// Used by the monitor, the CLI and the app. readSnapshot never throws: a failure is a Snapshot with
// status `unknown` and an error a person can read.
import type { Snapshot, SnapshotError } from '../../shared/model';
import { PLATFORM_LABEL } from '../../shared/platforms';
import { hasCredentials, redactCredentials, stripCredentials } from '../../shared/url-credentials';
import { withHttpsAdded } from '../../shared/watch-entry';
import { FetchError, type HttpClient, type HttpGetOptions, type HttpResponse } from './http/types';
import { classifyError } from './http/client';
import { planMaintenance } from './maintenance';
import { recordingHttp, revalidate, sameIncidentStates, type ReadBasis } from './read-basis';
import { ADAPTERS } from './platforms';
import { decodeText } from './platforms/common/encoding';
import { OtherPlatformError } from './platforms/common/other-platform';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './platforms/types';
import { orderIncidents, vendorStatus } from './rollup';
import { unmatchedComponents } from '../../shared/component-match';
import { clampError, clampRead, clampText, TEXT_LIMITS } from './text-limits';

export { vendorStatus, orderIncidents, selectWatched, componentKey } from './rollup';

export interface ReadOptions {
  http: HttpClient;
  /** Cached detection: skips probing. */
  detection?: Detection;
  timeoutMs?: number;
  maxBytes?: number;
  /** "Group/Component" or "Component": only these count for the vendor's status (all when empty). */
  watchedComponents?: string[];
  signal?: AbortSignal;
  now?: () => number;
  /** What the last good read of this page (with this detection) was made from: see read-basis.ts. */
  previous?: ReadBasis;
}

export interface ReadOutcome {
  snapshot: Snapshot;
  detection: Detection | null;
  /** Every request was answered 304: nothing changed since the last read. */
  notModified: boolean;
  /** From Retry-After on a 429/503. */
  retryAfterMs?: number;
  /** What this read was made from, for the next read of the page (absent when it cannot vouch for it). */
  basis?: ReadBasis;
  /** The page is the one read last time and shows the same: `snapshot` is the previous one, checked now. */
  unchanged?: boolean;
}

const TRANSPORT_KINDS = new Set([
  'timeout',
  'dns',
  'refused',
  'reset',
  'network',
  'rate_limited',
  'redirect',
  'too_large',
]);

/** A URL as the user typed it, or an invalid_url FetchError. Adds https:// when no scheme is given. */
export function parseUserUrl(raw: string): URL {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(withHttpsAdded(text) ?? text);
  } catch {
    throw new FetchError('invalid_url', `"${redactCredentials(raw)}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('invalid_url', `"${redactCredentials(raw)}" is not an http(s) URL`);
  }
  if (hasCredentials(url)) {
    throw new FetchError(
      'invalid_url',
      `The address for ${url.host} contains a user name or password; StatusTray never stores or sends ` +
        'credentials in an address. Remove the part before "@" and try again.',
    );
  }
  return url;
}

/** A detection whose name (read from the page) is within the name limit. */
function withinLimits(detection: Detection): Detection {
  return detection.name !== undefined && detection.name.length > TEXT_LIMITS.name
    ? { ...detection, name: clampText(detection.name, TEXT_LIMITS.name) }
    : detection;
}

/**
 * Which platform serves this page: by URL shape first (no request), else fetch the page once and let
 * each adapter probe (a few requests at most), else an `unrecognized` FetchError saying what was tried.
 */
export async function detectPlatform(url: string, ctx: ReadContext): Promise<Detection> {
  const parsed = parseUserUrl(url);
  for (const adapter of ADAPTERS) {
    const hit = adapter.matchUrl(parsed);
    if (hit) return withinLimits(hit);
  }
  let page: { body: string; contentType: string } | null = null;
  let pageError: FetchError | null = null;
  try {
    const res = await ctx.http.get(parsed.href, {
      timeoutMs: ctx.timeoutMs,
      maxBytes: ctx.maxBytes,
      signal: ctx.signal,
    });
    const contentType = res.headers['content-type'] ?? '';
    // Sniffed, not assumed UTF-8: some vendors serve UTF-16 with a byte-order mark (AWS) or latin-1.
    page = { body: decodeText(res.body, contentType), contentType };
  } catch (err) {
    pageError = classifyError(err, parsed.href, ctx.timeoutMs ?? 0);
    // An unreachable host will not answer probes either: say why now instead of trying more.
    if (TRANSPORT_KINDS.has(pageError.kind)) throw pageError;
  }
  const tried: string[] = [];
  for (const adapter of ADAPTERS) {
    if (!adapter.probe) continue;
    tried.push(PLATFORM_LABEL[adapter.id]);
    try {
      const hit = await adapter.probe(parsed, ctx, page);
      if (hit) return withinLimits(hit);
    } catch (err) {
      const e = classifyError(err, parsed.href, ctx.timeoutMs ?? 0);
      if (e.kind === 'timeout' || e.kind === 'rate_limited') throw e;
    }
  }
  if (pageError) throw pageError;
  throw new FetchError(
    'unrecognized',
    `${parsed.host} does not look like a status page StatusTray can read (tried ${tried.join(', ') || 'no platform'})`,
  );
}

/** One response per URL for the length of one read: the probe's summary.json serves the read too. */
function memoize(http: HttpClient): HttpClient {
  const seen = new Map<string, Promise<HttpResponse>>();
  return {
    get(url: string, options?: HttpGetOptions) {
      let hit = seen.get(url);
      if (!hit) {
        hit = http.get(url, options);
        seen.set(url, hit);
        // A failure is not remembered: a later caller may try again with its own budget.
        hit.catch(() => seen.delete(url));
      }
      return hit;
    },
    forget: (url) => http.forget(url),
    close: () => http.close(),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function errorSnapshot(
  url: string,
  error: SnapshotError,
  fetchedAt: string,
  detection: Detection | null = null,
): Snapshot {
  // Whatever reached here, a user name or password in the address is not shown.
  const shown = stripCredentials(url);
  return {
    url: shown,
    vendor: {
      name: clampText(detection?.name ?? hostOf(shown), TEXT_LIMITS.name),
      platform: detection?.platform ?? 'unknown',
      pageUrl: detection?.pageUrl ?? shown,
    },
    status: 'unknown',
    components: [],
    incidents: [],
    fetchedAt,
    error: clampError(error),
  };
}

function readContext(opts: ReadOptions): Omit<ReadContext, 'http'> {
  return { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, signal: opts.signal };
}

function adapterFor(detection: Detection): PlatformAdapter {
  const adapter = ADAPTERS.find((a) => a.id === detection.platform);
  if (!adapter) {
    throw new FetchError(
      'unrecognized',
      `StatusTray cannot read ${PLATFORM_LABEL[detection.platform]} pages yet`,
    );
  }
  return adapter;
}

export async function readSnapshot(url: string, opts: ReadOptions): Promise<ReadOutcome> {
  const now = opts.now ?? Date.now;
  let http = opts.detection ? opts.http : memoize(opts.http);
  let detection: Detection | null = opts.detection ?? null;
  try {
    detection ??= await detectPlatform(url, { ...readContext(opts), http });
    // An unchanged page (every request 304, same validators) is the read of last time: nothing to parse.
    const previous = opts.previous?.apiUrl === detection.apiUrl ? opts.previous : undefined;
    let reused: ReadBasis | null = null;
    if (previous && opts.detection) {
      const check = await revalidate(previous, http, readContext(opts));
      if (check.same) reused = previous;
      else http = check.http;
    }
    const recorder = recordingHttp(http);
    const ctx: ReadContext = { ...readContext(opts), http: recorder.http };
    const readWith = detection;
    let read: PlatformRead;
    if (reused) {
      read = reused.read;
    } else {
      let raw: PlatformRead;
      try {
        raw = await adapterFor(detection).read(detection, ctx);
      } catch (err) {
        // A document found at one platform's path that is, by its fields, another's: read it as that one's
        // (once), and keep the new detection so that the next poll goes straight there.
        if (!(err instanceof OtherPlatformError)) throw err;
        detection = withinLimits(err.detection);
        raw = await adapterFor(detection).read(detection, ctx);
      }
      // Every adapter's read passes here: published text is held to its limits once, for every host.
      read = clampRead(raw);
    }
    const incidents = orderIncidents(read.incidents.map((i) => planMaintenance(i, now())));
    const status = vendorStatus(read.components, incidents, opts.watchedComponents);
    const unmatched = unmatchedComponents(read.components, opts.watchedComponents);
    const fetchedAt = new Date(now()).toISOString();
    if (
      reused &&
      status === reused.snapshot.status &&
      sameIncidentStates(incidents, reused.snapshot.incidents) &&
      JSON.stringify(unmatched) === JSON.stringify(reused.snapshot.unmatchedComponents ?? [])
    ) {
      const snapshot = { ...reused.snapshot, fetchedAt };
      return { snapshot, detection, notModified: true, basis: { ...reused, snapshot }, unchanged: true };
    }
    const snapshot: Snapshot = {
      url,
      vendor: read.vendor,
      status,
      components: read.components,
      incidents,
      fetchedAt,
      error: null,
      ...(unmatched.length > 0 ? { unmatchedComponents: unmatched } : {}),
    };
    // A read that moved to another platform's reader vouches for nothing: the next one starts afresh.
    const responses = reused ? reused.responses : detection === readWith ? recorder.responses() : null;
    return {
      snapshot,
      detection,
      notModified: reused !== null || read.notModified,
      ...(responses ? { basis: { apiUrl: detection.apiUrl, responses, read, snapshot } } : {}),
    };
  } catch (err) {
    const e = classifyError(err, url, opts.timeoutMs ?? 0);
    return {
      snapshot: errorSnapshot(
        url,
        { kind: e.kind, message: e.message },
        new Date(now()).toISOString(),
        detection,
      ),
      detection,
      notModified: false,
      ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
    };
  }
}

// What a read was made from (each URL it asked for, with the validators of the body it used, and the
// platform's read of those bodies), so that the next read of the same page can first ask whether any of
// them changed: when every one is answered 304 with the same validators, the page is the one read last
// time, and nothing needs decompressing, parsing, validating or rebuilding.
import type { Incident, Snapshot } from '../../shared/model';
import type { HttpClient, HttpGetOptions, HttpResponse } from './http/types';
import type { PlatformRead } from './platforms/types';

export interface BasisResponse {
  url: string;
  etag: string | undefined;
  lastModified: string | undefined;
}

export interface ReadBasis {
  /** The API the read used (a basis is never carried over to another detection). */
  apiUrl: string;
  /** Every URL the read asked for, in order, each answered with validators. */
  responses: BasisResponse[];
  /** The platform's read of those bodies, within the text limits, before maintenances are planned. */
  read: PlatformRead;
  /** The snapshot the read gave. */
  snapshot: Snapshot;
}

/** Records what a read asks for; `responses()` is null when some answer failed or carried no validator. */
export function recordingHttp(http: HttpClient): { http: HttpClient; responses(): BasisResponse[] | null } {
  const seen: Array<BasisResponse | null> = [];
  return {
    http: {
      async get(url: string, options?: HttpGetOptions) {
        const slot = seen.length;
        seen.push(null);
        const res = await http.get(url, options);
        const etag = res.headers.etag;
        const lastModified = res.headers['last-modified'];
        if (etag !== undefined || lastModified !== undefined) seen[slot] = { url, etag, lastModified };
        return res;
      },
      forget: (url) => http.forget(url),
      close: () => http.close(),
    },
    responses: () => (seen.length > 0 && seen.every((r) => r !== null) ? (seen as BasisResponse[]) : null),
  };
}

/**
 * Asks again, one after the other (as the adapters do), for what the basis was made from, stopping at the
 * first answer that is not a 304 with the same validators. `http` then serves the answers already had, so
 * that a changed page is read with no request made twice.
 */
export async function revalidate(
  basis: ReadBasis,
  http: HttpClient,
  options: HttpGetOptions,
): Promise<{ same: boolean; http: HttpClient }> {
  const had = new Map<string, Promise<HttpResponse>>();
  const served: HttpClient = {
    get: (url, o) => had.get(url) ?? http.get(url, o),
    forget: (url) => http.forget(url),
    close: () => http.close(),
  };
  for (const expected of basis.responses) {
    const answer = http.get(expected.url, options);
    // The adapter hears of a failure when it asks for this URL; nobody else needs to.
    answer.catch(() => undefined);
    had.set(expected.url, answer);
    let res: HttpResponse;
    try {
      res = await answer;
    } catch {
      return { same: false, http: served };
    }
    const same =
      res.notModified &&
      res.headers.etag === expected.etag &&
      res.headers['last-modified'] === expected.lastModified;
    if (!same) return { same: false, http: served };
  }
  return { same: true, http: served };
}

/** The same incidents in the same order and state as shown last time (maintenances move with the clock). */
export function sameIncidentStates(a: Incident[], b: Incident[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x !== y && (x.id !== y.id || x.status !== y.status || x.startedAt !== y.startedAt)) return false;
  }
  return true;
}

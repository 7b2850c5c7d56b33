// The second way in: a platform's JSON API first and, when that is missing, moved, blocked or unreadable,
// the state its HTML page embeds. The reading says which one it came from (`vendor.source`).
import { FetchError } from '../../http/types';
import type { PlatformRead } from '../types';
import { OtherPlatformError } from './other-platform';

/** Failures of the API address itself; a host that does not answer at all will not serve its page either. */
const API_FAILURES = new Set(['http', 'parse', 'schema', 'too_large', 'redirect']);

function fallsBack(err: unknown): boolean {
  if (!(err instanceof FetchError)) return false;
  // Another platform's document: its own adapter reads it, not this one's page reader.
  if (err instanceof OtherPlatformError) return false;
  // 429 says "ask less": asking for the page as well would be asking more.
  return API_FAILURES.has(err.kind);
}

/**
 * `api()` first; on an API failure, `embedded()` (null when the page holds no state it can read). When both
 * fail, the API's error is the one reported: it says what is missing, with the page's failure added.
 */
export async function apiThenEmbedded(
  api: () => Promise<PlatformRead>,
  embedded: () => Promise<PlatformRead | null>,
): Promise<PlatformRead> {
  try {
    const read = await api();
    return { ...read, vendor: { ...read.vendor, source: 'api' } };
  } catch (err) {
    if (!fallsBack(err)) throw err;
    let fromPage: PlatformRead | null = null;
    let pageError: unknown = null;
    try {
      fromPage = await embedded();
    } catch (e) {
      pageError = e;
    }
    if (fromPage) return { ...fromPage, vendor: { ...fromPage.vendor, source: 'embedded' } };
    const apiError = err as FetchError;
    const why =
      pageError instanceof Error
        ? `its page could not be read either (${pageError.message})`
        : 'its page embeds no status data either';
    throw new FetchError(apiError.kind, `${apiError.message.replace(/\.$/, '')} — ${why}.`, {
      status: apiError.status,
      retryAfterMs: apiError.retryAfterMs,
      cause: apiError,
    });
  }
}

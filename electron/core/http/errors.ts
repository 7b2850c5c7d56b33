// Every failure of a request as a FetchError with a sentence for people: what the network, the TLS layer,
// the decoder or the server said, and Retry-After read as a delay.
import type { ErrorKind } from '../../../shared/model';
import { BlockedAddressError, blockedRedirectError } from './address-guard';
import { FetchError, RETRY_AFTER_CAP_MS } from './types';

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function duration(ms: number): string {
  if (ms < 90_000) return `${Math.ceil(ms / 1000)} s`;
  if (ms < 90 * 60_000) return `${Math.ceil(ms / 60_000)} min`;
  return `${Math.ceil(ms / 3_600_000)} h`;
}

/**
 * Retry-After as milliseconds from now: delta-seconds or an HTTP date, at most RETRY_AFTER_CAP_MS;
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, RETRY_AFTER_CAP_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now), RETRY_AFTER_CAP_MS);
}

/** The first error of this class in a chain of causes (undici may wrap what a connector reports). */
function causeOf<T>(err: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    if (e instanceof type) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED' && code !== 'ABORT_ERR') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Turn anything a request threw into a FetchError with a sentence for people. */
export function classifyError(err: unknown, url: string, timeoutMs: number): FetchError {
  if (err instanceof FetchError) return err;
  const blocked = causeOf(err, BlockedAddressError);
  if (blocked) return blockedRedirectError(hostOf(url), blocked.hostname, blocked.address, err);
  const host = hostOf(url);
  const code = errorCode(err);
  const make = (kind: ErrorKind, message: string) => new FetchError(kind, message, { cause: err });
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return make('timeout', `${host} did not answer within ${seconds(timeoutMs)}`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return make('dns', `${host} could not be found (DNS lookup failed)`);
    case 'ECONNREFUSED':
      return make('refused', `${host} refused the connection (nothing is listening there)`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return make('reset', `${host} closed the connection before answering`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return make('network', `${host} cannot be reached: the network is unreachable`);
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
    case 'ERR_ZLIB_INITIALIZATION_FAILED':
    case 'ERR__ERROR_FORMAT_PADDING_1':
      return make('parse', `${host} sent a compressed body that could not be decompressed`);
    default:
      if (code && /CERT|TLS|SSL/i.test(code)) {
        return make('network', `${host} has a TLS/certificate problem (${code})`);
      }
      if (code && code.startsWith('ERR__ERROR')) {
        return make('parse', `${host} sent a compressed body that could not be decompressed`);
      }
      return make(
        'network',
        `Could not read ${host}: ${err instanceof Error ? err.message : String(err)}${code ? ` (${code})` : ''}`,
      );
  }
}

export const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

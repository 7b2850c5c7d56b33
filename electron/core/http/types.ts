// The HTTP client contract every platform adapter uses. Implemented on undici in ./client.ts.
import type { ErrorKind } from '../../../shared/model';

export interface HttpGetOptions {
  /** Whole-request budget: connect, headers and body. */
  timeoutMs?: number;
  /** Cap on the decompressed body. Default 10 MB. */
  maxBytes?: number;
  headers?: Record<string, string>;
  /** Send If-None-Match / If-Modified-Since from the cache of the last response to this URL. Default true. */
  conditional?: boolean;
  signal?: AbortSignal;
}

export interface HttpResponse {
  /** The URL asked for. */
  url: string;
  /** The URL answered, after redirects. */
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  /** Decompressed body. On a 304 this is the cached body of the last 200. */
  body: Buffer;
  /** True when the server answered 304 and `body` is the cached one. */
  notModified: boolean;
}

/** A failure classified for people: `kind` for code, `message` for the person. */
export class FetchError extends Error {
  readonly kind: ErrorKind;
  /** Milliseconds to wait before asking again, from Retry-After. */
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;
  constructor(
    kind: ErrorKind,
    message: string,
    opts: { retryAfterMs?: number; status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'FetchError';
    this.kind = kind;
    this.retryAfterMs = opts.retryAfterMs;
    this.status = opts.status;
  }
}

/** The longest wait a Retry-After may impose on one vendor (the page is polled again after it at the latest). */
export const RETRY_AFTER_CAP_MS = 3_600_000;

export interface HttpClient {
  /** GET a URL; non-2xx/304 answers reject with a FetchError of kind `http` or `rate_limited`. */
  get(url: string, options?: HttpGetOptions): Promise<HttpResponse>;
  /** Forget cached validators (e.g. after a parse failure, so the next read is a full one). */
  forget(url: string): void;
  /** What the kept validators and their bodies cost: entries and bytes (for benchmarks and diagnostics). */
  cacheStats?(): { entries: number; bytes: number };
  close(): Promise<void>;
}

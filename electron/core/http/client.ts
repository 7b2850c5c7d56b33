// The HTTP client of the engine, on undici: one budget per request (connect, headers and the whole body),
// a cap on the decompressed body, manual redirects (at most 5), proxies from the environment, conditional
// requests from a bounded per-URL cache, Retry-After, redirects that may not lead from a public address to a
// private one (checked at connect time, see ./address-guard), and every failure turned into a FetchError a
// person can read.
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import dns from 'node:dns/promises';
import net from 'node:net';
import { pipeline, Transform, type Readable } from 'node:stream';
import {
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createInflateRaw,
  deflateRawSync,
  inflateRawSync,
} from 'node:zlib';
import {
  addressConnector,
  BlockedAddressError,
  blockedRedirectError,
  ConnectedAddresses,
  isPublicAddress,
  type AddressPolicy,
  type LookupFunction,
} from './address-guard';
import {
  FetchError,
  RETRY_AFTER_CAP_MS,
  type HttpClient,
  type HttpGetOptions,
  type HttpResponse,
} from './types';
import type { ErrorKind } from '../../../shared/model';
import { redactCredentials } from '../../../shared/url-credentials';

export const APP_VERSION = '0.1.0';
export const USER_AGENT = `StatusTray/${APP_VERSION} (+https://github.com/statustray)`;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface HttpClientOptions {
  /** Default whole-request budget. */
  timeoutMs?: number;
  /** Default cap on the decompressed body. */
  maxBytes?: number;
  userAgent?: string;
  /** `env` (default): HTTPS_PROXY/HTTP_PROXY/NO_PROXY; `none`: always direct. */
  proxy?: 'env' | 'none';
  /** Cache of validators and bodies for conditional requests; false for one-shot use (e.g. `check`). */
  cache?: false | { maxEntries?: number; maxBytes?: number };
  /** Upper bound on simultaneous connections to one origin. */
  connectionsPerOrigin?: number;
  /** Clock for Retry-After dates. */
  now?: () => number;
  /** Use this dispatcher instead of creating one (tests). */
  dispatcher?: Dispatcher;
  /** Name resolution for direct connections (tests map made-up names to loopback). Default: dns.lookup. */
  lookup?: LookupFunction;
  /** Which addresses count as public, so that a redirect from one may not lead to another kind (tests). */
  isPublicAddress?: AddressPolicy;
}

interface CacheEntry {
  etag: string | undefined;
  lastModified: string | undefined;
  finalUrl: string;
  headers: Record<string, string>;
  /** The body the validators vouch for, deflated: status JSON shrinks about tenfold. */
  deflated: Buffer;
  askedAt: number;
}

/** A URL nobody asked for in this long is no longer watched: its validators go. */
const UNWATCHED_AFTER_MS = 24 * 3600_000;

/**
 * Validators (ETag, Last-Modified) and the body they vouch for, one entry per URL. Not an LRU sized below
 * the watchlist (2,000 vendors ask for 4,000 URLs a cycle): an entry stays while its URL is asked for,
 * up to a count far above any watchlist and a byte budget on the deflated bodies, and goes with `forget`
 * or once its URL has not been asked for in a day (it is no longer watched).
 */
class ValidatorCache {
  private readonly entries = new Map<string, CacheEntry>();
  private bytes = 0;
  private sweptAt: number;
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly now: () => number,
  ) {
    this.sweptAt = now();
  }
  get(url: string): (Omit<CacheEntry, 'deflated' | 'askedAt'> & { body: Buffer }) | undefined {
    const hit = this.entries.get(url);
    if (!hit) return undefined;
    // Most recently asked last, so that the budget, if ever reached, drops what nobody asks for any more.
    this.entries.delete(url);
    this.entries.set(url, hit);
    hit.askedAt = this.now();
    const { deflated, askedAt: _askedAt, ...rest } = hit;
    return { ...rest, body: inflateRawSync(deflated) };
  }
  set(url: string, entry: Omit<CacheEntry, 'deflated' | 'askedAt'> & { body: Buffer }): void {
    this.delete(url);
    const { body, ...rest } = entry;
    const deflated = deflateRawSync(body);
    const size = deflated.length + url.length;
    if (size > this.maxBytes) return;
    const now = this.now();
    this.entries.set(url, { ...rest, deflated, askedAt: now });
    this.bytes += size;
    for (const [key] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(key);
    }
    if (now - this.sweptAt > UNWATCHED_AFTER_MS / 24) {
      this.sweptAt = now;
      for (const [key, e] of this.entries) if (now - e.askedAt > UNWATCHED_AFTER_MS) this.delete(key);
    }
  }
  delete(url: string): void {
    const old = this.entries.get(url);
    if (old) {
      this.entries.delete(url);
      this.bytes -= old.deflated.length + url.length;
    }
  }
  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

const TIMEOUT = Symbol('timeout');

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function duration(ms: number): string {
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

function decodersFor(encoding: string | undefined): Transform[] | null {
  if (!encoding) return [];
  const list = encoding
    .toLowerCase()
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e && e !== 'identity');
  const decoders: Transform[] = [];
  // Encodings are listed in the order applied: undo them from last to first.
  for (const e of list.reverse()) {
    if (e === 'gzip' || e === 'x-gzip') decoders.push(createGunzip());
    else if (e === 'br') decoders.push(createBrotliDecompress());
    else if (e === 'deflate') decoders.push(deflateDecoder());
    else return null;
  }
  return decoders;
}

/** "deflate" is zlib-wrapped by the spec, raw in some servers: look at the first byte to tell. */
function deflateDecoder(): Transform {
  let inner: Transform | null = null;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!inner) {
        inner = (chunk[0]! & 0x0f) === 0x08 ? createInflate() : createInflateRaw();
        inner.on('data', (d: Buffer) => this.push(d));
        inner.on('error', (e) => this.destroy(e));
      }
      inner.write(chunk, () => done());
    },
    flush(done) {
      if (!inner) return done();
      inner.end(() => done());
    },
  });
}

async function readBody(
  body: Readable,
  headers: Record<string, string>,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const host = hostOf(url);
  const tooLarge = () =>
    new FetchError('too_large', `${host} sent more than ${megabytes(maxBytes)}; stopped reading`);
  const decoders = decodersFor(headers['content-encoding']);
  if (decoders === null) {
    discard(body);
    throw new FetchError(
      'parse',
      `${host} used an unknown content encoding "${headers['content-encoding']}"`,
    );
  }
  const declared = Number(headers['content-length']);
  if (decoders.length === 0 && Number.isFinite(declared) && declared > maxBytes) {
    discard(body);
    throw tooLarge();
  }
  const source: Readable =
    decoders.length === 0
      ? body
      : (pipeline(body, ...(decoders as [Transform, ...Transform[]]), () => {}) as unknown as Readable);
  // Flowing mode with plain listeners: cheaper than an async iterator on the hot path.
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const fail = (err: unknown) => {
      if (done) return;
      done = true;
      discard(body);
      if (source !== body) discard(source);
      reject(err);
    };
    source.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) return fail(tooLarge());
      chunks.push(chunk);
    });
    source.once('error', fail);
    source.once('end', () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    });
    source.once('close', () => {
      if (!done)
        fail(Object.assign(new Error('the connection closed before the body ended'), { code: 'ECONNRESET' }));
    });
  });
}

/** Drop a body we will not read; undici reports the abort as an error nobody needs to hear. */
function discard(stream: Readable): void {
  stream.on('error', () => {});
  stream.destroy();
}

function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in raw) {
    const v = raw[key];
    if (v !== undefined) out[key] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

const STATUS_TEXT: Record<number, string> = {
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

/** Whether the environment names a proxy (EnvHttpProxyAgent costs a NO_PROXY check per request). */
function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.HTTP_PROXY || env.http_proxy || env.HTTPS_PROXY || env.https_proxy);
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const defaultMaxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const userAgent = options.userAgent ?? USER_AGENT;
  const now = options.now ?? Date.now;
  const cache =
    options.cache === false
      ? null
      : new ValidatorCache(
          options.cache?.maxEntries ?? 50_000,
          options.cache?.maxBytes ?? 64 * 1024 * 1024,
          now,
        );
  const agentOptions = {
    connect: { timeout: defaultTimeout },
    connections: options.connectionsPerOrigin ?? 6,
    keepAliveTimeout: 4_000,
    // Our own deadline covers these; undici's are a backstop.
    headersTimeout: defaultTimeout,
    bodyTimeout: defaultTimeout,
  };
  const isPublic = options.isPublicAddress ?? isPublicAddress;
  const connected = new ConnectedAddresses();
  const direct = !options.dispatcher && !(options.proxy !== 'none' && proxyConfigured(process.env));
  const connector = (refuseUnless?: AddressPolicy) =>
    addressConnector({
      timeout: defaultTimeout,
      connected,
      ...(options.lookup ? { lookup: options.lookup } : {}),
      ...(refuseUnless ? { refuseUnless } : {}),
    });
  const dispatcher: Dispatcher =
    options.dispatcher ??
    (direct ? new Agent({ ...agentOptions, connect: connector() }) : new EnvHttpProxyAgent(agentOptions));
  // Redirect hops after a public one go through connections that refuse a non-public address. Behind a
  // proxy the proxy connects, so the best we can do there is resolve the name ourselves just before.
  const guarded: Dispatcher = direct
    ? new Agent({ ...agentOptions, connect: connector(isPublic) })
    : dispatcher;

  /** Whether the hop just answered came from a public address (unknown: assume so, the safer side). */
  function hopWasPublic(url: URL): boolean {
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const address = connected.get(hostname) ?? (net.isIP(hostname) ? hostname : undefined);
    return address === undefined || isPublic(address);
  }

  /** Behind a proxy or an injected dispatcher: refuse a redirect whose name resolves, now, to a non-public address. */
  async function precheck(from: URL, to: URL): Promise<void> {
    const hostname = to.hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    if (net.isIP(hostname)) addresses = [hostname];
    else if (options.dispatcher) return;
    else {
      try {
        addresses = (await dns.lookup(hostname, { all: true })).map((a) => a.address);
      } catch {
        return; // the proxy will say it cannot find it
      }
    }
    const bad = addresses.find((a) => !isPublic(a));
    if (bad) throw blockedRedirectError(from.host, to.host, bad);
  }

  let closed = false;

  async function get(url: string, opts: HttpGetOptions = {}): Promise<HttpResponse> {
    const timeoutMs = opts.timeoutMs ?? defaultTimeout;
    const maxBytes = opts.maxBytes ?? defaultMaxBytes;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
    const outer = opts.signal;
    const onOuterAbort = () => controller.abort(outer?.reason);
    if (outer) {
      if (outer.aborted) controller.abort(outer.reason);
      else outer.addEventListener('abort', onOuterAbort, { once: true });
    }
    try {
      return await fetchFollowing(url, opts, timeoutMs, maxBytes, controller.signal);
    } catch (err) {
      if (controller.signal.aborted && controller.signal.reason === TIMEOUT) {
        throw new FetchError('timeout', `${hostOf(url)} did not answer within ${seconds(timeoutMs)}`, {
          cause: err,
        });
      }
      if (outer?.aborted) {
        throw new FetchError('network', `Reading ${hostOf(url)} was cancelled`, { cause: err });
      }
      throw classifyError(err, url, timeoutMs);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  async function fetchFollowing(
    url: string,
    opts: HttpGetOptions,
    timeoutMs: number,
    maxBytes: number,
    signal: AbortSignal,
  ): Promise<HttpResponse> {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      throw new FetchError('invalid_url', `"${redactCredentials(url)}" is not a valid URL`);
    }
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw new FetchError('invalid_url', `"${redactCredentials(url)}" is not an http(s) URL`);
    }
    if (current.username || current.password) {
      throw new FetchError(
        'invalid_url',
        `The address for ${current.host} contains a user name or password, which StatusTray never sends`,
      );
    }
    const cached = opts.conditional === false ? undefined : cache?.get(url);
    // Set once a hop was answered from a public address: from then on no hop may reach a private one.
    let fromPublic = false;
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = {
        'user-agent': userAgent,
        accept: 'application/json, text/html;q=0.9, */*;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
        ...opts.headers,
      };
      if (cached?.etag) headers['if-none-match'] = cached.etag;
      if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
      const res = await request(current, {
        dispatcher: fromPublic ? guarded : dispatcher,
        method: 'GET',
        headers,
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const status = res.statusCode;
      const resHeaders = flatHeaders(res.headers);
      const host = current.host;

      if (status >= 300 && status < 400 && status !== 304 && resHeaders.location) {
        discard(res.body);
        if (hop >= MAX_REDIRECTS) {
          throw new FetchError(
            'redirect',
            `${hostOf(url)} redirected more than ${MAX_REDIRECTS} times (a redirect loop?)`,
            { status },
          );
        }
        let next: URL;
        try {
          next = new URL(resHeaders.location, current);
        } catch {
          throw new FetchError('redirect', `${host} redirected to an invalid address`, { status });
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new FetchError('redirect', `${host} redirected to a non-web address (${next.protocol})`, {
            status,
          });
        }
        fromPublic ||= hopWasPublic(current);
        if (fromPublic && guarded === dispatcher) await precheck(current, next);
        // Credentials a page puts in a Location are neither sent nor kept.
        next.username = '';
        next.password = '';
        current = next;
        continue;
      }

      if (status === 304 && cached) {
        discard(res.body);
        return {
          url,
          finalUrl: current.href,
          status: 200,
          headers: { ...cached.headers, ...resHeaders },
          body: cached.body,
          notModified: true,
        };
      }

      if (status < 200 || status >= 300) {
        discard(res.body);
        const retryAfterMs =
          status === 429 || status === 503 ? parseRetryAfter(resHeaders['retry-after'], now()) : undefined;
        const retry = retryAfterMs !== undefined ? `; it asks to retry in ${duration(retryAfterMs)}` : '';
        const path = current.pathname === '/' ? '' : ` for ${current.pathname}`;
        if (status === 429) {
          throw new FetchError('rate_limited', `${host} is rate-limiting requests (HTTP 429)${retry}`, {
            status,
            retryAfterMs,
          });
        }
        const text = STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : '';
        throw new FetchError('http', `${host} answered HTTP ${status}${text}${path}${retry}`, {
          status,
          retryAfterMs,
        });
      }

      const body = await readBody(res.body, resHeaders, maxBytes, current.href);
      if (cache) {
        const etag = resHeaders.etag;
        const lastModified = resHeaders['last-modified'];
        if (etag || lastModified) {
          cache.set(url, { etag, lastModified, finalUrl: current.href, headers: resHeaders, body });
        } else {
          cache.delete(url);
        }
      }
      return { url, finalUrl: current.href, status, headers: resHeaders, body, notModified: false };
    }
  }

  return {
    get,
    forget: (url) => cache?.delete(url),
    cacheStats: () => cache?.stats() ?? { entries: 0, bytes: 0 },
    close: async () => {
      if (closed || options.dispatcher) return;
      closed = true;
      await Promise.all([dispatcher.close(), guarded === dispatcher ? undefined : guarded.close()]);
    },
  };
}

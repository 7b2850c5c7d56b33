// The HTTP client of the engine, on undici: one budget per request (connect, headers and the whole body),
// a cap on the decompressed body, manual redirects (at most 5), proxies from the environment, conditional
// requests from a bounded per-URL cache, Retry-After, redirects that may not lead from a public address to a
// private one (checked at connect time, see ./address-guard), and every failure turned into a FetchError a
// person can read.
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import dns from 'node:dns/promises';
import net from 'node:net';
import {
  addressConnector,
  blockedRedirectError,
  ConnectedAddresses,
  isPublicAddress,
  type AddressPolicy,
  type LookupFunction,
} from './address-guard';
import { discard, drain, flatHeaders, readBody } from './body';
import { classifyError, duration, hostOf, parseRetryAfter, seconds, STATUS_TEXT } from './errors';
import { FetchError, type HttpClient, type HttpGetOptions, type HttpResponse } from './types';
import { ValidatorCache } from './validator-cache';
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

export { classifyError, parseRetryAfter } from './errors';

const TIMEOUT = Symbol('timeout');

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
        drain(res.body);
        // Inflated when first read: a caller that knows it has read this very body before never asks.
        let body: Buffer | null = null;
        return {
          url,
          finalUrl: current.href,
          status: 200,
          headers: { ...cached.headers, ...resHeaders },
          get body() {
            return (body ??= cached.body());
          },
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

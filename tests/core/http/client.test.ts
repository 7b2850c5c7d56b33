// The engine's HTTP client against hostile and ordinary servers on loopback.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { createHttpClient, USER_AGENT } from '../../../electron/core/http/client';
import { FetchError, type HttpClient } from '../../../electron/core/http/types';
import { startServer, nextLoopbackHost, type FakeServer } from '../../fakes/server';
import {
  binaryGarbage,
  drip,
  gzipBomb,
  hugeBody,
  neverAnswer,
  redirectLoop,
  resetConnection,
  respond,
} from '../../fakes/hostile';

let server: FakeServer;
let client: HttpClient;
const JSON_BODY = JSON.stringify({ hello: 'world', list: Array.from({ length: 100 }, (_, i) => i) });

beforeAll(async () => {
  server = await startServer();
  const etag = '"v1"';
  server.route('/plain', respond(200, JSON_BODY, { 'content-type': 'application/json' }));
  server.route('/etag', (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      return res.end();
    }
    res.writeHead(200, { etag, 'content-type': 'application/json' });
    res.end(JSON_BODY);
  });
  server.route('/modified', (req, res) => {
    const lm = 'Tue, 24 Nov 2026 10:00:00 GMT';
    if (req.headers['if-modified-since'] === lm) {
      res.writeHead(304);
      return res.end();
    }
    res.writeHead(200, { 'last-modified': lm });
    res.end(JSON_BODY);
  });
  server.route('/gzip', respond(200, gzipSync(JSON_BODY), { 'content-encoding': 'gzip' }));
  server.route('/br', respond(200, brotliCompressSync(JSON_BODY), { 'content-encoding': 'br' }));
  server.route('/deflate', respond(200, deflateSync(JSON_BODY), { 'content-encoding': 'deflate' }));
  server.route('/deflate-raw', respond(200, deflateRawSync(JSON_BODY), { 'content-encoding': 'deflate' }));
  server.route('/bad-gzip', respond(200, Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }));
  server.route('/never', neverAnswer);
  server.route('/drip', drip(20));
  server.route('/huge', hugeBody(500 * 1024 * 1024));
  server.route('/huge-declared', hugeBody(500 * 1024 * 1024, true));
  server.route('/bomb', gzipBomb());
  server.route('/reset', resetConnection);
  server.route('/loop', redirectLoop);
  server.route('/hop1', respond(301, '', { location: '/hop2' }));
  server.route('/hop2', respond(307, '', { location: '/plain' }));
  server.route('/to-ftp', respond(302, '', { location: 'ftp://example.invalid/x' }));
  server.route('/500', respond(500, 'oops'));
  server.route('/429', respond(429, 'slow down', { 'retry-after': '120' }));
  server.route('/503', respond(503, 'down', { 'retry-after': 'Tue, 24 Nov 2026 12:05:00 GMT' }));
  server.route('/garbage', binaryGarbage());
  server.route('/empty', respond(200, ''));
});
afterAll(() => server.close());

afterEach(async () => {
  await client?.close();
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  }
  throw new Error('expected the request to fail');
}

describe('HTTP client', () => {
  it('reads a body and introduces itself', async () => {
    client = createHttpClient({ proxy: 'none' });
    const res = await client.get(server.url('/plain'));
    expect(JSON.parse(res.body.toString())).toEqual(JSON.parse(JSON_BODY));
    expect(res.notModified).toBe(false);
    const seen = server.requests.find((r) => r.path === '/plain')!;
    expect(seen.headers['user-agent']).toBe(USER_AGENT);
    expect(seen.headers['user-agent']).toMatch(
      /^StatusTray\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/statustray\)$/,
    );
    expect(seen.headers['accept-encoding']).toContain('gzip');
  });

  it.each(['/gzip', '/br', '/deflate', '/deflate-raw'])('decompresses %s', async (path) => {
    client = createHttpClient({ proxy: 'none' });
    const res = await client.get(server.url(path));
    expect(res.body.toString()).toBe(JSON_BODY);
  });

  it('reports a corrupt compressed body as a parse error', async () => {
    client = createHttpClient({ proxy: 'none' });
    const err = await failure(client.get(server.url('/bad-gzip')));
    expect(err.kind).toBe('parse');
  });

  it('costs a 304 when the page has not changed (ETag), and reads fully after forget', async () => {
    client = createHttpClient({ proxy: 'none' });
    const first = await client.get(server.url('/etag'));
    const second = await client.get(server.url('/etag'));
    expect(second.notModified).toBe(true);
    expect(second.body.toString()).toBe(first.body.toString());
    const conditional = server.requests.filter((r) => r.path === '/etag').at(-1)!;
    expect(conditional.headers['if-none-match']).toBe('"v1"');
    client.forget(server.url('/etag'));
    expect((await client.get(server.url('/etag'))).notModified).toBe(false);
    expect((await client.get(server.url('/etag'), { conditional: false })).notModified).toBe(false);
  });

  it('uses Last-Modified when there is no ETag', async () => {
    client = createHttpClient({ proxy: 'none' });
    await client.get(server.url('/modified'));
    const again = await client.get(server.url('/modified'));
    expect(again.notModified).toBe(true);
    expect(again.body.toString()).toBe(JSON_BODY);
  });

  it('keeps its cache bounded: the least recently used URL is forgotten first', async () => {
    client = createHttpClient({ proxy: 'none', cache: { maxEntries: 1 } });
    await client.get(server.url('/etag'));
    await client.get(server.url('/modified'));
    expect((await client.get(server.url('/etag'))).notModified).toBe(false);
  });

  it('has no cache when told so', async () => {
    client = createHttpClient({ proxy: 'none', cache: false });
    await client.get(server.url('/etag'));
    expect((await client.get(server.url('/etag'))).notModified).toBe(false);
  });

  it('times out a server that never answers, with a sentence a person understands', async () => {
    client = createHttpClient({ proxy: 'none' });
    const err = await failure(client.get(server.url('/never'), { timeoutMs: 300 }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe(`${server.host}:${server.port} did not answer within 0.3 s`);
  });

  it('times out a server that drips bytes (the budget covers the whole body)', async () => {
    client = createHttpClient({ proxy: 'none' });
    const err = await failure(client.get(server.url('/drip'), { timeoutMs: 400 }));
    expect(err.kind).toBe('timeout');
  });

  it('stops reading a 500 MB body at the cap', async () => {
    client = createHttpClient({ proxy: 'none' });
    const err = await failure(client.get(server.url('/huge'), { maxBytes: 1024 * 1024 }));
    expect(err.kind).toBe('too_large');
    expect(err.message).toContain('more than 1 MB');
  });

  it('refuses a declared oversized body before reading it', async () => {
    client = createHttpClient({ proxy: 'none' });
    const err = await failure(client.get(server.url('/huge-declared')));
    expect(err.kind).toBe('too_large');
    expect(err.message).toContain('more than 10 MB');
  });

  it('stops a gzip bomb at the decompressed cap', async () => {
    client = createHttpClient({ proxy: 'none', maxBytes: 2 * 1024 * 1024 });
    const before = process.memoryUsage().arrayBuffers;
    const err = await failure(client.get(server.url('/bomb')));
    expect(err.kind).toBe('too_large');
    // 1 GB inflated would show here; the cap keeps it to a few MB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('follows up to 5 redirects and reports a loop', async () => {
    client = createHttpClient({ proxy: 'none' });
    const res = await client.get(server.url('/hop1'));
    expect(res.finalUrl).toBe(server.url('/plain'));
    expect(res.url).toBe(server.url('/hop1'));
    const before = server.count('/loop');
    const err = await failure(client.get(server.url('/loop')));
    expect(err.kind).toBe('redirect');
    expect(server.count('/loop') - before).toBe(6);
    expect((await failure(client.get(server.url('/to-ftp')))).kind).toBe('redirect');
  });

  it('classifies HTTP errors and honours Retry-After', async () => {
    client = createHttpClient({ proxy: 'none', now: () => Date.parse('2026-11-24T12:00:00Z') });
    const e500 = await failure(client.get(server.url('/500')));
    expect(e500.kind).toBe('http');
    expect(e500.status).toBe(500);
    expect(e500.message).toContain('HTTP 500 Internal Server Error');
    const e429 = await failure(client.get(server.url('/429')));
    expect(e429.kind).toBe('rate_limited');
    expect(e429.retryAfterMs).toBe(120_000);
    expect(e429.message).toContain('retry in 2 min');
    const e503 = await failure(client.get(server.url('/503')));
    expect(e503.kind).toBe('http');
    expect(e503.retryAfterMs).toBe(5 * 60_000);
  });

  it('classifies connection failures', async () => {
    client = createHttpClient({ proxy: 'none', timeoutMs: 3000 });
    expect((await failure(client.get(server.url('/reset')))).kind).toBe('reset');
    const closed = await startServer();
    const closedUrl = closed.url('/');
    await closed.close();
    const refused = await failure(client.get(closedUrl));
    expect(refused.kind).toBe('refused');
    const dns = await failure(client.get('http://something.invalid/'));
    expect(dns.kind).toBe('dns');
    expect(dns.message).toBe('something.invalid could not be found (DNS lookup failed)');
    expect((await failure(client.get('ftp://example.com/'))).kind).toBe('invalid_url');
    expect((await failure(client.get('not a url'))).kind).toBe('invalid_url');
  });

  it('passes binary garbage and empty bodies through (parsing is the adapter’s job)', async () => {
    client = createHttpClient({ proxy: 'none' });
    expect((await client.get(server.url('/garbage'))).body.length).toBe(4096);
    expect((await client.get(server.url('/empty'))).body.length).toBe(0);
  });

  it('can be cancelled by the caller', async () => {
    client = createHttpClient({ proxy: 'none' });
    const controller = new AbortController();
    const pending = client.get(server.url('/never'), { signal: controller.signal, timeoutMs: 5000 });
    setTimeout(() => controller.abort(), 50);
    const err = await failure(pending);
    expect(err.message).toContain('cancelled');
  });
});

describe('HTTP client proxies', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  async function startProxy() {
    const tunnels: string[] = [];
    const forwarded: string[] = [];
    const host = nextLoopbackHost();
    const proxy = http.createServer((req, res) => {
      // Plain-HTTP forward proxying: the request line holds the absolute URL.
      forwarded.push(req.url ?? '');
      const target = new URL(req.url ?? '');
      const upstream = http.get(target, { headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.destroy());
    });
    proxy.on('connect', (req, socket, head) => {
      tunnels.push(req.url ?? '');
      const [h, p] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(p), h!, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, host, resolve));
    const port = (proxy.address() as net.AddressInfo).port;
    return {
      url: `http://${host}:${port}`,
      seen: () => [...tunnels, ...forwarded],
      close: () =>
        new Promise<void>((resolve) => {
          proxy.closeAllConnections();
          proxy.close(() => resolve());
        }),
    };
  }

  it('goes through HTTP_PROXY, and around it for hosts in NO_PROXY', async () => {
    const proxy = await startProxy();
    try {
      process.env.HTTP_PROXY = proxy.url;
      process.env.NO_PROXY = '';
      delete process.env.no_proxy;
      delete process.env.http_proxy;
      client = createHttpClient();
      const res = await client.get(server.url('/plain'));
      expect(res.body.toString()).toBe(JSON_BODY);
      expect(proxy.seen().join(' ')).toContain(`${server.host}:${server.port}`);
      await client.close();

      const before = proxy.seen().length;
      process.env.NO_PROXY = server.host;
      client = createHttpClient();
      await client.get(server.url('/plain'));
      expect(proxy.seen().length).toBe(before);
    } finally {
      await proxy.close();
    }
  });
});

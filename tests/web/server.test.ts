// The web host's HTTP surface: the bridge's channels over POST, the event stream, and the checks that keep
// other sites and other machines out.
import { request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createWebServer, type WebServer } from '../../electron/web/server';
import { createWebBridge } from '../../renderer/src/web-bridge';
import { createFakeCore, sampleState, type FakeCore } from './fake-core';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The access token as the page's scripts send it. */
const auth = (server: WebServer): Record<string, string> =>
  server.token ? { 'X-StatusTray-Token': server.token } : {};

function raw(
  server: WebServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${server.port}`, ...auth(server), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const postJson = (server: WebServer, channel: string, body?: string, headers: Record<string, string> = {}) =>
  raw(server, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });

const PAGE_POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'";
const INDEX_HTML = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}" /><title>StatusTray</title><div id="root"></div>`;

let staticDir: string;
let core: FakeCore;
let server: WebServer | null = null;

beforeAll(async () => {
  staticDir = await mkdtemp(path.join(tmpdir(), 'statustray-web-'));
  await mkdir(path.join(staticDir, 'assets'));
  await writeFile(path.join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log("app")');
  await writeFile(path.join(path.dirname(staticDir), 'statustray-secret.txt'), 'secret');
});
afterAll(async () => {
  await rm(staticDir, { recursive: true, force: true });
  await rm(path.join(path.dirname(staticDir), 'statustray-secret.txt'), { force: true });
});

async function start(options: { maxBodyBytes?: number } = {}): Promise<WebServer> {
  core = createFakeCore();
  server = await createWebServer({ core, staticDir, heartbeatMs: 0, ...options });
  return server;
}
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('web host: the bridge over HTTP', () => {
  it('answers a request channel with the core handler result as JSON', async () => {
    const s = await start();
    const res = await postJson(s, 'state:get');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual(sampleState());
    expect(core.calls).toEqual([{ channel: 'state:get', req: undefined }]);
  });

  it('passes the JSON body to the handler as its request', async () => {
    const s = await start();
    const res = await postJson(s, 'vendors:add', JSON.stringify({ url: 'https://status.kustomer.com' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).id).toBe('added');
    expect(core.calls[0]).toEqual({ channel: 'vendors:add', req: { url: 'https://status.kustomer.com' } });
  });

  it('answers 404 for an unknown channel, without calling the core', async () => {
    const s = await start();
    const res = await postJson(s, 'shell:exec', '{}');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).error).toMatch(/unknown channel/i);
    expect(core.calls).toEqual([]);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const s = await start();
    const res = await postJson(s, 'vendors:add', '{"url": ');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatch(/not valid JSON/);
    expect(core.calls).toEqual([]);
  });

  it('refuses a body over the size cap with 413', async () => {
    const s = await start({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ text: 'x'.repeat(5000) });
    const res = await postJson(s, 'watchlist:import', big);
    expect(res.status).toBe(413);
    expect(core.calls).toEqual([]);
    // A body just under the cap still goes through.
    const ok = await postJson(s, 'watchlist:import', JSON.stringify({ text: 'x'.repeat(900) }));
    expect(ok.status).toBe(200);
  });

  it('refuses a malformed request with 400 naming the field, before any handler runs', async () => {
    const s = await start();
    const res = await postJson(s, 'vendors:add', JSON.stringify({ url: 'javascript:alert(1)' }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatch(/^Enter an address that starts with https:\/\//);
    // An empty component name, which the store used to refuse at the next start (losing the vendor).
    const empty = await postJson(
      s,
      'vendors:add',
      JSON.stringify({ url: 'https://a.test', components: [''] }),
    );
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.body).error).toMatch(/^A component name cannot be empty/);
    const extra = await postJson(s, 'vendor:get', JSON.stringify({ id: 'a', evil: true }));
    expect(extra.status).toBe(400);
    expect(core.calls).toEqual([]);
  });

  it('returns an error thrown by a handler as 400 with a readable message', async () => {
    const s = await start();
    const res = await postJson(s, 'vendors:detect', JSON.stringify({ url: 'https://nothing.example' }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toBe('Enter an http(s) address.');
    // A zod-shaped error thrown deeper down is listed plainly, not as JSON.
    core.handlers['vendors:update'] = async () => {
      throw Object.assign(new Error('[{…}]'), {
        issues: [{ path: ['components', 0], message: 'Unknown component' }],
      });
    };
    const zod = await postJson(s, 'vendors:update', JSON.stringify({ id: 'a', components: ['x'] }));
    expect(JSON.parse(zod.body).error).toBe('components.0: Unknown component');
  });

  it('refuses a plain form post (not JSON) and a GET on a channel', async () => {
    const s = await start();
    const form = await raw(s, {
      method: 'POST',
      path: '/api/settings:update',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"theme":"dark"}',
    });
    expect(form.status).toBe(415);
    const get = await raw(s, { path: '/api/state:get' });
    expect(get.status).toBe(405);
    expect(core.calls).toEqual([]);
  });

  it('answers link:open with false in web mode and never asks the core to open anything', async () => {
    const s = await start();
    const res = await postJson(s, 'link:open', JSON.stringify({ url: 'https://status.kustomer.com' }));
    expect(JSON.parse(res.body)).toBe(false);
    expect(core.calls).toEqual([]);
  });

  it('the web bridge turns server errors into rejected Errors with the server message', async () => {
    const s = await start();
    const bridge = createWebBridge(`http://127.0.0.1:${s.port}`, s.token);
    await expect(bridge.invoke('state:get')).resolves.toEqual(sampleState());
    await expect(bridge.invoke('vendors:detect', { url: 'https://x.example' })).rejects.toThrow(
      'Enter an http(s) address.',
    );
    await expect(bridge.invoke('vendors:detect', { url: 'ftp://x' })).rejects.toThrow(
      /^Enter an address that starts with https:\/\//,
    );
    await expect(bridge.invoke('vendors:remove', { id: 'a' })).resolves.toBeNull();
  });
});

describe('web host: who may connect', () => {
  it('refuses a foreign Host header (DNS rebinding) and accepts localhost', async () => {
    const s = await start();
    const evil = await raw(s, { path: '/', headers: { Host: `attacker.example:${s.port}` } });
    expect(evil.status).toBe(421);
    const wrongPort = await raw(s, { path: '/', headers: { Host: `127.0.0.1:${s.port + 1}` } });
    expect(wrongPort.status).toBe(421);
    const local = await raw(s, { path: '/', headers: { Host: `localhost:${s.port}` } });
    expect(local.status).toBe(200);
  });

  it('refuses a cross-origin API call and sends no CORS headers', async () => {
    const s = await start();
    const cross = await postJson(s, 'settings:update', '{"theme":"dark"}', {
      Origin: 'http://attacker.example',
    });
    expect(cross.status).toBe(403);
    expect(cross.headers['access-control-allow-origin']).toBeUndefined();
    const fetchSite = await postJson(s, 'settings:update', '{"theme":"dark"}', {
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(fetchSite.status).toBe(403);
    expect(core.calls).toEqual([]);
    const same = await postJson(s, 'settings:update', '{"theme":"dark"}', {
      Origin: `http://127.0.0.1:${s.port}`,
    });
    expect(same.status).toBe(200);
    expect(same.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses to bind a non-loopback address without the explicit opt-in', async () => {
    core = createFakeCore();
    await expect(createWebServer({ core, staticDir, host: '0.0.0.0' })).rejects.toThrow(/Refusing to serve/);
  });

  it('says clearly when the port is taken', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(createWebServer({ core: createFakeCore(), staticDir, port })).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is already in use`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('web host: the page', () => {
  it('serves the app with its security headers', async () => {
    const s = await start();
    const res = await raw(s, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<div id="root">');
    // The same policy as the page declares, plus what only a header can say.
    expect(res.headers['content-security-policy']).toBe(`${PAGE_POLICY}; frame-ancestors 'none'`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const asset = await raw(s, { path: '/assets/app-1234.js' });
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('never serves a file outside the built renderer', async () => {
    const s = await start();
    for (const p of [
      '/../statustray-secret.txt',
      '/%2e%2e/statustray-secret.txt',
      '/assets/..%2f..%2fstatustray-secret.txt',
    ]) {
      const res = await raw(s, { path: p });
      expect(res.body).not.toContain('secret');
    }
    expect((await raw(s, { path: '/assets/missing.js' })).status).toBe(404);
    expect((await raw(s, { path: '/favicon.ico' })).status).toBe(204);
    // A client-side route gets the app.
    expect((await raw(s, { path: '/vendor/kustomer' })).body).toContain('<div id="root">');
  });
});

describe('web host: server-sent events', () => {
  it('never lets the first state of a new stream overtake a newer push', async () => {
    const s = await start();
    let release: () => void = () => {};
    const older = { ...sampleState(), tray: 'operational' as const };
    core.handlers['state:get'] = () => new Promise((resolve) => (release = () => resolve(older)));
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: s.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${s.port}`, ...auth(s) },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
            if (body.includes('major_outage')) {
              // The slow first read finishes only now, after the newer push went out.
              release();
              setTimeout(() => {
                req.destroy();
                resolve(body);
              }, 50);
            }
          });
          const { vendors: _v, ...summary } = { ...sampleState(), tray: 'major_outage' as const };
          core.push('state:patch', { seq: 1, since: 0, vendors: [], removed: [], summary });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(text).toContain('"tray":"major_outage"');
    expect(text).not.toContain('"tray":"operational"');
  });

  it('refuses event streams beyond its maximum with 503', async () => {
    core = createFakeCore();
    server = await createWebServer({ core, staticDir, heartbeatMs: 0, maxEventStreams: 1 });
    const s = server;
    const first = request({
      host: '127.0.0.1',
      port: s.port,
      path: '/api/events',
      headers: { Host: `127.0.0.1:${s.port}`, ...auth(s) },
    });
    await new Promise<void>((resolve) => first.on('response', () => resolve()).end());
    const second = await raw(s, { path: '/api/events' });
    expect(second.status).toBe(503);
    first.destroy();
  });

  it('streams which state is current, then patches (never the whole state), pushes and notifications, and ends the stream on close', async () => {
    const s = await start();
    const { vendors, ...summary } = sampleState();
    const patch = { seq: 1, since: 0, vendors: [vendors[0]!], removed: ['gone.test'], summary };
    const received: string[] = [];
    let markEnded: () => void = () => {};
    const ended = new Promise<void>((resolve) => (markEnded = resolve));
    const gotAll = new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: s.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${s.port}`, ...auth(s) },
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            received.push(chunk);
            const text = received.join('');
            if (text.includes('event: state:patch') && !text.includes('event: navigate')) {
              core.push('state:changed', { ...sampleState(), tray: 'degraded' });
              core.push('state:patch', patch);
              core.push('navigate', { vendorId: 'kustomer', incidentId: 'inc-1' });
              core.notify({
                key: 'k1',
                title: 'Kustomer: major outage',
                body: 'Workflow',
                severity: 'major_outage',
                target: { vendorId: 'kustomer' },
                at: '2026-11-24T10:00:00.000Z',
              });
            }
            if (text.includes('event: notification')) resolve();
          });
          res.on('end', () => markEnded());
        },
      );
      req.on('error', reject);
      req.end();
    });
    await gotAll;
    const text = received.join('');
    // First a patch that changes nothing and says which state is current (a page behind reads it again).
    const sync = { seq: 0, since: 0, vendors: [], removed: [], summary };
    expect(text.indexOf(`event: state:patch\ndata: ${JSON.stringify(sync)}\n\n`)).toBeGreaterThan(-1);
    expect(text).toContain(`event: state:patch\ndata: ${JSON.stringify(patch)}\n\n`);
    expect(text).not.toContain('event: state:changed');
    expect(text).toContain('event: navigate\ndata: {"vendorId":"kustomer","incidentId":"inc-1"}\n\n');
    expect(text).toContain('"title":"Kustomer: major outage"');
    expect(s.clients()).toBe(1);
    await s.close();
    server = null;
    // The stream ends (rather than hanging the browser's connection) when the server stops.
    await ended;
    expect(s.clients()).toBe(0);
  });
});

describe('web host: the access token', () => {
  it('refuses API calls and the event stream without the run token, and the core never hears of them', async () => {
    const s = await start();
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const none = await postJson(s, 'settings:update', '{"theme":"dark"}', { 'X-StatusTray-Token': '' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error).toMatch(/access key.*statustray web/);
    const wrong = await postJson(s, 'vendors:remove', '{"id":"a"}', { 'X-StatusTray-Token': 'guess' });
    expect(wrong.status).toBe(401);
    const events = await raw(s, { path: '/api/events', headers: { 'X-StatusTray-Token': '' } });
    expect(events.status).toBe(401);
    expect(core.calls).toEqual([]);
  });

  it('accepts the token as a header, as a Bearer token, and in the query (for EventSource and feeds)', async () => {
    const s = await start();
    const token = s.token!;
    expect((await postJson(s, 'state:get')).status).toBe(200);
    const bearer = await postJson(s, 'state:get', undefined, {
      'X-StatusTray-Token': '',
      Authorization: `Bearer ${token}`,
    });
    expect(bearer.status).toBe(200);
    const stream = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: s.port,
          path: `/api/events?token=${encodeURIComponent(token)}`,
          headers: { Host: `127.0.0.1:${s.port}` },
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(stream).toBe(200);
  });

  it('guards the feeds too: /metrics and /calendar.ics answer nobody without the token', async () => {
    const s = await start();
    for (const feed of ['/metrics', '/calendar.ics']) {
      const res = await raw(s, { path: feed, headers: { 'X-StatusTray-Token': '' } });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('makes a new token every run and prints an address that carries it', async () => {
    const first = await start();
    const firstToken = first.token;
    expect(first.openUrl).toBe(`${first.url}?token=${firstToken}`);
    await first.close();
    const second = await start();
    expect(second.token).not.toBe(firstToken);
  });

  it('needs no token with --no-token', async () => {
    core = createFakeCore();
    server = await createWebServer({ core, staticDir, heartbeatMs: 0, token: null });
    expect(server.openUrl).toBe(server.url);
    const res = await postJson(server, 'state:get');
    expect(res.status).toBe(200);
  });

  it('shows a page explaining how to open the dashboard to a link from another site, not a JSON error', async () => {
    const s = await start();
    const res = await raw(s, {
      path: '/',
      headers: {
        'X-StatusTray-Token': '',
        'Sec-Fetch-Site': 'cross-site',
        'Sec-Fetch-Mode': 'navigate',
        Accept: 'text/html',
      },
    });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Open StatusTray from its own address');
    expect(res.body).toContain('statustray web');
    expect(res.body).not.toContain('<div id="root">');
    // A script from another site still gets a short JSON refusal.
    const script = await postJson(s, 'state:get', undefined, { 'Sec-Fetch-Site': 'cross-site' });
    expect(script.status).toBe(403);
    expect(script.headers['content-type']).toMatch(/^application\/json/);
  });

  it('explains a wrong key in the address, and serves the page for the right one', async () => {
    const s = await start();
    const wrong = await raw(s, { path: '/?token=from-last-week', headers: { Accept: 'text/html' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toContain('Open StatusTray from its own address');
    const right = await raw(s, { path: `/?token=${s.token}`, headers: { Accept: 'text/html' } });
    expect(right.status).toBe(200);
    expect(right.body).toContain('<div id="root">');
  });
});

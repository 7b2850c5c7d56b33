// A vendor removed from the watchlist leaves nothing in the HTTP client's cache: the validators and
// bodies of the URLs its reads asked for go at once, not a day later; another vendor's stay.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../../../electron/core/http/client';
import type { HttpClient } from '../../../electron/core/http/types';
import { Monitor } from '../../../electron/core/monitor/monitor';
import type { ReadFn } from '../../../electron/core/monitor/types';
import { startServer, type FakeServer } from '../../fakes/server';
import { component, snapshot } from './helpers';

let server: FakeServer;
let http: HttpClient;
beforeAll(async () => {
  server = await startServer();
  server.fallback((req, res, url) => {
    const etag = `"v1-${url.pathname}"`;
    res.writeHead(req.headers['if-none-match'] === etag ? 304 : 200, {
      'content-type': 'application/json',
      etag,
    });
    res.end(req.headers['if-none-match'] === etag ? undefined : '{}');
  });
  http = createHttpClient({ proxy: 'none', timeoutMs: 10_000 });
});
afterAll(async () => {
  await http.close();
  await server.close();
});

/** Reads like a Statuspage adapter: two URLs per vendor, through the client the monitor hands it. */
const read: ReadFn = async (url, options) => {
  await options.http.get(`${url}/api/v2/summary.json`, { signal: options.signal });
  await options.http.get(`${url}/api/v2/incidents.json`, { signal: options.signal });
  return { snapshot: snapshot([component('c1', 'API', null)]), detection: null, notModified: false };
};

describe('removing a vendor', () => {
  it("forgets its URLs' validators at once and keeps the others'", async () => {
    const monitor = new Monitor({ read, http, intervalMs: 60_000 });
    const a = server.url('/a');
    const b = server.url('/b');
    monitor.setVendors([
      { id: 'a', entry: { url: a } },
      { id: 'b', entry: { url: b } },
    ]);
    monitor.start();
    try {
      await vi.waitFor(() => expect(http.cacheStats!().entries).toBe(4), { timeout: 20_000, interval: 20 });
      monitor.setVendors([{ id: 'a', entry: { url: a } }]);
      expect(http.cacheStats!().entries).toBe(2);
      // What stays is the remaining vendor's: its next read is still answered from its validators.
      const again = await http.get(`${a}/api/v2/summary.json`);
      expect(again.notModified).toBe(true);
      expect(http.cacheStats!().entries).toBe(2);
      monitor.setVendors([]);
      expect(http.cacheStats!()).toEqual({ entries: 0, bytes: 0 });
    } finally {
      await monitor.stop();
    }
  }, 30_000);

  it('forgets what a read still in flight brings back after its vendor was removed', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let readDone: () => void = () => {};
    const done = new Promise<void>((resolve) => (readDone = resolve));
    // A read that ignores the abort (as a slow adapter might) and answers after the removal.
    const lateRead: ReadFn = async (url, options) => {
      await gate;
      try {
        await options.http.get(`${url}/api/v2/summary.json`);
        return { snapshot: snapshot([component('c1', 'API', null)]), detection: null, notModified: false };
      } finally {
        readDone();
      }
    };
    const before = http.cacheStats!().entries;
    const monitor = new Monitor({ read: lateRead, http, intervalMs: 60_000 });
    monitor.setVendors([{ id: 'late', entry: { url: server.url('/late') } }]);
    monitor.start();
    try {
      monitor.setVendors([]);
      release();
      await done;
      expect(http.cacheStats!().entries).toBe(before);
    } finally {
      await monitor.stop();
    }
  }, 30_000);
});

// Revalidation at any watchlist size: the validators (ETag, Last-Modified) of every URL asked for stay
// while it is asked for, so a watchlist of 2,000 vendors (4,000 URLs a cycle) is answered 304 in steady
// state, as 200 vendors are. The bodies they vouch for are kept small (deflated).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../electron/core/http/client';
import type { HttpClient } from '../../../electron/core/http/types';
import { startServer, type FakeServer } from '../../fakes/server';

const URLS = 4_000;
const BODY = JSON.stringify({
  page: { id: 'p', name: 'Vendor' },
  components: Array.from({ length: 8 }, (_, i) => ({
    id: `c${i}`,
    name: `Component ${i}`,
    status: 'operational',
  })),
  incidents: [],
});

let server: FakeServer;
let http: HttpClient;
let notModified = 0;
beforeAll(async () => {
  server = await startServer();
  server.fallback((req, res, url) => {
    const etag = `"v1-${url.pathname}"`;
    if (req.headers['if-none-match'] === etag) {
      notModified++;
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', etag });
    res.end(BODY);
  });
  http = createHttpClient({ proxy: 'none', timeoutMs: 10_000, connectionsPerOrigin: 16 });
});
afterAll(async () => {
  await http.close();
  await server.close();
});

async function cycle(): Promise<void> {
  const paths = Array.from({ length: URLS }, (_, i) => server.url(`/v${i}/api/v2/summary.json`));
  for (let i = 0; i < paths.length; i += 64) {
    await Promise.all(
      paths.slice(i, i + 64).map(async (u) => {
        const res = await http.get(u);
        expect(res.body.toString()).toBe(BODY);
      }),
    );
  }
}

describe('revalidation with a large watchlist', () => {
  it('answers ≥ 90% of a steady-state cycle of 4,000 URLs with 304, with the body intact', async () => {
    await cycle();
    notModified = 0;
    await cycle();
    expect(notModified / URLS).toBeGreaterThanOrEqual(0.9);
    // What keeping them costs stays small: deflated bodies, a few hundred bytes a URL.
    const stats = http.cacheStats!();
    expect(stats.entries).toBe(URLS);
    expect(stats.bytes / URLS).toBeLessThan(400);
  }, 120_000);
});

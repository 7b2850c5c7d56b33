// Instatus: summary.json + v2/components.json, and the page's own __NEXT_DATA__.
import { instatusFromPage, parseInstatus } from '../../../electron/core/platforms/instatus';
import type { Json } from '../../../electron/core/platforms/common/values';
import {
  fixtureJson,
  readThroughEngine,
  serveFixture,
  startPlatformFake,
  type PlatformFake,
} from '../../fakes/platforms';
import { startServer, type FakeServer } from '../../fakes/server';

const summary = fixtureJson<Json>('instatus', 'summary.json');
const components = fixtureJson<Json>('instatus', 'components.json').components;

describe('Instatus JSON', () => {
  const read = parseInstatus(summary, components, 'https://nimbus.instatus.com');

  it('maps every component status, groups from parents and group objects, integer ids as strings', () => {
    expect(read.components.map((c) => [c.id, c.group, c.status])).toEqual([
      ['cmp-web', null, 'operational'],
      ['cmp-rest', 'API', 'major_outage'],
      ['cmp-gql', 'API', 'partial_outage'],
      ['cmp-ws', 'API', 'degraded'],
      ['cmp-db', 'Data', 'maintenance'],
      ['cmp-cdn', 'Data', 'degraded'],
      ['77', null, 'unknown'],
    ]);
  });

  it('reads incidents with impact and progress; unknown values stay unknown', () => {
    const login = read.incidents.find((i) => i.id === 'cl0incident01')!;
    expect(login).toMatchObject({
      impact: 'major',
      status: 'identified',
      startedAt: '2026-11-24T09:41:00.000Z',
    });
    const odd = read.incidents.find((i) => i.id === '42')!;
    expect(odd).toMatchObject({
      impact: 'unknown',
      status: 'unknown',
      startedAt: '2026-11-24T08:00:00.000Z',
    });
  });

  it('reads maintenances, their window from start and duration (minutes, string or number)', () => {
    const db = read.incidents.find((i) => i.id === 'cl0maint01')!;
    expect(db).toMatchObject({
      kind: 'maintenance',
      status: 'in_progress',
      scheduledUntil: '2026-11-24T10:00:00.000Z',
    });
    const net = read.incidents.find((i) => i.id === 'cl0maint02')!;
    expect(net).toMatchObject({ status: 'scheduled', scheduledUntil: '2026-12-01T23:00:00.000Z' });
  });

  it('says summary.json tells no updates and no history', () => {
    expect(read.vendor.lacks).toEqual(['history', 'updates']);
  });
});

describe('reading Instatus over HTTP', () => {
  let fake: PlatformFake;
  let pageOnly: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('instatus');
    pageOnly = await startPlatformFake('instatus', { pageOnly: true });
  });
  afterAll(async () => {
    await fake.close();
    await pageOnly.close();
  });

  it('reads the summary.json address with components.json', async () => {
    const snap = await readThroughEngine(fake.apiUrl);
    expect(snap).toMatchObject({ error: null, status: 'major_outage' });
    expect(snap.components).toHaveLength(7);
  });

  it("reads the page's own address, with every update, when no JSON endpoint answers", async () => {
    const snap = await readThroughEngine(pageOnly.pageUrl!);
    expect(snap.error).toBeNull();
    expect(snap.vendor).toMatchObject({ platform: 'instatus', name: 'Nimbus', lacks: ['history'] });
    const login = snap.incidents.find((i) => i.id === 'cl0incident01')!;
    expect(login.updates.map((u) => [u.status, u.at])).toEqual([
      ['investigating', '2026-11-24T09:41:00.000Z'],
      ['identified', '2026-11-24T09:45:00.000Z'],
    ]);
  });

  it('does not take a page that merely mentions Instatus for one', () => {
    expect(instatusFromPage('<html><body>We compared Instatus and others.</body></html>')).toBeNull();
  });
});

describe('real Instatus pages: the JSON API first, the state the page embeds when the API is gone', () => {
  let outage: FakeServer;
  let calm: FakeServer;
  let full: PlatformFake;
  const page = (file: string) => serveFixture('instatus', file);
  beforeAll(async () => {
    // summary.json and components.json answer 404 (moved, blocked): only the page is there.
    outage = await startServer({ routes: { '/': page('mastodon-social-page.html') } });
    calm = await startServer({ routes: { '/status/': page('whereby-page.html') } });
    full = await startPlatformFake('instatus');
  });
  afterAll(async () => {
    await outage.close();
    await calm.close();
    await full.close();
  });

  it('reads an outage from the embedded state when summary.json answers 404, and says so', async () => {
    const snap = await readThroughEngine(outage.origin + '/');
    expect(snap.error).toBeNull();
    expect(snap.vendor).toMatchObject({ platform: 'instatus', name: 'mastodon.social', source: 'embedded' });
    expect(snap.status).toBe('major_outage');
    expect(snap.components.map((c) => [c.name, c.status])).toEqual([
      ['Media storage', 'operational'],
      ['Website & API', 'major_outage'],
      ['Streaming API', 'major_outage'],
      ['Background queues', 'major_outage'],
    ]);
    const open = snap.incidents[0]!;
    expect(open).toMatchObject({
      title: 'Connectivity/timeout issues with sidekiq',
      status: 'monitoring',
      resolvedAt: null,
      startedAt: '2025-12-17T14:00:00.000Z',
    });
    expect(open.updates[0]).toMatchObject({ status: 'investigating', at: '2025-12-17T14:00:00.000Z' });
    expect(open.updates[0]!.body).toMatch(/^There appears to be an issue with connection timeouts/);
    expect(outage.count('/summary.json')).toBeGreaterThan(0);
  });

  it("reads an all-operational page under a path, with the page's recent notices as history", async () => {
    const snap = await readThroughEngine(calm.origin + '/status/');
    expect(snap.error).toBeNull();
    expect(snap.vendor).toMatchObject({ name: 'Whereby', source: 'embedded' });
    expect(snap.status).toBe('operational');
    expect(snap.components.map((c) => c.name)).toEqual([
      'Meeting rooms',
      'whereby.com',
      'Admin dashboard',
      'Embedded API',
    ]);
    const past = snap.incidents.find((i) => i.title === 'New signups are unable to join rooms')!;
    expect(past).toMatchObject({
      status: 'resolved',
      impact: 'major',
      resolvedAt: '2026-02-16T16:44:38.502Z',
    });
    expect(calm.count('/status/summary.json')).toBeGreaterThan(0);
  });

  it('reads the JSON API first when it answers, even for a page found by its HTML', async () => {
    const snap = await readThroughEngine(full.pageUrl!);
    expect(snap.error).toBeNull();
    expect(snap.vendor.source).toBe('api');
    // components.json's seven components, not the page's own copy.
    expect(snap.components).toHaveLength(7);
  });

  it('reports the API failure, naming the page too, when neither way in answers', async () => {
    const neither = await startServer({
      routes: {
        '/': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(
            '<html><head><meta property="og:image" content="https://x.instatus.com/api/og"></head></html>',
          );
        },
      },
    });
    try {
      const snap = await readThroughEngine(neither.origin + '/');
      expect(snap.vendor.platform).toBe('instatus');
      expect(snap.error).toMatchObject({
        kind: 'http',
        message: expect.stringMatching(/404.*page embeds no status data/),
      });
    } finally {
      await neither.close();
    }
  });
});

describe("an Instatus summary found at Statuspage's /api/v2/summary.json is read as Instatus", () => {
  let calm: FakeServer;
  let busy: FakeServer;
  beforeAll(async () => {
    const asJson = (file: string) => serveFixture('instatus', file, 'application/json; charset=utf-8');
    const page = (_req: unknown, res: import('node:http').ServerResponse) => {
      // A custom-domain page that names no platform in its HTML.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><head><title>Status</title></head><body>Loading…</body></html>');
    };
    calm = await startServer({
      routes: {
        '/': page,
        '/api/v2/summary.json': asJson('wistia-summary.json'),
        '/v2/components.json': asJson('wistia-components.json'),
      },
    });
    busy = await startServer({
      routes: { '/api/v2/summary.json': asJson('documented-hasissues-summary.json') },
    });
  });
  afterAll(async () => {
    await calm.close();
    await busy.close();
  });

  it('reads the address /api/v2/summary.json given by hand as Instatus, with its components', async () => {
    const snap = await readThroughEngine(calm.origin + '/api/v2/summary.json');
    expect(snap.error).toBeNull();
    expect(snap.vendor).toMatchObject({ platform: 'instatus', name: 'Wistia' });
    expect(snap.status).toBe('operational');
    expect(snap.components.map((c) => [c.name, c.status])).toEqual([['Group Record', 'operational']]);
  });

  it('recognises the page by the document at /api/v2/summary.json when its HTML names no platform', async () => {
    const snap = await readThroughEngine(calm.origin + '/');
    expect(snap.error).toBeNull();
    expect(snap.vendor).toMatchObject({ platform: 'instatus', name: 'Wistia' });
  });

  it("moves a page remembered as Statuspage over to Instatus when its summary turns out to be Instatus's", async () => {
    const { createHttpClient } = await import('../../../electron/core/http/client');
    const { readSnapshot } = await import('../../../electron/core/read');
    const http = createHttpClient({ proxy: 'none' });
    try {
      const cached = {
        platform: 'statuspage' as const,
        pageUrl: calm.origin,
        apiUrl: `${calm.origin}/api/v2`,
      };
      const out = await readSnapshot(calm.origin, { http, detection: cached, timeoutMs: 5000 });
      expect(out.snapshot.error).toBeNull();
      expect(out.snapshot.vendor).toMatchObject({ platform: 'instatus', name: 'Wistia' });
      // The next poll goes straight to the Instatus reader.
      expect(out.detection).toMatchObject({
        platform: 'instatus',
        apiUrl: `${calm.origin}/api/v2/summary.json`,
      });
    } finally {
      await http.close();
    }
  });

  it('reads an open incident and a planned maintenance from it, never "not a Statuspage summary"', async () => {
    const snap = await readThroughEngine(busy.origin + '/api/v2/summary.json');
    expect(snap.error).toBeNull();
    expect(snap.vendor.platform).toBe('instatus');
    expect(snap.status).toBe('major_outage');
    expect(snap.incidents.map((i) => [i.title, i.status, i.kind])).toEqual([
      ["We're facing an issue with our API", 'investigating', 'incident'],
      ['Database maintenance', 'scheduled', 'maintenance'],
    ]);
  });
});

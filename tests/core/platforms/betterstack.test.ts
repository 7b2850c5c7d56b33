// Better Stack: the status page's JSON:API document, from /index.json or embedded in the page.
import { betterstackFromPage, parseBetterstack } from '../../../electron/core/platforms/betterstack';
import type { Json } from '../../../electron/core/platforms/common/values';
import { startServer, type FakeServer } from '../../fakes/server';
import {
  fixtureJson,
  inertiaPage,
  readThroughEngine,
  serveFixture,
  startPlatformFake,
  type PlatformFake,
} from '../../fakes/platforms';

const doc = fixtureJson<Json>('betterstack', 'index.json');
const NOW = new Date('2026-11-24T12:00:00Z');

describe('Better Stack document', () => {
  const read = parseBetterstack(doc, 'https://status.orbit.example', NOW);

  it('maps every resource status with its section as group; unknown values stay unknown', () => {
    expect(read.components.map((c) => [c.id, c.name, c.group, c.status])).toEqual([
      ['100', 'Web app', 'Applications', 'operational'],
      ['101', 'API', 'Applications', 'major_outage'],
      ['102', 'Search', 'Applications', 'degraded'],
      ['103', 'Backups', null, 'maintenance'],
      ['104', 'Analytics', null, 'unknown'],
    ]);
  });

  it('reads an open report with every update (linked by relationships or by integer report ids), its impact from affected resources', () => {
    const open = read.incidents.find((i) => i.id === '900')!;
    expect(open).toMatchObject({
      impact: 'critical',
      status: 'investigating',
      resolvedAt: null,
      startedAt: '2026-11-24T09:41:00.000Z',
      components: ['101'],
    });
    expect(open.updates.map((u) => u.body)).toEqual([
      'We are investigating API errors.',
      'The API is down; a fix is being rolled out.',
    ]);
  });

  it('reads a maintenance in progress and a resolved report with its end', () => {
    expect(read.incidents.find((i) => i.id === '901')).toMatchObject({
      kind: 'maintenance',
      status: 'in_progress',
    });
    const past = read.incidents.find((i) => i.id === '902')!;
    expect(past).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-11-20T09:00:00.000Z',
      components: [],
    });
    expect(past.updates.map((u) => u.status)).toEqual(['investigating', 'resolved']);
  });

  it('finds the document embedded in the page and ignores pages without one', () => {
    expect(betterstackFromPage(inertiaPage('Orbit', { statusPage: doc }))).toEqual(doc);
    expect(betterstackFromPage('<div data-page="not json"></div>')).toBeNull();
  });
});

describe('reading Better Stack over HTTP', () => {
  let fake: PlatformFake;
  let pageOnly: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('betterstack');
    pageOnly = await startPlatformFake('betterstack', { pageOnly: true });
  });
  afterAll(async () => {
    await fake.close();
    await pageOnly.close();
  });

  it('reads /index.json', async () => {
    const snap = await readThroughEngine(fake.apiUrl);
    expect(snap).toMatchObject({ error: null, status: 'major_outage' });
    expect(snap.vendor).toMatchObject({ platform: 'betterstack', name: 'Orbit' });
  });

  it("reads the page's own address when /index.json does not answer", async () => {
    const snap = await readThroughEngine(pageOnly.pageUrl!);
    expect(snap.error).toBeNull();
    expect(snap.components).toHaveLength(5);
    // The API is asked first; the page's copy is the fallback, and the snapshot says it was used.
    expect(pageOnly.server.count('/index.json')).toBeGreaterThan(0);
    expect(snap.vendor.source).toBe('embedded');
  });
});

describe('real Better Stack pages: /index.json first, what the rendered page shows when it is gone', () => {
  let down: FakeServer;
  let up: FakeServer;
  const page = (file: string) => serveFixture('betterstack', file);
  beforeAll(async () => {
    // /index.json answers 404: only the page is there.
    down = await startServer({ routes: { '/': page('eyloo-page.html') } });
    up = await startServer({ routes: { '/status/': page('buildjet-page.html') } });
  });
  afterAll(async () => {
    await down.close();
    await up.close();
  });

  it('reads a section that is down from the page when /index.json answers 404, and says so', async () => {
    const snap = await readThroughEngine(down.origin + '/');
    expect(snap.error).toBeNull();
    expect(snap.vendor).toMatchObject({
      platform: 'betterstack',
      name: 'Eyloo Services',
      source: 'embedded',
    });
    expect(snap.components).toEqual([
      { id: 'section:Netzwerk', name: 'Netzwerk', group: null, status: 'major_outage' },
    ]);
    expect(snap.status).toBe('major_outage');
    expect(down.count('/index.json')).toBeGreaterThan(0);
  });

  it('reads an all-up page under a path, saying it lacks reports', async () => {
    const snap = await readThroughEngine(up.origin + '/status/');
    expect(snap.error).toBeNull();
    expect(snap.status).toBe('operational');
    expect(snap.vendor).toMatchObject({
      name: 'BuildJet',
      source: 'embedded',
      lacks: ['incidents', 'history', 'updates'],
    });
    expect(up.count('/status/index.json')).toBeGreaterThan(0);
  });

  it('reads /index.json first when it answers', async () => {
    const full = await startPlatformFake('betterstack');
    try {
      const snap = await readThroughEngine(full.pageUrl!);
      expect(snap.error).toBeNull();
      expect(snap.vendor.source).toBe('api');
      expect(full.server.count('/index.json')).toBeGreaterThan(0);
    } finally {
      await full.close();
    }
  });
});

describe('a resolved report Better Stack leaves without an end time (status.betterstack.com)', () => {
  const real = fixtureJson<Json>('betterstack', 'betterstack-resolved.json');
  const report = (d: Json) => parseBetterstack(d, 'https://status.betterstack.com', NOW).incidents[0]!;

  it('reads a report whose aggregate state is resolved as resolved, at its last update, though ends_at is null', () => {
    expect(report(real)).toMatchObject({
      id: '1050825',
      status: 'resolved',
      resolvedAt: '2026-09-04T19:53:00.000Z',
      startedAt: '2026-09-04T13:50:00.000Z',
    });
  });

  it('reads a report as resolved when its last update marks every resource resolved, whatever the order of updates', () => {
    const included = (real.included as Json[]).map((x) => {
      if (x.type === 'status_report') {
        const a = { ...(x.attributes as Json) };
        delete a.aggregate_state;
        a.affected_resources = [{ status_page_resource_id: '4188758', status: 'degraded' }];
        const rel = { status_updates: { data: [{ id: '5709884' }, { id: '5709883' }] } };
        return { ...x, attributes: a, relationships: rel };
      }
      return x;
    });
    const last = {
      type: 'status_update',
      id: '5709884',
      attributes: {
        message: 'Processing has fully recovered.',
        published_at: '2026-09-04T21:10:00.000Z',
        affected_resources: [{ status_page_resource_id: '4188758', status: 'resolved' }],
      },
    };
    const incident = report({ ...real, included: [last, ...included] });
    expect(incident).toMatchObject({ status: 'resolved', resolvedAt: '2026-09-04T21:10:00.000Z' });
    expect(incident.updates.map((u) => u.status)).toEqual(['investigating', 'resolved']);
    // Still open while the last update names a resource not yet resolved.
    const open = report({ ...real, included: [...included] });
    expect(open).toMatchObject({ status: 'investigating', resolvedAt: null });
  });

  it('shows the page operational over HTTP, with the report in its history and none open', async () => {
    const server = await startServer({
      routes: { '/index.json': serveFixture('betterstack', 'betterstack-resolved.json', 'application/json') },
    });
    try {
      const snap = await readThroughEngine(server.origin + '/index.json');
      expect(snap).toMatchObject({ error: null, status: 'operational' });
      expect(snap.incidents.filter((i) => i.resolvedAt === null)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

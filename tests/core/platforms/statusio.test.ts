// status.io: the public status API (`/1.0/status/<id>`), found from the hosted page's own HTML.
import { parseStatusio, statusioStatus } from '../../../electron/core/platforms/statusio';
import { fixtureJson, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

describe('status.io status API', () => {
  const read = parseStatusio(
    fixtureJson('statusio', 'status.json'),
    'https://status.gannet.example',
    'Gannet',
  );

  it('maps every status code; containers of a component become its group; unknown codes are unknown', () => {
    expect(read.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['Website', null, 'operational'],
      ['Shared runners (Linux)', 'CI Runners', 'major_outage'],
      ['Shared runners (Windows)', 'CI Runners', 'partial_outage'],
      ['Shared runners (macOS)', 'CI Runners', 'degraded'],
      ['Container Registry', null, 'maintenance'],
      ['Pages', null, 'degraded'],
      ['Git Operations', null, 'unknown'],
    ]);
    expect(statusioStatus('100')).toBe('operational');
    expect(statusioStatus(null)).toBe('unknown');
  });

  it('reads an open incident with every message oldest first, offsets read as UTC, HTML as text', () => {
    const inc = read.incidents.find((i) => i.kind === 'incident')!;
    expect(inc).toMatchObject({
      impact: 'critical',
      status: 'monitoring',
      resolvedAt: null,
      components: ['5f0c0000000000000000c002'],
    });
    expect(inc.updates.map((u) => [u.status, u.at])).toEqual([
      ['investigating', '2026-11-24T09:41:00.000Z'],
      ['identified', '2026-11-24T10:20:00.000Z'],
      ['monitoring', '2026-11-24T11:00:00.000Z'],
    ]);
    expect(inc.updates[0]!.body).toBe('We are investigating jobs stuck in pending.');
  });

  it('reads active and upcoming maintenances, a null component list as none', () => {
    const active = read.incidents.find((i) => i.title === 'Registry storage migration')!;
    expect(active).toMatchObject({
      status: 'in_progress',
      impact: 'maintenance',
      scheduledUntil: '2026-11-24T16:00:00.000Z',
    });
    const upcoming = read.incidents.find((i) => i.title === 'Database failover test')!;
    expect(upcoming).toMatchObject({ status: 'scheduled', components: [], updates: [] });
  });

  it('says the public API has no history, and rejects an answer without status', () => {
    expect(read.vendor.lacks).toEqual(['history']);
    expect(() => parseStatusio({ result: {} }, 'https://x')).toThrow(/result.status/);
  });
});

describe('reading status.io over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('statusio');
  });
  afterAll(() => fake.close());

  it('reads the API address and the hosted page that names it', async () => {
    for (const url of [fake.apiUrl, fake.pageUrl!]) {
      const snap = await readThroughEngine(url);
      expect(snap).toMatchObject({ error: null, status: 'major_outage' });
      expect(snap.vendor.platform).toBe('statusio');
      expect(snap.components).toHaveLength(7);
    }
  });
});

describe('status.io detection', () => {
  it("finds the status page id in a custom-domain page's feed link", async () => {
    const { statusioAdapter } = await import('../../../electron/core/platforms/statusio');
    const html =
      '<html><head><link rel="alternate" type="application/rss+xml" href="https://status.gannet.example/pages/5b36dc6502d06804c08349f7/rss"></head>' +
      '<body><a href="https://status.io">Powered by Status.io</a></body></html>';
    const detection = await statusioAdapter.probe!(
      new URL('https://status.gannet.example/'),
      { http: null as never },
      { body: html, contentType: 'text/html' },
    );
    expect(detection).toMatchObject({
      platform: 'statusio',
      apiUrl: 'https://api.status.io/1.0/status/5b36dc6502d06804c08349f7',
    });
    const none = await statusioAdapter.probe!(
      new URL('https://blog.example/'),
      { http: null as never },
      { body: '<a href="/pages/5b36dc6502d06804c08349f7">x</a>', contentType: 'text/html' },
    );
    expect(none).toBeNull();
  });
});

describe('status.io addresses', () => {
  it("reads a custom domain's feed address through the status API", async () => {
    const { statusioAdapter } = await import('../../../electron/core/platforms/statusio');
    expect(
      statusioAdapter.matchUrl(new URL('https://status.gannet.example/pages/5b36dc6502d06804c08349f7/rss')),
    ).toEqual({
      platform: 'statusio',
      pageUrl: 'https://status.gannet.example/',
      apiUrl: 'https://api.status.io/1.0/status/5b36dc6502d06804c08349f7',
    });
    expect(statusioAdapter.matchUrl(new URL('https://status.gannet.example/pages/about'))).toBeNull();
  });
});

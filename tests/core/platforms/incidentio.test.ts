// incident.io: the page summary (proxy JSON or embedded in the page as React flight data) and the widget API.
import {
  incidentioFromPage,
  parseIncidentioSummary,
  parseIncidentioWidget,
} from '../../../electron/core/platforms/incidentio';
import type { Json } from '../../../electron/core/platforms/common/values';
import { startServer, type FakeServer } from '../../fakes/server';
import {
  fixtureJson,
  flightPage,
  readThroughEngine,
  serveFixture,
  startPlatformFake,
  type PlatformFake,
} from '../../fakes/platforms';

const summary = fixtureJson<{ summary: Json }>('incidentio', 'summary.json').summary;

describe('incident.io summary', () => {
  const read = parseIncidentioSummary(summary, 'https://status.acme.example');

  it('maps every component status, keeps groups, hides hidden components, and reads unknown values as unknown', () => {
    expect(read.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['API', 'Core platform', 'operational'],
      ['Dashboard', 'Core platform', 'degraded'],
      ['Webhooks', 'Core platform', 'partial_outage'],
      ['EU region', 'Regions', 'major_outage'],
      ['US region', 'Regions', 'maintenance'],
      ['Billing', null, 'unknown'],
    ]);
  });

  it('reads an open incident with every update oldest first, its impact and its components', () => {
    const inc = read.incidents.find((i) => i.id === '01HZXINC1DENT0000000000001')!;
    expect(inc).toMatchObject({
      impact: 'critical',
      status: 'monitoring',
      resolvedAt: null,
      startedAt: '2026-11-24T09:41:00.000Z',
    });
    expect(inc.components).toEqual(['01HZXC0MP0NENT000000000004', '01HZXC0MP0NENT000000000003']);
    expect(inc.updates.map((u) => u.status)).toEqual(['investigating', 'identified', 'monitoring']);
    expect(inc.updates[0]!.body).toBe('We are investigating errors in the EU region.');
    expect(inc.updates[2]!.body).toBe('A fix is deployed; we are monitoring error rates.');
  });

  it('reads in-progress and scheduled maintenances with their windows', () => {
    const inProgress = read.incidents.find((i) => i.title === 'US region database upgrade')!;
    expect(inProgress).toMatchObject({
      kind: 'maintenance',
      impact: 'maintenance',
      status: 'in_progress',
      scheduledUntil: '2026-11-24T14:00:00.000Z',
    });
    const scheduled = read.incidents.find((i) => i.title === 'Webhooks migration')!;
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2026-11-30T22:00:00.000Z',
      updates: [],
    });
  });

  it('says it publishes no history', () => {
    expect(read.vendor).toMatchObject({ name: 'Acme Cloud', platform: 'incidentio', lacks: ['history'] });
  });

  it('finds the summary embedded in the page, $undefined placeholders included', () => {
    const found = incidentioFromPage(flightPage('Acme', { summary }));
    expect(found && parseIncidentioSummary(found, 'https://x').components).toHaveLength(6);
    expect(incidentioFromPage('<html><body>Just a page</body></html>')).toBeNull();
  });
});

describe('incident.io widget API', () => {
  it('reads ongoing incidents with their latest update and says it lacks a full component list', () => {
    const read = parseIncidentioWidget(
      fixtureJson<Json>('incidentio', 'widget.json'),
      'https://status.acme.example',
    );
    expect(read.vendor.lacks).toEqual(['components', 'history']);
    expect(read.components).toEqual([
      { id: '01HZXC0MP0NENT000000000002', name: 'Dashboard', group: 'Core platform', status: 'degraded' },
    ]);
    expect(read.incidents).toHaveLength(1);
    expect(read.incidents[0]).toMatchObject({ impact: 'minor', status: 'identified' });
    expect(read.incidents[0]!.updates).toEqual([
      {
        status: 'identified',
        body: 'We found a slow query & are fixing it.',
        at: '2026-11-24T06:30:00.000Z',
      },
    ]);
  });
});

describe('reading incident.io over HTTP', () => {
  let fake: PlatformFake;
  let pageOnly: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('incidentio');
    pageOnly = await startPlatformFake('incidentio', { pageOnly: true });
  });
  afterAll(async () => {
    await fake.close();
    await pageOnly.close();
  });

  it('reads the proxy API address', async () => {
    const snap = await readThroughEngine(fake.apiUrl);
    expect(snap).toMatchObject({ error: null, status: 'major_outage' });
    expect(snap.vendor.platform).toBe('incidentio');
    expect(snap.components).toHaveLength(6);
  });

  it("reads the page's own address when none of the JSON endpoints answers", async () => {
    const snap = await readThroughEngine(pageOnly.pageUrl!);
    expect(snap.error).toBeNull();
    expect(snap.vendor).toMatchObject({ platform: 'incidentio', name: 'Acme Cloud' });
    expect(snap.incidents.some((i) => i.title === 'Elevated errors in the EU region')).toBe(true);
    // Detected from the page already fetched: no Statuspage probe was needed.
    expect(pageOnly.server.count('/api/v2/summary.json')).toBe(0);
  });
});

describe('a real incident.io page: its JSON proxy first, the state the page embeds when the proxy is gone', () => {
  let page: FakeServer;
  let full: PlatformFake;
  beforeAll(async () => {
    // /proxy/<host> and /api/v1/summary answer 404: only the page is there.
    page = await startServer({
      routes: {
        '/': serveFixture('incidentio', 'aiven-page.html'),
      },
    });
    full = await startPlatformFake('incidentio');
  });
  afterAll(async () => {
    await page.close();
    await full.close();
  });

  it('reads the embedded summary when the proxy answers 404, and says so', async () => {
    const snap = await readThroughEngine(page.origin + '/');
    expect(snap.error).toBeNull();
    expect(snap.vendor).toMatchObject({ platform: 'incidentio', name: 'Aiven', source: 'embedded' });
    expect(snap.status).toBe('partial_outage');
    expect(snap.components.find((c) => c.name === 'Aiven')).toMatchObject({ status: 'partial_outage' });
    expect(snap.incidents[0]).toMatchObject({
      title: 'Amazon Web Services (AWS) ME-CENTRAL-1 region status',
      status: 'monitoring',
      impact: 'major',
      resolvedAt: null,
    });
    expect(snap.incidents[0]!.updates).toHaveLength(4);
    expect(page.count(`/proxy/${page.host}:${page.port}`)).toBeGreaterThan(0);
  });

  it('reads the proxy first when it answers, for a page found by its HTML', async () => {
    const snap = await readThroughEngine(full.pageUrl!);
    expect(snap.error).toBeNull();
    expect(snap.vendor.source).toBe('api');
    expect(full.server.count(`/proxy/${full.server.host}:${full.server.port}`)).toBeGreaterThan(0);
  });
});

// PagerDuty status pages: the state the page embeds in <script id="data">, read from real captures of
// status.pagerduty.com (all good, and a minor incident open on two services).
import { pagerdutyFromPage, parsePagerDuty } from '../../../electron/core/platforms/pagerduty';
import { fixtureText, readThroughEngine, serveFixture } from '../../fakes/platforms';
import { startServer, type FakeServer } from '../../fakes/server';

const PAGE = 'https://status.pagerduty.com';
const minor = parsePagerDuty(pagerdutyFromPage(fixtureText('pagerduty', 'pagerduty-minor.html')), PAGE);
const good = parsePagerDuty(pagerdutyFromPage(fixtureText('pagerduty', 'pagerduty-good.html')), PAGE);

describe('PagerDuty page data', () => {
  it('lists every business service under its group, operational unless an open incident impacts it', () => {
    expect(good.vendor).toMatchObject({ name: 'PagerDuty', platform: 'pagerduty' });
    expect(good.components.length).toBeGreaterThan(50);
    expect(good.components.every((c) => c.status === 'operational')).toBe(true);
    expect(good.components.find((c) => c.id === 'PK9UYW7')).toEqual({
      id: 'PK9UYW7',
      name: 'REST API (EU)',
      group: 'REST API',
      status: 'operational',
    });
    expect(good.incidents.filter((i) => i.resolvedAt === null)).toEqual([]);
  });

  it('reads the open incident with its updates oldest first and the services its latest update impacts', () => {
    const open = minor.incidents[0]!;
    expect(open).toMatchObject({
      id: 'P1VQT26',
      title: 'Inconsistent Service Statuses',
      impact: 'minor',
      status: 'investigating',
      resolvedAt: null,
      startedAt: '2023-12-14T21:57:30.000Z',
    });
    // "detected", PagerDuty's first word, is the nearest of ours: investigating.
    expect(open.updates.map((u) => [u.status, u.at])).toEqual([
      ['investigating', '2023-12-14T21:57:30.000Z'],
      ['investigating', '2023-12-14T22:19:09.000Z'],
      ['investigating', '2023-12-15T20:53:44.000Z'],
    ]);
    expect(open.updates[2]!.body).toMatch(/^We are continuing to remediate an incident/);
    const impacted = minor.components.filter((c) => c.status !== 'operational');
    expect(impacted.map((c) => [c.id, c.status])).toEqual(
      expect.arrayContaining([
        ['PKZ00NS', 'degraded'],
        ['PGMBMY2', 'degraded'],
      ]),
    );
    expect(open.components.sort()).toEqual(['PGMBMY2', 'PKZ00NS']);
  });

  it('reads the resolved incidents as history, resolved at their last update', () => {
    const past = minor.incidents.find((i) => i.id === 'PSL80GB')!;
    expect(past).toMatchObject({
      status: 'resolved',
      resolvedAt: '2023-12-11T15:42:12.000Z',
      title: 'Issue with Duplicate Notifications',
    });
  });

  it('finds no PagerDuty data in other pages', () => {
    expect(pagerdutyFromPage('<html><script id="data">{"x":1}</script></html>')).toBeNull();
    expect(pagerdutyFromPage('<html>open_incidents</html>')).toBeNull();
  });
});

describe('reading a PagerDuty status page over HTTP', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startServer({
      routes: {
        '/': serveFixture('pagerduty', 'pagerduty-minor.html'),
        '/calm/': serveFixture('pagerduty', 'pagerduty-good.html'),
      },
    });
  });
  afterAll(() => server.close());

  it('detects the page by its embedded data and reads the open incident in one request', async () => {
    const snap = await readThroughEngine(server.origin + '/');
    expect(snap.error).toBeNull();
    expect(snap.vendor).toMatchObject({ platform: 'pagerduty', name: 'PagerDuty' });
    expect(snap.status).toBe('degraded');
    expect(snap.incidents[0]).toMatchObject({ title: 'Inconsistent Service Statuses', resolvedAt: null });
    expect(server.requests.map((r) => r.url)).toEqual(['/']);
  });

  it('reads an all-good page under a path as operational', async () => {
    const snap = await readThroughEngine(server.origin + '/calm/');
    expect(snap).toMatchObject({ error: null, status: 'operational' });
  });
});

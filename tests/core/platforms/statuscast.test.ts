// StatusCast status pages, read from the rendered page: the real excerpt of www.fastlystatus.com (2026-09)
// kept in tests/fixtures/platforms/statuscast, the older component-list template stts reads, detection by the
// page's own markup, and hostile pages.
import { heroStatus, isStatusCastPage, parseStatusCast } from '../../../electron/core/platforms/statuscast';
import { isStatusCastFeed, parseStatusCastFeed } from '../../../electron/core/platforms/statuscast-feed';
import { vendorStatus } from '../../../electron/core/rollup';
import { fixtureText, readThroughEngine, serveFixture } from '../../fakes/platforms';
import { startServer, type FakeServer } from '../../fakes/server';

const fastly = fixtureText('statuscast', 'fastly.html');
const PAGE = 'https://www.fastlystatus.com/';

/** The Fastly excerpt with its hero and first row's classes changed, as the page shows other days. */
function fastlyWith(hero: string, lifecycle = 'inprogress', worst = 'informational'): string {
  return fastly
    .replace(/(sc-hero__title">)[^<]*/, `$1${hero}`)
    .replace(
      'incident-status-inprogress incident-mostsevere-status-informational',
      `incident-status-${lifecycle} incident-mostsevere-status-${worst}`,
    );
}

describe('a StatusCast page (the real Fastly excerpt)', () => {
  const read = parseStatusCast(fastly, PAGE);

  it('shows the hero’s overall state as one component, the vendor operational', () => {
    expect(read.vendor).toMatchObject({ platform: 'statuscast', pageUrl: PAGE });
    expect(read.vendor.lacks).toEqual(['history', 'updates']);
    expect(read.components).toEqual([
      { id: 'overall', name: 'www.fastlystatus.com', group: null, status: 'operational' },
    ]);
    expect(vendorStatus(read.components, read.incidents)).toBe('operational');
  });

  it('lists the informational notice as open without marking the vendor degraded, and the maintenance as scheduled', () => {
    // Newest first, as the Snapshot contract orders them: the planned date is the later one.
    expect(read.incidents).toEqual([
      {
        id: '378771',
        title: 'Fastly Support Portal and AI chatbot',
        impact: 'maintenance',
        status: 'scheduled',
        startedAt: null,
        resolvedAt: null,
        url: 'https://www.fastlystatus.com/incident/378771',
        components: [],
        updates: [],
        kind: 'maintenance',
        scheduledFor: '2026-09-10T00:00:00.000Z',
        scheduledUntil: null,
      },
      {
        id: '378791',
        title: 'Update to waitlist disconnect response codes',
        impact: 'none',
        status: 'investigating',
        startedAt: '2026-09-02T17:05:00.000Z',
        resolvedAt: null,
        url: 'https://www.fastlystatus.com/incident/378791',
        components: [],
        updates: [],
        kind: 'incident',
      },
    ]);
  });

  it('reads each hero the page shows', () => {
    const labels = [
      'All Systems Operational',
      'Informational',
      'Degraded Performance',
      'Service Disruption',
      'Service Unavailable',
      'Maintenance',
      'Something new',
    ];
    expect(labels.map(heroStatus)).toEqual([
      'operational',
      'operational',
      'degraded',
      'partial_outage',
      'major_outage',
      'maintenance',
      'unknown',
    ]);
    const at = (hero: string) => parseStatusCast(fastlyWith(hero), PAGE).components[0]!.status;
    expect(at('Service Disruption')).toBe('partial_outage');
  });

  it('marks the vendor by an incident in progress that made a component unavailable or degraded', () => {
    const status = (worst: string, hero = 'Service Disruption') => {
      const r = parseStatusCast(fastlyWith(hero, 'inprogress', worst), PAGE);
      return vendorStatus(r.components, r.incidents);
    };
    expect(status('unavailable')).toBe('partial_outage');
    expect(status('degraded', 'All Systems Operational')).toBe('degraded');
    expect(status('unavailable', 'Service Unavailable')).toBe('major_outage');
    const over = parseStatusCast(fastlyWith('All Systems Operational', 'resolved', 'degraded'), PAGE);
    expect(over.incidents.find((i) => i.id === '378791')?.status).toBe('resolved');
    expect(vendorStatus(over.components, over.incidents)).toBe('operational');
  });

  it('reads a maintenance under way as one in progress', () => {
    const html = fastly.replace('incident-status-future', 'incident-status-inprogress');
    const r = parseStatusCast(html, PAGE);
    expect(r.incidents.find((i) => i.id === '378771')).toMatchObject({
      kind: 'maintenance',
      status: 'in_progress',
      startedAt: '2026-09-10T00:00:00.000Z',
    });
    expect(vendorStatus(r.components, r.incidents)).toBe('maintenance');
  });

  it('names the vendor from the page title', () => {
    const html = `<html><head><title>Fastly Status</title></head>${fastly}</html>`;
    expect(parseStatusCast(html, PAGE).vendor.name).toBe('Fastly');
  });
});

describe('the older StatusCast template (a component list, as stts reads it)', () => {
  // Written from the classes stts reads (`.status-list-component-status-text` with `component-<status>`):
  // no capture of this template was found.
  const list = (...words: string[]) =>
    '<html><head><title>Airship Status</title></head><body><ul>' +
    words
      .map(
        (w) =>
          `<li><span class="status-list-component-status-text component-${w}">${w === 'available' ? 'Normal' : w}</span></li>`,
      )
      .join('') +
    '</ul></body></html>';

  it('takes the worst of the components’ states as the page’s overall state', () => {
    const at = (...words: string[]) => parseStatusCast(list(...words), PAGE).components;
    expect(at('available', 'available')).toEqual([
      { id: 'overall', name: 'Airship', group: null, status: 'operational' },
    ]);
    expect(at('available', 'informational', 'monitored').map((c) => c.status)).toEqual(['operational']);
    expect(at('available', 'degraded').map((c) => c.status)).toEqual(['degraded']);
    expect(at('maintenance', 'available').map((c) => c.status)).toEqual(['maintenance']);
    expect(at('investigating', 'unavailable').map((c) => c.status)).toEqual(['major_outage']);
  });

  it('is recognised by that list', () => {
    expect(isStatusCastPage(list('available'))).toBe(true);
    expect(isStatusCastPage(list('whatever'))).toBe(false);
  });
});

describe('telling a StatusCast page from others', () => {
  it('needs the hero with the page’s state class or incident rows, not a look-alike class name', () => {
    expect(isStatusCastPage(fastly)).toBe(true);
    // A site whose design system happens to name its hero so is not a status page.
    expect(
      isStatusCastPage('<body><header class="sc-hero"><h1 class="sc-hero__title">Replays</h1></header>'),
    ).toBe(false);
    expect(isStatusCastPage('<html><body><h1>All Systems Operational</h1></body></html>')).toBe(false);
  });

  it('reports a page without an overall state as not StatusCast’s, in plain words', () => {
    expect(() => parseStatusCast('<html><body>nope</body></html>', PAGE)).toThrow(
      /not a StatusCast status page/,
    );
  });
});

describe('hostile StatusCast pages', () => {
  it('keeps vendor text as text, bounded, and builds incident addresses from their number only', () => {
    const evil = fastly
      .replace(
        'Update to waitlist disconnect response codes',
        `<img src=x onerror=alert(1)>${'A'.repeat(5000)}`,
      )
      .replace('href="/incident/378771"', 'href="javascript:alert(1)"')
      .replace('href="/incident/378791"', 'href="https://evil.example/incident/378791"');
    const r = parseStatusCast(evil, PAGE);
    expect(r.incidents.map((i) => i.id)).toEqual(['378791']);
    expect(r.incidents[0]!.title).not.toContain('<');
    expect(r.incidents[0]!.title.length).toBeLessThanOrEqual(300);
    expect(r.incidents[0]!.url).toBe('https://www.fastlystatus.com/incident/378791');
  });

  it('reads a page of thousands of rows and unclosed tags quickly, keeping at most 200 incidents', () => {
    const row = (n: number) =>
      `<div class="row incident-body incident-type-x incident-status-inprogress incident-mostsevere-status-degraded"><a href="/incident/${n}"><h2 class="incident-title">t${n}</h2></a></div>`;
    const html =
      fastly.replace('</body>', '') +
      Array.from({ length: 5000 }, (_, n) => row(n + 1)).join('') +
      '<div class="incident-body '.repeat(50_000);
    const started = performance.now();
    const r = parseStatusCast(html, PAGE);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(r.incidents.length).toBeLessThanOrEqual(200);
    expect(isStatusCastPage('<body class="x '.repeat(100_000))).toBe(false);
  });
});

describe('reading a StatusCast page over HTTP', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startServer({
      routes: {
        '/': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(
            `<html><head><title>Fastly Status</title></head>${fastlyWith('Service Disruption', 'inprogress', 'unavailable')}</html>`,
          );
        },
      },
    });
  });
  afterAll(() => server.close());

  it('is recognised by its own page and read in one request per read', async () => {
    const snap = await readThroughEngine(server.origin + '/');
    expect(snap).toMatchObject({ detected: 'statuscast', error: null, status: 'partial_outage' });
    expect(server.requests.map((r) => r.url)).toEqual(['/']);
    expect(snap.vendor).toMatchObject({ name: 'Fastly', platform: 'statuscast' });
    expect(snap.incidents.map((i) => [i.title, i.url])).toEqual([
      ['Fastly Support Portal and AI chatbot', `${server.origin}/incident/378771`],
      ['Update to waitlist disconnect response codes', `${server.origin}/incident/378791`],
    ]);
  });
});

describe('a StatusCast feed (the real Campaign Monitor capture)', () => {
  const rss = fixtureText('statuscast', 'campaignmonitor.rss');
  const CM = 'https://status.campaignmonitor.com/';
  const read = (now: string) => parseStatusCastFeed(rss, `${CM}rss`, CM, 'Campaign Monitor', Date.parse(now));

  it('is known by its own namespace, not by being a feed', () => {
    expect(isStatusCastFeed(rss)).toBe(true);
    expect(isStatusCastFeed(fixtureText('feed', 'history.rss'))).toBe(false);
    expect(isStatusCastFeed(fastly)).toBe(false);
    // Without the namespace, every item a StatusCast post (Fastly's feed, as a 2026 reader describes it).
    const bare = rss.replace(' xmlns:sc="http://statuscast.com"', '');
    expect(isStatusCastFeed(bare)).toBe(true);
    expect(isStatusCastFeed(bare.replace('/706835/1601159', 'tag:example.com,2026:1'))).toBe(false);
  });

  it('groups the posts of one incident, reads their progress from their words, and keeps the open one open', () => {
    const r = read('2026-09-06T13:00:00Z');
    expect(r.vendor).toEqual({
      name: 'Campaign Monitor',
      platform: 'statuscast',
      pageUrl: CM,
      lacks: ['components'],
    });
    expect(r.components).toEqual([]);
    expect(r.incidents.map((i) => [i.id, i.kind, i.status, i.startedAt, i.resolvedAt])).toEqual([
      ['706835', 'incident', 'monitoring', '2026-09-04T11:20:00.000Z', null],
      ['697722', 'maintenance', 'completed', '2026-08-09T05:10:00.000Z', '2026-08-09T05:10:00.000Z'],
      ['692706', 'incident', 'resolved', '2026-07-16T12:16:00.000Z', '2026-07-16T12:16:00.000Z'],
    ]);
    const open = r.incidents[0]!;
    expect(open).toMatchObject({
      title: 'Microsoft delivery delays — customer update',
      url: 'https://status.campaignmonitor.com/incident/706835',
      impact: 'unknown',
    });
    expect(open.updates.map((u) => u.status)).toEqual(['investigating', 'monitoring']);
    expect(open.updates[0]!.body).toBe(
      "We're aware of an issue currently affecting email delivery to Microsoft domains.",
    );
    // The feed says an incident is open, never how bad: the vendor reads unknown, not operational.
    expect(vendorStatus(r.components, r.incidents)).toBe('unknown');
  });

  it('takes an incident whose last post is over a week old for history', () => {
    const r = read('2026-10-01T00:00:00Z');
    expect(r.incidents.find((i) => i.id === '706835')).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-09-04T13:22:00.000Z',
    });
    expect(vendorStatus(r.components, r.incidents)).toBe('operational');
  });
});

describe('a StatusCast page that refuses this client, read from its feed', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startServer({
      routes: {
        '/': (_req, res) => {
          res.writeHead(403, { 'content-type': 'text/html' });
          res.end('<html><body>Forbidden</body></html>');
        },
        // Fastly's feed is at /rss/: /rss answers 404.
        '/rss/': serveFixture('statuscast', 'campaignmonitor.rss', 'application/rss+xml'),
      },
    });
  });
  afterAll(() => server.close());

  it('finds the feed and reads its incidents (a capture months old: all history now)', async () => {
    const snap = await readThroughEngine(server.origin + '/');
    expect(snap).toMatchObject({ detected: 'statuscast', error: null, status: 'operational' });
    expect(snap.vendor).toMatchObject({ platform: 'statuscast', pageUrl: server.origin + '/' });
    expect(snap.incidents.map((i) => i.id)).toEqual(['706835', '697722', '692706']);
    expect(server.requests.map((r) => r.url)).toContain('/rss/');
  });

  it('reads the feed when a page once read starts refusing this client', async () => {
    const { createHttpClient } = await import('../../../electron/core/http/client');
    const { readSnapshot } = await import('../../../electron/core/read');
    const http = createHttpClient({ proxy: 'none' });
    try {
      const pageUrl = server.origin + '/';
      const out = await readSnapshot(pageUrl, {
        http,
        detection: { platform: 'statuscast', pageUrl, apiUrl: pageUrl, name: 'Fastly' },
      });
      expect(out.snapshot).toMatchObject({ error: null, vendor: { name: 'Fastly', platform: 'statuscast' } });
      expect(out.snapshot.incidents).toHaveLength(3);
    } finally {
      await http.close();
    }
  });

  it('reads the feed’s own address pasted', async () => {
    const snap = await readThroughEngine(server.origin + '/rss/');
    expect(snap).toMatchObject({ detected: 'statuscast', error: null });
    expect(snap.incidents).toHaveLength(3);
  });
});

// Real answers of real pages, kept in other projects' tests (each fixture folder's README names its source),
// served as captured on a loopback fake and read through the engine: detection, reader and rollup, as a
// user's watch would read them.
import { parseCachet } from '../../../electron/core/platforms/cachet';
import { fixtureJson, fixtureText, readThroughEngine, utf16leWithBom } from '../../fakes/platforms';
import { startServer, type FakeServer } from '../../fakes/server';

type Snap = Awaited<ReturnType<typeof readThroughEngine>>;

let server: FakeServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Serve one capture at `path` (a fresh route, so cases do not share addresses) and read it there. */
async function readCapture(
  platform: string,
  file: string,
  path: string,
  wrap: (body: string) => string | Buffer = (body) => body,
  type = 'application/json; charset=utf-8',
): Promise<Snap> {
  server.route(path, (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    res.end(wrap(fixtureText(platform, file)));
  });
  return readThroughEngine(server.origin + path);
}

const notOperational = (snap: Snap) =>
  snap.components.filter((c) => c.status !== 'operational').map((c) => [c.name, c.status]);

describe('Atlassian Statuspage: real summaries', () => {
  it('Twilio with two incidents open: degraded, the components they name, the planned maintenances', async () => {
    const snap = await readCapture('statuspage', 'twilio-summary.json', '/twilio/api/v2/summary.json');
    expect(snap).toMatchObject({ detected: 'statuspage', error: null, status: 'degraded' });
    expect(snap.vendor.name).toBe('Twilio');
    expect(notOperational(snap)).toEqual([
      ['SMS Short Code, North America', 'degraded'],
      ['MMS Short Code, North America', 'degraded'],
      ['SMS, Middle East & Africa', 'degraded'],
      ['MMS', 'degraded'],
    ]);
    expect(snap.components.find((c) => c.name === 'MMS')!.group).toBe('PROGRAMMABLE MESSAGING');
    const open = snap.incidents.filter((i) => i.kind === 'incident');
    expect(open.map((i) => [i.title, i.impact, i.status, i.startedAt])).toEqual([
      ['SMS Delivery Delays to Mozambique Movitel', 'minor', 'investigating', '2020-06-16T20:27:41.521Z'],
      [
        'SMS Delivery Delays from Subset of Twilio Short Codes to US Sprint',
        'minor',
        'monitoring',
        '2020-06-16T13:41:44.672Z',
      ],
    ]);
    expect(open[1]!.updates).toHaveLength(5);
    const planned = snap.incidents.filter((i) => i.kind === 'maintenance');
    expect(planned).toHaveLength(9);
    expect(planned.every((m) => m.status === 'scheduled' && m.resolvedAt === null)).toBe(true);
  });

  it('CloudAMQP during a maintenance: the shared servers under maintenance, the maintenance in progress', async () => {
    const snap = await readCapture('statuspage', 'cloudamqp-summary.json', '/cloudamqp/api/v2/summary.json');
    expect(snap).toMatchObject({ detected: 'statuspage', error: null, status: 'maintenance' });
    expect(notOperational(snap)).toEqual([['Shared servers', 'maintenance']]);
    expect(snap.incidents.map((i) => [i.kind, i.status, i.updates.length])).toEqual([
      ['maintenance', 'in_progress', 2],
    ]);
  });
});

describe('status.io: real answers of GitLab’s page', () => {
  const PATH = '/1.0/status/5b36dc6502d06804c0834a06';

  it('a security incident open on five components: each shown as a problem, the incident with its messages', async () => {
    const snap = await readCapture('statusio', 'gitlab-security.json', `/security${PATH}`);
    expect(snap).toMatchObject({ detected: 'statusio', error: null, status: 'degraded' });
    expect(notOperational(snap).map(([name]) => name)).toEqual([
      'Website',
      'API',
      'Git (ssh and https)',
      'Registry',
      'CI/CD',
    ]);
    expect(snap.incidents).toHaveLength(1);
    expect(snap.incidents[0]).toMatchObject({
      status: 'identified',
      resolvedAt: null,
      startedAt: '2020-02-07T15:51:25.249Z',
    });
    expect(snap.incidents[0]!.components).toHaveLength(5);
    expect(snap.incidents[0]!.updates.map((u) => u.at)).toEqual([
      '2020-02-07T15:51:25.269Z',
      '2020-02-09T18:42:33.493Z',
    ]);
  });

  it('a maintenance in progress and an incident open: the component under maintenance, both listed', async () => {
    const snap = await readCapture('statusio', 'gitlab-maintenance.json', `/maintenance${PATH}`);
    expect(snap).toMatchObject({ detected: 'statusio', error: null });
    expect(notOperational(snap)).toEqual([['dashboards.gitlab.com', 'maintenance']]);
    expect(snap.incidents.map((i) => [i.kind, i.status, i.title])).toEqual([
      ['incident', 'identified', '500 Error - User Notification Settings'],
      ['maintenance', 'in_progress', 'Maintenance on dashboards.gitlab.com'],
    ]);
    // The incident's messages say "partial service disruption" (400) on the Website: the page's worst.
    expect(snap.status).toBe('partial_outage');
  });
});

describe('Heroku: a real current-status right after a maintenance', () => {
  it('Data still under maintenance as the page says, the maintenance completed with its four updates', async () => {
    const snap = await readCapture(
      'heroku',
      'heroku-maintenance-current-status.json',
      '/api/v4/current-status',
    );
    expect(snap).toMatchObject({ detected: 'heroku', error: null, status: 'maintenance' });
    expect(snap.components.map((c) => [c.name, c.status])).toEqual([
      ['Apps', 'operational'],
      ['Data', 'maintenance'],
      ['Tools', 'operational'],
    ]);
    expect(snap.incidents.map((i) => [i.id, i.kind, i.status, i.resolvedAt, i.updates.length])).toEqual([
      ['2120', 'maintenance', 'completed', '2020-11-09T19:47:23.669Z', 4],
    ]);
  });
});

describe('Slack: a real current status with two incidents', () => {
  it('the two services named degraded, the incidents open with their notes, times read in their zone', async () => {
    const snap = await readCapture('slack', 'slack-incidents-current.json', '/api/v2.0.0/current');
    expect(snap).toMatchObject({ detected: 'slack', error: null, status: 'degraded' });
    expect(notOperational(snap)).toEqual([
      ['Notifications', 'degraded'],
      ['Apps/Integrations/APIs', 'degraded'],
    ]);
    expect(snap.incidents.map((i) => [i.id, i.status, i.startedAt, i.url, i.updates.length])).toEqual([
      [
        '878',
        'investigating',
        '2020-07-30T22:12:34.000Z',
        'https://status.slack.com/2020-07/ea58a170d343b2ad',
        1,
      ],
      [
        '879',
        'investigating',
        '2020-07-24T17:45:08.000Z',
        'https://status.slack.com/2020-07/7d32ad54b0703c47',
        1,
      ],
    ]);
  });
});

describe('Apple System Status: a real answer with an outage ongoing', () => {
  it('iCloud Mail down since its start, iCloud Keychain’s resolved issue listed as history', async () => {
    const snap = await readCapture(
      'apple',
      'statusbuddy-customer-one-ongoing-issue.json',
      '/support/systemstatus/data/system_status_en_US.js',
      // Apple serves this document as JSONP, `jsonCallback(…);`: the capture keeps the document inside.
      (body) => `jsonCallback(${body});`,
    );
    expect(snap).toMatchObject({ detected: 'apple', error: null, status: 'major_outage' });
    expect(snap.components).toHaveLength(63);
    expect(notOperational(snap)).toEqual([['iCloud Mail', 'major_outage']]);
    expect(snap.incidents.map((i) => [i.title, i.status, i.startedAt, i.resolvedAt])).toEqual([
      ['iCloud Mail — Some users are affected', 'investigating', '2021-04-26T11:13:00.000Z', null],
      [
        'iCloud Keychain — Some users were affected',
        'resolved',
        '2021-04-24T19:16:00.000Z',
        '2021-04-24T22:55:00.000Z',
      ],
    ]);
  });
});

// Live answers of 2026-09-23 as a status-widget project's feed guide keeps them, trimmed by its author (the code
// index does not name the repository; see each fixture folder's README).
describe('AWS, Google Cloud, Google Workspace and Azure: live samples', () => {
  it('AWS: a region-wide event in me-central-1, served in UTF-16 as AWS serves it: the region and its services down', async () => {
    const snap = await readCapture(
      'aws',
      'guide-me-central-1-event.json',
      '/public/currentevents',
      utf16leWithBom,
      'application/json;charset=utf-16',
    );
    expect(snap).toMatchObject({ detected: 'aws', error: null, status: 'major_outage' });
    expect(notOperational(snap)).toEqual([
      ['Amazon CloudWatch Synthetics', 'major_outage'],
      ['Multiple services', 'major_outage'],
      ['UAE', 'major_outage'],
    ]);
    expect(snap.incidents.map((i) => [i.title, i.status, i.startedAt, i.resolvedAt])).toEqual([
      ['Region Availability', 'investigating', '2026-03-01T12:51:25.000Z', null],
    ]);
  });

  it('Google Cloud: an incident with its locations, read as Cloud’s and over at its end', async () => {
    const snap = await readCapture('gcp', 'guide-incident.json', '/gcp/incidents.json');
    expect(snap).toMatchObject({ detected: 'gcp', error: null });
    expect(snap.incidents.map((i) => [i.title, i.impact, i.status, i.resolvedAt, i.components])).toEqual([
      ['Multiple Products', 'major', 'resolved', '2026-09-01T18:52:00.000Z', ['fPovtKbaWN9UTepMm3kJ']],
    ]);
  });

  it('Google Workspace: an information notice on Gmail leaves Gmail working; its title without the Markdown label', async () => {
    const snap = await readCapture(
      'google_workspace',
      'guide-gmail-incident.json',
      '/appsstatus/dashboard/incidents.json',
    );
    expect(snap).toMatchObject({ detected: 'google_workspace', error: null, status: 'operational' });
    expect(notOperational(snap)).toEqual([]);
    expect(snap.incidents.map((i) => [i.title, i.impact, i.resolvedAt])).toEqual([
      ['Gmail Android App users on the latest Gmail Android release may exper...', 'none', null],
    ]);
  });

  it('Azure: the healthy feed, no item: operational, nothing open', async () => {
    const snap = await readCapture(
      'azure',
      'guide-healthy.rss',
      '/en-us/status/feed/',
      undefined,
      'application/rss+xml; charset=utf-8',
    );
    expect(snap).toMatchObject({ detected: 'azure', error: null, status: 'operational' });
    expect(snap.incidents).toEqual([]);
  });
});

describe('Cachet: a real component list (status.yoti.com, 2020)', () => {
  it('every enabled component, two of one name kept apart by id, all operational', () => {
    // Only the components answer was captured; the incident list stands empty.
    const read = parseCachet(
      { components: fixtureJson('cachet', 'yoti-components.json'), groups: null, incidents: { data: [] } },
      'https://status.yoti.com',
      'Yoti',
    );
    expect(read.components.map((c) => [c.id, c.name, c.status])).toEqual([
      ['1', 'Yoti Website', 'operational'],
      ['2', 'Yoti Age Scan', 'operational'],
      ['3', 'Yoti App', 'operational'],
      ['9', 'Yoti Doc Scan', 'operational'],
      ['6', 'Yoti Doc Scan', 'operational'],
      ['5', 'Yoti Sign', 'operational'],
      ['4', 'Yoti Hub', 'operational'],
    ]);
    expect(read.incidents).toEqual([]);
  });
});

describe('cState: a real index.json (status.torproject.org, cState 6.0, 2025-05-01)', () => {
  it('every system with its category, all up as each system says', async () => {
    const snap = await readCapture('cstate', 'torproject-index.json', '/tor/index.json');
    expect(snap).toMatchObject({ detected: 'cstate', error: null, status: 'operational' });
    expect(snap.vendor.name).toBe('Tor Project status');
    expect(snap.components).toHaveLength(15);
    expect(snap.components.slice(0, 3).map((c) => [c.name, c.group, c.status])).toEqual([
      ['v3 Onion Services', 'Tor Network', 'operational'],
      ['v2 Onion Services', 'Deprecated', 'operational'],
      ['Directory Authorities', 'Tor Network', 'operational'],
    ]);
    // The page's own `summaryStatus` says "disrupted" with every system ok and no issue open: the reader
    // goes by the systems and their issues, which is what the page lists.
    expect(snap.incidents).toEqual([]);
  });
});

describe('incident.io: a real Statuspage-compatible summary (status.openai.com, 2026-07)', () => {
  it('read at its /api/v2 address: 25 components up, and it says it is not told of incidents rather than "nothing open"', async () => {
    const snap = await readCapture('incidentio', 'openai-compat-summary.json', '/openai/api/v2/summary.json');
    expect(snap.error).toBeNull();
    expect(snap.vendor.name).toBe('OpenAI');
    expect(snap.components).toHaveLength(25);
    expect(snap.status).toBe('operational');
    // The document has no `incidents` key (and the fake serves no incidents.json): the read says it is not told.
    expect(snap.vendor.lacks).toEqual(expect.arrayContaining(['incidents']));
    // Two components share the name "Login": kept apart by their ids.
    expect(snap.components.filter((c) => c.name === 'Login').map((c) => c.id)).toEqual([
      '01JSM5RTJWHRWDTS6Q604VEW3B',
      '01JMXBNJXG1S2D9V65P1ZZTD94',
    ]);
  });
});

describe('StatusCast: real captures (www.fastlystatus.com, status.campaignmonitor.com, 2026-09)', () => {
  it('Fastly’s page: an informational notice open that does not degrade it, and a maintenance planned for 2026-09-10, under way now', async () => {
    const snap = await readCapture(
      'statuscast',
      'fastly.html',
      '/fastly/',
      undefined,
      'text/html; charset=utf-8',
    );
    // The page said "All Systems Operational"; its maintenance window opened on 2026-09-10 and names no end,
    // so read today it is in progress, and the vendor is in maintenance, not degraded by the notice.
    expect(snap).toMatchObject({ detected: 'statuscast', error: null, status: 'maintenance' });
    expect(snap.components.map((c) => c.status)).toEqual(['operational']);
    expect(snap.incidents.map((i) => [i.title, i.kind, i.status, i.impact, i.startedAt])).toEqual([
      [
        'Fastly Support Portal and AI chatbot',
        'maintenance',
        'in_progress',
        'maintenance',
        '2026-09-10T00:00:00.000Z',
      ],
      [
        'Update to waitlist disconnect response codes',
        'incident',
        'investigating',
        'none',
        '2026-09-02T17:05:00.000Z',
      ],
    ]);
  });

  it('Campaign Monitor’s feed: one incident per incident, its posts its updates; months old, so all history now', async () => {
    const snap = await readCapture(
      'statuscast',
      'campaignmonitor.rss',
      '/cm/rss',
      undefined,
      'application/rss+xml; charset=utf-8',
    );
    expect(snap).toMatchObject({ detected: 'statuscast', error: null, status: 'operational' });
    expect(snap.vendor.lacks).toEqual(['components']);
    expect(snap.incidents.map((i) => [i.id, i.status, i.updates.length])).toEqual([
      ['706835', 'resolved', 2],
      ['697722', 'completed', 1],
      ['692706', 'resolved', 1],
    ]);
  });
});

// Rootly status pages: the documented public Status Page API of a custom domain (`/api/v1/status.json` and
// `/api/v1/incidents.json`), recognised by its fields and read over a loopback fake.
import { isRootlyStatus, parseRootly } from '../../../electron/core/platforms/rootly';
import { fixtureJson, fixtureText, readThroughEngine } from '../../fakes/platforms';
import { startServer, type FakeServer } from '../../fakes/server';

type Doc = Record<string, unknown> & { status: { indicator: string } };
const status = fixtureJson<Doc>('rootly', 'status.json');
const incidents = fixtureJson('rootly', 'incidents.json');
const PAGE = 'https://status.example.com/';

describe('Rootly status page API', () => {
  it('shows the page’s overall indicator as one component named after the page', () => {
    const read = parseRootly(status, { incidents: [] }, PAGE);
    expect(read.vendor).toMatchObject({ name: 'Acme Status', platform: 'rootly', lacks: ['history'] });
    expect(read.components).toEqual([
      { id: 'overall', name: 'Acme Status', group: null, status: 'operational' },
    ]);
    const at = (indicator: string) =>
      parseRootly({ ...status, status: { indicator } }, null, PAGE).components[0]!.status;
    expect(['minor', 'major', 'critical', 'maintenance', 'something'].map(at)).toEqual([
      'degraded',
      'major_outage',
      'major_outage',
      'maintenance',
      'unknown',
    ]);
  });

  it('reads an active incident with its impact, its latest update’s progress and its own address', () => {
    const read = parseRootly({ ...status, status: { indicator: 'minor' } }, incidents, PAGE);
    expect(read.incidents).toEqual([
      {
        id: 'https://status.example.com/incidents/abc123',
        title: 'API Degradation',
        impact: 'minor',
        status: 'investigating',
        startedAt: '2026-03-19T10:30:00.000Z',
        resolvedAt: null,
        url: 'https://status.example.com/incidents/abc123',
        components: [],
        updates: [
          {
            status: 'investigating',
            body: 'We are investigating reports of elevated API latency.',
            at: '2026-03-19T10:35:00.000Z',
          },
        ],
        kind: 'incident',
      },
    ]);
  });

  it('reads a maintenance as one, and a resolved incident as resolved at its time', () => {
    const doc = {
      incidents: [
        { name: 'DB upgrade', status: 'in_progress', impact: 'none', started_at: '2026-03-19T10:00:00Z' },
        {
          name: 'Login errors',
          status: 'resolved',
          impact: 'major',
          started_at: '2026-03-18T10:00:00Z',
          resolved_at: '2026-03-18T11:00:00Z',
        },
      ],
    };
    const read = parseRootly(status, doc, PAGE);
    expect(read.incidents.map((i) => [i.title, i.kind, i.status, i.impact, i.resolvedAt])).toEqual([
      ['DB upgrade', 'maintenance', 'in_progress', 'maintenance', null],
      ['Login errors', 'incident', 'resolved', 'major', '2026-03-18T11:00:00.000Z'],
    ]);
  });

  it('knows its document by its fields, not a Statuspage status (a page id, no incident list)', () => {
    expect(isRootlyStatus(status)).toBe(true);
    expect(
      isRootlyStatus({
        page: { id: 'abc', name: 'GitHub', url: 'https://www.githubstatus.com' },
        status: { indicator: 'none', description: 'All Systems Operational' },
      }),
    ).toBe(false);
    expect(isRootlyStatus({ ...status, components: [] })).toBe(false);
    expect(() => parseRootly({}, null, PAGE)).toThrow(/not a status page status/);
  });
});

describe('reading a Rootly page over HTTP', () => {
  let server: FakeServer;
  let incidentsBody = fixtureText('rootly', 'incidents.json');
  beforeAll(async () => {
    const json = (body: () => string) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body());
    };
    server = await startServer({
      routes: {
        '/': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(
            '<!DOCTYPE html><html><head><title>Acme Status</title></head><body>Powered by Rootly</body></html>',
          );
        },
        '/api/v1/status.json': json(() => JSON.stringify({ ...status, status: { indicator: 'minor' } })),
        '/api/v1/incidents.json': json(() => incidentsBody),
      },
    });
  });
  afterAll(() => server.close());

  it('finds the API from a page that names Rootly and reads the open incident', async () => {
    const snap = await readThroughEngine(server.origin + '/');
    expect(snap).toMatchObject({ detected: 'rootly', error: null, status: 'degraded' });
    expect(snap.vendor).toMatchObject({ name: 'Acme Status', platform: 'rootly' });
    expect(snap.incidents.map((i) => i.title)).toEqual(['API Degradation']);
    expect(server.requests.map((r) => r.url)).toContain('/api/v1/incidents.json?per_page=100');
  });

  it('reads the API’s own address pasted, and the status document’s incidents when the list fails', async () => {
    incidentsBody = '<html>oops</html>';
    const snap = await readThroughEngine(server.origin + '/api/v1/status.json');
    expect(snap).toMatchObject({ detected: 'rootly', error: null, status: 'degraded' });
    expect(snap.incidents).toEqual([]);
  });
});

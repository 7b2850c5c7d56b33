// Salesforce Trust: the public instance list of the Trust API, from a real answer of it (2020, an open core
// incident on NA137, kept in amureki/statuscheck's tests) and from the shape Salesforce's own Refocus sample
// generator keeps in its tests, read over a loopback fake of the API.
import {
  parseTrustPreview,
  salesforceAdapter,
  trustStatus,
} from '../../../electron/core/platforms/salesforce';
import { fixtureJson, readThroughEngine } from '../../fakes/platforms';
import { startServer, type FakeServer } from '../../fakes/server';

type Instance = Record<string, unknown> & { key: string; status: string };
const preview = fixtureJson<Instance[]>('salesforce', 'preview.json');
const captured = fixtureJson<Instance[]>('salesforce', 'preview-na137-incident.json');
const TRUST = 'https://api.status.salesforce.com/v1/instances/status/preview';

describe('a real Trust answer (NA137 with a minor core incident open)', () => {
  const read = parseTrustPreview(captured, {
    pageUrl: 'https://status.salesforce.com/products/Salesforce_Services',
    apiUrl: `${TRUST}?products=Salesforce_Services`,
  });

  it('shows NA137 degraded and every other active instance up; an inactive instance is left out', () => {
    expect(read.vendor.name).toBe('Salesforce');
    expect(read.components.find((c) => c.id === 'NA137')).toEqual({
      id: 'NA137',
      name: 'NA137',
      group: 'NA',
      status: 'degraded',
    });
    expect(read.components.filter((c) => c.status !== 'operational').map((c) => c.id)).toEqual(['NA137']);
    expect(read.components.map((c) => c.id)).not.toContain('POD5');
    expect(new Set(read.components.map((c) => c.group))).toEqual(new Set(['NA', 'EMEA', 'APAC']));
  });

  it('reads the incident behind it: its impact as title, minor, open since its impact began, on NA137', () => {
    expect(read.incidents).toEqual([
      {
        id: '5968',
        title: 'Performance degradation asynchronous processing subset',
        impact: 'minor',
        status: 'unknown',
        startedAt: '2020-07-29T16:08:00.000Z',
        resolvedAt: null,
        url: 'https://status.salesforce.com/products/Salesforce_Services',
        components: ['NA137'],
        updates: [],
        kind: 'incident',
      },
    ]);
    expect(read.vendor.lacks).toEqual(['history', 'updates']);
  });

  it('reads an incident whose every impact has ended as resolved at the last end', () => {
    const ended = structuredClone(captured);
    const na137 = ended.find((i) => i.key === 'NA137')! as unknown as {
      Incidents: Array<{ IncidentImpacts: Array<{ endTime: string | null }> }>;
    };
    na137.Incidents[0]!.IncidentImpacts[0]!.endTime = '2020-07-29T20:00:00.000Z';
    const inc = parseTrustPreview(ended, { pageUrl: 'https://status.salesforce.com', apiUrl: TRUST })
      .incidents[0]!;
    expect(inc).toMatchObject({ status: 'resolved', resolvedAt: '2020-07-29T20:00:00.000Z' });
  });
});

describe('Salesforce Trust instance list', () => {
  it('maps every documented status word, core and non-core; an unknown word stays unknown', () => {
    expect(
      [
        'OK',
        'INFORMATIONAL_CORE',
        'MAINTENANCE_NONCORE',
        'MINOR_INCIDENT_CORE',
        'MAJOR_INCIDENT_NONCORE',
        'MAJOR_INCIDENT_CORE',
        'SOMETHING_NEW',
      ].map(trustStatus),
    ).toEqual([
      'operational',
      'operational',
      'maintenance',
      'degraded',
      'partial_outage',
      'major_outage',
      'unknown',
    ]);
  });

  it('gives each active instance as a component of its region, with no incident when none is listed', () => {
    const data = preview.map((i, n) => (n === 3 ? { ...i, isActive: false } : i));
    const read = parseTrustPreview(data, {
      pageUrl: 'https://status.salesforce.com/products/Tableau',
      apiUrl: 'https://api.status.salesforce.com/v1/instances/status/preview?products=Tableau',
    });
    expect(read.vendor).toMatchObject({ name: 'Tableau', platform: 'salesforce' });
    expect(read.vendor.lacks).toEqual(['history', 'updates']);
    expect(read.incidents).toEqual([]);
    expect(read.components).toEqual([
      { id: 'P1', name: 'P1', group: 'NA', status: 'operational' },
      { id: 'P2', name: 'P2', group: 'NA', status: 'operational' },
      { id: 'P3', name: 'P3', group: 'NA', status: 'operational' },
    ]);
  });

  it('recognises status.salesforce.com product pages and reads them from the Trust API', () => {
    expect(
      salesforceAdapter.matchUrl(new URL('https://status.salesforce.com/products/Marketing_Cloud')),
    ).toEqual({
      platform: 'salesforce',
      pageUrl: 'https://status.salesforce.com/products/Marketing_Cloud',
      apiUrl: 'https://api.status.salesforce.com/v1/instances/status/preview?products=Marketing_Cloud',
      name: 'Salesforce Marketing Cloud',
    });
    expect(salesforceAdapter.matchUrl(new URL('https://status.salesforce.com/'))?.name).toBe('Salesforce');
    expect(salesforceAdapter.matchUrl(new URL('https://example.com/v1/instances'))).toBeNull();
  });
});

describe('reading the Trust API over HTTP', () => {
  let server: FakeServer;
  let body = JSON.stringify(preview);
  beforeAll(async () => {
    server = await startServer({
      routes: {
        '/v1/instances/status/preview': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(body);
        },
      },
    });
  });
  afterAll(() => server.close());

  it('reads all instances up as operational', async () => {
    const snap = await readThroughEngine(server.origin + '/v1/instances/status/preview?products=Mulesoft');
    expect(snap).toMatchObject({ error: null, status: 'operational' });
    expect(snap.vendor).toMatchObject({ platform: 'salesforce', name: 'MuleSoft' });
    expect(server.requests.at(-1)!.url).toBe('/v1/instances/status/preview?products=Mulesoft');
  });

  it('reads the real answer through the engine: degraded, with the open incident', async () => {
    body = JSON.stringify(captured);
    const snap = await readThroughEngine(server.origin + '/v1/instances/status/preview?products=Sales_Cloud');
    expect(snap).toMatchObject({ error: null, status: 'degraded' });
    expect(snap.incidents.map((i) => [i.id, i.impact, i.resolvedAt])).toEqual([['5968', 'minor', null]]);
  });

  it('shows the worst instance: a core incident on one instance is a major outage', async () => {
    body = JSON.stringify(preview.map((i, n) => (n === 1 ? { ...i, status: 'MAJOR_INCIDENT_CORE' } : i)));
    const snap = await readThroughEngine(server.origin + '/v1/instances/status/preview');
    expect(snap.error).toBeNull();
    expect(snap.status).toBe('major_outage');
    expect(snap.components.find((c) => c.id === 'P2')!.status).toBe('major_outage');
  });
});

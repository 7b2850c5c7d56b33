// Salesforce Trust: the public instance list of the Trust API, in the shape Salesforce's own Refocus sample
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

  it('gives each active instance as a component of its region, and says it tells no incidents', () => {
    const data = preview.map((i, n) => (n === 3 ? { ...i, isActive: false } : i));
    const read = parseTrustPreview(data, {
      pageUrl: 'https://status.salesforce.com/products/Tableau',
      apiUrl: 'https://api.status.salesforce.com/v1/instances/status/preview?products=Tableau',
    });
    expect(read.vendor).toMatchObject({ name: 'Tableau', platform: 'salesforce' });
    expect(read.vendor.lacks).toEqual(['incidents', 'history', 'updates']);
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

  it('shows the worst instance: a core incident on one instance is a major outage', async () => {
    body = JSON.stringify(preview.map((i, n) => (n === 1 ? { ...i, status: 'MAJOR_INCIDENT_CORE' } : i)));
    const snap = await readThroughEngine(server.origin + '/v1/instances/status/preview');
    expect(snap.error).toBeNull();
    expect(snap.status).toBe('major_outage');
    expect(snap.components.find((c) => c.id === 'P2')!.status).toBe('major_outage');
  });
});

// Google Cloud: incidents.json with every update, products.json for the product list.
import { parseGoogleIncidents, googleImpact } from '../../../electron/core/platforms/common/google';
import { fixtureJson, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

const opts = { platform: 'gcp' as const, name: 'Google Cloud', pageUrl: 'https://status.cloud.google.com' };

describe('Google Cloud incidents.json', () => {
  const read = parseGoogleIncidents(
    fixtureJson('gcp', 'incidents.json'),
    fixtureJson('gcp', 'products.json'),
    opts,
  );

  it('lists every product; a product is as bad as its worst open incident, unknown impact stays unknown', () => {
    // BigQuery's open incident is an information notice: the dashboard shows BigQuery working.
    expect(read.components.map((c) => [c.name, c.status])).toEqual([
      ['Cloud Run', 'major_outage'],
      ['BigQuery', 'operational'],
      ['Cloud Storage', 'operational'],
      ['Pub/Sub', 'unknown'],
      ['Compute Engine', 'operational'],
    ]);
    expect(googleImpact('SERVICE_DISRUPTION', 'high')).toBe('major');
    expect(googleImpact(undefined, 'medium')).toBe('major');
    expect(googleImpact('SERVICE_INFORMATION', 'low')).toBe('none');
  });

  it('reads an open incident with every update oldest first and a link to it', () => {
    const run = read.incidents.find((i) => i.id === 'aBcDeFgHiJkLmNoP1234')!;
    expect(run).toMatchObject({
      impact: 'critical',
      status: 'investigating',
      resolvedAt: null,
      url: 'https://status.cloud.google.com/incidents/aBcDeFgHiJkLmNoP1234',
    });
    expect(run.updates.map((u) => u.at)).toEqual(['2026-11-24T09:50:12.000Z', '2026-11-24T11:00:00.000Z']);
    expect(run.updates[1]!.body).toContain('Mitigation is in progress.');
  });

  it('reads offsets as UTC, an ended incident as resolved, HTML titles as text, null lists as empty', () => {
    expect(read.incidents.find((i) => i.id === 'qRsTuVwXyZ0987654321')!.startedAt).toBe(
      '2026-11-24T15:00:00.000Z',
    );
    const old = read.incidents.find((i) => i.id === 'oldOldOld')!;
    expect(old).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-11-01T12:30:00.000Z',
      title: 'Cloud Storage: increased latency',
      components: ['storage-key'],
    });
    expect(old.updates.map((u) => u.status)).toEqual(['investigating', 'resolved']);
    expect(read.incidents.find((i) => i.id === 'weird')).toMatchObject({ impact: 'unknown', updates: [] });
  });

  it('without products.json, lists only the products it has news of and says so', () => {
    const bare = parseGoogleIncidents(fixtureJson('gcp', 'incidents.json'), undefined, opts);
    expect(bare.vendor.lacks).toEqual(['components']);
    expect(bare.components.map((c) => c.name)).toEqual(['Cloud Run', 'BigQuery', 'Pub/Sub']);
  });

  it('rejects an answer that is not a list', () => {
    expect(() => parseGoogleIncidents({ incidents: [] }, undefined, opts)).toThrow(/not a list/);
  });
});

describe('reading Google Cloud over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('gcp');
  });
  afterAll(() => fake.close());

  it('reads incidents.json and the dashboard page', async () => {
    for (const url of [fake.apiUrl, fake.pageUrl!]) {
      const snap = await readThroughEngine(url);
      expect(snap).toMatchObject({ error: null, status: 'major_outage' });
      expect(snap.vendor).toMatchObject({ platform: 'gcp', name: 'Google Cloud' });
      expect(snap.components).toHaveLength(5);
    }
  });
});

describe('Google Cloud addresses', () => {
  it('reads a sub-dashboard with its own incidents.json, and a page inside a dashboard from the dashboard', async () => {
    const { gcpAdapter } = await import('../../../electron/core/platforms/gcp');
    const cases: Array<[string, string]> = [
      ['https://status.cloud.google.com/', 'https://status.cloud.google.com/incidents.json'],
      ['https://status.cloud.google.com/incidents/aBcDeF', 'https://status.cloud.google.com/incidents.json'],
      ['https://status.cloud.google.com/summary', 'https://status.cloud.google.com/incidents.json'],
      [
        'https://status.cloud.google.com/maps-platform/',
        'https://status.cloud.google.com/maps-platform/incidents.json',
      ],
      ['https://status.firebase.google.com/', 'https://status.firebase.google.com/incidents.json'],
    ];
    for (const [url, apiUrl] of cases) expect(gcpAdapter.matchUrl(new URL(url))?.apiUrl).toBe(apiUrl);
  });
});

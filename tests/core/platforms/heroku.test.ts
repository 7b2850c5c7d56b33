// Heroku status API v4: current-status (systems, incidents, scheduled) and incidents history.
import { parseHeroku, herokuAdapter } from '../../../electron/core/platforms/heroku';
import { fixtureJson, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

describe('Heroku status API', () => {
  const read = parseHeroku(
    fixtureJson('heroku', 'current-status.json'),
    fixtureJson('heroku', 'incidents.json'),
  );

  it('maps each system color; an unknown color is unknown', () => {
    expect(read.components.map((c) => [c.name, c.status])).toEqual([
      ['Apps', 'major_outage'],
      ['Data', 'degraded'],
      ['Tools', 'operational'],
      ['Spaces', 'unknown'],
    ]);
  });

  it('reads an open incident: every update in time order, "update" keeps the status before it, worst color as impact', () => {
    const inc = read.incidents.find((i) => i.id === '2801')!;
    expect(inc).toMatchObject({
      impact: 'critical',
      status: 'monitoring',
      resolvedAt: null,
      components: ['Apps'],
    });
    expect(inc.updates.map((u) => [u.status, u.at])).toEqual([
      ['investigating', '2026-11-24T09:41:00.000Z'],
      ['investigating', '2026-11-24T10:15:00.000Z'],
      ['monitoring', '2026-11-24T11:00:00.000Z'],
    ]);
    expect(inc.updates[1]!.body).toBe('We are still working on it — more soon.');
  });

  it('reads scheduled maintenance and resolved history', () => {
    expect(read.incidents.find((i) => i.id === '2802')).toMatchObject({
      kind: 'maintenance',
      status: 'scheduled',
      components: ['Data'],
    });
    expect(read.incidents.find((i) => i.id === '2790')).toMatchObject({
      status: 'resolved',
      impact: 'minor',
      resolvedAt: '2026-11-20T09:00:00.000Z',
    });
  });

  it('rejects an answer without systems', () => {
    expect(() => parseHeroku({ incidents: [] }, [])).toThrow(/systems/);
  });

  it("recognises Heroku's own address", () => {
    expect(herokuAdapter.matchUrl(new URL('https://status.heroku.com/'))).toMatchObject({
      apiUrl: 'https://status.heroku.com/api/v4/current-status',
    });
  });
});

describe('reading Heroku over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('heroku');
  });
  afterAll(() => fake.close());

  it('reads the API address and the page', async () => {
    for (const url of [fake.apiUrl, fake.pageUrl!]) {
      const snap = await readThroughEngine(url);
      expect(snap).toMatchObject({ error: null, status: 'major_outage' });
      expect(snap.vendor.platform).toBe('heroku');
      expect(snap.incidents).toHaveLength(3);
    }
  });
});

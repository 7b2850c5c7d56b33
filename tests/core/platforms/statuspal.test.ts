// Statuspal: the public summary API with nested services, incidents and maintenances with updates.
import { parseStatuspal, statuspalAdapter } from '../../../electron/core/platforms/statuspal';
import { fixtureJson, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

const NOW = new Date('2026-11-24T12:00:00Z');

describe('Statuspal summary', () => {
  const read = parseStatuspal(fixtureJson('statuspal', 'summary.json'), 'https://corvid.statuspal.io', NOW);

  it('maps each incident type; parents become groups of their children; unknown types are unknown', () => {
    expect(read.components.map((c) => [c.id, c.name, c.group, c.status])).toEqual([
      ['1', 'Website', null, 'operational'],
      ['21', 'REST', 'API', 'major_outage'],
      ['22', 'Webhooks', 'API', 'degraded'],
      ['3', 'Database', null, 'maintenance'],
      ['4', 'Email', null, 'unknown'],
    ]);
    expect(read.vendor).toMatchObject({
      name: 'Corvid',
      pageUrl: 'https://status.corvid.example',
      lacks: ['history'],
    });
  });

  it('reads an open incident with every update in time order ("update" keeps the status before it)', () => {
    const inc = read.incidents.find((i) => i.id === '501')!;
    expect(inc).toMatchObject({
      impact: 'critical',
      status: 'monitoring',
      resolvedAt: null,
      components: ['21'],
    });
    expect(inc.updates.map((u) => [u.status, u.at])).toEqual([
      ['investigating', '2026-11-24T09:41:00.000Z'],
      ['investigating', '2026-11-24T10:30:00.000Z'],
      ['monitoring', '2026-11-24T11:00:00.000Z'],
    ]);
  });

  it('reads a maintenance in progress and a null list as empty', () => {
    expect(read.incidents.find((i) => i.id === '601')).toMatchObject({
      kind: 'maintenance',
      status: 'in_progress',
      components: ['3'],
    });
    expect(read.incidents).toHaveLength(2);
  });

  it('knows hosted pages and the API address; Statuspage does not claim /api/v2/status_pages', () => {
    expect(statuspalAdapter.matchUrl(new URL('https://corvid.statuspal.io/'))).toMatchObject({
      apiUrl: 'https://statuspal.io/api/v2/status_pages/corvid/summary',
    });
  });
});

describe('reading Statuspal over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('statuspal');
  });
  afterAll(() => fake.close());

  it('reads the API address and the custom-domain page that names it', async () => {
    for (const url of [fake.apiUrl, fake.pageUrl!]) {
      const snap = await readThroughEngine(url);
      expect(snap).toMatchObject({ error: null, status: 'major_outage' });
      expect(snap.vendor.platform).toBe('statuspal');
    }
  });
});

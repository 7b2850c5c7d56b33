// Sorry™: page, components and notices with their updates, wrapped in `response`.
import { parseSorry } from '../../../electron/core/platforms/sorry';
import { fixtureJson, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

describe('Sorry API', () => {
  const read = parseSorry(
    fixtureJson('sorry', 'page.json'),
    fixtureJson('sorry', 'components.json'),
    fixtureJson('sorry', 'notices.json'),
    'https://status.kestrel.example',
  );

  it('maps every component state with parents as groups; unknown states are unknown', () => {
    expect(read.components.map((c) => [c.id, c.group, c.status])).toEqual([
      ['c2', 'Platform', 'operational'],
      ['c3', 'Platform', 'major_outage'],
      ['c4', 'Platform', 'partial_outage'],
      ['5', null, 'maintenance'],
      ['c6', null, 'unknown'],
    ]);
    expect(read.vendor.name).toBe('Kestrel');
  });

  it('reads an open notice with every update (HTML as text, offsets as UTC) and impact from its components', () => {
    const inc = read.incidents.find((i) => i.id === 'n1')!;
    expect(inc).toMatchObject({ impact: 'critical', status: 'identified', components: ['c3'] });
    expect(inc.updates.map((u) => [u.status, u.at, u.body])).toEqual([
      ['investigating', '2026-11-24T09:41:00.000Z', 'We are investigating API errors.'],
      ['identified', '2026-11-24T10:41:00.000Z', 'Cause identified.'],
    ]);
  });

  it('reads a planned notice under way as maintenance, a false alarm as resolved', () => {
    expect(read.incidents.find((i) => i.id === 'n2')).toMatchObject({
      kind: 'maintenance',
      status: 'in_progress',
      components: ['5'],
    });
    expect(read.incidents.find((i) => i.id === 'n3')).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-11-20T08:10:00.000Z',
    });
  });
});

describe('reading Sorry over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('sorry');
  });
  afterAll(() => fake.close());

  it('reads the API address and the page that names it', async () => {
    for (const url of [fake.apiUrl, fake.pageUrl!]) {
      const snap = await readThroughEngine(url);
      expect(snap).toMatchObject({ error: null, status: 'major_outage' });
      expect(snap.vendor.platform).toBe('sorry');
    }
  });
});

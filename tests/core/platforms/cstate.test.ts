// cState: index.json systems with unresolved issues, and the issues list for history.
import { parseCstate } from '../../../electron/core/platforms/cstate';
import { fixtureJson, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

describe('cState index.json', () => {
  const read = parseCstate(
    fixtureJson('cstate', 'index.json'),
    fixtureJson('cstate', 'issues.json'),
    'https://status.wren.example',
  );

  it('maps every system status with its category as group; unknown values are unknown', () => {
    expect(read.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['Website', 'Frontend', 'operational'],
      ['API', 'Backend', 'major_outage'],
      ['Jobs', 'Backend', 'partial_outage'],
      ['Docs', null, 'degraded'],
      ['Billing', 'Backend', 'unknown'],
    ]);
  });

  it('reads an unresolved issue once across the systems it affects, offsets as UTC', () => {
    const open = read.incidents.filter((i) => i.title === 'API outage');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      impact: 'critical',
      status: 'investigating',
      startedAt: '2026-11-24T08:41:00.000Z',
      components: ['API', 'Jobs'],
    });
  });

  it('reads past issues with relative permalinks resolved, and says issues carry no separate updates', () => {
    expect(read.incidents.find((i) => i.title === 'Slow website')).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-11-10T09:00:00.000Z',
      url: 'https://status.wren.example/issues/2026-11-10-slow/',
    });
    expect(read.vendor.lacks).toEqual(['updates']);
    expect(parseCstate(fixtureJson('cstate', 'index.json'), undefined, 'https://x').vendor.lacks).toEqual([
      'updates',
      'history',
    ]);
  });
});

describe('reading cState over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('cstate');
  });
  afterAll(() => fake.close());

  it('reads index.json and the page', async () => {
    for (const url of [fake.apiUrl, fake.pageUrl!]) {
      const snap = await readThroughEngine(url);
      expect(snap).toMatchObject({ error: null, status: 'major_outage' });
      expect(snap.vendor.platform).toBe('cstate');
    }
  });
});

// Cachet 2.x: components, groups, incidents with updates, schedules; numeric codes and non-ISO dates.
import {
  parseCachet,
  cachetComponentStatus,
  cachetIncidentStatus,
} from '../../../electron/core/platforms/cachet';
import { fixtureJson, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

const docs = () => ({
  components: fixtureJson('cachet', 'components.json'),
  groups: fixtureJson('cachet', 'groups.json'),
  incidents: fixtureJson('cachet', 'incidents.json'),
  schedules: fixtureJson('cachet', 'schedules.json'),
  updates: new Map<string, unknown>([['12', fixtureJson('cachet', 'updates-12.json')]]),
});

describe('Cachet API', () => {
  const read = parseCachet(docs(), 'https://status.heron.example', 'Heron');

  it('maps every numeric status (also as strings), groups by id, skips disabled components', () => {
    expect(read.components.map((c) => [c.id, c.group, c.status])).toEqual([
      ['1', null, 'operational'],
      ['2', 'Backend', 'major_outage'],
      ['3', 'Backend', 'partial_outage'],
      ['4', 'Frontend', 'degraded'],
      ['5', 'Frontend', 'unknown'],
    ]);
    expect(cachetComponentStatus(9)).toBe('unknown');
    expect(cachetIncidentStatus(3)).toBe('monitoring');
  });

  it('reads an open incident with its first message and every update, "YYYY-MM-DD HH:MM:SS" dates as UTC', () => {
    const inc = read.incidents.find((i) => i.id === '12')!;
    expect(inc).toMatchObject({
      status: 'identified',
      impact: 'critical',
      components: ['2'],
      url: 'https://status.cachet.example/incidents/12',
    });
    expect(inc.updates.map((u) => [u.status, u.at, u.body])).toEqual([
      ['investigating', '2026-11-24T09:41:00.000Z', 'We are looking into API errors.'],
      ['investigating', '2026-11-24T10:00:00.000Z', 'Still investigating.'],
      ['identified', '2026-11-24T10:30:00.000Z', 'Identified a bad deploy.'],
    ]);
  });

  it('reads scheduled incidents and schedules as maintenances, a fixed incident as resolved, hides invisible ones', () => {
    expect(read.incidents.find((i) => i.id === '11')).toMatchObject({
      kind: 'maintenance',
      status: 'scheduled',
      scheduledFor: '2026-12-01T22:00:00.000Z',
    });
    expect(read.incidents.find((i) => i.id === 'schedule-3')).toMatchObject({
      kind: 'maintenance',
      status: 'in_progress',
      components: ['3'],
    });
    expect(read.incidents.find((i) => i.id === '10')).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-11-20T09:00:00.000Z',
    });
    expect(read.incidents.some((i) => i.title === 'Hidden draft')).toBe(false);
  });
});

describe('reading Cachet over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('cachet');
  });
  afterAll(() => fake.close());

  it('reads the API address and the page, with updates only for open incidents', async () => {
    for (const url of [fake.apiUrl, fake.pageUrl!]) {
      const snap = await readThroughEngine(url);
      expect(snap).toMatchObject({ error: null, status: 'major_outage' });
      expect(snap.vendor.platform).toBe('cachet');
      expect(snap.incidents.find((i) => i.id === '12')!.updates).toHaveLength(3);
    }
    expect(fake.server.count('/api/v1/incidents/10/updates')).toBe(0);
    expect(fake.server.count('/api/v1/incidents/9/updates')).toBe(0); // hidden from the public page
  });
});

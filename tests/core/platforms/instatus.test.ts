// Instatus: summary.json + v2/components.json, and the page's own __NEXT_DATA__.
import { instatusFromPage, parseInstatus } from '../../../electron/core/platforms/instatus';
import type { Json } from '../../../electron/core/platforms/common/values';
import { fixtureJson, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

const summary = fixtureJson<Json>('instatus', 'summary.json');
const components = fixtureJson<Json>('instatus', 'components.json').components;

describe('Instatus JSON', () => {
  const read = parseInstatus(summary, components, 'https://nimbus.instatus.com');

  it('maps every component status, groups from parents and group objects, integer ids as strings', () => {
    expect(read.components.map((c) => [c.id, c.group, c.status])).toEqual([
      ['cmp-web', null, 'operational'],
      ['cmp-rest', 'API', 'major_outage'],
      ['cmp-gql', 'API', 'partial_outage'],
      ['cmp-ws', 'API', 'degraded'],
      ['cmp-db', 'Data', 'maintenance'],
      ['cmp-cdn', 'Data', 'degraded'],
      ['77', null, 'unknown'],
    ]);
  });

  it('reads incidents with impact and progress; unknown values stay unknown', () => {
    const login = read.incidents.find((i) => i.id === 'cl0incident01')!;
    expect(login).toMatchObject({
      impact: 'major',
      status: 'identified',
      startedAt: '2026-11-24T09:41:00.000Z',
    });
    const odd = read.incidents.find((i) => i.id === '42')!;
    expect(odd).toMatchObject({
      impact: 'unknown',
      status: 'unknown',
      startedAt: '2026-11-24T08:00:00.000Z',
    });
  });

  it('reads maintenances, their window from start and duration (minutes, string or number)', () => {
    const db = read.incidents.find((i) => i.id === 'cl0maint01')!;
    expect(db).toMatchObject({
      kind: 'maintenance',
      status: 'in_progress',
      scheduledUntil: '2026-11-24T10:00:00.000Z',
    });
    const net = read.incidents.find((i) => i.id === 'cl0maint02')!;
    expect(net).toMatchObject({ status: 'scheduled', scheduledUntil: '2026-12-01T23:00:00.000Z' });
  });

  it('says summary.json tells no updates and no history', () => {
    expect(read.vendor.lacks).toEqual(['history', 'updates']);
  });
});

describe('reading Instatus over HTTP', () => {
  let fake: PlatformFake;
  let pageOnly: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('instatus');
    pageOnly = await startPlatformFake('instatus', { pageOnly: true });
  });
  afterAll(async () => {
    await fake.close();
    await pageOnly.close();
  });

  it('reads the summary.json address with components.json', async () => {
    const snap = await readThroughEngine(fake.apiUrl);
    expect(snap).toMatchObject({ error: null, status: 'major_outage' });
    expect(snap.components).toHaveLength(7);
  });

  it("reads the page's own address, with every update, when no JSON endpoint answers", async () => {
    const snap = await readThroughEngine(pageOnly.pageUrl!);
    expect(snap.error).toBeNull();
    expect(snap.vendor).toMatchObject({ platform: 'instatus', name: 'Nimbus', lacks: ['history'] });
    const login = snap.incidents.find((i) => i.id === 'cl0incident01')!;
    expect(login.updates.map((u) => [u.status, u.at])).toEqual([
      ['investigating', '2026-11-24T09:41:00.000Z'],
      ['identified', '2026-11-24T09:45:00.000Z'],
    ]);
  });

  it('does not take a page that merely mentions Instatus for one', () => {
    expect(instatusFromPage('<html><body>We compared Instatus and others.</body></html>')).toBeNull();
  });
});

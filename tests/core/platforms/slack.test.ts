// Slack status API v2.0.0: current (active incidents with every note) and history.
import { parseSlack, SLACK_SERVICES, slackAdapter } from '../../../electron/core/platforms/slack';
import { fixtureJson, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

describe('Slack status API', () => {
  const read = parseSlack(fixtureJson('slack', 'current.json'), fixtureJson('slack', 'history.json'));

  it("lists Slack's services, each as bad as its worst active incident, plus services only incidents name", () => {
    const status = new Map(read.components.map((c) => [c.name, c.status]));
    expect(status.get('Messaging')).toBe('major_outage');
    expect(status.get('Notifications')).toBe('major_outage');
    expect(status.get('Search')).toBe('degraded');
    expect(status.get('Huddles')).toBe('operational'); // only a scheduled maintenance
    expect(status.get('Brand New Service')).toBe('degraded');
    expect(read.components).toHaveLength(SLACK_SERVICES.length + 1);
  });

  it('reads an active outage with every note oldest first (offsets to UTC, HTML as text)', () => {
    const outage = read.incidents.find((i) => i.id === '1234')!;
    expect(outage).toMatchObject({
      impact: 'critical',
      status: 'investigating',
      resolvedAt: null,
      components: ['Messaging', 'Notifications'],
    });
    expect(outage.updates.map((u) => [u.at, u.body])).toEqual([
      ['2026-11-24T09:41:00.000Z', "Some users can't send messages. We're investigating."],
      ['2026-11-24T10:20:00.000Z', "We've identified the cause & are rolling back a change."],
      ['2026-11-24T11:00:00.000Z', 'Most messages are sending again.'],
    ]);
  });

  it('reads a scheduled notice as a maintenance, null notes as none, string ids, and history once', () => {
    expect(read.incidents.find((i) => i.id === '1236')).toMatchObject({
      kind: 'maintenance',
      status: 'scheduled',
      updates: [],
    });
    expect(read.incidents.find((i) => i.id === '1235')).toMatchObject({ impact: 'minor' });
    expect(read.incidents.filter((i) => i.id === '1234')).toHaveLength(1);
    const past = read.incidents.find((i) => i.id === '1200')!;
    expect(past).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-20T18:00:00.000Z' });
    expect(past.updates.map((u) => u.status)).toEqual(['investigating', 'resolved']);
  });

  it('reads "ok" as every service operational, and an unknown overall status without incidents as unknown', () => {
    expect(
      parseSlack(fixtureJson('slack', 'ok.json'), []).components.every((c) => c.status === 'operational'),
    ).toBe(true);
    const odd = parseSlack({ status: 'wobbly', active_incidents: null }, []);
    expect(odd.components.every((c) => c.status === 'unknown')).toBe(true);
  });

  it("recognises Slack's own addresses", () => {
    expect(slackAdapter.matchUrl(new URL('https://status.slack.com/'))).toMatchObject({
      apiUrl: 'https://status.slack.com/api/v2.0.0/current',
    });
  });
});

describe('reading Slack over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('slack');
  });
  afterAll(() => fake.close());

  it('reads the API address and the page', async () => {
    for (const url of [fake.apiUrl, fake.pageUrl!]) {
      const snap = await readThroughEngine(url);
      expect(snap).toMatchObject({ error: null, status: 'major_outage' });
      expect(snap.vendor.platform).toBe('slack');
      expect(snap.incidents.some((i) => i.id === '1200')).toBe(true);
    }
  });
});

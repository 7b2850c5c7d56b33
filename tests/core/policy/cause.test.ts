// The likely cause is named only with evidence a person can check, and never guessed.
import { findCause, mentions } from '../../../electron/core/policy/cause';
import { initialGroupingState, stepGrouping } from '../../../electron/core/policy/grouping';
import type { Incident, MonitorEvent, Snapshot } from '../../../shared/model';

const NOW = Date.parse('2025-11-18T12:00:00.000Z');
const MIN = 60_000;

function page(
  name: string,
  incidents: Partial<Incident>[] = [],
  components: Snapshot['components'] = [],
): Snapshot {
  return {
    url: `https://${name}.test`,
    vendor: { name, platform: 'statuspage', pageUrl: `https://${name}.test` },
    status: 'operational',
    components,
    incidents: incidents.map((i, n) => ({
      id: `i${n}`,
      title: 'Incident',
      impact: 'major',
      status: 'investigating',
      startedAt: new Date(NOW - 5 * MIN).toISOString(),
      resolvedAt: null,
      url: null,
      components: [],
      updates: [],
      ...i,
    })),
    fetchedAt: new Date(NOW).toISOString(),
    error: null,
  };
}

const base = { since: NOW - 8 * MIN, now: NOW, windowMs: 10 * MIN };

describe('likely cause', () => {
  it("names a vendor's failing third-party component as evidence (Kustomer lists PubNub under Third Party)", () => {
    const kustomer = page(
      'Kustomer',
      [],
      [
        { id: 'c1', name: 'PubNub', group: 'Third Party', status: 'major_outage' },
        { id: 'c2', name: 'OpenAI', group: 'Third Party', status: 'operational' },
      ],
    );
    const cause = findCause({
      ...base,
      members: [
        { id: 'kustomer', name: 'Kustomer', snapshot: kustomer },
        { id: 'a', name: 'Acme', snapshot: page('Acme') },
      ],
      candidates: [
        { id: 'pubnub', name: 'PubNub', aliases: [], snapshot: page('PubNub'), common: false },
        {
          id: 'openai',
          name: 'OpenAI',
          aliases: [],
          snapshot: page('OpenAI', [{ title: 'ChatGPT errors' }]),
          common: false,
        },
      ],
    });
    expect(cause).toMatchObject({
      vendor: 'PubNub',
      evidence: ["Kustomer's component Third Party / PubNub is failing"],
    });
  });

  it('never names a watched vendor on its own incident alone, nor a provider whose incident is long over or later', () => {
    const members = [
      { id: 'a', name: 'Acme', snapshot: page('Acme', [{ title: 'Errors' }]) },
      { id: 'b', name: 'Beta', snapshot: page('Beta', [{ title: 'Errors' }]) },
    ];
    expect(
      findCause({
        ...base,
        members,
        candidates: [
          {
            id: 'linear',
            name: 'Linear',
            aliases: [],
            snapshot: page('Linear', [{ title: 'API down' }]),
            common: false,
          },
          {
            name: 'Fastly',
            aliases: [],
            snapshot: page('Fastly', [{ title: 'Later', startedAt: new Date(NOW + MIN).toISOString() }]),
            common: true,
          },
          {
            name: 'Akamai',
            aliases: [],
            snapshot: page('Akamai', [
              { title: 'Old', startedAt: new Date(NOW - 3 * 86_400_000).toISOString() },
            ]),
            common: true,
          },
        ],
      }),
    ).toBeNull();
  });

  it('matches names as words: "AWS us-east-1" names the region, "Flawless" does not name AWS', () => {
    expect(mentions('Degraded due to AWS us-east-1 issues', ['us-east-1'])).toBe(true);
    expect(mentions('Flawless deploys', ['AWS'])).toBe(false);
    expect(mentions('our CDN (Cloudflare) is failing', ['Cloudflare'])).toBe(true);
  });
});

describe('grouping', () => {
  const worse = (vendor: string, to = 'major_outage'): MonitorEvent =>
    ({
      type: 'vendor_status_changed',
      vendor,
      vendorId: vendor.toLowerCase(),
      at: '',
      from: 'operational',
      to,
    }) as MonitorEvent;
  const better = (vendor: string): MonitorEvent =>
    ({
      type: 'vendor_status_changed',
      vendor,
      vendorId: vendor.toLowerCase(),
      at: '',
      from: 'major_outage',
      to: 'operational',
    }) as MonitorEvent;
  const config = { minVendors: 3, windowMs: 10 * MIN };
  const causeOf = () => null;

  it('opens at three within the window, takes a fourth, and closes when all recovered', () => {
    let s = initialGroupingState();
    const step = (t: number, events: MonitorEvent[]) => {
      const r = stepGrouping(s, { now: NOW + t, events, causeOf }, config);
      s = r.state;
      return r.events;
    };
    expect(step(0, [worse('A')])).toEqual([]);
    expect(step(MIN, [worse('B')])).toEqual([]);
    expect(step(2 * MIN, [worse('C')])).toMatchObject([
      { type: 'shared_cause_opened', vendors: ['A', 'B', 'C'], cause: null },
    ]);
    expect(step(3 * MIN, [worse('D')])).toMatchObject([
      { type: 'shared_cause_updated', vendors: ['A', 'B', 'C', 'D'] },
    ]);
    expect(step(4 * MIN, [better('A')])).toMatchObject([
      { type: 'shared_cause_updated', vendors: ['B', 'C', 'D'], recovered: ['A'] },
    ]);
    // Far outside the window: not a member, its own story.
    expect(step(60 * MIN, [worse('E')])).toEqual([]);
    expect(step(61 * MIN, [better('B'), better('C'), better('D')])).toMatchObject([
      { type: 'shared_cause_closed', vendors: ['A', 'B', 'C', 'D'] },
    ]);
  });

  it('does not group vendors that fail further apart than the window', () => {
    let s = initialGroupingState();
    for (const [i, v] of ['A', 'B', 'C'].entries()) {
      const r = stepGrouping(s, { now: NOW + i * 11 * MIN, events: [worse(v)], causeOf }, config);
      s = r.state;
      expect(r.events).toEqual([]);
    }
  });
});

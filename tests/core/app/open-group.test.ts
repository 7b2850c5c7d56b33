// The open group kept across a restart, as pure decisions: what is stored (bounded, so it always loads
// again), what is continued (only members still watched, not too old, not too few), how a member read
// fine after the restart settles it (one close), and how the notification policy's group follows.
import { describe, expect, it } from 'vitest';
import {
  OPEN_GROUP_LIMITS,
  reconcilePolicyGroup,
  restoreGrouping,
  storedGrouping,
  validateStoredGrouping,
} from '../../../electron/core/app/open-group';
import {
  GROUPING_LIMITS,
  settleMember,
  stepGrouping,
  type GroupingState,
} from '../../../electron/core/policy/grouping';
import { initialPolicyState } from '../../../electron/core/policy/policy';

const T0 = Date.parse('2025-11-18T11:50:00Z');
const WINDOW = 10 * 60_000;
const NAMES = ['OpenAI', 'Discord', 'Canva', 'Shopify'];

/** A group of four opened by the real state machine, as it would be saved. */
function openFour(): GroupingState {
  const { state } = stepGrouping(
    { version: 1, recent: {}, open: null },
    {
      now: T0,
      events: NAMES.map((name) => ({
        type: 'vendor_status_changed' as const,
        vendor: name,
        vendorId: name.toLowerCase(),
        at: new Date(T0).toISOString(),
        from: 'operational' as const,
        to: 'major_outage' as const,
      })),
      causeOf: () => ({
        vendor: 'Cloudflare',
        evidence: ['Cloudflare reports a major outage since 11:48 UTC'],
      }),
    },
    { minVendors: 3, windowMs: WINDOW },
  );
  expect(state.open?.members).toHaveLength(4);
  return state;
}

const watchedAll = new Set(NAMES.map((n) => n.toLowerCase()));
const roundTrip = (s: GroupingState): GroupingState =>
  validateStoredGrouping(JSON.parse(JSON.stringify(storedGrouping(s))));

describe('the stored group', () => {
  it('loads back what was saved', () => {
    const state = openFour();
    expect(roundTrip(state)).toEqual(state);
  });

  it('bounds what it saves, so a page with a huge name or evidence still loads after a restart', () => {
    const state = openFour();
    state.open!.members[0]!.name = 'N'.repeat(10_000);
    state.open!.cause!.evidence = Array.from({ length: 50 }, () => 'E'.repeat(5_000));
    for (let i = 0; i < GROUPING_LIMITS.recent + 10; i++)
      state.recent[`v${i}`] = { at: T0 + i, name: `V${i}` };
    const back = roundTrip(state);
    expect(back.open!.members[0]!.name).toHaveLength(OPEN_GROUP_LIMITS.nameChars);
    expect(back.open!.cause!.evidence).toHaveLength(OPEN_GROUP_LIMITS.evidence);
    expect(Object.keys(back.recent)).toHaveLength(GROUPING_LIMITS.recent);
    // The most recent are the ones kept.
    expect(back.recent[`v${GROUPING_LIMITS.recent + 9}`]).toBeDefined();
  });

  it('refuses, in words, a document that is not one', () => {
    expect(() =>
      validateStoredGrouping({ version: 1, recent: {}, open: { id: 'g-1', members: 'x' } }),
    ).toThrow(/^not a group of vendors failing together \(open\.\w+: /);
    expect(() => validateStoredGrouping('oops')).toThrow(/^not a group of vendors failing together/);
    const many = storedGrouping(openFour());
    many.open!.members = Array.from({ length: GROUPING_LIMITS.members + 1 }, (_, i) => ({
      id: `v${i}`,
      name: `V${i}`,
      recovered: false,
    }));
    expect(() => validateStoredGrouping(many)).toThrow(/open\.members/);
  });
});

describe('continuing a stored group', () => {
  it('continues it as it was when its vendors are all still watched', () => {
    const state = openFour();
    const r = restoreGrouping(state, { watched: watchedAll, now: T0 + 3_600_000, windowMs: WINDOW });
    expect(r.outcome).toBe('continued');
    expect(r.state.open).toEqual(state.open);
    // Vendors recently worse are kept only within the grouping window.
    expect(r.state.recent).toEqual({});
    expect(
      restoreGrouping(state, { watched: watchedAll, now: T0 + 60_000, windowMs: WINDOW }).state.recent,
    ).toEqual(state.recent);
  });

  it('leaves out members no longer watched, and ends it silently when fewer than two remain', () => {
    const state = openFour();
    const two = restoreGrouping(state, { watched: new Set(['openai', 'canva']), now: T0, windowMs: WINDOW });
    expect(two.outcome).toBe('continued');
    expect(two.state.open!.members.map((m) => m.name)).toEqual(['OpenAI', 'Canva']);
    expect(two.dropped).toEqual(['Discord', 'Shopify']);
    const one = restoreGrouping(state, { watched: new Set(['openai']), now: T0, windowMs: WINDOW });
    expect(one).toMatchObject({ outcome: 'too-few', state: { open: null } });
  });

  it('ends it when only recovered members remain watched (those still in trouble were removed)', () => {
    const state = openFour();
    state.open!.members[0]!.recovered = true;
    state.open!.members[1]!.recovered = true;
    const r = restoreGrouping(state, { watched: new Set(['openai', 'discord']), now: T0, windowMs: WINDOW });
    expect(r.outcome).toBe('too-few');
  });

  it('does not continue a group that began more than two days ago', () => {
    const state = openFour();
    const late = T0 + OPEN_GROUP_LIMITS.maxAgeMs + 1;
    expect(restoreGrouping(state, { watched: watchedAll, now: late, windowMs: WINDOW })).toMatchObject({
      outcome: 'too-old',
      state: { open: null },
    });
  });
});

describe('a continued group as its members are read again', () => {
  it('counts a member read fine as recovered, and closes once with all of them when the last is', () => {
    let state = openFour();
    const still = settleMember(state, 'openai', 'major_outage', T0 + 1);
    expect(still.events).toEqual([]);
    const events = [];
    for (const id of ['openai', 'discord', 'canva', 'shopify']) {
      const r = settleMember(state, id, id === 'canva' ? 'maintenance' : 'operational', T0 + 2);
      state = r.state;
      events.push(...r.events);
    }
    expect(events.map((e) => e.type)).toEqual([
      'shared_cause_updated',
      'shared_cause_updated',
      'shared_cause_updated',
      'shared_cause_closed',
    ]);
    expect(events.at(-1)!.vendors).toEqual(NAMES);
    expect(state.open).toBeNull();
    // Read again after the close: nothing more.
    expect(settleMember(state, 'openai', 'operational', T0 + 3).events).toEqual([]);
  });
});

describe("the notification policy's group after a restart", () => {
  it('forgets its group when none was continued, so its members are told again', () => {
    const policy = { ...initialPolicyState(), group: { id: 'g-1', members: ['openai'] } as never };
    expect(reconcilePolicyGroup(policy, null).group).toBeNull();
  });

  it('keeps what it was telling of the same group, with the members continued', () => {
    const open = restoreGrouping(openFour(), {
      watched: new Set(['openai', 'discord', 'canva']),
      now: T0,
      windowMs: WINDOW,
    }).state.open!;
    const told = {
      id: open.id,
      members: ['openai', 'discord', 'canva', 'shopify'],
      announced: true,
      latest: null,
      waitingSince: null,
      changes: ['Canva joined'],
      shown: NAMES,
    };
    const group = reconcilePolicyGroup({ ...initialPolicyState(), group: told }, open).group;
    expect(group).toEqual({ ...told, members: ['openai', 'discord', 'canva'] });
  });

  it('takes up a continued group its saved state lost, as told, so its recovery is told once', () => {
    const open = openFour().open!;
    expect(reconcilePolicyGroup(initialPolicyState(), open).group).toEqual({
      id: open.id,
      members: ['openai', 'discord', 'canva', 'shopify'],
      announced: true,
      latest: null,
      waitingSince: null,
      changes: [],
      shown: NAMES,
    });
  });
});

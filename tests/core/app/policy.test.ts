// The policy runner: events become notifications delivered to the outlets, and a policy that asks to be
// woken (coalescing) is woken without any new event.
import { describe, expect, it } from 'vitest';
import { createOutlets } from '../../../electron/core/app/outlets';
import { createPolicyRunner, policyConfigOf } from '../../../electron/core/app/policy';
import { DEFAULT_SETTINGS } from '../../../electron/core/app/stores';
import { initialPolicyState, type PolicyState } from '../../../electron/core/policy/policy';
import { vendorIdFor } from '../../../electron/core/watchlist';
import type { MonitorEvent } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import { FakeTimers } from '../monitor/helpers';

const VENDOR = vendorIdFor('https://status.kustomer.test');

function opened(at: number): MonitorEvent {
  return {
    type: 'incident_opened',
    vendor: 'Kustomer',
    vendorId: VENDOR,
    at: new Date(at).toISOString(),
    incident: { id: 'i1', title: 'Workflows delayed', impact: 'major', status: 'investigating' },
  };
}

describe('policy runner', () => {
  it("tells each vendor's choices to the policy", () => {
    const config = policyConfigOf(
      DEFAULT_SETTINGS,
      [
        { url: 'https://status.kustomer.test', notify: 'outages', components: ['c1'] },
        { url: 'https://x.test' },
      ],
      50,
    );
    expect(config.vendors).toEqual({
      [VENDOR]: { notify: 'outages', components: ['c1'] },
      [vendorIdFor('https://x.test')]: { notify: 'all' },
    });
    expect(config.timing).toEqual({ coalesceMs: 50, groupMinVendors: 3, groupWindowMs: 600_000 });
  });

  it('delivers the coalesced notification to the outlets when the policy wakes', async () => {
    const timers = new FakeTimers();
    let state: PolicyState = initialPolicyState();
    const got: AppNotification[] = [];
    const outlets = createOutlets([{ name: 'test', deliver: (n) => void got.push(n) }]);
    const runner = createPolicyRunner({
      timers,
      now: timers.now,
      config: () => policyConfigOf(DEFAULT_SETTINGS, [{ url: 'https://status.kustomer.test' }], 1000),
      getState: () => state,
      setState: (s) => (state = s),
      outlets,
    });
    runner.step([opened(timers.now())]);
    expect(got).toEqual([]);
    await timers.advance(5000);
    expect(got).toHaveLength(1);
    expect(got[0]!.body + got[0]!.title).toContain('Workflows delayed');
    runner.stop();
    expect(timers.count()).toBe(0);
  });
});

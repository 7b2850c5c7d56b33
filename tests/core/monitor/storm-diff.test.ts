// A page publishing 5,000 open incidents that all change identity at every poll: one poll of it gives a
// bounded number of events, the rest counted in one summary, and the policy tells that count once; the
// same for 5,000 churning components.
import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../shared/model';
import {
  diffSnapshots,
  MAX_COMPONENT_EVENTS_PER_POLL,
  MAX_INCIDENT_EVENTS_PER_POLL,
} from '../../../electron/core/monitor/diff';
import { eventLine } from '../../../electron/core/policy/text';
import { initialPolicyState, runPolicy } from '../../../electron/core/policy/policy';
import { component, incident, snapshot } from './helpers';

const stormPage = (poll: number) =>
  snapshot(
    [component('c1', 'API', null)],
    Array.from({ length: 5_000 }, (_, i) => incident(`p${poll}-${i}`, { impact: 'minor' })),
    'Storm Corp',
  );

describe('one poll of a storm', () => {
  it('gives at most the bound of incident events and one summary of the rest', () => {
    const events = diffSnapshots(stormPage(0), stormPage(1), {
      vendor: 'Storm Corp',
      vendorId: 'storm',
      at: '',
    });
    expect(events.filter((e) => 'incident' in e)).toHaveLength(MAX_INCIDENT_EVENTS_PER_POLL);
    const summary = events.find((e) => e.type === 'incidents_summarised') as Extract<
      MonitorEvent,
      { type: 'incidents_summarised' }
    >;
    expect(summary.count).toBe(10_000 - MAX_INCIDENT_EVENTS_PER_POLL);
    expect(events.length).toBeLessThanOrEqual(MAX_INCIDENT_EVENTS_PER_POLL + 2);

    const config = {
      settings: {
        notificationsEnabled: true,
        quietHours: { enabled: false, start: '22:00', end: '07:00' },
        pausedUntil: null,
      },
      vendors: {},
    };
    const t = Date.parse('2026-11-24T10:00:00Z');
    let r = runPolicy(initialPolicyState(), { now: t, events }, config);
    r = runPolicy(r.state, { now: t + 10_000, events: [] }, config);
    expect(r.notifications).toHaveLength(1);
    expect(r.notifications[0]!.body).toMatch(/\n9,9\d\d more changes at Storm Corp$/);
  });
});

describe('one poll of a component storm', () => {
  // 5,000 components whose ids change at every poll: each poll ends 5,000 and starts 5,000 others.
  const churningPage = (poll: number) =>
    snapshot(
      Array.from({ length: 5_000 }, (_, i) =>
        component(`p${poll}-${i}`, `Node ${i}`, 'Fleet', poll % 2 ? 'major_outage' : 'degraded'),
      ),
      [],
      'Churn Corp',
    );

  it('gives at most the bound of component events and one summary that says it counts component changes', () => {
    const events = diffSnapshots(churningPage(0), churningPage(1), {
      vendor: 'Churn Corp',
      vendorId: 'churn',
      at: '',
    });
    expect(events.filter((e) => e.type === 'component_status_changed')).toHaveLength(
      MAX_COMPONENT_EVENTS_PER_POLL,
    );
    const summaries = events.filter((e) => e.type === 'components_summarised');
    expect(summaries).toEqual([
      expect.objectContaining({
        type: 'components_summarised',
        count: 5_000 - MAX_COMPONENT_EVENTS_PER_POLL,
      }),
    ]);
    expect(events.some((e) => e.type === 'incidents_summarised')).toBe(false);
    expect(eventLine(summaries[0]!)).toBe('4,900 more component changes at Churn Corp');

    const config = {
      settings: {
        notificationsEnabled: true,
        quietHours: { enabled: false, start: '22:00', end: '07:00' },
        pausedUntil: null,
      },
      vendors: {},
    };
    const t = Date.parse('2026-11-24T10:00:00Z');
    let r = runPolicy(initialPolicyState(), { now: t, events }, config);
    r = runPolicy(r.state, { now: t + 10_000, events: [] }, config);
    expect(r.notifications).toHaveLength(1);
    // Never "incident changes" for what were component changes.
    expect(r.notifications[0]!.body).not.toMatch(/incident/);
    expect(r.notifications[0]!.body).toMatch(/more changes at Churn Corp$/);
  });
});

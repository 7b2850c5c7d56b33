import { snooze, snoozedUntil, type PolicyState } from '../../../electron/core/policy/policy';
import { comp, config, Driver, MIN, opened, outage, resolved, S, T0, vstatus } from './driver';

describe('notification policy', () => {
  it('says vendor, what changed and severity, with the incident title in the body', () => {
    const d = new Driver();
    d.step(T0, outage());
    expect(d.sent).toEqual([]);
    d.settle(T0 + 10 * S);
    expect(d.sent).toHaveLength(1);
    const n = d.sent[0]!;
    expect(n.title).toBe('Kustomer — Major outage: Prod1 (US) / Workflow');
    expect(n.body).toContain('Workflows are failing in Prod1');
    expect(n.severity).toBe('major_outage');
    expect(n.target).toEqual({ vendorId: 'kustomer', incidentId: 'inc1' });
  });

  it('coalesces several events of one vendor within a few seconds into one notification', () => {
    const d = new Driver();
    d.step(T0, [comp('Kustomer', 'Workflow', 'Prod1 (US)', 'operational', 'major_outage')]);
    d.step(T0 + 2 * S, [opened('Kustomer', 'inc1', 'Workflows failing')]);
    d.step(T0 + 3 * S, [
      comp('Kustomer', 'Email', 'Prod1 (US)', 'operational', 'degraded'),
      vstatus('Kustomer', 'operational', 'major_outage'),
    ]);
    d.settle(T0 + MIN);
    expect(d.sent).toHaveLength(1);
    expect(d.sent[0]!.body).toContain('Prod1 (US) / Email: Degraded performance');
  });

  it('turns a burst across vendors into one digest', () => {
    const d = new Driver();
    d.step(T0, [...outage('Alpha'), ...outage('Beta'), ...outage('Gamma'), ...outage('Delta')]);
    d.settle(T0 + MIN);
    expect(d.sent).toHaveLength(1);
    expect(d.sent[0]!.title).toBe('4 vendors changed at once');
    expect(d.sent[0]!.body.split('\n')).toHaveLength(4);
    expect(d.sent[0]!.target).toBeNull();
  });

  it('damps a flapping component into one flapping notice, then says where it settled', () => {
    const d = new Driver();
    const flip = (i: number) => [
      comp(
        'Kustomer',
        'Workflow',
        'Prod1 (US)',
        i % 2 ? 'major_outage' : 'operational',
        i % 2 ? 'operational' : 'major_outage',
      ),
      vstatus('Kustomer', i % 2 ? 'major_outage' : 'operational', i % 2 ? 'operational' : 'major_outage'),
    ];
    for (let i = 0; i < 10; i++) d.step(T0 + i * MIN, flip(i));
    const flapping = d.sent.filter((n) => n.title.includes('keeps changing'));
    expect(flapping).toHaveLength(1);
    expect(flapping[0]!.title).toBe('Kustomer — flapping: Prod1 (US) / Workflow keeps changing status');
    // Three round trips are told as they happen, then nothing more while it oscillates.
    const beforeSettling = d.sent.length;
    expect(beforeSettling).toBeLessThanOrEqual(6);
    // It holds still (operational after an even number of flips): told as soon as that is clear, in
    // about two of its own periods, not after a fixed 15-minute hold.
    d.settle(T0 + 12 * MIN);
    const last = d.sent[d.sent.length - 1]!;
    expect(last.title).toMatch(/stopped flapping/);
    expect(last.severity).toBe('operational');
    expect(d.sent.length).toBe(beforeSettling + 1);
    d.settle(T0 + 60 * MIN);
    expect(d.sent.length).toBe(beforeSettling + 1);
  });

  it('does not mistake an outage that worsens and recovers for flapping', () => {
    const d = new Driver();
    d.step(T0, [comp('K', 'W', null, 'operational', 'degraded')]);
    d.step(T0 + MIN, [comp('K', 'W', null, 'degraded', 'major_outage')]);
    d.step(T0 + 2 * MIN, [comp('K', 'W', null, 'major_outage', 'operational')]);
    d.settle(T0 + 5 * MIN);
    expect(d.sent.map((n) => n.title)).toEqual([
      'K — Degraded performance: W',
      'K — Major outage: W',
      'K — Operational: W',
    ]);
  });

  it('holds everything during quiet hours and sends one digest after', () => {
    const d = new Driver(
      config({
        settings: {
          notificationsEnabled: true,
          quietHours: { enabled: true, start: '22:00', end: '07:00' },
          pausedUntil: null,
        },
      }),
    );
    const night = Date.parse('2026-11-24T23:00:00.000Z');
    d.step(night, outage('Kustomer'));
    d.step(night + 30 * MIN, [opened('GitHub', 'g1', 'Actions delayed', 'minor')]);
    d.step(night + 3 * 60 * MIN, [
      resolved('Kustomer', 'inc1', 'Workflows are failing in Prod1'),
      vstatus('Kustomer', 'major_outage', 'operational'),
    ]);
    d.settle(Date.parse('2026-11-25T06:59:00.000Z'));
    expect(d.sent).toEqual([]);
    d.settle(Date.parse('2026-11-25T07:01:00.000Z'));
    expect(d.sent).toHaveLength(1);
    expect(d.sent[0]!.title).toBe('During quiet hours: 2 vendors changed');
    expect(d.sent[0]!.body).toContain('Kustomer: Operational');
    expect(d.sent[0]!.body).toContain('GitHub: Degraded performance');
  });

  it('sends nothing while offline and one catch-up digest after coming back', () => {
    const d = new Driver();
    d.step(T0, [], true);
    d.step(T0 + 60 * MIN, [], false);
    d.step(T0 + 60 * MIN + 5 * S, outage('Kustomer'));
    d.step(T0 + 60 * MIN + 20 * S, outage('GitHub'));
    d.step(T0 + 60 * MIN + 40 * S, [opened('Slack', 's1', 'Messages delayed', 'minor')]);
    d.settle(T0 + 120 * MIN);
    expect(d.sent).toHaveLength(1);
    expect(d.sent[0]!.title).toBe('While you were offline: 3 vendors changed');
  });

  it('respects a 1 h snooze, and notifies again after it', () => {
    const d = new Driver();
    d.state = snooze(d.state, 'kustomer', '1h', T0);
    expect(snoozedUntil(d.state, 'kustomer', T0)).toBe(T0 + 60 * MIN);
    d.step(T0 + MIN, outage());
    d.settle(T0 + 10 * MIN);
    expect(d.sent).toEqual([]);
    d.step(T0 + 61 * MIN, [
      resolved('Kustomer', 'inc1', 'Workflows are failing in Prod1'),
      vstatus('Kustomer', 'major_outage', 'operational'),
    ]);
    d.settle(T0 + 70 * MIN);
    expect(d.sent).toHaveLength(1);
    expect(snoozedUntil(d.state, 'kustomer', T0 + 70 * MIN)).toBeNull();
  });

  it('keeps a vendor snoozed until its incident ends', () => {
    const d = new Driver();
    d.step(T0, outage());
    d.settle(T0 + MIN);
    expect(d.sent).toHaveLength(1);
    d.state = snooze(d.state, 'kustomer', 'incident', T0 + MIN);
    d.step(T0 + 5 * MIN, [comp('Kustomer', 'Email', 'Prod1 (US)', 'operational', 'degraded')]);
    d.settle(T0 + 10 * MIN);
    expect(d.sent).toHaveLength(1);
    d.step(T0 + 20 * MIN, [
      resolved('Kustomer', 'inc1', 'x'),
      vstatus('Kustomer', 'major_outage', 'operational'),
    ]);
    d.settle(T0 + 30 * MIN);
    expect(d.state.snoozes).toEqual({});
    d.step(T0 + 40 * MIN, [comp('Kustomer', 'Email', 'Prod1 (US)', 'degraded', 'major_outage')]);
    d.settle(T0 + 50 * MIN);
    expect(d.sent.at(-1)!.title).toBe('Kustomer — Major outage: Prod1 (US) / Email');
  });

  it('notifies only for the components a vendor is subscribed to', () => {
    const d = new Driver(
      config({ vendors: { kustomer: { notify: 'all', components: ['Prod2 (EU)/Channel - Email'] } } }),
    );
    d.step(T0, [comp('Kustomer', 'Workflow', 'Prod1 (US)', 'operational', 'major_outage')]);
    d.settle(T0 + MIN);
    expect(d.sent).toEqual([]);
    d.step(T0 + 2 * MIN, [
      comp('Kustomer', 'Channel - Email', 'Prod2 (EU)', 'operational', 'partial_outage'),
    ]);
    d.settle(T0 + 3 * MIN);
    expect(d.sent.map((n) => n.title)).toEqual(['Kustomer — Partial outage: Prod2 (EU) / Channel - Email']);
  });

  it('announces nothing twice after a restart', () => {
    const d = new Driver();
    d.step(T0, outage());
    d.settle(T0 + MIN);
    expect(d.sent).toHaveLength(1);
    // Restart: the state went through JSON on disk, and the monitor's first read announces what is open.
    const restarted = new Driver();
    restarted.state = JSON.parse(JSON.stringify(d.state)) as PolicyState;
    restarted.step(T0 + 5 * MIN, [
      comp('Kustomer', 'Workflow', 'Prod1 (US)', 'unknown', 'major_outage'),
      opened('Kustomer', 'inc1', 'Workflows are failing in Prod1'),
      vstatus('Kustomer', 'unknown', 'major_outage'),
    ]);
    restarted.settle(T0 + 10 * MIN);
    expect(restarted.sent).toEqual([]);
    // What is new after the restart still is.
    restarted.step(T0 + 20 * MIN, [resolved('Kustomer', 'inc1', 'Workflows are failing in Prod1')]);
    restarted.settle(T0 + 30 * MIN);
    expect(restarted.sent).toHaveLength(1);
  });

  it('with "outages only" skips degradations and updates but tells outages and their end', () => {
    const d = new Driver(config({ vendors: { kustomer: { notify: 'outages' } } }));
    d.step(T0, [
      comp('Kustomer', 'Email', null, 'operational', 'degraded'),
      vstatus('Kustomer', 'operational', 'degraded'),
    ]);
    d.settle(T0 + MIN);
    expect(d.sent).toEqual([]);
    d.step(T0 + 2 * MIN, [comp('Kustomer', 'Email', null, 'degraded', 'major_outage')]);
    d.step(T0 + 10 * MIN, [comp('Kustomer', 'Email', null, 'major_outage', 'operational')]);
    d.settle(T0 + 20 * MIN);
    expect(d.sent.map((n) => n.title)).toEqual([
      'Kustomer — Major outage: Email',
      'Kustomer — Operational: Email',
    ]);
  });

  it('sends nothing for a muted vendor, below the minimum severity, while paused or turned off', () => {
    const muted = new Driver(config({ vendors: { kustomer: { notify: 'muted' } } }));
    muted.step(T0, outage());
    muted.settle(T0 + MIN);
    expect(muted.sent).toEqual([]);

    const minimum = new Driver(
      config({ vendors: { kustomer: { notify: 'all', minSeverity: 'partial_outage' } } }),
    );
    minimum.step(T0, [comp('Kustomer', 'Email', null, 'operational', 'degraded')]);
    minimum.settle(T0 + MIN);
    expect(minimum.sent).toEqual([]);

    const paused = new Driver(
      config({
        settings: {
          notificationsEnabled: true,
          quietHours: { enabled: false, start: '22:00', end: '07:00' },
          pausedUntil: new Date(T0 + 60 * MIN).toISOString(),
        },
      }),
    );
    paused.step(T0, outage());
    paused.settle(T0 + MIN);
    expect(paused.sent).toEqual([]);

    const off = new Driver(
      config({
        settings: {
          notificationsEnabled: false,
          quietHours: { enabled: false, start: '22:00', end: '07:00' },
          pausedUntil: null,
        },
      }),
    );
    off.step(T0, outage());
    off.settle(T0 + MIN);
    expect(off.sent).toEqual([]);
  });

  it('never notifies that a vendor is unreachable or that data is unknown', () => {
    const d = new Driver();
    d.step(T0, [
      vstatus('Kustomer', 'operational', 'unknown'),
      {
        type: 'vendor_unreachable',
        vendor: 'Kustomer',
        vendorId: 'kustomer',
        at: '',
        error: { kind: 'timeout', message: 't' },
      },
    ]);
    d.settle(T0 + MIN);
    expect(d.sent).toEqual([]);
  });
});

describe('notification policy and stale data', () => {
  it('does not count going stale and back as flapping', () => {
    const d = new Driver();
    for (let i = 0; i < 6; i++) {
      d.step(T0 + i * MIN, [
        vstatus('Kustomer', i % 2 ? 'unknown' : 'operational', i % 2 ? 'operational' : 'unknown'),
      ]);
    }
    d.step(T0 + 7 * MIN, [
      comp('Kustomer', 'Workflow', 'Prod1 (US)', 'operational', 'major_outage'),
      vstatus('Kustomer', 'operational', 'major_outage'),
    ]);
    d.settle(T0 + 8 * MIN);
    expect(d.sent.map((n) => n.title)).toEqual(['Kustomer — Major outage: Prod1 (US) / Workflow']);
  });
});

describe('notification policy in quiet hours', () => {
  it('holds a flapping notice for the digest too', () => {
    const d = new Driver(
      config({
        settings: {
          notificationsEnabled: true,
          quietHours: { enabled: true, start: '22:00', end: '07:00' },
          pausedUntil: null,
        },
      }),
    );
    const night = Date.parse('2026-11-24T23:00:00.000Z');
    for (let i = 0; i < 6; i++) {
      d.step(night + i * MIN, [
        comp(
          'Kustomer',
          'Workflow',
          'Prod1 (US)',
          i % 2 ? 'major_outage' : 'operational',
          i % 2 ? 'operational' : 'major_outage',
        ),
      ]);
    }
    d.settle(Date.parse('2026-11-25T06:59:00.000Z'));
    expect(d.sent).toEqual([]);
    d.settle(Date.parse('2026-11-25T07:01:00.000Z'));
    expect(d.sent).toHaveLength(1);
    expect(d.sent[0]!.title).toBe('During quiet hours: 1 vendor changed');
  });
});

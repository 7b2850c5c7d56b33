import type { MonitorEvent } from '../../../shared/model';
import { config, Driver, MIN, opened, outage, resolved, S, T0 } from './driver';

describe('a storm at one vendor', () => {
  const storm = (poll: number, n: number): MonitorEvent[] => {
    const events: MonitorEvent[] = [];
    for (let i = 0; i < n; i++) {
      events.push(opened('Storm Corp', `p${poll}-${i}`, `Storm incident ${poll}/${i} `.repeat(20), 'minor'));
      if (poll > 0) events.push(resolved('Storm Corp', `p${poll - 1}-${i}`, `Storm incident ${i}`, 'minor'));
    }
    return events;
  };

  it('is bounded, summarised, linear, and does not hide an outage elsewhere', () => {
    const d = new Driver();
    const started = performance.now();
    for (let poll = 0; poll < 10; poll++) {
      const t = T0 + poll * 2 * S;
      d.step(t, [...storm(poll, 5_000), ...(poll === 5 ? outage('Acme') : [])]);
    }
    d.settle(T0 + MIN);
    // 100,000 events in 10 runs: linear work finishes in well under the interval (quadratic took minutes).
    expect(performance.now() - started).toBeLessThan(5_000);
    const acme = d.sent.find((n) => n.title.startsWith('Acme — '));
    expect(acme?.title).toBe('Acme — Major outage: Prod1 (US) / Workflow');
    for (const n of d.sent) {
      expect(n.title.length).toBeLessThanOrEqual(120);
      expect(n.body.length).toBeLessThanOrEqual(1_000);
    }
    const stormNotes = d.sent.filter((n) => n.title.startsWith('Storm Corp'));
    expect(stormNotes.length).toBeGreaterThan(0);
    expect(stormNotes.length).toBeLessThanOrEqual(10);
    expect(stormNotes[0]!.body).toMatch(/[\d,]+ more changes at Storm Corp$/);
    // What is persisted stays small.
    expect(JSON.stringify(d.state).length).toBeLessThan(1_000_000);
    expect(d.state.pending.length).toBeLessThanOrEqual(1_000);
  });

  it("keeps what waits small even when a page's titles are huge", () => {
    const d = new Driver(
      config({
        settings: {
          notificationsEnabled: true,
          quietHours: { enabled: true, start: '00:00', end: '23:59' },
          pausedUntil: null,
        },
      }),
    );
    const huge = 'x'.repeat(100_000);
    for (let i = 0; i < 50; i++) d.step(T0 + i * S, [opened('Storm Corp', `big${i}`, huge)]);
    expect(JSON.stringify(d.state).length).toBeLessThan(50 * 1_000);
    d.settle(Date.parse('2026-11-24T23:59:30.000Z'));
    expect(d.sent).toHaveLength(1);
    for (const n of d.sent) expect(n.title.length + n.body.length).toBeLessThanOrEqual(1_120);
  });
});

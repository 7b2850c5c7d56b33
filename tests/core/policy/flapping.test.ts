import type { MonitorEvent } from '../../../shared/model';
import { comp, Driver, MIN, opened, resolved, S, T0, updated, vstatus } from './driver';

describe('an ordinary outage and its recovery', () => {
  const INTERVAL = 30 * S;
  const TITLE = 'Workflows are failing in Prod1';
  /** degraded → major outage (incident opened) → degraded (monitoring) → operational (resolved). */
  const steps = (v = 'Kustomer'): MonitorEvent[][] => [
    [comp(v, 'Workflow', 'Prod1 (US)', 'operational', 'degraded'), vstatus(v, 'operational', 'degraded')],
    [
      comp(v, 'Workflow', 'Prod1 (US)', 'degraded', 'major_outage'),
      opened(v, 'inc1', TITLE),
      vstatus(v, 'degraded', 'major_outage'),
    ],
    [
      comp(v, 'Workflow', 'Prod1 (US)', 'major_outage', 'degraded'),
      updated(v, 'inc1', TITLE, 'monitoring'),
      vstatus(v, 'major_outage', 'degraded'),
    ],
    [
      comp(v, 'Workflow', 'Prod1 (US)', 'degraded', 'operational'),
      resolved(v, 'inc1', TITLE),
      vstatus(v, 'degraded', 'operational'),
    ],
  ];

  it('is not flapping, and "operational again" arrives within the coalescing window', () => {
    for (const pollsApart of [1, 2, 3]) {
      const d = new Driver();
      const plan = steps();
      plan.forEach((events, i) => d.step(T0 + i * pollsApart * INTERVAL, events));
      const resolvedAt = T0 + (plan.length - 1) * pollsApart * INTERVAL;
      d.settle(resolvedAt + 5 * S + 1);
      expect(d.sent.map((n) => n.title).filter((t) => /flapping/.test(t))).toEqual([]);
      const last = d.sent[d.sent.length - 1]!;
      expect(last.title).toBe('Kustomer — Operational: Prod1 (US) / Workflow');
      expect(last.severity).toBe('operational');
      expect(Date.parse(last.at) - resolvedAt).toBeLessThanOrEqual(5 * S + 1);
    }
  });

  it('the demo replayed with late polls (steps merged or split unevenly) never reads as flapping', () => {
    // A busy machine: polls land 2–40 s apart, some steps seen together, the same outage twice in 15 min.
    const d = new Driver();
    const gaps = [2, 40, 3, 25, 2, 31, 7, 18];
    let t = T0;
    for (let round = 0; round < 2; round++) {
      steps().forEach((events, i) => {
        t += gaps[(i + round * 4) % gaps.length]! * S;
        d.step(t, events);
      });
    }
    d.settle(t + 10 * S);
    expect(d.sent.filter((n) => /flapping/.test(n.title))).toEqual([]);
    expect(d.sent[d.sent.length - 1]!.severity).toBe('operational');
  });

  it('still damps a real oscillation, and tells at once when it has settled', () => {
    const d = new Driver();
    const flip = (i: number) => [
      comp(
        'K',
        'W',
        null,
        i % 2 ? 'partial_outage' : 'operational',
        i % 2 ? 'operational' : 'partial_outage',
      ),
    ];
    for (let i = 0; i < 12; i++) d.step(T0 + i * INTERVAL, flip(i));
    expect(d.sent.filter((n) => /keeps changing/.test(n.title))).toHaveLength(1);
    const lastFlip = T0 + 11 * INTERVAL;
    d.settle(lastFlip + 15 * MIN);
    const settled = d.sent.filter((n) => /stopped flapping/.test(n.title));
    expect(settled).toHaveLength(1);
    // Two of its own periods of stillness, not a fixed 15-minute hold.
    expect(Date.parse(settled[0]!.at) - lastFlip).toBeLessThanOrEqual(2 * INTERVAL + 5 * S);
  });

  it('headlines the vendor status after the change, and never says the same sentence twice', () => {
    const d = new Driver();
    d.step(T0, [
      comp('Kustomer', 'Email', 'Prod1 (US)', 'operational', 'degraded'),
      opened('Kustomer', 'inc2', 'Email delays'),
      vstatus('Kustomer', 'operational', 'partial_outage'),
    ]);
    d.step(T0 + 10 * MIN, [resolved('Kustomer', 'inc2', 'Email delays')]);
    d.settle(T0 + 20 * MIN);
    const [first, second] = d.sent;
    expect(first!.title).toBe('Kustomer — Partial outage');
    expect(first!.body).not.toMatch(/Status: Partial outage/);
    expect(first!.body).toContain('Prod1 (US) / Email: Degraded performance');
    expect(second!.title).toBe('Kustomer — Resolved: Email delays');
    for (const n of d.sent) {
      const sentences = [n.title.replace(/^Kustomer — /, ''), ...n.body.split('\n')];
      expect(new Set(sentences).size).toBe(sentences.length);
    }
  });
});

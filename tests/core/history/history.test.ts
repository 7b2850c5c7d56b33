import { History } from '../../../electron/core/history/history';
import { incident } from '../monitor/helpers';

const H = 3600_000;
const DAY = 24 * H;
const T0 = Date.parse('2026-11-24T00:00:00.000Z');
const utcDay = (ms: number) => Math.floor(ms / DAY) * DAY;
const make = () => new History(null, { gapMs: 10 * 60_000, startOfDay: utcDay });

/** Observe a vendor every 2 minutes from `from` to `to` in one status. */
function observe(h: History, status: Parameters<History['record']>[1], from: number, to: number): void {
  for (let t = from; t <= to; t += 2 * 60_000) h.record('k', status, t);
}

describe('history', () => {
  it('computes uptime per day from the time observed in each status', () => {
    const h = make();
    observe(h, 'operational', T0, T0 + 18 * H);
    observe(h, 'major_outage', T0 + 18 * H + 2 * 60_000, T0 + 24 * H - 2 * 60_000);
    const days = h.uptimeDays('k', T0 + 12 * H, 90);
    expect(days).toHaveLength(90);
    const today = days[89]!;
    expect(today.date).toBe('2026-11-24');
    expect(today.worst).toBe('major_outage');
    expect(today.uptime).toBeCloseTo(0.75, 2);
    // How long was watched, so that the window never calls a few minutes "1 observed day".
    expect(today.observedMs).toBe(24 * H - 2 * 60_000);
    expect(days[88]).toEqual({ date: '2026-11-23', uptime: null, worst: null, observedMs: 0 });
  });

  it('does not count time nobody observed, nor unknown time, against uptime', () => {
    const h = make();
    observe(h, 'operational', T0, T0 + 2 * H);
    // The laptop slept for 10 hours, then the page was unreachable for an hour.
    observe(h, 'unknown', T0 + 12 * H, T0 + 13 * H);
    observe(h, 'operational', T0 + 13 * H + 2 * 60_000, T0 + 14 * H);
    const today = h.uptimeDays('k', T0 + 20 * H, 1)[0]!;
    expect(today.uptime).toBe(1);
    expect(today.worst).toBe('unknown');
    const time = h.timeInStatus('k', T0, T0 + DAY);
    expect(time.operational).toBeGreaterThan(2.9 * H);
    expect(time.operational).toBeLessThan(3.1 * H);
    expect(time.unknown).toBeGreaterThan(0.9 * H);
  });

  it('keeps one segment per stretch of a status, so size does not grow with polls', () => {
    const h = make();
    observe(h, 'operational', T0, T0 + 10 * DAY);
    expect(h.toJSON().vendors.k!.segments).toHaveLength(1);
  });

  it('prunes what is older than 90 days and bounds incidents', () => {
    const h = new History(null, { gapMs: 10 * 60_000, startOfDay: utcDay, maxIncidentsPerVendor: 5 });
    observe(h, 'degraded', T0, T0 + H);
    observe(h, 'operational', T0 + 100 * DAY, T0 + 100 * DAY + H);
    h.prune(T0 + 100 * DAY + H);
    expect(h.toJSON().vendors.k!.segments.map((s) => s.status)).toEqual(['operational']);
    const at = T0 + 100 * DAY;
    const incidents = Array.from({ length: 8 }, (_, i) =>
      incident(`i${i}`, { startedAt: new Date(at - (8 - i) * H).toISOString() }),
    );
    h.recordIncidents('k', incidents, at);
    expect(h.incidents('k').map((i) => i.id)).toEqual(['i7', 'i6', 'i5', 'i4', 'i3']);
  });

  it('survives a round trip through JSON', () => {
    const h = make();
    observe(h, 'partial_outage', T0, T0 + H);
    const again = new History(JSON.parse(JSON.stringify(h.toJSON())), {
      gapMs: 10 * 60_000,
      startOfDay: utcDay,
    });
    expect(again.uptimeDays('k', T0 + 2 * H, 1)[0]).toEqual({
      date: '2026-11-24',
      uptime: 0,
      worst: 'partial_outage',
      observedMs: H,
    });
  });

  it('forgets removed vendors', () => {
    const h = make();
    observe(h, 'operational', T0, T0 + H);
    h.prune(T0 + H, []);
    expect(h.uptimeDays('k', T0 + H, 1)[0]!.uptime).toBeNull();
  });
});

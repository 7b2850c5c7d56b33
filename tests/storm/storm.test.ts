// A storm is one vendor's problem, never a frozen engine (issue 9): two pages each publishing 5,000 open
// incidents that change identity at every poll, beside ordinary vendors, at a 2 s interval, watched by
// the real app core in its own process. The precise figures are in `npm run bench -- storm`; this test
// asserts looser bounds, stated once, so that it holds on a busy 2-core machine.
import { describe, expect, it } from 'vitest';
import { runStorm } from './storm-run';

const LIMITS = {
  /** The dashboard answers (bench goal: 1 s). */
  stateMs: 3_000,
  /** An outage elsewhere is told within the interval, the coalescing window and a margin (bench: 2 + 5 + 3 s). */
  outageMs: 30_000,
  rssMb: 400,
  /** SIGTERM stops the process (bench goal: 5 s). */
  sigtermMs: 10_000,
  dataDirKb: 5 * 1024,
};

describe('a storm at two vendors', () => {
  it('keeps the dashboard answering, tells an outage elsewhere, stays small and stops on SIGTERM', async () => {
    const f = await runStorm({ stormSeconds: 15 });
    console.log(`storm figures: ${JSON.stringify({ ...f, notifications: f.notifications.length })}`);
    expect(f.stormPolls).toBeGreaterThan(4);
    expect(f.stateMaxMs).toBeLessThan(LIMITS.stateMs);
    expect(f.outageNotifiedMs).not.toBeNull();
    expect(f.outageNotifiedMs!).toBeLessThan(LIMITS.outageMs);
    expect(f.peakRssMb).toBeLessThan(LIMITS.rssMb);
    expect(f.sigtermMs).toBeLessThan(LIMITS.sigtermMs);
    expect(f.dataDirKb).toBeLessThan(LIMITS.dataDirKb);
    for (const n of f.notifications) {
      expect(n.title.length).toBeLessThanOrEqual(120);
      expect(n.body.length).toBeLessThanOrEqual(1_000);
    }
    const storm = f.notifications.filter((n) => /^(Storm Corp|Squall Inc)/.test(n.title));
    expect(storm.some((n) => /[\d,]+ more changes at (Storm Corp|Squall Inc)/.test(n.body))).toBe(true);
  }, 180_000);
});

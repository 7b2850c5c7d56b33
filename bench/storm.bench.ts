// Benchmark: a storm is one vendor's problem. Two Statuspage pages each publish 5,000 open incidents that
// all change identity at every poll, beside two ordinary vendors, at a 2 s interval, watched by the real
// app core in its own process (tests/storm/storm-run.ts). Goals (issue 9): the dashboard answers within
// 1 s, an outage at an ordinary vendor is notified within the interval plus the coalescing window plus
// 3 s, resident memory stays under 400 MB, SIGTERM stops the process within 5 s, the data folder stays
// under 5 MB. Figures are shown beside the ones measured before the fix (the issue's), as ratios.
import { runStorm } from '../tests/storm/storm-run';

export const name = 'storm';

const GOALS = {
  stateMs: 1_000,
  outageMs: 2_000 + 5_000 + 3_000,
  rssMb: 400,
  sigtermMs: 5_000,
  dataDirKb: 5 * 1024,
};
/**
 * Before the fix: this harness run on the code before issue 9 (commit 717f7a3, a 15 s storm). The issue
 * also saw state:get take 50–60 s in the desktop app; this harness did not reproduce that (88 ms).
 */
const BEFORE = { stateMs: 88, outageMs: 22_900, rssMb: 448, dataDirKb: 6_414 };

export async function run(): Promise<boolean> {
  const f = await runStorm({ stormSeconds: 15 });
  const ok = {
    state: f.stateMaxMs <= GOALS.stateMs,
    outage: f.outageNotifiedMs !== null && f.outageNotifiedMs <= GOALS.outageMs,
    rss: f.peakRssMb < GOALS.rssMb,
    sigterm: f.sigtermMs <= GOALS.sigtermMs,
    data: f.dataDirKb < GOALS.dataDirKb,
  };
  const mark = (b: boolean) => (b ? 'OK' : 'MISSED');
  console.log(
    `storm: 2 pages × 5,000 incidents changing every poll + 2 ordinary vendors, 2 s interval, ${f.stormPolls} storm polls`,
  );
  console.log(
    `  state:get slowest ${f.stateMaxMs.toFixed(0)} ms, median ${f.stateMedianMs.toFixed(0)} ms (goal ≤ ${GOALS.stateMs} ms; before ${BEFORE.stateMs} ms: ${(f.stateMaxMs / BEFORE.stateMs).toFixed(2)}×) ${mark(ok.state)}`,
  );
  console.log(
    `  outage at an ordinary vendor notified after ${f.outageNotifiedMs === null ? 'never' : `${(f.outageNotifiedMs / 1000).toFixed(1)} s`} (goal ≤ ${GOALS.outageMs / 1000} s; before ${BEFORE.outageMs / 1000} s: ${f.outageNotifiedMs === null ? '—' : `${(f.outageNotifiedMs / BEFORE.outageMs).toFixed(2)}×`}) ${mark(ok.outage)}`,
  );
  console.log(
    `  peak RSS ${f.peakRssMb.toFixed(0)} MB (goal < ${GOALS.rssMb} MB; before ${BEFORE.rssMb} MB: ${(f.peakRssMb / BEFORE.rssMb).toFixed(2)}×) ${mark(ok.rss)}`,
  );
  console.log(
    `  SIGTERM to exit ${(f.sigtermMs / 1000).toFixed(2)} s (goal ≤ ${GOALS.sigtermMs / 1000} s) ${mark(ok.sigterm)}`,
  );
  console.log(
    `  data folder ${(f.dataDirKb / 1024).toFixed(2)} MB (goal < ${GOALS.dataDirKb / 1024} MB; before ${(BEFORE.dataDirKb / 1024).toFixed(1)} MB: ${(f.dataDirKb / BEFORE.dataDirKb).toFixed(2)}×) ${mark(ok.data)}`,
  );
  const longest = Math.max(0, ...f.notifications.map((n) => n.title.length + n.body.length));
  console.log(
    `  notifications: ${f.notifications.length}, the longest ${longest} characters (before: one of ~1 MB)`,
  );
  return Object.values(ok).every(Boolean);
}

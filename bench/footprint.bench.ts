// Benchmark: what the engine costs while nothing happens. The compiled `statustray` (web and watch) and the
// built desktop main process (under the recording stand-in for electron) each watch 40 all-operational
// Statuspage vendors on loopback, at rest (nothing due) and polling on a short interval (every answer a
// 304), with the same engine watching no vendor as the baseline. CPU time comes from /proc (every thread's
// run time, in ns). Two phases, so that at rest is measured while nothing else in the bench polls: first the
// subjects at rest and the baselines alone, after a warm-up longer than the app's own delayed writes after
// its first reads (history, 60 s), over several windows (the median is the figure, the spread its noise);
// then the polled subjects and plain undici side by side, over one span. Polling is scaled to the cost of
// one unchanged request and to a 60 s interval. Goals (issue 23): polling 40 vendors every 60 s ≤ 0.3 % of
// a core (≤ 2 ms CPU an unchanged request), at rest ≤ 0.05 %, heap flat, RSS ≤ 100 MB (peak included).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildFixture,
  openIncident,
  resolveIncident,
  startStatuspageServer,
  updateIncident,
  type StatuspageFixture,
  type StatuspageServer,
} from '../tests/fakes/statuspage-server';

export const name = 'footprint';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'dist-cli', 'statustray.mjs');
const DESKTOP = join(ROOT, 'out', 'main', 'index.js');
const STANDIN = join(ROOT, 'tests', 'electron', 'standin', 'register.mjs');
const PROBE = fileURLToPath(new URL('./footprint-probe.mjs', import.meta.url));
const FLOOR = fileURLToPath(new URL('./footprint-floor.mjs', import.meta.url));
const VENDORS = Number(process.env.BENCH_FOOTPRINT_VENDORS ?? 40);
/** Seconds between two polls of a vendor while polling (short, so that a span holds many polls). */
const POLL_S = Number(process.env.BENCH_FOOTPRINT_POLL_S ?? 5);
const WARMUP_MS = Number(process.env.BENCH_FOOTPRINT_WARMUP_S ?? 20) * 1000;
const SPAN_MS = Number(process.env.BENCH_FOOTPRINT_SPAN_S ?? 90) * 1000;
/** At rest: a warm-up past the app's delayed writes after the first reads, then several windows. */
const REST_WARMUP_MS = Number(process.env.BENCH_FOOTPRINT_REST_WARMUP_S ?? 90) * 1000;
const REST_WINDOWS = Number(process.env.BENCH_FOOTPRINT_REST_WINDOWS ?? 3);
const REST_WINDOW_MS = Number(process.env.BENCH_FOOTPRINT_REST_WINDOW_S ?? 60) * 1000;
const REST_S = 86_400;
const GOAL_POLL_PCT = 0.3;
const GOAL_REST_PCT = 0.05;
const GOAL_RSS_MB = 100;
/** The interval the poll goal is stated for. */
const REAL_INTERVAL_S = 60;

type Host = 'web' | 'watch' | 'desktop' | 'floor';
interface Subject {
  label: string;
  host: Host;
  vendors: number;
  intervalS: number;
}

const SUBJECTS: Subject[] = [
  { label: 'web, no vendor (baseline)', host: 'web', vendors: 0, intervalS: REST_S },
  { label: 'web, 40 at rest', host: 'web', vendors: VENDORS, intervalS: REST_S },
  { label: `web, 40 polled every ${POLL_S} s`, host: 'web', vendors: VENDORS, intervalS: POLL_S },
  { label: 'watch, 40 at rest', host: 'watch', vendors: VENDORS, intervalS: REST_S },
  { label: `watch, 40 polled every ${POLL_S} s`, host: 'watch', vendors: VENDORS, intervalS: POLL_S },
  { label: `plain undici, 40 every ${POLL_S} s`, host: 'floor', vendors: VENDORS, intervalS: POLL_S },
  { label: 'desktop, no vendor (baseline)', host: 'desktop', vendors: 0, intervalS: REST_S },
  { label: 'desktop, 40 at rest', host: 'desktop', vendors: VENDORS, intervalS: REST_S },
  { label: `desktop, 40 polled every ${POLL_S} s`, host: 'desktop', vendors: VENDORS, intervalS: POLL_S },
];

/** CPU time of every live thread of a process, in ms (ns precision, unlike the 10 ms ticks of /proc/pid/stat). */
export function cpuMs(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return ns / 1e6;
}

export function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

interface Running {
  subject: Subject;
  child: ChildProcess;
  servers: StatuspageServer[];
  dir: string;
  output: () => string;
}

function requestsTo(servers: StatuspageServer[]): number {
  return servers.reduce((n, s) => n + s.requests.length, 0);
}

/** The heap after a full collection, as the child's probe reports it on SIGUSR2. */
export async function heapMb(r: Pick<Running, 'child' | 'dir'>): Promise<number> {
  const file = join(r.dir, 'heap.json');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  r.child.kill('SIGUSR2');
  const deadline = Date.now() + 20_000;
  for (;;) {
    const now = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (now && now !== before) return (JSON.parse(now) as { heapUsed: number }).heapUsed / 1024 / 1024;
    if (Date.now() > deadline) return NaN;
    await new Promise((res) => setTimeout(res, 50));
  }
}

const TEXT =
  'We are investigating elevated error rates for API requests in the EU region. Some customers may see delayed webhooks and slower dashboard loads while we work on a fix.';

/** A page as real ones look: three standalone components, two regions of four, and 20 resolved incidents of history. */
export function realisticPage(name: string): StatuspageFixture {
  const page = buildFixture({
    name,
    standalone: ['API', 'Dashboard', 'Webhooks'],
    groups: [
      { name: 'EU', components: ['Compute', 'Storage', 'Network', 'Database'] },
      { name: 'US', components: ['Compute', 'Storage', 'Network', 'Database'] },
    ],
  });
  let day = Date.parse('2026-11-20T09:00:00Z');
  for (let k = 0; k < 20; k++) {
    day -= 3 * 86_400_000;
    const incident = openIncident(page, {
      name: `Elevated errors on the API (${k + 1})`,
      impact: k % 3 === 0 ? 'major' : 'minor',
      body: TEXT,
      at: new Date(day).toISOString(),
    });
    updateIncident(page, incident.id, {
      status: 'identified',
      body: TEXT,
      at: new Date(day + 1_200_000).toISOString(),
    });
    updateIncident(page, incident.id, {
      status: 'monitoring',
      body: TEXT,
      at: new Date(day + 2_400_000).toISOString(),
    });
    resolveIncident(
      page,
      incident.id,
      'This incident has been resolved.',
      new Date(day + 3_600_000).toISOString(),
    );
  }
  page.incidents.reverse();
  return page;
}

async function startSubject(subject: Subject, index: number): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'statustray-footprint-'));
  const servers: StatuspageServer[] = [];
  for (let i = 0; i < subject.vendors; i++) {
    const page = realisticPage(`Vendor ${index}-${i}`);
    servers.push(await startStatuspageServer({ page, host: `127.66.${index}.${i + 10}` }));
  }
  const watchlist = join(dir, 'watchlist.json');
  await writeFile(
    watchlist,
    JSON.stringify({
      version: 1,
      vendors: servers.map((s, i) => ({ url: s.pageUrl, name: `Vendor ${i}` })),
      intervalSeconds: subject.intervalS,
    }),
  );
  const node = ['--expose-gc', '--import', PROBE];
  const env = {
    ...process.env,
    STATUSTRAY_DATA_DIR: join(dir, 'data'),
    FOOTPRINT_HEAP_FILE: join(dir, 'heap.json'),
  };
  let args: string[];
  if (subject.host === 'desktop') {
    args = [...node, '--import', STANDIN, DESKTOP];
    Object.assign(env, {
      STANDIN_USER_DATA: join(dir, 'user-data'),
      STANDIN_APP_PATH: ROOT,
      STATUSTRAY_DEMO_INTERVAL: String(subject.intervalS),
      ...(subject.vendors > 0 ? { STATUSTRAY_DEMO_WATCHLIST: watchlist } : {}),
    });
  } else if (subject.host === 'floor') {
    args = [...node, FLOOR, watchlist, String(subject.intervalS)];
  } else if (subject.host === 'web') {
    args = [
      ...node,
      BIN,
      'web',
      '--no-open',
      '--no-token',
      '--port',
      '0',
      '--interval',
      String(subject.intervalS),
    ];
    if (subject.vendors > 0) args.push('--config', watchlist);
  } else {
    args = [...node, BIN, 'watch', '--config', watchlist, '--interval', String(subject.intervalS), '--json'];
  }
  const child = spawn(process.execPath, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer) => {
    // Only the start is of interest (errors); a long run's event lines are not kept.
    if (out.length < 20_000) out += chunk.toString();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { subject, child, servers, dir, output: () => out };
}

const pct = (ms: number, spanMs: number) => (100 * ms) / spanMs;
const f = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

interface Row {
  subject: Subject;
  /** CPU over the span (ms); at rest, the median window's. */
  cpu: number;
  spanMs: number;
  /** At rest: each window's share of a core (%). */
  windows: number[];
  requests: number;
  notModified: number;
  heapGrowth: number;
  heap: number;
  rss: number;
  peakRss: number;
}

async function waitForFirstReads(running: Running[]): Promise<void> {
  // Every subject has read its vendors once (and the polled ones a few times) before the warm-up starts.
  const firstReadBy = Date.now() + 120_000;
  for (const r of running) {
    while (r.servers.length > 0 && requestsTo(r.servers) < r.servers.length * 2) {
      if (r.child.exitCode !== null || Date.now() > firstReadBy)
        throw new Error(`${r.subject.label} did not read its vendors:\n${r.output()}`);
      await new Promise((res) => setTimeout(res, 100));
    }
  }
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Starts the subjects, waits out the warm-up, and measures `windows` consecutive windows of `windowMs`. */
async function measure(
  subjects: Array<{ subject: Subject; index: number }>,
  warmupMs: number,
  windows: number,
  windowMs: number,
  cleanup: Running[],
): Promise<Row[]> {
  const running: Running[] = [];
  for (const { subject, index } of subjects) {
    const r = await startSubject(subject, index);
    running.push(r);
    cleanup.push(r);
  }
  await waitForFirstReads(running);
  // The heap is read (a full collection in each child) before the end of the warm-up, not just before the
  // span: what a collection leaves to do afterwards (sweeping, freeing pages) is no part of being at rest.
  const settleMs = Math.min(30_000, warmupMs / 2);
  await new Promise((res) => setTimeout(res, warmupMs - settleMs));
  const start = await Promise.all(running.map(async (r) => ({ heap: await heapMb(r) })));
  await new Promise((res) => setTimeout(res, settleMs));
  // Requests are counted over the same span as the CPU.
  const counts = () =>
    running.map((r) => ({
      requests: requestsTo(r.servers),
      notModified: r.servers.reduce((n, s) => n + s.notModifiedCount(), 0),
    }));
  const first = counts();
  const cpu: number[][] = running.map(() => []);
  const spans: number[] = [];
  let marks = running.map((r) => cpuMs(r.child.pid!));
  for (let w = 0; w < windows; w++) {
    const t0 = performance.now();
    await new Promise((res) => setTimeout(res, windowMs));
    const now = running.map((r) => cpuMs(r.child.pid!));
    spans.push(performance.now() - t0);
    running.forEach((_, i) => cpu[i]!.push(now[i]! - marks[i]!));
    marks = now;
  }
  const last = counts();
  const end = await Promise.all(
    running.map(async (r) => ({
      heap: await heapMb(r),
      rss: statusKb(r.child.pid!, 'VmRSS') / 1024,
      peakRss: statusKb(r.child.pid!, 'VmHWM') / 1024,
    })),
  );
  const span = spans.reduce((a, b) => a + b, 0);
  return running.map((r, i) => {
    const shares = cpu[i]!.map((ms, w) => pct(ms, spans[w]!));
    const total = cpu[i]!.reduce((a, b) => a + b, 0);
    return {
      subject: r.subject,
      // One window: its CPU; several: the median window's share, over the whole span.
      cpu: windows === 1 ? total : (median(shares) * span) / 100,
      spanMs: span,
      windows: shares,
      requests: last[i]!.requests - first[i]!.requests,
      notModified: last[i]!.notModified - first[i]!.notModified,
      heapGrowth: end[i]!.heap - start[i]!.heap,
      heap: end[i]!.heap,
      rss: end[i]!.rss,
      peakRss: end[i]!.peakRss,
    };
  });
}

export async function run(): Promise<boolean> {
  for (const [what, file] of [
    ['the compiled command line (node scripts/build-cli.mjs)', BIN],
    ['the built desktop app (npm run build)', DESKTOP],
  ] as const) {
    if (!existsSync(file)) throw new Error(`footprint needs ${what}: ${file} is missing`);
  }
  // A stale dashboard would be rebuilt by `web` itself at start (vite in the measured process).
  const { isRendererStale } = await import('../electron/web/build-renderer');
  if (await isRendererStale(ROOT)) throw new Error('footprint needs a fresh dashboard: run npm run build');
  const sample = realisticPage('Sample');
  const { summaryOf, incidentsOf } = await import('../tests/fakes/statuspage-fixture');
  const pageBytes = JSON.stringify(summaryOf(sample)).length + JSON.stringify(incidentsOf(sample)).length;
  console.log(
    `footprint: ${VENDORS} all-operational Statuspage vendors on loopback (11 components, 20 past incidents: ${(pageBytes / 1024).toFixed(0)} KB of JSON each)`,
  );
  console.log(
    `  at rest and no vendor: alone, warm-up ${REST_WARMUP_MS / 1000} s after the first reads, then ${REST_WINDOWS} windows of ${REST_WINDOW_MS / 1000} s (median, [each window]); polled: side by side, warm-up ${WARMUP_MS / 1000} s, then ${SPAN_MS / 1000} s`,
  );
  const [load] = loadavg();
  if (load! > availableParallelism())
    console.log(`  note: load average ${load!.toFixed(1)} on ${availableParallelism()} cores`);
  const cleanup: Running[] = [];
  try {
    const indexed = SUBJECTS.map((subject, index) => ({ subject, index }));
    const resting = indexed.filter(({ subject }) => subject.intervalS === REST_S);
    const polled = indexed.filter(({ subject }) => subject.intervalS !== REST_S);
    const restRows = await measure(resting, REST_WARMUP_MS, REST_WINDOWS, REST_WINDOW_MS, cleanup);
    for (const r of cleanup.splice(0)) await stopSubject(r);
    const pollRows = await measure(polled, WARMUP_MS, 1, SPAN_MS, cleanup);
    const rows = SUBJECTS.map((s) => [...restRows, ...pollRows].find((r) => r.subject === s)!);
    const baselineOf = (host: Host) =>
      rows.find((r) => r.subject.vendors === 0 && r.subject.host === (host === 'desktop' ? host : 'web'))!;
    const floor = rows.find((r) => r.subject.host === 'floor')!;
    const floorPerRequest = floor.cpu / Math.max(1, floor.requests);
    const restOf = (host: Host) =>
      rows.find((r) => r.subject.host === host && r.subject.intervalS === REST_S && r.subject.vendors > 0)!;
    console.log(
      '  subject                          CPU in span   % of a core [windows]            × baseline   requests (304)   heap after GC (growth)   RSS (peak)',
    );
    for (const r of rows) {
      const base = baselineOf(r.subject.host);
      const share = pct(r.cpu, r.spanMs);
      const spread = r.windows.length > 1 ? `[${r.windows.map((w) => f(w, 3)).join(' ')}]` : '';
      console.log(
        `  ${r.subject.label.padEnd(32)} ${f(r.cpu, 0).padStart(8)} ms   ${f(share, 3).padStart(7)} % ${spread.padEnd(20)}   ${f(share / Math.max(pct(base.cpu, base.spanMs), 0.0001), 1).padStart(8)}×   ${String(r.requests).padStart(6)} (${r.notModified})   ${f(r.heap, 1).padStart(8)} MB (${r.heapGrowth >= 0 ? '+' : ''}${f(r.heapGrowth, 1)})   ${f(r.rss, 0)} MB (${f(r.peakRss, 0)})`,
      );
    }
    let ok = true;
    for (const host of ['web', 'watch', 'desktop'] as const) {
      const rest = restOf(host);
      const poll = rows.find((r) => r.subject.host === host && r.subject.intervalS === POLL_S)!;
      const restPct = pct(rest.cpu, rest.spanMs);
      // The cost of one unchanged request: what polling adds over the same vendors at rest.
      const perRequest = (poll.cpu - (restPct * poll.spanMs) / 100) / Math.max(1, poll.requests);
      const requestsPerSecondAt60 = (poll.requests / (poll.spanMs / 1000)) * (POLL_S / REAL_INTERVAL_S);
      const pollPct = restPct + (100 * perRequest * requestsPerSecondAt60) / 1000;
      const restOk = restPct <= GOAL_REST_PCT;
      const pollOk = pollPct <= GOAL_POLL_PCT && perRequest <= 2;
      const peak = Math.max(rest.peakRss, poll.peakRss);
      const rssOk = peak <= GOAL_RSS_MB;
      ok &&= restOk && pollOk && rssOk;
      console.log(
        `  ${host}: at rest ${f(restPct, 3)} % of a core (goal ≤ ${GOAL_REST_PCT}) ${restOk ? 'OK' : 'MISSED'}; ` +
          `${f(perRequest, 2)} ms CPU an unchanged request (${poll.notModified} of ${poll.requests} answered 304; ` +
          `${f(perRequest / floorPerRequest, 2)}× plain undici's ${f(floorPerRequest, 2)} ms), ` +
          `so every ${REAL_INTERVAL_S} s: ${f(pollPct, 3)} % of a core (goal ≤ ${GOAL_POLL_PCT}, ≤ 2 ms a request) ${pollOk ? 'OK' : 'MISSED'}; ` +
          `RSS at rest ${f(rest.rss, 0)} MB, polling ${f(poll.rss, 0)} MB, peak ${f(peak, 0)} MB (goal ≤ ${GOAL_RSS_MB}, peak included) ${rssOk ? 'OK' : 'MISSED'}`,
      );
    }
    return ok;
  } finally {
    for (const r of cleanup) await stopSubject(r);
  }
}

async function stopSubject(r: Running): Promise<void> {
  r.child.kill('SIGKILL');
  await Promise.all(r.servers.map((s) => s.close()));
  await rm(r.dir, { recursive: true, force: true });
}

// Benchmark: what the engine costs while nothing happens. The compiled `statustray` (web and watch) and the
// built desktop main process (under the recording stand-in for electron) each watch 40 all-operational
// Statuspage vendors on loopback, at rest (nothing due) and polling on a short interval (every answer a
// 304), side by side in one run with the same engine watching no vendor as the baseline. CPU time comes
// from /proc (every thread's run time, in ns), over one fixed span after a warm-up; polling is scaled to
// the cost of one unchanged request and to a 60 s interval. Goals (issue 23): polling 40 vendors every
// 60 s ≤ 0.3 % of a core (≤ 2 ms CPU an unchanged request), at rest ≤ 0.05 %, heap flat, RSS ≤ 100 MB.
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
function cpuMs(pid: number): number {
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

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
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
async function heapMb(r: Running): Promise<number> {
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
function realisticPage(name: string): StatuspageFixture {
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

export async function run(): Promise<boolean> {
  for (const [what, file] of [
    ['the compiled command line (node scripts/build-cli.mjs)', BIN],
    ['the built desktop app (npm run build)', DESKTOP],
  ] as const) {
    if (!existsSync(file)) throw new Error(`footprint needs ${what}: ${file} is missing`);
  }
  const sample = realisticPage('Sample');
  const { summaryOf, incidentsOf } = await import('../tests/fakes/statuspage-fixture');
  const pageBytes = JSON.stringify(summaryOf(sample)).length + JSON.stringify(incidentsOf(sample)).length;
  console.log(
    `footprint: ${VENDORS} all-operational Statuspage vendors on loopback (11 components, 20 past incidents: ${(pageBytes / 1024).toFixed(0)} KB of JSON each); warm-up ${WARMUP_MS / 1000} s, then CPU over ${SPAN_MS / 1000} s, every subject at once`,
  );
  const [load] = loadavg();
  if (load! > availableParallelism())
    console.log(`  note: load average ${load!.toFixed(1)} on ${availableParallelism()} cores`);
  const running: Running[] = [];
  try {
    for (const [i, s] of SUBJECTS.entries()) running.push(await startSubject(s, i));
    // Every subject has read its vendors once (and the polled ones a few times) before the span starts.
    const firstReadBy = Date.now() + 120_000;
    for (const r of running) {
      while (r.servers.length > 0 && requestsTo(r.servers) < r.servers.length * 2) {
        if (r.child.exitCode !== null || Date.now() > firstReadBy)
          throw new Error(`${r.subject.label} did not read its vendors:\n${r.output()}`);
        await new Promise((res) => setTimeout(res, 100));
      }
    }
    await new Promise((res) => setTimeout(res, WARMUP_MS));
    const start = await Promise.all(
      running.map(async (r) => ({
        cpu: cpuMs(r.child.pid!),
        requests: requestsTo(r.servers),
        notModified: r.servers.reduce((n, s) => n + s.notModifiedCount(), 0),
        heap: await heapMb(r),
        at: performance.now(),
      })),
    );
    const cpuStart = running.map((r) => cpuMs(r.child.pid!));
    const t0 = performance.now();
    await new Promise((res) => setTimeout(res, SPAN_MS));
    const cpuEnd = running.map((r) => cpuMs(r.child.pid!));
    const span = performance.now() - t0;
    const end = await Promise.all(
      running.map(async (r) => ({
        requests: requestsTo(r.servers),
        notModified: r.servers.reduce((n, s) => n + s.notModifiedCount(), 0),
        heap: await heapMb(r),
        rss: statusKb(r.child.pid!, 'VmRSS') / 1024,
        peakRss: statusKb(r.child.pid!, 'VmHWM') / 1024,
      })),
    );
    const rows = running.map((r, i) => {
      const cpu = cpuEnd[i]! - cpuStart[i]!;
      const requests = end[i]!.requests - start[i]!.requests;
      return {
        subject: r.subject,
        cpu,
        requests,
        notModified: end[i]!.notModified - start[i]!.notModified,
        heapGrowth: end[i]!.heap - start[i]!.heap,
        heap: end[i]!.heap,
        rss: end[i]!.rss,
        peakRss: end[i]!.peakRss,
      };
    });
    const baselineOf = (host: Host) =>
      rows.find((r) => r.subject.vendors === 0 && r.subject.host === (host === 'desktop' ? host : 'web'))!;
    const floor = rows.find((r) => r.subject.host === 'floor')!;
    const floorPerRequest = floor.cpu / Math.max(1, floor.requests);
    const restOf = (host: Host) =>
      rows.find((r) => r.subject.host === host && r.subject.intervalS === REST_S && r.subject.vendors > 0)!;
    console.log(
      '  subject                          CPU in span   % of a core   × baseline   requests (304)   heap after GC (growth)   RSS (peak)',
    );
    for (const r of rows) {
      const base = baselineOf(r.subject.host);
      console.log(
        `  ${r.subject.label.padEnd(32)} ${f(r.cpu, 0).padStart(8)} ms   ${f(pct(r.cpu, span), 3).padStart(9)} %   ${f(r.cpu / Math.max(base.cpu, 0.001), 1).padStart(8)}×   ${String(r.requests).padStart(6)} (${r.notModified})   ${f(r.heap, 1).padStart(8)} MB (${r.heapGrowth >= 0 ? '+' : ''}${f(r.heapGrowth, 1)})   ${f(r.rss, 0)} MB (${f(r.peakRss, 0)})`,
      );
    }
    let ok = true;
    for (const host of ['web', 'watch', 'desktop'] as const) {
      const rest = restOf(host);
      const poll = rows.find((r) => r.subject.host === host && r.subject.intervalS === POLL_S)!;
      // The cost of one unchanged request: what polling adds over the same vendors at rest.
      const perRequest = (poll.cpu - rest.cpu) / Math.max(1, poll.requests);
      const restPct = pct(rest.cpu, span);
      const requestsPerSecondAt60 = (poll.requests / (span / 1000)) * (POLL_S / REAL_INTERVAL_S);
      const pollPct = restPct + (100 * perRequest * requestsPerSecondAt60) / 1000;
      const restOk = restPct <= GOAL_REST_PCT;
      const pollOk = pollPct <= GOAL_POLL_PCT && perRequest <= 2;
      const rssOk = Math.max(rest.peakRss, poll.peakRss) <= GOAL_RSS_MB;
      ok &&= restOk && pollOk && rssOk;
      console.log(
        `  ${host}: at rest ${f(restPct, 3)} % of a core (goal ≤ ${GOAL_REST_PCT}) ${restOk ? 'OK' : 'MISSED'}; ` +
          `${f(perRequest, 2)} ms CPU an unchanged request (${poll.notModified} of ${poll.requests} answered 304; ` +
          `${f(perRequest / floorPerRequest, 2)}× plain undici's ${f(floorPerRequest, 2)} ms), ` +
          `so every ${REAL_INTERVAL_S} s: ${f(pollPct, 3)} % of a core (goal ≤ ${GOAL_POLL_PCT}, ≤ 2 ms a request) ${pollOk ? 'OK' : 'MISSED'}; ` +
          `peak RSS ${f(Math.max(rest.peakRss, poll.peakRss), 0)} MB (goal ≤ ${GOAL_RSS_MB}) ${rssOk ? 'OK' : 'MISSED'}`,
      );
    }
    return ok;
  } finally {
    for (const r of running) r.child.kill('SIGKILL');
    for (const r of running) {
      await Promise.all(r.servers.map((s) => s.close()));
      await rm(r.dir, { recursive: true, force: true });
    }
  }
}

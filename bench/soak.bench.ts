// Benchmark (long, opt-in: `npm run bench -- soak`, not part of a plain `npm run bench`): does `watch` stay
// flat over an hour? The compiled `statustray watch` follows 40 Statuspage vendors on loopback polled every
// 60 s, while one vendor after another goes through an incident (opened with a component degraded, then
// identified, then resolved with the component back: one step every BENCH_SOAK_CHANGE_S seconds). Every few
// minutes the heap after a full collection (bench/footprint-probe.mjs, on SIGUSR2) and the RSS are read;
// the report gives the first, last and largest of each and the slope of a least-squares line (MB an hour)
// over the samples after the warm-up. Goal (issue 23): the heap flat over an hour (slope ≤ 1 MB/hour), RSS
// ≤ 100 MB, peak included.
// Knobs: BENCH_SOAK_MIN (60), BENCH_SOAK_SAMPLE_S (180), BENCH_SOAK_INTERVAL_S (60), BENCH_SOAK_CHANGE_S
// (90), BENCH_SOAK_VENDORS (40), BENCH_SOAK_WARMUP_S (300), and BENCH_SOAK_BIN: the statustray.mjs to run
// (default dist-cli/statustray.mjs; to soak a build while rebuilding this one, copy dist-cli to a folder inside the
// project, e.g. node_modules/.soak-cli: its dependencies that are not compiled in resolve from node_modules).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findComponent,
  openIncident,
  resolveIncident,
  setComponentStatus,
  startStatuspageServer,
  updateIncident,
  type StatuspageServer,
} from '../tests/fakes/statuspage-server';
import { heapMb, realisticPage, statusKb } from './footprint.bench';

export const name = 'soak';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = process.env.BENCH_SOAK_BIN ?? join(ROOT, 'dist-cli', 'statustray.mjs');
const PROBE = fileURLToPath(new URL('./footprint-probe.mjs', import.meta.url));
const MINUTES = Number(process.env.BENCH_SOAK_MIN ?? 60);
const SAMPLE_MS = Number(process.env.BENCH_SOAK_SAMPLE_S ?? 180) * 1000;
const INTERVAL_S = Number(process.env.BENCH_SOAK_INTERVAL_S ?? 60);
const CHANGE_MS = Number(process.env.BENCH_SOAK_CHANGE_S ?? 90) * 1000;
const VENDORS = Number(process.env.BENCH_SOAK_VENDORS ?? 40);
const WARMUP_MS = Number(process.env.BENCH_SOAK_WARMUP_S ?? 300) * 1000;
const GOAL_HEAP_SLOPE = 1;
const GOAL_RSS_MB = 100;
/** Statuspage lists at most 50 incidents: the served history stays that long. */
const LISTED = 50;

interface Sample {
  min: number;
  heap: number;
  rss: number;
  peak: number;
}

/** Least-squares slope of y over x (minutes), in MB an hour. */
export function slopePerHour(points: Array<{ min: number; y: number }>): number {
  if (points.length < 2) return NaN;
  const mx = points.reduce((a, p) => a + p.min, 0) / points.length;
  const my = points.reduce((a, p) => a + p.y, 0) / points.length;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.min - mx) * (p.y - my);
    den += (p.min - mx) ** 2;
  }
  return den === 0 ? NaN : (num / den) * 60;
}

/** One step of an incident on the next vendor in turn: open (component degraded), identified, resolved. */
function incidentStepper(servers: StatuspageServer[]): () => string {
  let turn = 0;
  let step = 0;
  let open: string | null = null;
  return () => {
    const server = servers[turn % servers.length]!;
    const vendor = `vendor ${turn % servers.length}`;
    const at = new Date().toISOString();
    let what = '';
    server.update((page) => {
      const component = findComponent(page, 'EU/Compute').id;
      if (step === 0) {
        setComponentStatus(page, component, 'degraded_performance', at);
        open = openIncident(page, {
          name: `Slow compute in the EU (${turn + 1})`,
          impact: 'minor',
          body: 'We are investigating slower responses from compute in the EU region.',
          components: [component],
          at,
        }).id;
        what = 'opened';
      } else if (step === 1) {
        updateIncident(page, open!, { status: 'identified', body: 'The cause is identified.', at });
        what = 'identified';
      } else {
        resolveIncident(page, open!, 'This incident has been resolved.', at);
        setComponentStatus(page, component, 'operational', at);
        page.incidents.splice(LISTED);
        what = 'resolved';
      }
    });
    step = (step + 1) % 3;
    if (step === 0) turn += 1;
    return `${vendor} ${what}`;
  };
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

export async function run(): Promise<boolean> {
  if (!existsSync(BIN))
    throw new Error(`soak needs the compiled command line (npm run build:cli): ${BIN} is missing`);
  const dir = await mkdtemp(join(tmpdir(), 'statustray-soak-'));
  const servers: StatuspageServer[] = [];
  const started = Date.now();
  const minutes = () => (Date.now() - started) / 60_000;
  let changes = 0;
  let timer: NodeJS.Timeout | undefined;
  const child = await (async () => {
    for (let i = 0; i < VENDORS; i++) {
      const page = realisticPage(`Vendor ${i}`);
      servers.push(await startStatuspageServer({ page, host: `127.67.0.${i + 10}` }));
    }
    const watchlist = join(dir, 'watchlist.json');
    await writeFile(
      watchlist,
      JSON.stringify({
        version: 1,
        vendors: servers.map((s, i) => ({ url: s.pageUrl, name: `Vendor ${i}` })),
        intervalSeconds: INTERVAL_S,
      }),
    );
    return spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        PROBE,
        BIN,
        'watch',
        '--config',
        watchlist,
        '--interval',
        String(INTERVAL_S),
        '--json',
      ],
      {
        cwd: dir,
        env: {
          ...process.env,
          STATUSTRAY_DATA_DIR: join(dir, 'data'),
          FOOTPRINT_HEAP_FILE: join(dir, 'heap.json'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  })();
  let events = 0;
  let errors = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    for (const c of chunk) if (c === 10) events += 1;
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    if (errors.length < 4_000) errors += chunk.toString();
  });
  try {
    console.log(
      `soak: statustray watch (${BIN}), ${VENDORS} Statuspage vendors polled every ${INTERVAL_S} s, an incident step every ${CHANGE_MS / 1000} s, for ${MINUTES} min; heap after GC and RSS every ${SAMPLE_MS / 1000} s`,
    );
    // The first sample once every vendor has been read (a SIGUSR2 before the probe is loaded would end it).
    const firstReadBy = Date.now() + 120_000;
    while (servers.reduce((n, s) => n + s.requests.length, 0) < servers.length * 2) {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > firstReadBy)
        throw new Error(`watch did not read its vendors:\n${errors}`);
      await new Promise((res) => setTimeout(res, 100));
    }
    const step = incidentStepper(servers);
    timer = setInterval(() => {
      step();
      changes += 1;
    }, CHANGE_MS);
    const samples: Sample[] = [];
    const endAt = started + MINUTES * 60_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`watch exited (${child.exitCode}):\n${errors}`);
      const heap = await heapMb({ child, dir });
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`watch exited (${child.exitCode}):\n${errors}`);
      const sample: Sample = {
        min: minutes(),
        heap,
        rss: statusKb(child.pid!, 'VmRSS') / 1024,
        peak: statusKb(child.pid!, 'VmHWM') / 1024,
      };
      samples.push(sample);
      const requests = servers.reduce((n, s) => n + s.requests.length, 0);
      console.log(
        `  ${f(sample.min, 1).padStart(6)} min   heap after GC ${f(sample.heap)} MB   RSS ${f(sample.rss)} MB (peak ${f(sample.peak)})   ${requests} requests, ${changes} incident steps, ${events} event lines`,
      );
      if (Date.now() >= endAt) break;
      await new Promise((res) => setTimeout(res, Math.min(SAMPLE_MS, Math.max(1_000, endAt - Date.now()))));
    }
    const settled = samples.filter((s) => s.min * 60_000 >= WARMUP_MS);
    const stats = (key: 'heap' | 'rss') => {
      const xs = samples.map((s) => s[key]);
      return {
        first: xs[0]!,
        last: xs[xs.length - 1]!,
        max: Math.max(...xs),
        slope: slopePerHour(settled.map((s) => ({ min: s.min, y: s[key] }))),
      };
    };
    const heap = stats('heap');
    const rss = stats('rss');
    const peak = samples[samples.length - 1]!.peak;
    const heapOk = Number.isFinite(heap.slope) && heap.slope <= GOAL_HEAP_SLOPE;
    const rssOk = peak <= GOAL_RSS_MB;
    console.log(
      `  heap after GC: first ${f(heap.first)} MB, last ${f(heap.last)} MB, max ${f(heap.max)} MB, slope ${f(heap.slope, 2)} MB/hour after the first ${WARMUP_MS / 60_000} min (${settled.length} samples; goal ≤ ${GOAL_HEAP_SLOPE}) ${heapOk ? 'OK' : 'MISSED'}`,
    );
    console.log(
      `  RSS: first ${f(rss.first)} MB, last ${f(rss.last)} MB, max sampled ${f(rss.max)} MB, peak ${f(peak)} MB, slope ${f(rss.slope, 2)} MB/hour (goal: peak ≤ ${GOAL_RSS_MB}) ${rssOk ? 'OK' : 'MISSED'}`,
    );
    return heapOk && rssOk;
  } finally {
    if (timer) clearInterval(timer);
    child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  }
}

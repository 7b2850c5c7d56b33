// Benchmark: `check` over 2,000 Statuspage vendors (each its own loopback host, 4 to 400 components, up to
// 25 past incidents) against the plainest client doing the very same requests (undici `request`, 64 at a
// time, JSON.parse, nothing else). Rounds alternate; the median of each is compared. Goal: ratio ≤ 1.10.
import { fork } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { run as check } from '../electron/cli/check';
import { mapPool } from '../electron/core/pool';

export const name = 'check';
const GOAL = 1.1;

interface Options {
  vendors?: number;
  rounds?: number;
}

async function plainRound(urls: string[]): Promise<number> {
  const dispatcher = new Agent();
  let parsed = 0;
  await mapPool(urls, 64, async (url) => {
    const page = await request(url, { dispatcher });
    await page.body.text();
    for (const file of ['api/v2/summary.json', 'api/v2/incidents.json']) {
      const res = await request(url + file, { dispatcher });
      const data = JSON.parse(await res.body.text()) as object;
      if (data) parsed++;
    }
  });
  await dispatcher.close();
  return parsed;
}

/** The `check` command itself, in-process, its output sent nowhere. */
async function oursRound(urls: string[], json: boolean): Promise<{ code: number; bytes: number }> {
  let bytes = 0;
  const sink = { write: (text: string) => (bytes += text.length), isTTY: false };
  const code = await check([...urls, '--timeout', '30', ...(json ? ['--json'] : [])], {
    stdout: sink,
    stderr: { write: (text: string) => process.stderr.write(text) },
    env: {},
  });
  return { code, bytes };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; cpuMs: number; value: T; peakRss: number }> {
  const cpu = process.cpuUsage();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { ms, cpuMs: (used.user + used.system) / 1000, value, peakRss };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function run(opts: Options = {}): Promise<boolean> {
  const vendors = opts.vendors ?? Number(process.env.BENCH_VENDORS ?? 2000);
  const rounds = opts.rounds ?? Number(process.env.BENCH_ROUNDS ?? 3);
  const serverPath = fileURLToPath(new URL('./statuspage-vendors.server.ts', import.meta.url));
  const child = fork(serverPath, [String(vendors)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await new Promise<{ urls: string[]; bytes: number }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { urls: string[]; bytes: number }));
      child.once('exit', (code) => reject(new Error(`fake vendors exited with ${code}`)));
    });
    const urls = ready.urls;
    console.log(
      `check: ${urls.length} vendors on loopback, ${mb(ready.bytes)} of pages, 3 requests each, ${rounds} rounds`,
    );
    const [load] = loadavg();
    if (load! > availableParallelism()) {
      console.log(
        `  note: load average ${load!.toFixed(1)} on ${availableParallelism()} cores: wall times are noisy; see the CPU figures too`,
      );
    }

    // Warm up both paths (JIT, schema compilation, connection setup code).
    await plainRound(urls.slice(0, 200));
    await oursRound(urls.slice(0, 200), false);

    const plain: number[] = [];
    const ours: number[] = [];
    const plainCpu: number[] = [];
    const oursCpu: number[] = [];
    let oursPeak = 0;
    let plainPeak = 0;
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (['plain', 'ours'] as const) : (['ours', 'plain'] as const);
      for (const which of order) {
        if (which === 'plain') {
          const t = await timed(() => plainRound(urls));
          plain.push(t.ms);
          plainCpu.push(t.cpuMs);
          plainPeak = Math.max(plainPeak, t.peakRss);
        } else {
          const t = await timed(() => oursRound(urls, false));
          if (t.value.code !== 0)
            throw new Error(`check exited ${t.value.code}: some vendors failed to read`);
          ours.push(t.ms);
          oursCpu.push(t.cpuMs);
          oursPeak = Math.max(oursPeak, t.peakRss);
        }
      }
    }
    // For information: the same with --json (every snapshot serialized), once.
    const json = await timed(() => oursRound(urls, true));
    const p = median(plain);
    const o = median(ours);
    const ratio = o / p;
    console.log(
      `  plain undici + JSON.parse: median ${(p / 1000).toFixed(2)} s  (rounds: ${plain.map((x) => (x / 1000).toFixed(2)).join(', ')})`,
    );
    console.log(
      `  statustray check:          median ${(o / 1000).toFixed(2)} s  (rounds: ${ours.map((x) => (x / 1000).toFixed(2)).join(', ')})`,
    );
    const cpuRatio = median(oursCpu) / median(plainCpu);
    console.log(
      `  client CPU per round (less sensitive to other load on the machine): plain ${(median(plainCpu) / 1000).toFixed(2)} s, check ${(median(oursCpu) / 1000).toFixed(2)} s, ratio ${cpuRatio.toFixed(3)}`,
    );
    console.log(
      `  check --json (once, for information): ${(json.ms / 1000).toFixed(2)} s, ${mb(json.value.bytes)} of JSON, peak RSS ${mb(json.peakRss)}`,
    );
    console.log(`  ratio: ${ratio.toFixed(3)} (goal ≤ ${GOAL}) ${ratio <= GOAL ? 'OK' : 'MISSED'}`);
    child.send('rss');
    const serverRss = await new Promise<number>((resolve) =>
      child.once('message', (m) => resolve((m as { maxRssKb: number }).maxRssKb * 1024)),
    );
    console.log(
      `  peak RSS: check rounds ${mb(oursPeak)}, plain rounds ${mb(plainPeak)} (client process); fake vendors ${mb(serverRss)}`,
    );
    return ratio <= GOAL;
  } finally {
    child.send('close');
    child.kill();
  }
}

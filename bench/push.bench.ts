// Benchmark: the web dashboard at scale. The real engine and web host over 2,000 loopback Statuspage
// vendors, all unchanged but one whose component changes status every 10 s; counts what the
// event stream carries over a span (scaled to a minute), and, in Chromium, the time to the first view, the
// time a pushed patch takes to be applied and rendered, and frames while scrolling the overview.
// Goals: ≤ 200 KB a minute on the stream, first view ≤ 1 s after navigation, a patch applied ≤ 50 ms.
import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createAppCore } from '../electron/core/app';
import { ensureRendererBuilt } from '../electron/web/build-renderer';
import { startDashboard } from '../electron/web/dashboard';
import { buildFixture, setComponentStatus, startStatuspageServer } from '../tests/fakes/statuspage-server';

export const name = 'push';

const VENDORS = Number(process.env.BENCH_PUSH_VENDORS ?? 2000);
const INTERVAL_S = Number(process.env.BENCH_PUSH_INTERVAL_S ?? 60);
const SPAN_MS = Number(process.env.BENCH_PUSH_SPAN_MS ?? 60_000);
const FLIP_MS = Number(process.env.BENCH_PUSH_FLIP_MS ?? 10_000);
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const GOAL_BYTES_PER_MINUTE = 200 * 1024;
const GOAL_FIRST_VIEW_MS = 1000;
const GOAL_PATCH_MS = 50;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<boolean> {
  const serverPath = fileURLToPath(new URL('./statuspage-vendors.server.ts', import.meta.url));
  const child = fork(serverPath, [String(VENDORS - 1)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const page = buildFixture({ name: 'Changing Vendor', standalone: ['API', 'Dashboard'] });
  const changing = await startStatuspageServer({ page, host: '127.0.0.1' });
  const workDir = await mkdtemp(path.join(tmpdir(), 'statustray-bench-push-'));
  let stop: () => Promise<void> = async () => {};
  try {
    const ready = await new Promise<{ urls: string[] }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { urls: string[] }));
      child.once('exit', (code) => reject(new Error(`fake vendors exited with ${code}`)));
    });
    const urls = [...ready.urls, changing.pageUrl];
    const watchlistPath = path.join(workDir, 'watchlist.json');
    await writeFile(watchlistPath, JSON.stringify({ version: 1, vendors: urls.map((url) => ({ url })) }));
    const staticDir = await ensureRendererBuilt({ log: () => {} });
    const core = createAppCore({
      dataDir: path.join(workDir, 'data'),
      watchlistPath,
      intervalSeconds: INTERVAL_S,
    });
    const dashboard = await startDashboard({ core, staticDir, port: 0 });
    stop = async () => {
      await dashboard.stop();
    };
    console.log(
      `push: ${urls.length} vendors on loopback, polled every ${INTERVAL_S} s, one of them changing every ${FLIP_MS / 1000} s`,
    );
    const [load] = loadavg();
    if (load! > availableParallelism())
      console.log(
        `  note: load average ${load!.toFixed(1)} on ${availableParallelism()} cores: times are noisy`,
      );

    // Warm up: every vendor read once.
    const started = Date.now();
    for (;;) {
      const state = await core.handlers['state:get']();
      const read = state.vendors.filter((v) => v.lastCheckedAt !== null).length;
      if (read === urls.length) break;
      if (Date.now() - started > 10 * 60_000) throw new Error(`only ${read} of ${urls.length} vendors read`);
      await sleep(2000);
    }
    const full = JSON.stringify(await core.handlers['state:get']());
    console.log(
      `  all read in ${((Date.now() - started) / 1000).toFixed(1)} s; state:get answers ${kb(full.length)}`,
    );

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const tab = await context.newPage();
      // Time to first view with data, from navigation start (bundle, state:get, render): median of 3 loads.
      const firstViews: number[] = [];
      const fromState: number[] = [];
      for (let i = 0; i < 3; i++) {
        if (i === 0) await tab.goto(dashboard.url);
        else await tab.reload();
        await tab.waitForFunction(() => window.__statusTrayFirstViewAt !== undefined, undefined, {
          timeout: 30_000,
        });
        firstViews.push(await tab.evaluate(() => window.__statusTrayFirstViewAt!));
        fromState.push(await tab.evaluate(() => window.__statusTrayFirstViewMs!));
      }

      // The stream as a page sees it, counted in bytes and events over the span.
      const events = new URL('/api/events', dashboard.url);
      events.searchParams.set('token', new URL(dashboard.url).searchParams.get('token') ?? '');
      let bytes = 0;
      const counts: Record<string, number> = {};
      let counting = false;
      const stream = request(events, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (!counting) return;
          bytes += Buffer.byteLength(chunk);
          for (const m of chunk.matchAll(/^event: (\S+)$/gm)) counts[m[1]!] = (counts[m[1]!] ?? 0) + 1;
        });
      });
      stream.end();
      await sleep(1000);
      counting = true;
      // The changing vendor moves through the statuses, one step every FLIP_MS, and is read at once (as if
      // its poll landed then); every other vendor keeps being polled unchanged on the interval.
      const steps = ['degraded_performance', 'partial_outage', 'major_outage', 'operational'] as const;
      let step = 0;
      const changingId = (await core.handlers['state:get']()).vendors.find(
        (v) => v.url === changing.pageUrl,
      )?.id;
      const flip = setInterval(() => {
        const status = steps[step++ % steps.length]!;
        changing.update((f) => setComponentStatus(f, 'API', status));
        if (changingId) void core.handlers['vendors:refresh']({ id: changingId }).catch(() => {});
      }, FLIP_MS);
      const spanStart = Date.now();
      await sleep(SPAN_MS);
      clearInterval(flip);
      counting = false;
      const spanMs = Date.now() - spanStart;
      stream.destroy();
      const perMinute = (bytes * 60_000) / spanMs;

      const patches = await tab.evaluate(() => window.__statusTrayPatches ?? null);

      // Scrolling the overview: frames over two seconds of continuous scrolling.
      // A string, not a function: the bench runs under tsx, whose helpers do not exist in the page.
      const frames = (await tab.evaluate(`(async () => {
        const list = [...document.querySelectorAll('.view--overview *')].find(
          (el) => el.scrollHeight > el.clientHeight + 100 && getComputedStyle(el).overflowY !== 'visible',
        );
        const scroller = list ?? document.scrollingElement;
        const gaps = [];
        let last = performance.now();
        const end = last + 2000;
        await new Promise((resolve) => {
          function step(t) {
            gaps.push(t - last);
            last = t;
            scroller.scrollTop += 60;
            if (t < end) requestAnimationFrame(step);
            else resolve();
          }
          requestAnimationFrame(step);
        });
        return { frames: gaps.length, over33: gaps.filter((g) => g > 33.4).length, worst: Math.max(...gaps) };
      })()`)) as { frames: number; over33: number; worst: number };
      await context.close();

      const firstView = median(firstViews);
      console.log(
        `  event stream: ${kb(bytes)} in ${(spanMs / 1000).toFixed(0)} s = ${kb(perMinute)} a minute (goal ≤ ${kb(GOAL_BYTES_PER_MINUTE)}); events ${JSON.stringify(counts)}`,
      );
      console.log(
        `  first view: ${firstView.toFixed(0)} ms after navigation (median of ${firstViews.map((v) => v.toFixed(0)).join(', ')}; goal ≤ ${GOAL_FIRST_VIEW_MS}); from the state's arrival ${median(fromState).toFixed(0)} ms`,
      );
      const patchMax = patches?.maxMs ?? NaN;
      console.log(
        patches
          ? `  patches applied in Chromium: ${patches.count}, mean ${(patches.totalMs / patches.count).toFixed(1)} ms, slowest ${patchMax.toFixed(1)} ms (goal ≤ ${GOAL_PATCH_MS})`
          : '  patches applied in Chromium: none (nothing was pushed during the span)',
      );
      console.log(
        `  scrolling the overview: ${frames.frames} frames in 2 s, ${frames.over33} longer than two frames, slowest ${frames.worst.toFixed(1)} ms`,
      );
      const met =
        perMinute <= GOAL_BYTES_PER_MINUTE &&
        firstView <= GOAL_FIRST_VIEW_MS &&
        patches !== null &&
        patchMax <= GOAL_PATCH_MS;
      console.log(`  ${met ? 'goals met' : 'GOAL MISSED'}`);
      return met;
    } finally {
      await browser.close();
    }
  } finally {
    await stop();
    await changing.close();
    child.send('close');
    await rm(workDir, { recursive: true, force: true });
  }
}

// Drives a storm: two Statuspage pages each publishing 5,000 open incidents that all change identity at
// every poll, beside two ordinary vendors, watched at a 2 s interval by the real app core in its own
// process (tests/storm/storm-host.ts). Measures what a user would notice; used by the test and the bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { WatchlistFile } from '../../shared/model';
import {
  buildFixture,
  openOutage,
  startStatuspageServer,
  type SpIncident,
  type StatuspageServer,
} from '../fakes/statuspage-server';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

export interface StormFigures {
  /** Slowest and median state:get, ms. */
  stateMaxMs: number;
  stateMedianMs: number;
  /** From the outage being published to its notification, ms. */
  outageNotifiedMs: number | null;
  peakRssMb: number;
  sigtermMs: number;
  dataDirKb: number;
  notifications: Array<{ title: string; body: string }>;
  stormPolls: number;
}

function stormIncidents(pageId: string, round: number, n: number): SpIncident[] {
  const at = new Date().toISOString();
  return Array.from({ length: n }, (_, i) => {
    const id = `r${round}x${i}`;
    return {
      id,
      name: `Elevated errors ${round}/${i}`,
      status: 'investigating',
      created_at: at,
      updated_at: at,
      monitoring_at: null,
      resolved_at: null,
      impact: 'minor',
      shortlink: `https://stspg.io/${id}`,
      started_at: at,
      page_id: pageId,
      incident_updates: [],
      components: [],
    };
  });
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir, { recursive: true })) {
    const info = await stat(path.join(dir, name)).catch(() => null);
    if (info?.isFile()) total += info.size;
  }
  return total;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runStorm(
  options: { incidents?: number; stormSeconds?: number } = {},
): Promise<StormFigures> {
  const incidents = options.incidents ?? 5_000;
  const stormSeconds = options.stormSeconds ?? 20;
  const work = await mkdtemp(path.join(tmpdir(), 'statustray-storm-'));
  const dataDir = path.join(work, 'data');
  const servers: StatuspageServer[] = [];
  let child: ChildProcess | null = null;
  let round = 0;
  let churn: NodeJS.Timeout | null = null;
  try {
    for (const name of ['Storm Corp', 'Squall Inc']) {
      servers.push(await startStatuspageServer({ page: buildFixture({ name, standalone: ['API'] }) }));
    }
    for (const name of ['Acme', 'Globex']) {
      servers.push(
        await startStatuspageServer({
          page: buildFixture({ name, groups: [{ name: 'Prod1 (US)', components: ['Workflow', 'API'] }] }),
        }),
      );
    }
    const storms = servers.slice(0, 2);
    const churnOnce = (): void => {
      round++;
      for (const s of storms)
        s.update((f) => void (f.incidents = stormIncidents(f.page.id, round, incidents)));
    };
    churnOnce();
    // Every incident changes identity at every poll (the pages change faster than the 2 s interval).
    churn = setInterval(churnOnce, 1_000);

    const watchlist: WatchlistFile = {
      version: 1,
      vendors: servers.map((s) => ({ url: s.pageUrl })),
      intervalSeconds: 2,
    };
    const watchlistPath = path.join(work, 'watchlist.json');
    await writeFile(watchlistPath, JSON.stringify(watchlist));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dataDir);

    child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(HERE, 'storm-host.ts'), dataDir, watchlistPath, '2'],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const proc = child;
    const lines: Array<Record<string, unknown>> = [];
    const waiters: Array<() => void> = [];
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        return;
      }
      for (const w of waiters.splice(0)) w();
    });
    const exited = new Promise<number>((resolve) => proc.on('exit', () => resolve(performance.now())));
    const waitFor = async (pred: () => boolean, timeoutMs: number): Promise<boolean> => {
      const until = performance.now() + timeoutMs;
      while (!pred()) {
        if (performance.now() > until || proc.exitCode !== null) return false;
        await Promise.race([new Promise<void>((r) => waiters.push(r)), tick(250)]);
      }
      return true;
    };
    if (!(await waitFor(() => lines.some((l) => l.type === 'ready'), 60_000)))
      throw new Error('the core did not start');

    const stateTimes: number[] = [];
    let peakRss = 0;
    const askState = async (): Promise<void> => {
      const before = lines.length;
      proc.stdin!.write('state\n');
      const answered = await waitFor(() => lines.slice(before).some((l) => l.type === 'state'), 30_000);
      const answer = lines.slice(before).find((l) => l.type === 'state');
      stateTimes.push(answered && answer ? (answer.ms as number) : 30_000);
    };
    // The storm blows for a while; the dashboard is asked what it shows every half second.
    const stormStart = performance.now();
    while (performance.now() - stormStart < stormSeconds * 1000) {
      await askState();
      peakRss = Math.max(peakRss, await rssMb(proc.pid!));
      await tick(500);
    }
    // Meanwhile an ordinary vendor has an outage.
    const acme = servers[2]!;
    acme.update((f) => {
      openOutage(f, 'Prod1 (US)/Workflow', { name: 'Workflows failing', impact: 'major' });
    });
    const outageAt = performance.now();
    const notified = await waitFor(
      () => lines.some((l) => l.type === 'notification' && String(l.title).startsWith('Acme')),
      60_000,
    );
    const outageNotifiedMs = notified ? performance.now() - outageAt : null;
    for (let i = 0; i < 4; i++) {
      await askState();
      peakRss = Math.max(peakRss, await rssMb(proc.pid!));
      await tick(250);
    }
    const stormPolls = storms.reduce((n, s) => n + s.count('/api/v2/summary.json'), 0);

    const termAt = performance.now();
    proc.kill('SIGTERM');
    const sigtermMs = (await Promise.race([exited, tick(30_000).then(() => Infinity)])) - termAt;
    const sorted = [...stateTimes].sort((a, b) => a - b);
    return {
      stateMaxMs: sorted[sorted.length - 1] ?? Infinity,
      stateMedianMs: sorted[Math.floor(sorted.length / 2)] ?? Infinity,
      outageNotifiedMs,
      peakRssMb: peakRss,
      sigtermMs,
      dataDirKb: (await dirSize(dataDir)) / 1024,
      notifications: lines
        .filter((l) => l.type === 'notification')
        .map((l) => ({ title: String(l.title), body: String(l.body) })),
      stormPolls,
    };
  } finally {
    if (churn) clearInterval(churn);
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.close()));
    await rm(work, { recursive: true, force: true });
  }
}

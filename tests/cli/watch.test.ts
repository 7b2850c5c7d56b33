// The done-when of the monitor: `watch` over the seed's Kustomer page (a fake Statuspage on loopback),
// spawned as a user would run it, announces an outage and its end exactly once each.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MonitorEvent } from '../../shared/model';
import {
  openIncident,
  resolveIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { kustomerFixture } from '../fixtures/kustomer';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let dir: string;
let server: StatuspageServer | null = null;
let child: ChildProcessWithoutNullStreams | null = null;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-watch-'));
});
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
  await server?.close();
  server = null;
  await fs.rm(dir, { recursive: true, force: true });
});

interface Run {
  lines: string[];
  stderr: () => string;
  exit: Promise<number | null>;
  proc: ChildProcessWithoutNullStreams;
}

function watch(args: string[]): Run {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'electron', 'cli.ts'), 'watch', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, STATUSTRAY_DATA_DIR: path.join(dir, 'data'), NO_COLOR: '1' },
    },
  );
  child = proc;
  const lines: string[] = [];
  let buffer = '';
  let err = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts.filter((l) => l.trim() !== ''));
  });
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { lines, stderr: () => err, exit, proc };
}

/** Wait for a condition, polling; fails with what was seen so far. */
async function until(what: string, cond: () => boolean, run: Run, limitMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > limitMs) {
      throw new Error(
        `gave up waiting for ${what}\nstdout:\n${run.lines.join('\n')}\nstderr:\n${run.stderr()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('watch', () => {
  it('announces a Kustomer outage on Prod1 (US) / Workflow and its resolution, each exactly once', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: [{ url: server.pageUrl, name: 'Kustomer' }] }),
    );
    const run = watch(['--config', config, '--interval', '1', '--json']);
    const polls = () => server!.counts()['summary.json'] ?? 0;
    await until('the first reads', () => polls() >= 2, run);
    expect(run.lines).toEqual([]);

    let incidentId = '';
    server.update((f) => {
      setComponentStatus(f, 'Prod1 (US)/Workflow', 'major_outage');
      incidentId = openIncident(f, {
        name: 'Workflows not running in Prod1 (US)',
        impact: 'critical',
        components: ['Prod1 (US)/Workflow'],
      }).id;
    });
    const events = () => run.lines.map((l) => JSON.parse(l) as MonitorEvent);
    await until('the outage', () => events().some((e) => e.type === 'vendor_status_changed'), run);
    let seen = polls();
    await until('a few more polls', () => polls() >= seen + 3, run);

    server.update((f) => {
      resolveIncident(f, incidentId, 'Workflows are running again.');
      setComponentStatus(f, 'Prod1 (US)/Workflow', 'operational');
    });
    await until(
      'the recovery',
      () => events().filter((e) => e.type === 'vendor_status_changed').length >= 2,
      run,
    );
    seen = polls();
    await until('a few more polls', () => polls() >= seen + 3, run);

    run.proc.kill('SIGINT');
    expect(await run.exit).toBe(0);

    const all = events();
    const summary = all.map((e) => {
      switch (e.type) {
        case 'component_status_changed':
          return `${e.type} ${e.group}/${e.component} ${e.from}->${e.to}`;
        case 'vendor_status_changed':
          return `${e.type} ${e.from}->${e.to}`;
        case 'incident_opened':
        case 'incident_resolved':
          return `${e.type} ${e.incident.title} ${e.incident.impact}`;
        default:
          return e.type;
      }
    });
    // A poll may straddle the page's change (components and incidents are separate files), so the order
    // within the outage and within the recovery may vary; each event still comes exactly once.
    expect(summary.slice(0, 3).sort()).toEqual([
      'component_status_changed Prod1 (US)/Workflow operational->major_outage',
      'incident_opened Workflows not running in Prod1 (US) critical',
      'vendor_status_changed operational->major_outage',
    ]);
    expect(summary.slice(3).sort()).toEqual([
      'component_status_changed Prod1 (US)/Workflow major_outage->operational',
      'incident_resolved Workflows not running in Prod1 (US) critical',
      'vendor_status_changed major_outage->operational',
    ]);
    expect(all.every((e) => e.vendor === 'Kustomer')).toBe(true);
    expect(run.lines.some((l) => l.includes('Prod2 (EU)'))).toBe(false);
  }, 60_000);

  it('prints readable lines without --json', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: [{ url: server.pageUrl, name: 'Kustomer' }] }),
    );
    const run = watch(['--config', config, '--interval', '1']);
    await until('the first reads', () => (server!.counts()['summary.json'] ?? 0) >= 2, run);
    server.update((f) => setComponentStatus(f, 'Prod2 (EU)/Channel - Email', 'degraded_performance'));
    await until('the change', () => run.lines.length >= 2, run);
    run.proc.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.lines[0]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ {2}Kustomer — Prod2 \(EU\) \/ Channel - Email: Degraded performance \(was Operational\)$/,
    );
    expect(run.lines[1]).toMatch(/Kustomer — Status: Degraded performance \(was Operational\)$/);
  }, 60_000);

  it('refuses a watchlist with nothing valid, naming the problems', async () => {
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(config, '{\n  "version": 1,\n  "vendors": [ { "url": "ftp://x.example" } ]\n}\n');
    const run = watch(['--config', config]);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(
      /vendor #1 \(ftp:\/\/x\.example\): Enter an address that starts with https:\/\//,
    );
    expect(run.stderr()).toMatch(/no vendor to watch/);

    await fs.writeFile(config, '{ "version": 1, "vendors": [ }');
    const broken = watch(['--config', config]);
    expect(await broken.exit).toBe(1);
    expect(broken.stderr()).toMatch(/not valid JSON at line 1, column 30: unexpected "}"/);
  }, 30_000);

  it('warns about bad entries but watches the good ones', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({
        version: 1,
        vendors: [{ url: server.pageUrl }, { url: server.pageUrl, name: 'again' }],
      }),
    );
    const run = watch(['--config', config, '--interval', '1', '--json']);
    await until('a read', () => (server!.counts()['summary.json'] ?? 0) >= 1, run);
    run.proc.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toMatch(/vendor #2 .*duplicate of vendor #1/);
  }, 30_000);
});

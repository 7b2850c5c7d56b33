// A service manager or CI stops what it started by signalling the process it started: here npm. SIGTERM to
// `npm run cli -- web`, `npm run demo -- --web` and `npm start` must stop them and leave no process of theirs
// behind within 5 s, although npm's shell does not pass the signal on (scripts/stop-with-npm.mjs).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from './spawn-cli';

interface ProcessInfo {
  ppid: number;
  state: string;
  command: string;
}

/** Every process on the machine, from /proc: its parent, its state (Z for a zombie) and its command line. */
function processTable(): Map<number, ProcessInfo> {
  const table = new Map<number, ProcessInfo>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields after it are space-separated.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      table.set(Number(entry), { ppid: Number(ppid), state: state ?? '', command });
    } catch {
      // Ended between the listing and the read.
    }
  }
  return table;
}

function descendantsOf(pid: number): number[] {
  const table = processTable();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, info] of table) {
      if (info.ppid === parent && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** Those of the given processes still running (a zombie has ended: it only waits to be reaped). */
function stillRunning(pids: number[]): string[] {
  const table = processTable();
  return pids.flatMap((pid) => {
    const info = table.get(pid);
    return info && info.state !== 'Z' ? [`${pid} ${info.command}`] : [];
  });
}

interface NpmRun {
  child: ChildProcess;
  output(): string;
}

const started: NpmRun[] = [];
const folders: string[] = [];
afterEach(() => {
  // Whatever a failed test left: its whole process group (npm was started as the group's leader).
  for (const run of started.splice(0)) {
    try {
      process.kill(-run.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function npmRun(args: string[], env: NodeJS.ProcessEnv): NpmRun {
  const child = spawn('npm', args, {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const run = { child, output: () => output };
  started.push(run);
  return run;
}

/** The first match of `pattern` in what the run printed, once it has printed it. */
async function printed(run: NpmRun, pattern: RegExp): Promise<string> {
  return vi.waitFor(
    () => {
      const match = pattern.exec(run.output());
      if (!match) throw new Error(`nothing matches ${pattern} yet; output so far:\n${run.output()}`);
      return match[1] ?? match[0];
    },
    { timeout: 120_000, interval: 100 },
  );
}

const DASHBOARD = /StatusTray dashboard: (http:\/\/127\.0\.0\.1:\d+\S*)/;

/** SIGTERM to npm; then, within 5 s, npm and everything it started has ended and the address is closed. */
async function expectStopsWithin5s(run: NpmRun, url?: string): Promise<void> {
  const npm = run.child.pid!;
  const tree = descendantsOf(npm);
  // npm's shell and the node program under it, at least.
  expect(tree.length).toBeGreaterThanOrEqual(1);
  expect(tree.map((pid) => processTable().get(pid)?.command ?? '').join('\n')).toMatch(/node /);
  process.kill(npm, 'SIGTERM');
  const signalled = Date.now();
  await vi.waitFor(() => expect(stillRunning([npm, ...tree])).toEqual([]), { timeout: 5_000, interval: 50 });
  expect(Date.now() - signalled).toBeLessThan(5_000);
  if (url) await expect(fetch(url)).rejects.toThrow();
}

describe.runIf(process.platform === 'linux')('stopping npm', () => {
  it('SIGTERM to `npm run cli -- web` stops the dashboard and leaves no process behind within 5 s', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'statustray-stop-'));
    folders.push(data);
    const run = npmRun(['run', '--silent', 'cli', '--', 'web', '--port', '0', '--no-open'], {
      STATUSTRAY_DATA_DIR: data,
    });
    const url = await printed(run, DASHBOARD);
    await expectStopsWithin5s(run, url);
  });

  it('SIGTERM to `npm run demo -- --web` stops the demo and leaves no process behind within 5 s', async () => {
    const run = npmRun(['run', '--silent', 'demo', '--', '--web'], {});
    const url = await printed(run, DASHBOARD);
    await expectStopsWithin5s(run, url);
  });

  it('SIGTERM to `npm start` stops Electron (here a stand-in) within 5 s', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'fake-electron-'));
    folders.push(dist);
    const binary = path.join(dist, 'electron');
    writeFileSync(
      binary,
      `#!${process.execPath}\nconsole.log('stand-in Electron running');\nsetInterval(() => {}, 1000);\n`,
    );
    chmodSync(binary, 0o755);
    const run = npmRun(['start', '--', '--no-build'], { ELECTRON_OVERRIDE_DIST_PATH: dist });
    await printed(run, /stand-in Electron running/);
    await expectStopsWithin5s(run);
  });
});

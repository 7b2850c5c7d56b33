// Boots the built main process (out/main/index.js) under plain Node with `electron` resolved to the
// recording stand-in (tests/electron/standin), and reads back what it recorded, line by line.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
const REGISTER = join(ROOT, 'tests', 'electron', 'standin', 'register.mjs');
const MAIN = join(ROOT, 'out', 'main', 'index.js');
const PREFIX = 'standin ';

/** One thing the app did to the stand-in (see electron.mjs for the kinds). */
export interface Recorded {
  kind: string;
  at: number;
  [detail: string]: unknown;
}

export interface BootedApp {
  child: ChildProcess;
  /** Everything recorded so far, in order. */
  records: Recorded[];
  /** What the app wrote that was not a record (its own logs), and stderr. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits until a record matching `match` exists (after `since` records) and returns it. */
  waitFor(match: (record: Recorded) => boolean, what: string, since?: number): Promise<Recorded>;
}

export function bootBuiltApp(options: {
  userData: string;
  /** The main bundle to boot (default: out/main/index.js). */
  main?: string;
  env?: NodeJS.ProcessEnv;
}): BootedApp {
  const child = spawn(process.execPath, ['--import', REGISTER, options.main ?? MAIN], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      STANDIN_USER_DATA: options.userData,
      STANDIN_APP_PATH: ROOT,
      ...options.env,
    },
  });
  const records: Recorded[] = [];
  let log = '';
  let partial = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith(PREFIX)) records.push(JSON.parse(line.slice(PREFIX.length)) as Recorded);
      else log += line + '\n';
    }
  });
  child.stderr!.on('data', (chunk: string) => (log += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  // Once the process is gone and its output read, nothing more can be recorded: a wait then fails at
  // once with what the app printed (a crash at start-up), instead of at the end of its time limit.
  let closed = false;
  child.once('close', () => (closed = true));
  const output = (): string => log;
  return {
    child,
    records,
    output,
    exited,
    async waitFor(match, what, since = 0) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const found = records.slice(since).find(match);
        if (found) return found;
        if (closed || Date.now() > deadline) {
          const seen = records.map((r) => r.kind).join(', ');
          throw new Error(
            `the app never did: ${what}${closed ? ' (it exited first)' : ''}\nrecorded: ${seen}\noutput:\n${output()}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

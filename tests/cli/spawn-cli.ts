// Runs the compiled `statustray` executable as a shell or a pipeline would, collecting its output lines and
// exit code (tests/build-cli.global.ts builds it before the tests).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_PATH = path.join(REPO_ROOT, 'dist-cli', 'statustray.mjs');

export interface CliRun {
  proc: ChildProcessWithoutNullStreams;
  /** Non-empty stdout lines so far. */
  lines: string[];
  stdout(): string;
  stderr(): string;
  /** The exit code (null when killed by a signal). */
  exit: Promise<number | null>;
}

export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const proc = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  const lines: string[] = [];
  let out = '';
  let buffer = '';
  let err = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    out += text;
    buffer += text;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts.filter((l) => l.trim() !== ''));
  });
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  return { proc, lines, stdout: () => out, stderr: () => err, exit };
}

/** Waits for a condition, polling; fails with what the command printed so far. */
export async function until(what: string, cond: () => boolean, run: CliRun, limitMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > limitMs) {
      throw new Error(`gave up waiting for ${what}\nstdout:\n${run.stdout()}\nstderr:\n${run.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

// `wait <url>...`: a gate for pipelines. Polls the pages until every vendor is at `--until` or better (exit
// 0 at once), or gives up at `--timeout` (exit 3), printing each vendor's reading and every change on the way.
import { parseArgs } from 'node:util';
import type { Snapshot } from '../../shared/model';
import { STATUS_LABEL, type VendorStatus } from '../../shared/status';
import { createHttpClient, DEFAULT_TIMEOUT_MS } from '../core/http/client';
import type { Detection } from '../core/platforms/types';
import { mapPool } from '../core/pool';
import { parseUserUrl, readSnapshot } from '../core/read';
import { stopQuietlyOnBrokenPipe } from './broken-pipe';
import { CHECK_CONCURRENCY } from './check';
import { atOrBetter, isStatus } from './gate';
import {
  DEFAULT_WAIT_INTERVAL_S,
  DEFAULT_WAIT_TIMEOUT_S,
  UNTIL_LEVELS,
  WAIT_HELP as HELP,
} from './help/wait';
import { terminalText } from '../core/text/terminal-text';

export interface WaitIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

interface WaitOptions {
  urls: string[];
  until: VendorStatus;
  timeoutMs: number;
  intervalMs: number;
}

/** A number of seconds within bounds, or an error sentence. */
function seconds(flag: string, text: string | undefined, fallback: number, max: number): number | string {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\s*\d*\.?\d+\s*$/.test(text) || !Number.isFinite(n) || n < 1 || n > max) {
    return `${flag} must be a number of seconds from 1 to ${max}, not "${text}"`;
  }
  return n;
}

export function parseWaitArgs(argv: string[]): WaitOptions | 'help' | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        until: { type: 'string' },
        timeout: { type: 'string' },
        interval: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const until = (values.until ?? 'operational').trim();
  if (!isStatus(until) || until === 'unknown') {
    return { error: `--until must be one of ${UNTIL_LEVELS.join(', ')}, not "${values.until}"` };
  }
  const timeout = seconds('--timeout', values.timeout, DEFAULT_WAIT_TIMEOUT_S, 7 * 86_400);
  if (typeof timeout === 'string') return { error: timeout };
  const interval = seconds('--interval', values.interval, DEFAULT_WAIT_INTERVAL_S, 86_400);
  if (typeof interval === 'string') return { error: interval };
  if (positionals.length === 0) return { error: 'give at least one status page URL' };
  for (const url of positionals) {
    try {
      parseUserUrl(url);
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }
  return { urls: positionals, until, timeoutMs: timeout * 1000, intervalMs: interval * 1000 };
}

/** What a line says about one page: its status, or that it cannot be read. A new reading prints when this changes. */
export function readingOf(s: Snapshot): string {
  // Vendor text goes through terminal-text: no control character, no forged line.
  return s.error
    ? `cannot read the page (${s.error.kind}: ${terminalText(s.error.message)})`
    : STATUS_LABEL[s.status];
}

function stamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

/** A page counts as at the level only when it was read. */
export function isAtLevel(s: Snapshot, until: VendorStatus): boolean {
  return !s.error && atOrBetter(s.status, until);
}

export async function run(argv: string[], io: WaitIo = process): Promise<number> {
  const parsed = parseWaitArgs(argv);
  if (parsed === 'help') {
    io.stdout.write(HELP + '\n');
    return 0;
  }
  if ('error' in parsed) {
    io.stderr.write(`statustray wait: ${parsed.error}\n\n${HELP}\n`);
    return 1;
  }
  const { urls, until, timeoutMs, intervalMs } = parsed;
  if (io.stdout === process.stdout) stopQuietlyOnBrokenPipe();
  const started = Date.now();
  const deadline = started + timeoutMs;
  const level = STATUS_LABEL[until];
  // Giving up aborts the reads in flight, so the exit comes at the timeout and not a request later.
  const giveUp = new AbortController();
  const giveUpTimer = setTimeout(() => giveUp.abort(), timeoutMs);
  const http = createHttpClient();
  const detections = new Map<number, Detection>();
  const said = new Map<number, string>();
  let latest: Snapshot[] = [];
  try {
    while (!giveUp.signal.aborted) {
      const round = await mapPool(urls, CHECK_CONCURRENCY, async (url, i) => {
        const outcome = await readSnapshot(url, {
          http,
          timeoutMs: Math.min(DEFAULT_TIMEOUT_MS, Math.max(1, deadline - Date.now())),
          signal: giveUp.signal,
          ...(detections.has(i) ? { detection: detections.get(i) } : {}),
        });
        if (outcome.detection) detections.set(i, outcome.detection);
        return outcome.snapshot;
      });
      // A round cut short by the timeout says nothing about the pages: the last full one is what is known.
      if (giveUp.signal.aborted) break;
      latest = round;
      latest.forEach((s, i) => {
        const reading = readingOf(s);
        const before = said.get(i);
        if (before === reading) return;
        said.set(i, reading);
        const name = terminalText(s.error ? urls[i]! : s.vendor.name);
        io.stdout.write(`${stamp(Date.now())}  ${name} — ${reading}${before ? ` (was ${before})` : ''}\n`);
      });
      if (latest.every((s) => isAtLevel(s, until))) {
        const after = Math.round((Date.now() - started) / 1000);
        io.stderr.write(
          `statustray wait: ${urls.length === 1 ? 'the vendor is' : `all ${urls.length} vendors are`} ${level.toLowerCase()} or better (after ${after} s).\n`,
        );
        return 0;
      }
      await sleep(Math.min(intervalMs, deadline - Date.now()), giveUp.signal);
    }
  } finally {
    clearTimeout(giveUpTimer);
    await http.close();
  }
  const behind = latest
    .map((s, i) =>
      isAtLevel(s, until) ? null : `${terminalText(s.error ? urls[i]! : s.vendor.name)}: ${readingOf(s)}`,
    )
    .filter((line): line is string => line !== null);
  io.stderr.write(
    `statustray wait: gave up after ${Math.round(timeoutMs / 1000)} s; not ${level.toLowerCase()} or better:\n` +
      (behind.length ? behind.map((l) => `  ${l}\n`).join('') : '  (no page answered in time)\n'),
  );
  return 3;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

// `wait <url>...`: a gate for pipelines. Polls the pages until every vendor is at `--until` or better (exit
// 0 at once), or gives up at `--timeout` (exit 2 when a page was never read, else 3), printing each
// vendor's reading and every change on the way.
import type { Snapshot } from '../../shared/model';
import { STATUS_LABEL, type VendorStatus } from '../../shared/status';
import { createHttpClient, DEFAULT_TIMEOUT_MS } from '../core/http/client';
import type { Detection } from '../core/platforms/types';
import { mapPool } from '../core/pool';
import { parseUserUrl, readSnapshot } from '../core/read';
import { closest, parseCommandArgs, usageLine, UsageError } from './args';
import { stopQuietlyOnBrokenPipe } from './broken-pipe';
import { CHECK_CONCURRENCY, sayHttpsAdded } from './check';
import { atOrBetter, isStatus, waitExitCode } from './gate';
import {
  DEFAULT_WAIT_INTERVAL_S,
  DEFAULT_WAIT_TIMEOUT_S,
  UNTIL_LEVELS,
  WAIT_HELP as HELP,
} from './help/wait';
import { terminalText } from '../core/text/terminal-text';
import { WAIT_OPTIONS } from './options';

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
    parsed = parseCommandArgs(WAIT_OPTIONS, argv, { positionals: true });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return { error: err.message };
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const until = (values.until ?? 'operational').trim();
  if (!isStatus(until) || until === 'unknown') {
    const guess = closest(until, UNTIL_LEVELS);
    return {
      error: `--until must be one of ${UNTIL_LEVELS.join(', ')}, not "${values.until}"${guess ? ` — did you mean ${guess}?` : ''}`,
    };
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
    io.stderr.write(usageLine('wait', parsed.error));
    return 1;
  }
  const { urls, until, timeoutMs, intervalMs } = parsed;
  sayHttpsAdded('wait', urls, io.stderr);
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
  // Pages read at least once: a page never read gets its own exit status at the timeout.
  const everRead = new Set<number>();
  try {
    while (!giveUp.signal.aborted) {
      const previous = latest;
      const round = await mapPool(urls, CHECK_CONCURRENCY, async (url, i) => {
        const budget = Math.min(DEFAULT_TIMEOUT_MS, Math.max(1, deadline - Date.now()));
        const outcome = await readSnapshot(url, {
          http,
          timeoutMs: budget,
          signal: giveUp.signal,
          ...(detections.has(i) ? { detection: detections.get(i) } : {}),
        });
        if (outcome.detection) detections.set(i, outcome.detection);
        // A read cut short by our own deadline (not the page's usual timeout) says nothing about the page:
        // what was last read of it stays what is known.
        const cut = outcome.snapshot.error?.kind === 'timeout' && budget < DEFAULT_TIMEOUT_MS;
        return cut && previous[i] ? previous[i] : outcome.snapshot;
      });
      // A round cut short by the timeout says nothing about the pages: the last full one is what is known.
      if (giveUp.signal.aborted) break;
      latest = round;
      latest.forEach((s, i) => {
        if (!s.error) everRead.add(i);
      });
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
        io.stderr.write(`statustray wait: ${reachedLine(urls.length, until)} (after ${after} s).\n`);
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
  return waitExitCode({ neverRead: urls.length - everRead.size });
}

const REACHED_WORDS: Record<VendorStatus, string> = {
  operational: 'operational',
  maintenance: 'in maintenance',
  degraded: 'degraded',
  partial_outage: 'in partial outage',
  major_outage: 'in major outage',
  unknown: 'unknown',
};

/** "the vendor is operational", "both vendors are degraded or better", "all 5 vendors are operational". */
export function reachedLine(count: number, until: VendorStatus): string {
  const who = count === 1 ? 'the vendor is' : count === 2 ? 'both vendors are' : `all ${count} vendors are`;
  // Nothing is better than operational: "operational or better" would say nothing more.
  return `${who} ${until === 'operational' ? 'operational' : `${REACHED_WORDS[until]} or better`}`;
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

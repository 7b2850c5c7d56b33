// `check <url>...`: read each status page once and print a table (or, with --json, one JSON array of
// Snapshots in the order given). Exit 0 when every page was read, 2 when any failed, 1 for a usage error,
// 3 with --fail-on when a vendor is at that status or worse.
import type { Snapshot } from '../../shared/model';
import { STATUS_LABEL, STATUS_LOOK, isProblem, type VendorStatus } from '../../shared/status';
import { createHttpClient, DEFAULT_TIMEOUT_MS } from '../core/http/client';
import type { HttpClient } from '../core/http/types';
import { mapPool } from '../core/pool';
import { parseUserUrl, readSnapshot } from '../core/read';
import { isOpen } from '../core/rollup';
import { unmatchedSentence } from '../../shared/component-match';
import { stopQuietlyOnBrokenPipe } from './broken-pipe';
import { CHECK_HELP as HELP, FAIL_ON_LEVELS } from './help/check';
import { atOrWorse, checkExitCode, isStatus } from './gate';
import { terminalText } from '../core/text/terminal-text';
import { withHttpsAdded } from '../../shared/watch-entry';
import { closest, parseCommandArgs, usageLine, UsageError } from './args';
import { CHECK_OPTIONS } from './options';

export const CHECK_CONCURRENCY = 64;

export interface CheckIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

/**
 * Read many pages, at most CHECK_CONCURRENCY at a time, each with its own budget; never throws.
 * `onSnapshot` sees each one in the order given, as soon as it and all before it are read, so that a
 * caller can print and drop it instead of holding thousands of snapshots.
 */
export async function checkUrls(
  urls: readonly string[],
  opts: {
    http: HttpClient;
    timeoutMs?: number;
    concurrency?: number;
    /** "Group/Component" or "Component": only these count for each page's status (all when none). */
    components?: string[];
    onSnapshot: (snapshot: Snapshot, index: number) => void;
  },
): Promise<{ failed: number }> {
  const done = new Map<number, Snapshot>();
  let next = 0;
  let failed = 0;
  await mapPool(urls, opts.concurrency ?? CHECK_CONCURRENCY, async (url, index) => {
    const { snapshot } = await readSnapshot(url, {
      http: opts.http,
      timeoutMs: opts.timeoutMs,
      ...(opts.components?.length ? { watchedComponents: opts.components } : {}),
    });
    if (snapshot.error) failed++;
    done.set(index, snapshot);
    for (let s = done.get(next); s !== undefined; s = done.get(next)) {
      done.delete(next);
      opts.onSnapshot(s, next);
      next++;
    }
  });
  return { failed };
}

/** Every snapshot, in order (for callers that want them all at once). */
export async function checkAll(
  urls: readonly string[],
  opts: { http: HttpClient; timeoutMs?: number; concurrency?: number },
): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  await checkUrls(urls, { ...opts, onSnapshot: (s) => out.push(s) });
  return out;
}

const ANSI: Record<VendorStatus, string> = {
  operational: '\x1b[32m',
  maintenance: '\x1b[34m',
  degraded: '\x1b[33m',
  partial_outage: '\x1b[38;5;208m',
  major_outage: '\x1b[31m',
  unknown: '\x1b[90m',
};
const RESET = '\x1b[0m';

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, width - 1).join('') + '…';
}

function pad(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

interface Row {
  vendor: string;
  status: string;
  statusKey: VendorStatus;
  problems: string;
  incidents: string;
  error: string;
}

/** The line of the table for one page: all a table keeps of a snapshot. */
export function tableRow(s: Snapshot): Row {
  const problems = s.components.filter((c) => isProblem(c.status) || c.status === 'unknown').length;
  const open = s.incidents.filter((i) =>
    i.kind === 'maintenance' ? i.status === 'in_progress' : isOpen(i),
  ).length;
  return {
    // Vendor text goes through terminal-text: no control character, no forged line.
    vendor: truncate(terminalText(s.error ? s.url : s.vendor.name), 40),
    status: `${STATUS_LOOK[s.status].symbol} ${STATUS_LABEL[s.status]}`,
    statusKey: s.status,
    problems: s.error ? '–' : `${problems}/${s.components.length}`,
    incidents: s.error ? '–' : String(open),
    error: s.error ? terminalText(`${s.error.kind}: ${s.error.message}`) : '',
  };
}

/** The table people read: one line per page, problems first in their own words. */
export function formatTable(rows: Row[], color: boolean): string {
  const head = {
    vendor: 'VENDOR',
    status: 'STATUS',
    problems: 'COMPONENTS WITH PROBLEMS',
    incidents: 'OPEN INCIDENTS',
    error: 'ERROR',
  };
  const width = (key: 'vendor' | 'status' | 'problems' | 'incidents') =>
    Math.max([...head[key]].length, ...rows.map((r) => [...r[key]].length));
  const w = {
    vendor: width('vendor'),
    status: width('status'),
    problems: width('problems'),
    incidents: width('incidents'),
  };
  const line = (r: Omit<Row, 'statusKey'>, statusColor?: VendorStatus) => {
    const status = pad(r.status, w.status);
    return [
      pad(r.vendor, w.vendor),
      statusColor && color ? ANSI[statusColor] + status + RESET : status,
      pad(r.problems, w.problems),
      pad(r.incidents, w.incidents),
      r.error,
    ]
      .join('  ')
      .trimEnd();
  };
  return [line(head), ...rows.map((r) => line(r, r.statusKey))].join('\n') + '\n';
}

export async function run(argv: string[], io: CheckIo = process): Promise<number> {
  const usage = (message: string) => {
    io.stderr.write(usageLine('check', message));
    return 1;
  };
  let parsed;
  try {
    parsed = parseCommandArgs(CHECK_OPTIONS, argv, { positionals: true });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return usage(err.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(HELP + '\n');
    return 0;
  }
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (
      !/^\s*\d*\.?\d+\s*$/.test(values.timeout) ||
      !Number.isFinite(seconds) ||
      seconds <= 0 ||
      seconds > 3600
    ) {
      return usage(`--timeout must be a number of seconds between 0 and 3600, not "${values.timeout}"`);
    }
    timeoutMs = Math.round(seconds * 1000);
  }
  let failOn: VendorStatus | undefined;
  if (values['fail-on'] !== undefined) {
    const level = values['fail-on'].trim();
    if (!isStatus(level) || level === 'operational') {
      const guess = closest(level, FAIL_ON_LEVELS);
      return usage(
        `--fail-on must be one of ${FAIL_ON_LEVELS.join(', ')}, not "${values['fail-on']}"${guess ? ` — did you mean ${guess}?` : ''}`,
      );
    }
    failOn = level;
  }
  if (positionals.length === 0) return usage('give at least one status page URL');
  for (const url of positionals) {
    try {
      parseUserUrl(url);
    } catch (err) {
      return usage(err instanceof Error ? err.message : String(err));
    }
  }
  sayHttpsAdded('check', positionals, io.stderr);

  if (io.stdout === process.stdout) stopQuietlyOnBrokenPipe();
  // One connection per origin: a vendor's requests go one after the other anyway, and undici serves a
  // single connection with a plain Client instead of a Pool, which cut a third of the CPU of a large check.
  const http = createHttpClient({ timeoutMs, cache: false, connectionsPerOrigin: 1 });
  const rows: Row[] = [];
  let result: { failed: number };
  let atFailLevel = 0;
  // Named on stderr when the gate closes, so that a pipeline's log says why (the first few).
  const gated: string[] = [];
  const unmatched: string[] = [];
  try {
    if (values.json) io.stdout.write('[');
    result = await checkUrls(positionals, {
      http,
      timeoutMs,
      ...(values.component?.length ? { components: values.component } : {}),
      onSnapshot: (snapshot, index) => {
        if (failOn && !snapshot.error && atOrWorse(snapshot.status, failOn)) {
          atFailLevel++;
          if (gated.length < 5)
            gated.push(`${terminalText(snapshot.vendor.name)} (${STATUS_LABEL[snapshot.status]})`);
        }
        if (values.json) {
          // One JSON array, written as it fills so that memory stays flat however many pages.
          io.stdout.write((index === 0 ? '\n' : ',\n') + asArrayItem(snapshot));
        } else {
          rows.push(tableRow(snapshot));
          for (const u of snapshot.unmatchedComponents ?? [])
            if (unmatched.length < 20) unmatched.push(`${snapshot.vendor.name}: ${unmatchedSentence(u)}`);
        }
      },
    });
  } finally {
    await http.close();
  }
  if (values.json) {
    io.stdout.write('\n]\n');
  } else {
    const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
    io.stdout.write(formatTable(rows, io.stdout.isTTY === true && !noColor));
    // A watched name the page lacks makes the status unknown: say which, and the page's nearest name.
    if (unmatched.length) io.stdout.write('\n' + unmatched.map((line) => terminalSafe(line) + '\n').join(''));
  }
  if (failOn && atFailLevel > 0) {
    const more = atFailLevel > gated.length ? ` and ${atFailLevel - gated.length} more` : '';
    io.stderr.write(
      `statustray check: at ${failOn} or worse (--fail-on ${failOn}): ${gated.join(', ')}${more}\n`,
    );
  }
  return checkExitCode({ failed: result.failed, atFailLevel });
}

/**
 * A snapshot as an item of the pretty-printed array (two spaces deeper), indented by JSON.stringify itself
 * rather than by a second pass over the text.
 */
function asArrayItem(snapshot: Snapshot): string {
  const json = JSON.stringify([snapshot], null, 2);
  return json.slice(2, -2);
}

/** Page text on a terminal: control characters (escape sequences, forged line breaks) shown as "?". */
function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** Says once, for each address given without a scheme, that it is read as https:// (the one rule). */
export function sayHttpsAdded(
  command: string,
  urls: readonly string[],
  stderr: { write(text: string): unknown },
): void {
  const told = new Set<string>();
  for (const url of urls) {
    const added = withHttpsAdded(url);
    if (!added || told.has(added)) continue;
    told.add(added);
    stderr.write(`statustray ${command}: "${url.trim()}" has no scheme: reading ${added}\n`);
  }
}

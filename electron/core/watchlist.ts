// The watchlist file of DESIGN.md (also the import/export format): parse and validate it entry by entry,
// so one bad entry is named and skipped while the rest still loads; serialize it; derive vendor ids.
import { createHash } from 'node:crypto';
import type { ForwardTarget, WatchEntry, WatchlistFile } from '../../shared/model';
import { hasCredentials, redactCredentials, stripCredentials } from '../../shared/url-credentials';
import { keptFieldsOf, plainIssues, readWatchEntry } from '../../shared/watch-entry';
import { describeTarget, forwardTargetSchema, MAX_FORWARD_TARGETS } from './forward/targets';

export interface WatchlistParseResult {
  /** null when the file as a whole is unusable (not JSON, not an object); otherwise the valid part. */
  watchlist: WatchlistFile | null;
  /** One sentence per problem, naming the line/column or the entry (index and URL). */
  problems: string[];
  /** The entries that could not be used, as they were, with the reason: to keep them aside. */
  rejected: RejectedEntry[];
}

export interface RejectedEntry {
  /** "vendor #3 (https://…)" or "vendor #3 "GitHub"": which one, in the words of the problem list. */
  label: string;
  reason: string;
  data: unknown;
}

export { watchEntrySchema } from '../../shared/watch-entry';

const KNOWN_TOP_LEVEL = new Set(['version', 'vendors', 'intervalSeconds', 'forward']);

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/**
 * Offset of the first syntax error in `text` (V8's messages do not always carry a position), found by a
 * small recursive-descent scan of the JSON grammar. Returns the text length for an unexpected end.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        i++;
        const esc = text[i];
        if (esc === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail();
          i += 5;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) fail();
        i++;
        continue;
      }
      if (ch < ' ') fail();
      i++;
    }
    fail();
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    } else if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : text.length;
  }
}

function describeJsonError(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const offset = jsonErrorOffset(text);
  const { line, column } = lineColumn(text, offset < 0 ? text.length : offset);
  const found = offset >= 0 && offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : null;
  const reason = found ?? (offset >= text.length ? 'unexpected end of file' : message.split('\n')[0]);
  return `not valid JSON at line ${line}, column ${column}: ${reason}`;
}

/** The form under which two URLs name the same page: lower-case host, no trailing slash, no fragment. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    let s = u.toString();
    if (s.endsWith('/') && u.search === '') s = s.slice(0, -1);
    return s;
  } catch {
    return url.trim();
  }
}

/** Stable, readable vendor id from its URL: "status-kustomer-com-3f9a1c". */
export function vendorIdFor(url: string): string {
  const normalized = normalizeUrl(url);
  let host = 'vendor';
  try {
    host = new URL(normalized).host;
  } catch {
    // keep the fallback
  }
  const slug = host
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const hash = createHash('sha1').update(normalized).digest('hex').slice(0, 6);
  return `${slug}-${hash}`;
}

/**
 * An entry whose addresses carried a user name or password, with them taken out and the person told: the
 * vendor is still watched, the credentials are never stored, sent or shown.
 */
function withoutCredentials(raw: unknown, label: string, problems: string[]): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const entry = raw as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const key of ['url', 'apiUrl']) {
    const value = entry[key];
    if (typeof value === 'string' && hasCredentials(value)) {
      out ??= { ...entry };
      out[key] = stripCredentials(value);
    }
  }
  if (!out) return raw;
  problems.push(
    `${label}: the user name and password were removed from its address (StatusTray never stores or sends credentials in an address)`,
  );
  return out;
}

/** Validate an already parsed value (the app's stored watchlist, an import). */
export function validateWatchlist(data: unknown): WatchlistParseResult {
  const problems: string[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      watchlist: null,
      problems: ['the watchlist must be a JSON object with "version" and "vendors"'],
      rejected: [],
    };
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_TOP_LEVEL.has(key)) problems.push(`unknown field "${key}" at the top level (ignored)`);
  }
  if (record.version !== undefined && record.version !== 1) {
    problems.push(`unsupported "version" ${JSON.stringify(record.version)}: expected 1 (read as version 1)`);
  }
  let intervalSeconds: number | undefined;
  if (record.intervalSeconds !== undefined) {
    const n = record.intervalSeconds;
    if (typeof n === 'number' && Number.isFinite(n) && n >= 1 && n <= 86400) intervalSeconds = n;
    else problems.push(`"intervalSeconds" must be a number of seconds from 1 to 86400 (ignored)`);
  }
  const vendors: WatchEntry[] = [];
  const rejected: RejectedEntry[] = [];
  if (!Array.isArray(record.vendors)) {
    problems.push('"vendors" must be a list of vendors');
  } else {
    const seen = new Map<string, number>();
    record.vendors.forEach((raw, index) => {
      const label = entryLabel(raw, index);
      const reading = readWatchEntry(withoutCredentials(raw, label, problems));
      if (!reading.ok) {
        problems.push(`${label}: ${reading.reason} — skipped`);
        rejected.push({ label, reason: reading.reason, data: raw });
        return;
      }
      for (const note of reading.notes) problems.push(`${label}: ${note}`);
      const key = normalizeUrl(reading.entry.url);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push(`${label}: duplicate of vendor #${first + 1} — skipped`);
        return;
      }
      seen.set(key, index);
      vendors.push(reading.entry);
    });
  }
  const watchlist: WatchlistFile = { version: 1, vendors };
  if (intervalSeconds !== undefined) watchlist.intervalSeconds = intervalSeconds;
  if (record.forward !== undefined) {
    const forward = validateForward(record.forward, problems);
    if (forward.length > 0) watchlist.forward = forward;
  }
  return { watchlist, problems, rejected };
}

/** Names an entry for people: its position, and its address or name when it has one. */
export function entryLabel(raw: unknown, index: number): string {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const what =
    typeof record.url === 'string' && record.url
      ? ` (${redactCredentials(record.url).slice(0, 200)})`
      : typeof record.name === 'string' && record.name.trim()
        ? ` "${record.name.trim().slice(0, 200)}"`
        : '';
  return `vendor #${index + 1}${what}`;
}

/** The "forward" list, target by target: a bad one is named (by type and shortened URL) and skipped. */
function validateForward(raw: unknown, problems: string[]): ForwardTarget[] {
  if (!Array.isArray(raw)) {
    problems.push('"forward" must be a list of targets (ignored)');
    return [];
  }
  const out: ForwardTarget[] = [];
  const seen = new Set<string>();
  raw.forEach((item, index) => {
    const parsed = forwardTargetSchema.safeParse(item);
    const r = (typeof item === 'object' && item !== null ? item : {}) as { type?: unknown; url?: unknown };
    const label =
      typeof r.url === 'string' && typeof r.type === 'string'
        ? `forward target #${index + 1} (${describeTarget({ type: r.type as ForwardTarget['type'], url: r.url })})`
        : `forward target #${index + 1}`;
    if (!parsed.success) {
      problems.push(`${label}: ${plainIssues(parsed.error).sentences.join('; ')} — skipped`);
      return;
    }
    const key = `${parsed.data.type} ${parsed.data.url}`;
    if (seen.has(key)) {
      problems.push(`${label}: duplicate — skipped`);
      return;
    }
    if (out.length >= MAX_FORWARD_TARGETS) {
      problems.push(`${label}: at most ${MAX_FORWARD_TARGETS} targets — skipped`);
      return;
    }
    seen.add(key);
    out.push(parsed.data);
  });
  return out;
}

/** Parse the text of a watchlist file. */
export function parseWatchlist(text: string): WatchlistParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { watchlist: null, problems: [describeJsonError(text, err)], rejected: [] };
  }
  return validateWatchlist(data);
}

/**
 * The file of DESIGN.md, pretty-printed, with only the fields a person set (cached detection included).
 * Forwarding targets hold secret URLs: they are left out unless `includeForward` asks for them.
 */
export function serializeWatchlist(
  watchlist: WatchlistFile,
  opts: { includeForward?: boolean } = {},
): string {
  const vendors = watchlist.vendors.map((v) => {
    const out: WatchEntry = { url: v.url };
    if (v.name) out.name = v.name;
    if (v.components && v.components.length) out.components = [...v.components];
    if (v.notify && v.notify !== 'all') out.notify = v.notify;
    if (v.platform) out.platform = v.platform;
    if (v.apiUrl) out.apiUrl = v.apiUrl;
    // Fields a newer version wrote travel along, so that an export loses nothing.
    return { ...keptFieldsOf(v), ...out } as WatchEntry;
  });
  const file: WatchlistFile = { version: 1, vendors };
  if (watchlist.intervalSeconds !== undefined) file.intervalSeconds = watchlist.intervalSeconds;
  if (opts.includeForward && watchlist.forward?.length)
    file.forward = watchlist.forward.map((t) => ({ ...t }));
  return JSON.stringify(file, null, 2) + '\n';
}

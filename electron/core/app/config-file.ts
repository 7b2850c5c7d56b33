// A watchlist file that is THE watchlist (`statustray web --config`): read and checked before anything
// starts, what it says wins over what the data folder stored, changes made in the dashboard are written
// back to it (atomically, unknown fields and the file's mode kept), and an edit by hand while it runs is
// picked up (fs.watch, with a poll of its size and time as the fallback) and told.
import { randomBytes } from 'node:crypto';
import { promises as fs, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { ForwardTarget, WatchEntry, WatchlistFile } from '../../../shared/model';
import { storedWatchEntry } from '../../../shared/watch-entry';
import { normalizeUrl, parseWatchlist } from '../watchlist';

/** The most a watchlist file may weigh: a file the engine rewrites is bounded. */
export const MAX_CONFIG_FILE_BYTES = 5 * 1024 * 1024;

export type ConfigFileReading =
  | {
      ok: true;
      watchlist: WatchlistFile;
      /** Told to the user, nothing lost (an unknown field kept, https:// added…). */
      notes: string[];
      /** The document as it is in the file, to keep what this version does not know when writing back. */
      raw: Record<string, unknown>;
      text: string;
    }
  | { ok: false; problems: string[] };

/**
 * Checks the text of a watchlist file that will be written back: a file that is not a watchlist at all is
 * refused, and so is one with an entry that would be skipped, since writing back would lose it.
 */
export function checkConfigText(text: string): ConfigFileReading {
  const { watchlist, problems, rejected } = parseWatchlist(text);
  if (!watchlist) return { ok: false, problems };
  const raw = JSON.parse(text) as Record<string, unknown>;
  const rawVendors = Array.isArray(raw.vendors) ? raw.vendors.length : 0;
  const rawForward = Array.isArray(raw.forward) ? raw.forward.length : 0;
  const skipped =
    rejected.length > 0 ||
    rawVendors !== watchlist.vendors.length ||
    rawForward !== (watchlist.forward?.length ?? 0) ||
    (raw.forward !== undefined && !Array.isArray(raw.forward)) ||
    !Array.isArray(raw.vendors);
  if (skipped) {
    return {
      ok: false,
      problems: [
        ...problems,
        'fix these first: the dashboard writes its changes back to this file, and would lose what was skipped',
      ],
    };
  }
  return { ok: true, watchlist, notes: problems, raw, text };
}

/** Reads and checks a watchlist file (see checkConfigText); never throws. Problems name no file. */
export async function readConfigFile(file: string): Promise<ConfigFileReading> {
  try {
    const info = await fs.stat(file);
    if (!info.isFile()) return { ok: false, problems: ['not a file'] };
    if (info.size > MAX_CONFIG_FILE_BYTES) {
      return { ok: false, problems: [`larger than ${MAX_CONFIG_FILE_BYTES / 1024 / 1024} MB`] };
    }
    return checkConfigText(await fs.readFile(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, problems: [e.code === 'ENOENT' ? 'no such file' : `cannot read it: ${e.message}`] };
  }
}

/**
 * The file's vendors, each with the detection the data folder cached for the same page when the file has
 * none of its own (a shortcut that saves probes; the file's own fields always win).
 */
export function entriesFromFile(
  fileEntries: readonly WatchEntry[],
  known: readonly WatchEntry[],
): WatchEntry[] {
  const byUrl = new Map(known.map((e) => [normalizeUrl(e.url), e]));
  return fileEntries.map((entry) => {
    const before = byUrl.get(normalizeUrl(entry.url));
    if (entry.platform || !before?.platform || !before.apiUrl) return entry;
    return { ...entry, platform: before.platform, apiUrl: before.apiUrl };
  });
}

/**
 * The file's text for these vendors and targets: the document as last read, its unknown fields (top level
 * and per vendor) kept, with the vendors and targets replaced. The cached detection is written only for a
 * vendor whose entry in the file already had one, so a hand-written file is not filled with it.
 */
export function configFileText(
  raw: Record<string, unknown>,
  entries: readonly WatchEntry[],
  forward: readonly ForwardTarget[],
): string {
  const rawVendors = Array.isArray(raw.vendors) ? (raw.vendors as unknown[]) : [];
  const hadDetection = new Set<string>();
  for (const v of rawVendors) {
    const r = v as Record<string, unknown> | null;
    if (r && typeof r.url === 'string' && r.platform !== undefined) hadDetection.add(normalizeUrl(r.url));
  }
  const doc: Record<string, unknown> = { ...raw };
  doc.vendors = entries.map((entry) => {
    const out = storedWatchEntry(entry);
    if (!hadDetection.has(normalizeUrl(entry.url))) {
      delete out.platform;
      delete out.apiUrl;
    }
    return out;
  });
  if (forward.length > 0 || raw.forward !== undefined) doc.forward = forward.map((t) => ({ ...t }));
  return JSON.stringify(doc, null, 2) + '\n';
}

export interface ConfigFileEvents {
  /** The file was edited and is usable: these are now the vendors and targets. */
  changed(watchlist: WatchlistFile): void;
  /** Something to tell the user about the file (null: nothing any more). */
  notice(message: string | null): void;
}

export interface ConfigFileSync {
  readonly file: string;
  /** The watchlist read at start. */
  readonly initial: WatchlistFile;
  /** Writes the dashboard's vendors and targets back (nothing when the text would not change). */
  save(entries: readonly WatchEntry[], forward: readonly ForwardTarget[]): Promise<void>;
  /** Follows edits by hand until stop(): checked on fs.watch events and every `pollMs`. */
  follow(events: ConfigFileEvents): void;
  stop(): void;
}

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19) + ' UTC';
}

/** `first` is the file's reading at start (readConfigFile), already checked to be usable. */
export function createConfigFileSync(options: {
  file: string;
  first: Extract<ConfigFileReading, { ok: true }>;
  /** How often the file's size and time are looked at (the fallback where fs.watch says nothing). */
  pollMs: number;
}): ConfigFileSync {
  const file = path.resolve(options.file);
  const name = path.basename(file);
  let raw = options.first.raw;
  // What the file held when last read or written: an event for the same text is no edit.
  let lastText = options.first.text;
  // What writing back the file's own vendors would give: a save that gives the same writes nothing (the
  // file is not rewritten, nor reformatted, for a detection cached or an unchanged list).
  let unchanged = configFileText(raw, options.first.watchlist.vendors, options.first.watchlist.forward ?? []);
  let lastStat: { mtimeMs: number; size: number } | null = null;
  let events: ConfigFileEvents | null = null;
  let watcher: FSWatcher | null = null;
  let poller: NodeJS.Timeout | null = null;
  let debounce: NodeJS.Timeout | null = null;
  let checking: Promise<void> = Promise.resolve();
  let saving: Promise<void> = Promise.resolve();
  let lastProblemText: string | null = null;
  let stopped = false;

  void fs.stat(file).then(
    (s) => (lastStat ??= { mtimeMs: s.mtimeMs, size: s.size }),
    () => undefined,
  );

  async function checkNow(): Promise<void> {
    if (stopped || !events) return;
    let text: string;
    try {
      const info = await fs.stat(file);
      lastStat = { mtimeMs: info.mtimeMs, size: info.size };
      if (info.size > MAX_CONFIG_FILE_BYTES) {
        text = '';
        tellProblem(`${name} is larger than ${MAX_CONFIG_FILE_BYTES / 1024 / 1024} MB`, `size:${info.size}`);
        return;
      }
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      // Gone for a moment (an editor that writes by rename): the next event or poll looks again.
      const e = err as NodeJS.ErrnoException;
      if (e.code !== 'ENOENT') tellProblem(`cannot read ${name}: ${e.message}`, `error:${e.message}`);
      return;
    }
    if (text === lastText) return;
    const reading = checkConfigText(text);
    if (!reading.ok) {
      tellProblem(reading.problems.join('; '), text);
      return;
    }
    lastText = text;
    raw = reading.raw;
    unchanged = configFileText(raw, reading.watchlist.vendors, reading.watchlist.forward ?? []);
    lastProblemText = null;
    const n = reading.watchlist.vendors.length;
    events?.changed(reading.watchlist);
    const notes = reading.notes.length ? ` Notes: ${reading.notes.join('; ')}.` : '';
    events?.notice(
      `Reloaded ${name} at ${clock(Date.now())}: it was edited outside StatusTray and now lists ${n} vendor${n === 1 ? '' : 's'}.${notes}`,
    );
  }

  function tellProblem(problem: string, key: string): void {
    if (key === lastProblemText) return;
    lastProblemText = key;
    events?.notice(
      `${name} was edited but cannot be used (${problem}); still watching what it held before, and the dashboard's changes are not written to it until it is fixed.`,
    );
  }

  function check(): Promise<void> {
    checking = checking.then(checkNow).catch(() => undefined);
    return checking;
  }

  function soon(): void {
    if (debounce || stopped) return;
    debounce = setTimeout(() => {
      debounce = null;
      void check();
    }, 100);
    debounce.unref();
  }

  async function poll(): Promise<void> {
    const info = await fs.stat(file).catch(() => null);
    if (!info) return;
    if (lastStat && info.mtimeMs === lastStat.mtimeMs && info.size === lastStat.size) return;
    await check();
  }

  async function writeBack(entries: readonly WatchEntry[], forward: readonly ForwardTarget[]): Promise<void> {
    const text = configFileText(raw, entries, forward);
    if (text === unchanged || text === lastText) return;
    // An edit by hand not picked up yet (or a file being fixed) is never overwritten: it is read first.
    const onDisk = await fs.readFile(file, 'utf8').catch(() => null);
    if (onDisk !== lastText) {
      void check();
      throw new Error(
        `${name} was changed outside StatusTray meanwhile; the file's version is used and this change was not written`,
      );
    }
    const info = await fs.stat(file);
    const temp = path.join(
      path.dirname(file),
      `.${name}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
    );
    try {
      await fs.writeFile(temp, text, { mode: info.mode & 0o777 });
      await fs.chmod(temp, info.mode & 0o777);
      lastText = text;
      await fs.rename(temp, file);
      unchanged = text;
      const after = await fs.stat(file);
      lastStat = { mtimeMs: after.mtimeMs, size: after.size };
    } catch (err) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      lastText = onDisk;
      throw err;
    }
  }

  return {
    file,
    initial: options.first.watchlist,
    save(entries, forward) {
      const copy = [...entries];
      const targets = [...forward];
      saving = saving.catch(() => undefined).then(() => writeBack(copy, targets));
      return saving;
    },
    follow(handlers) {
      events = handlers;
      try {
        // The folder, not the file: an editor that saves by rename replaces the file being watched.
        watcher = watch(path.dirname(file), { persistent: false }, (_event, changed) => {
          if (changed === null || changed === name) soon();
        });
        watcher.on('error', () => {
          watcher?.close();
          watcher = null;
        });
      } catch {
        // No fs.watch here (some network file systems): the poll below is enough.
        watcher = null;
      }
      poller = setInterval(() => void poll(), Math.max(250, options.pollMs));
      poller.unref();
    },
    stop() {
      stopped = true;
      watcher?.close();
      watcher = null;
      if (poller) clearInterval(poller);
      if (debounce) clearTimeout(debounce);
      poller = null;
      debounce = null;
    },
  };
}

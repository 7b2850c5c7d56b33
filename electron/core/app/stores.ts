// The app's documents on disk (watchlist, settings, notification state, history, last statuses, the
// acknowledgements and the open group of vendors failing together): which
// store holds what, how each is checked when loaded (what cannot be used is kept aside and told, never
// dropped), and saving later without piling up writes.
import path from 'node:path';
import { z } from 'zod';
import type { Settings } from '../../../shared/ipc';
import { REQUEST_SCHEMAS } from '../../../shared/ipc-schemas';
import type { ForwardTarget, Snapshot, WatchEntry, WatchlistFile } from '../../../shared/model';
import { plainIssues, readWatchEntry, storedWatchEntry } from '../../../shared/watch-entry';
import type { AppCoreOptions } from '../app-types';
import { forwardTargetSchema, MAX_FORWARD_TARGETS } from '../forward/targets';
import type { HistoryData } from '../history/history';
import { isOpenIncident } from '../monitor/diff';
import type { Timers } from '../monitor/types';
import { initialPolicyState, type PolicyState } from '../policy/policy';
import { validateAckFile, type AckFile } from './acks';
import { validateStoredGrouping } from './open-group';
import type { GroupingState } from '../policy/grouping';
import { createFileStore } from '../storage/file-store';
import type { DocumentStore } from '../storage/types';
import { holdSavesUntil } from '../storage/held-store';
import { keepAside, MAX_REJECTED_ITEMS, rejectedFileFor, type RejectedItem } from '../storage/rejected';
import { entryLabel, normalizeUrl } from '../watchlist';
import { redactCredentials } from '../../../shared/url-credentials';

export const DEFAULT_SETTINGS: Settings = {
  intervalSeconds: 120,
  notificationsEnabled: true,
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  launchAtLogin: false,
  theme: 'system',
  pausedUntil: null,
  groupMinVendors: 3,
  groupWindowMinutes: 10,
  lookUpCommonProviders: true,
};

/** The app's own floor for the polling interval; the command line may go lower. */
export const MIN_APP_INTERVAL_SECONDS = 30;

/** What a store's check made of a loaded document: what can be used, and what is kept aside and why. */
export interface Checked<T> {
  value: T;
  rejected: RejectedItem[];
  /** Told to the user, nothing kept aside (e.g. an unknown "notify" value used as "all" for now). */
  notes: string[];
}

const SETTING_SCHEMAS = REQUEST_SCHEMAS['settings:update'].shape;

function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/**
 * Settings keys this version does not know (written by a newer version) and stored values it cannot use
 * for this run (an unknown theme), kept with the settings so that a save writes them back. A symbol key:
 * object spread copies it, JSON and structuredClone (the state sent to the window) never see it.
 */
export const KEPT_SETTINGS: unique symbol = Symbol('statustray.keptSettings');
type WithKeptSettings = Settings & { [KEPT_SETTINGS]?: Record<string, unknown> };

/** An enum value from a newer version: used as the default for now, kept as stored. */
function isUnknownChoice(issues: readonly { code: string }[]): boolean {
  return issues.length > 0 && issues.every((i) => i.code === 'invalid_value');
}

/**
 * Stored settings, each checked by the same schema as a change from the window. A key this version does
 * not know is kept as it is; an unknown choice (theme "sepia") gets the default for this run and is kept
 * until the user changes that setting; any other value that cannot be used gets its default and is kept
 * aside. A document that is not settings at all throws (kept aside whole).
 */
export function checkSettings(data: unknown): Checked<Settings> {
  if (!isRecord(data)) throw new Error('settings are not an object');
  const value: WithKeptSettings = structuredClone(DEFAULT_SETTINGS);
  const rejected: RejectedItem[] = [];
  const notes: string[] = [];
  const kept: Record<string, unknown> = {};
  for (const [key, stored] of Object.entries(data)) {
    const schema = SETTING_SCHEMAS[key as keyof typeof SETTING_SCHEMAS];
    if (!schema) {
      kept[key] = stored;
      notes.push(`setting "${key}" is not known to this version; it is kept as it is`);
      continue;
    }
    if (stored === undefined) continue;
    const parsed = schema.safeParse(stored);
    if (parsed.success && parsed.data !== undefined) {
      (value as unknown as Record<string, unknown>)[key] = parsed.data;
    } else if (!parsed.success && isUnknownChoice(parsed.error.issues)) {
      kept[key] = stored;
      notes.push(
        `setting "${key}" ${JSON.stringify(stored)} is not known to this version: the default is used, the value is kept`,
      );
    } else if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => i.message).join('; ');
      rejected.push({ what: `setting "${key}"`, reason: `${reason}; the default is used`, data: stored });
    }
  }
  if (Object.keys(kept).length) value[KEPT_SETTINGS] = kept;
  return { value, rejected, notes };
}

/**
 * The settings a change from the window leads to (already checked by the request schema). What was kept
 * from a newer version stays, except the settings the user has just chosen.
 */
export function validateSettings(data: Settings, changed: readonly string[] = []): Settings {
  const value: WithKeptSettings = checkSettings(data).value;
  const kept = { ...(data as WithKeptSettings)[KEPT_SETTINGS] };
  for (const key of changed) delete kept[key];
  if (Object.keys(kept).length) value[KEPT_SETTINGS] = kept;
  return value;
}

/** The settings as stored: what was kept from a newer version goes back over this run's defaults. */
export function storedSettings(settings: Settings): Settings {
  return { ...settings, ...(settings as WithKeptSettings)[KEPT_SETTINGS] };
}

/** A watchlist holds at most this many vendors: far more than a team watches, few enough to start fast. */
export const MAX_WATCHED_VENDORS = 10_000;

/** Top-level watchlist fields this version reads; any other is kept as it is and written back. */
const KNOWN_WATCHLIST_FIELDS = new Set(['version', 'vendors', 'forward']);

/** The stored forwarding targets, each by the API's schema: a bad one is kept aside with the reason. */
function checkStoredForward(raw: unknown, rejected: RejectedItem[]): ForwardTarget[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    rejected.push({ what: 'the forwarding targets ("forward")', reason: 'not a list of targets', data: raw });
    return [];
  }
  const out: ForwardTarget[] = [];
  raw.forEach((item: unknown, index: number) => {
    const what = `forward target #${index + 1}`;
    const parsed = forwardTargetSchema.safeParse(item);
    if (!parsed.success) {
      rejected.push({ what, reason: plainIssues(parsed.error).sentences.join('; '), data: item });
      return;
    }
    if (out.some((t) => t.type === parsed.data.type && t.url === parsed.data.url)) {
      rejected.push({ what, reason: 'the same target as one before it', data: item });
      return;
    }
    if (out.length >= MAX_FORWARD_TARGETS) {
      rejected.push({
        what,
        reason: `beyond the ${MAX_FORWARD_TARGETS} targets StatusTray forwards to`,
        data: item,
      });
      return;
    }
    out.push(parsed.data);
  });
  return out;
}

/**
 * The stored watchlist, each vendor read by the one watch-entry schema: unknown fields are kept, an
 * unknown "notify" falls back for this run, a vendor that cannot be used is kept aside with the reason,
 * and so is each vendor beyond MAX_WATCHED_VENDORS. The forwarding targets are read by the API's schema
 * the same way. A document without a list of vendors throws (kept aside whole). Top-level fields this
 * version does not know are kept by the store (keepUnknownFields), not here.
 */
export function checkStoredWatchlist(data: unknown): Checked<WatchlistFile> {
  if (!isRecord(data)) throw new Error('the watchlist is not an object');
  if (!Array.isArray(data.vendors)) throw new Error('"vendors" is not a list of vendors');
  const vendors: WatchEntry[] = [];
  const rejected: RejectedItem[] = [];
  const notes: string[] = [];
  const seen = new Map<string, number>();
  data.vendors.forEach((raw: unknown, index: number) => {
    const what = entryLabel(raw, index);
    if (vendors.length >= MAX_WATCHED_VENDORS) {
      rejected.push({
        what,
        reason: `beyond the ${MAX_WATCHED_VENDORS.toLocaleString('en-US')} vendors a watchlist may hold`,
        data: raw,
      });
      return;
    }
    const reading = readWatchEntry(raw);
    if (!reading.ok) {
      rejected.push({ what, reason: reading.reason, data: raw });
      return;
    }
    notes.push(...reading.notes.map((n) => `${what}: ${n}`));
    const key = normalizeUrl(reading.entry.url);
    const first = seen.get(key);
    if (first !== undefined) {
      rejected.push({ what, reason: `the same page as vendor #${first + 1}`, data: raw });
      return;
    }
    seen.set(key, index);
    vendors.push(reading.entry);
  });
  const value: WatchlistFile = { version: 1, vendors };
  const forward = checkStoredForward(data.forward, rejected);
  if (forward.length > 0) value.forward = forward;
  return { value, rejected, notes };
}

/** The top-level fields of a stored watchlist this version does not read, to be written back as they were. */
export function unknownWatchlistFields(data: unknown): Record<string, unknown> {
  if (!isRecord(data)) return {};
  return Object.fromEntries(Object.entries(data).filter(([key]) => !KNOWN_WATCHLIST_FIELDS.has(key)));
}

/**
 * A watchlist store that writes back the top-level fields it loaded but this version does not know (a
 * newer version's), so that no save drops them. What it saves wins over what it kept.
 */
export function keepUnknownFields(store: DocumentStore<WatchlistFile>): DocumentStore<WatchlistFile> {
  let kept: Record<string, unknown> = {};
  return {
    location: store.location,
    async load() {
      const result = await store.load();
      kept = unknownWatchlistFields(result.value);
      return result;
    },
    save: (value) => store.save({ ...kept, ...value } as WatchlistFile),
    ...(store.setAside
      ? {
          setAside: () => {
            kept = {};
            return store.setAside!();
          },
        }
      : {}),
  };
}

/** The watchlist as stored: fields kept from a newer version go back with each vendor. */
export function storedWatchlist(
  entries: readonly WatchEntry[],
  forward: readonly ForwardTarget[] = [],
): WatchlistFile {
  const file: WatchlistFile = {
    version: 1,
    vendors: entries.map((e) => storedWatchEntry(e) as unknown as WatchEntry),
  };
  if (forward.length > 0) file.forward = forward.map((t) => ({ ...t }));
  return file;
}

/** A whole-document check as a Checked, for stores that have nothing to keep aside piece by piece. */
export function checkWhole<T>(validate: (data: unknown) => T): (data: unknown) => Checked<T> {
  return (data) => ({ value: validate(data), rejected: [], notes: [] });
}

/** The parts of the notification state every version has; the rest is checked where it is used. */
const policyStateSchema = z
  .object({
    version: z.literal(1),
    seen: z.record(z.string(), z.object({ value: z.string(), at: z.number() }).passthrough()),
    pending: z.array(z.unknown()),
    held: z.array(z.unknown()).optional(),
    changes: z.record(z.string(), z.array(z.unknown())).optional(),
    snoozes: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

/** The notification state, by its schema (a backup too: a file store checks a backup like the file). */
export function validatePolicyState(data: unknown): PolicyState {
  const parsed = policyStateSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `not a notification state${first ? ` (${first.path.join('.') || 'the document'}: ${first.message})` : ''}`,
    );
  }
  return { ...initialPolicyState(), ...(data as Partial<PolicyState>) };
}

export function validateHistory(data: unknown): HistoryData {
  const d = data as HistoryData;
  if (!d || d.version !== 1 || typeof d.vendors !== 'object') throw new Error('not a history');
  return d;
}

/** The last good snapshot of each vendor, kept across restarts so that the first read announces only news. */
export interface SavedSnapshots {
  version: 1;
  vendors: Record<string, { at: number; snapshot: Snapshot }>;
}

export function validateSnapshots(data: unknown): SavedSnapshots {
  const d = data as SavedSnapshots;
  if (!d || d.version !== 1 || typeof d.vendors !== 'object') throw new Error('not a snapshot cache');
  return d;
}

/** A snapshot small enough to keep: open incidents and the few most recent others. */
export function trimmedSnapshot(snapshot: Snapshot): Snapshot {
  const open = snapshot.incidents.filter(isOpenIncident);
  const rest = snapshot.incidents.filter((i) => !isOpenIncident(i)).slice(0, 10);
  return { ...snapshot, incidents: [...open, ...rest] };
}

/** A store and the check its loaded data must pass. */
export interface CheckedStore<T> {
  store: DocumentStore<T>;
  /** Splits loaded data into what can be used and what is kept aside; throws when none of it can. */
  check: (data: unknown) => Checked<T>;
}

export interface AppStores {
  watchlist: CheckedStore<WatchlistFile>;
  settings: CheckedStore<Settings>;
  policy: CheckedStore<PolicyState>;
  history: CheckedStore<HistoryData>;
  snapshots: CheckedStore<SavedSnapshots>;
  acks: CheckedStore<AckFile>;
  /** The open group of vendors failing together (and those recently worse), kept across a restart. */
  sharedCause: CheckedStore<GroupingState>;
}

/** What start() found on disk; null where nothing usable was stored. */
export interface LoadedDocuments {
  watchlist: WatchlistFile | null;
  settings: Settings | null;
  policy: PolicyState | null;
  history: HistoryData | null;
  snapshots: SavedSnapshots | null;
  acks: AckFile | null;
  sharedCause: GroupingState | null;
}

/** The file name each document is stored under (plus `.json`). */
export const STORE_NAMES: Record<keyof AppStores, string> = {
  watchlist: 'watchlist',
  settings: 'settings',
  policy: 'notifications',
  history: 'history',
  snapshots: 'snapshots',
  acks: 'acknowledgements',
  sharedCause: 'shared-cause',
};

/** Opens every document store: the host's own (openStore) or atomic JSON files under dataDir. */
export function openAppStores(
  options: Pick<AppCoreOptions, 'dataDir' | 'openStore'>,
  now: () => number,
): AppStores {
  const open = <T>(
    key: keyof AppStores,
    check: (d: unknown) => Checked<T>,
    wrap: (store: DocumentStore<T>) => DocumentStore<T> = (store) => store,
  ): CheckedStore<T> => ({
    check,
    store: wrap(
      options.openStore
        ? options.openStore<T>(STORE_NAMES[key])
        : createFileStore<T>(path.join(options.dataDir, `${STORE_NAMES[key]}.json`), {
            // The file store keeps aside (and restores the backup of) a document that fails as a whole;
            // the piece-by-piece split happens in loadChecked.
            validate: (d) => (check(d), d as T),
            now,
          }),
    ),
  });
  return {
    watchlist: open('watchlist', checkStoredWatchlist, keepUnknownFields),
    settings: open('settings', checkSettings),
    policy: open('policy', checkWhole(validatePolicyState)),
    history: open('history', checkWhole(validateHistory)),
    snapshots: open('snapshots', checkWhole(validateSnapshots)),
    acks: open('acks', checkWhole(validateAckFile)),
    sharedCause: open('sharedCause', checkWhole(validateStoredGrouping)),
  };
}

/** Every place a store lives, to refuse a user file that is one of them. */
export function storeLocations(stores: AppStores): string[] {
  return Object.values(stores).map((s: CheckedStore<unknown>) => path.resolve(s.store.location));
}

/**
 * Loads one store and checks it, whoever backs it (file or electron-store). Nothing is dropped in
 * silence: a document that cannot be used at all is set aside whole, a vendor or setting that cannot be
 * used is kept in `<name>.rejected.json`, and each is told through `notice` (which and why).
 */
export async function loadChecked<T>(
  checkedStore: CheckedStore<T>,
  notice: (message: string) => void,
  now: () => number = Date.now,
): Promise<T | null> {
  const { store, check } = checkedStore;
  const name = path.basename(store.location);
  let loaded: T | null;
  try {
    const result = await store.load();
    if (result.notice) notice(result.notice);
    loaded = result.value;
  } catch (err) {
    notice(`Could not read ${store.location}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
  if (loaded === null) return null;
  let checked: Checked<T>;
  try {
    checked = check(loaded);
  } catch (err) {
    const aside = store.setAside ? await store.setAside().catch(() => null) : null;
    const where = aside ? `it was kept aside as ${path.basename(aside)}` : 'it was not loaded';
    notice(`${name} holds data StatusTray cannot use (${(err as Error).message}); ${where}.`);
    return null;
  }
  for (const note of checked.notes) notice(`${name}: ${note}.`);
  if (checked.rejected.length) {
    for (const told of await keepRejected(checkedStore, checked.rejected, now)) notice(told);
  }
  return checked.value;
}

/** Items named one by one in notices; beyond, one notice counts the rest (all of them kept). */
export const NAMED_REJECTED_ITEMS = 20;

/** "vendor #1 (…) could not be used (why)" for the first items, then "and N more …". */
function rejectedNotices(name: string, items: readonly RejectedItem[], where: string): string[] {
  const named = items
    .slice(0, NAMED_REJECTED_ITEMS)
    .map((item) => `${name}: ${redactCredentials(item.what)} could not be used (${item.reason}); ${where}.`);
  const rest = items.length - named.length;
  if (rest > 0) {
    const reasons = [...new Set(items.slice(NAMED_REJECTED_ITEMS).map((i) => i.reason))].slice(0, 3);
    named.push(
      `${name}: ${rest.toLocaleString('en-US')} more could not be used (${reasons.join('; ')}${reasons.length < new Set(items.map((i) => i.reason)).size ? '; …' : ''}); ${where}.`,
    );
  }
  return named;
}

/**
 * Keeps what could not be used in `<name>.rejected.json`; what does not fit there (the file is full, or
 * cannot be written), with the whole document aside as it is; failing both, the store's saves are held
 * (refused, and so told) until keeping it aside works, so that no later save replaces the only copy.
 * Returns the notices: each item is said to be kept only where it is.
 */
async function keepRejected<T>(
  checkedStore: CheckedStore<T>,
  items: RejectedItem[],
  now: () => number,
): Promise<string[]> {
  const { store } = checkedStore;
  const name = path.basename(store.location);
  const rejectedName = path.basename(rejectedFileFor(store.location));
  const told: string[] = [];
  let rest: RejectedItem[] = items;
  let why: string;
  try {
    const result = await keepAside(store.location, items, now);
    told.push(...result.notes.map((n) => `${name}: ${n}.`));
    told.push(...rejectedNotices(name, result.kept, `kept aside in ${rejectedName}`));
    rest = result.notKept;
    if (rest.length === 0) return told;
    why = `${rejectedName} is full (${MAX_REJECTED_ITEMS.toLocaleString('en-US')} items)`;
  } catch (err) {
    why = `${rejectedName} could not be written (${(err as Error).message})`;
  }
  const whole = store.setAside ? await store.setAside().catch(() => null) : null;
  if (whole) {
    told.push(
      ...rejectedNotices(name, rest, `${why}, so the whole file was kept aside as ${path.basename(whole)}`),
    );
    return told;
  }
  checkedStore.store = holdSavesUntil(
    store,
    async () => {
      const again = await keepAside(store.location, rest, now);
      if (again.notKept.length > 0) throw new Error(`${rejectedName} is full`);
    },
    `what ${name} holds that StatusTray cannot use`,
  );
  told.push(
    ...rejectedNotices(
      name,
      rest,
      `could not be kept aside (${why}): changes to ${name} are not saved until it can be, so it stays as it is`,
    ),
  );
  return told;
}

export async function loadAllStores(
  stores: AppStores,
  notice: (message: string) => void,
  now: () => number = Date.now,
): Promise<LoadedDocuments> {
  const [watchlist, settings, policy, history, snapshots, acks, sharedCause] = await Promise.all([
    loadChecked(stores.watchlist, notice, now),
    loadChecked(stores.settings, notice, now),
    loadChecked(stores.policy, notice, now),
    loadChecked(stores.history, notice, now),
    loadChecked(stores.snapshots, notice, now),
    loadChecked(stores.acks, notice, now),
    loadChecked(stores.sharedCause, notice, now),
  ]);
  return { watchlist, settings, policy, history, snapshots, acks, sharedCause };
}

/** A save that waits `delayMs` and then writes once, however often it was asked for in between. */
export interface SaveLater {
  schedule(): void;
  /** Drops a pending save (stop() writes everything itself). */
  cancel(): void;
}

export function saveLater(timers: Timers, delayMs: number, save: () => void): SaveLater {
  let timer: unknown = null;
  let cancelled = false;
  return {
    schedule() {
      if (timer !== null || cancelled) return;
      timer = timers.setTimeout(() => {
        timer = null;
        save();
      }, delayMs);
    },
    cancel() {
      cancelled = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}

// The app's documents on disk (watchlist, settings, notification state, history, last statuses): which
// store holds what, how each is checked when loaded, and saving later without piling up writes.
import path from 'node:path';
import type { Settings } from '../../../shared/ipc';
import type { Snapshot, WatchlistFile } from '../../../shared/model';
import type { AppCoreOptions } from '../app-types';
import type { HistoryData } from '../history/history';
import { isOpenIncident } from '../monitor/diff';
import type { Timers } from '../monitor/types';
import { initialPolicyState, type PolicyState } from '../policy/policy';
import { createFileStore } from '../storage/file-store';
import type { DocumentStore } from '../storage/types';
import { validateWatchlist } from '../watchlist';

export const DEFAULT_SETTINGS: Settings = {
  intervalSeconds: 120,
  notificationsEnabled: true,
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  launchAtLogin: false,
  theme: 'system',
  pausedUntil: null,
};

/** The app's own floor for the polling interval; the command line may go lower. */
export const MIN_APP_INTERVAL_SECONDS = 30;

export function validateSettings(data: unknown): Settings {
  if (typeof data !== 'object' || data === null) throw new Error('settings are not an object');
  const d = data as Partial<Settings>;
  const out: Settings = structuredClone(DEFAULT_SETTINGS);
  if (typeof d.intervalSeconds === 'number' && d.intervalSeconds >= MIN_APP_INTERVAL_SECONDS) {
    out.intervalSeconds = d.intervalSeconds;
  }
  if (typeof d.notificationsEnabled === 'boolean') out.notificationsEnabled = d.notificationsEnabled;
  if (
    d.quietHours &&
    typeof d.quietHours.enabled === 'boolean' &&
    typeof d.quietHours.start === 'string' &&
    typeof d.quietHours.end === 'string'
  ) {
    out.quietHours = { enabled: d.quietHours.enabled, start: d.quietHours.start, end: d.quietHours.end };
  }
  if (typeof d.launchAtLogin === 'boolean') out.launchAtLogin = d.launchAtLogin;
  if (d.theme === 'system' || d.theme === 'light' || d.theme === 'dark') out.theme = d.theme;
  if (typeof d.pausedUntil === 'string' && Number.isFinite(Date.parse(d.pausedUntil)))
    out.pausedUntil = d.pausedUntil;
  return out;
}

export function validateStoredWatchlist(data: unknown): WatchlistFile {
  const { watchlist, problems } = validateWatchlist(data);
  if (!watchlist) throw new Error(problems.join('; '));
  return watchlist;
}

export function validatePolicyState(data: unknown): PolicyState {
  const d = data as PolicyState;
  if (!d || d.version !== 1 || typeof d.seen !== 'object' || !Array.isArray(d.pending)) {
    throw new Error('not a notification state');
  }
  return { ...initialPolicyState(), ...d };
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
  validate: (data: unknown) => T;
}

export interface AppStores {
  watchlist: CheckedStore<WatchlistFile>;
  settings: CheckedStore<Settings>;
  policy: CheckedStore<PolicyState>;
  history: CheckedStore<HistoryData>;
  snapshots: CheckedStore<SavedSnapshots>;
}

/** What start() found on disk; null where nothing usable was stored. */
export interface LoadedDocuments {
  watchlist: WatchlistFile | null;
  settings: Settings | null;
  policy: PolicyState | null;
  history: HistoryData | null;
  snapshots: SavedSnapshots | null;
}

/** The file name each document is stored under (plus `.json`). */
export const STORE_NAMES: Record<keyof AppStores, string> = {
  watchlist: 'watchlist',
  settings: 'settings',
  policy: 'notifications',
  history: 'history',
  snapshots: 'snapshots',
};

/** Opens every document store: the host's own (openStore) or atomic JSON files under dataDir. */
export function openAppStores(
  options: Pick<AppCoreOptions, 'dataDir' | 'openStore'>,
  now: () => number,
): AppStores {
  const open = <T>(key: keyof AppStores, validate: (d: unknown) => T): CheckedStore<T> => ({
    validate,
    store: options.openStore
      ? options.openStore<T>(STORE_NAMES[key])
      : createFileStore<T>(path.join(options.dataDir, `${STORE_NAMES[key]}.json`), { validate, now }),
  });
  return {
    watchlist: open('watchlist', validateStoredWatchlist),
    settings: open('settings', validateSettings),
    policy: open('policy', validatePolicyState),
    history: open('history', validateHistory),
    snapshots: open('snapshots', validateSnapshots),
  };
}

/** Every place a store lives, to refuse a user file that is one of them. */
export function storeLocations(stores: AppStores): string[] {
  return Object.values(stores).map((s: CheckedStore<unknown>) => path.resolve(s.store.location));
}

/**
 * Loads one store. The host's own stores (`hostOwned`: electron-store) get the same checks as the file
 * stores, which check while loading. Whatever cannot be used is told through `notice`.
 */
export async function loadChecked<T>(
  { store, validate }: CheckedStore<T>,
  hostOwned: boolean,
  notice: (message: string) => void,
): Promise<T | null> {
  try {
    const result = await store.load();
    if (result.notice) notice(result.notice);
    if (result.value === null || !hostOwned) return result.value;
    try {
      return validate(result.value);
    } catch (err) {
      notice(
        `${path.basename(store.location)} holds data StatusTray cannot use (${(err as Error).message}); it was not loaded.`,
      );
      return null;
    }
  } catch (err) {
    notice(`Could not read ${store.location}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

export async function loadAllStores(
  stores: AppStores,
  hostOwned: boolean,
  notice: (message: string) => void,
): Promise<LoadedDocuments> {
  const [watchlist, settings, policy, history, snapshots] = await Promise.all([
    loadChecked(stores.watchlist, hostOwned, notice),
    loadChecked(stores.settings, hostOwned, notice),
    loadChecked(stores.policy, hostOwned, notice),
    loadChecked(stores.history, hostOwned, notice),
    loadChecked(stores.snapshots, hostOwned, notice),
  ]);
  return { watchlist, settings, policy, history, snapshots };
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

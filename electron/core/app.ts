// The app core every host shares (Electron main, the web mode, tests): the stores, the monitor, history
// and the notification policy behind the request channels of shared/ipc.ts. Hosts only display.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type {
  AppState,
  DetectResult,
  ImportResult,
  RequestHandlers,
  Settings,
  VendorDetail,
  VendorSummary,
  PushChannel,
  PushChannels,
  Req,
  RequestChannel,
} from '../../shared/ipc';
import { validateRequest } from '../../shared/ipc-schemas';
import type { MonitorEvent, Snapshot, WatchEntry, WatchlistFile } from '../../shared/model';
import type { AppNotification } from '../../shared/notification';
import { compareWorstFirst, isProblem, worstOf, type TrayState } from '../../shared/status';
import { searchCatalog } from '../../shared/catalog';
import type { AppCore, AppCoreOptions } from './app-types';
import { History, type HistoryData } from './history/history';
import { createHttpClient } from './http/client';
import type { HttpClient } from './http/types';
import { isOpenIncident } from './monitor/diff';
import { Monitor, type VendorRuntimeView } from './monitor/monitor';
import { realTimers, type ReadFn, type Timers } from './monitor/types';
import type { Detection } from './platforms/types';
import {
  initialPolicyState,
  runPolicy,
  snooze,
  snoozedUntil,
  type PolicyConfig,
  type PolicyState,
} from './policy/policy';
import { readSnapshot } from './read';
import { selectWatched } from './rollup';
import { createFileStore } from './storage/file-store';
import type { DocumentStore } from './storage/types';
import {
  normalizeUrl,
  parseWatchlist,
  serializeWatchlist,
  validateWatchlist,
  vendorIdFor,
} from './watchlist';

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
const STATE_DEBOUNCE_MS = 200;
const HISTORY_SAVE_MS = 60_000;
const POLICY_SAVE_MS = 2_000;
const SNAPSHOTS_SAVE_MS = 10 * 60_000;

function validateSettings(data: unknown): Settings {
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

function validateStoredWatchlist(data: unknown): WatchlistFile {
  const { watchlist, problems } = validateWatchlist(data);
  if (!watchlist) throw new Error(problems.join('; '));
  return watchlist;
}

function validatePolicyState(data: unknown): PolicyState {
  const d = data as PolicyState;
  if (!d || d.version !== 1 || typeof d.seen !== 'object' || !Array.isArray(d.pending)) {
    throw new Error('not a notification state');
  }
  return { ...initialPolicyState(), ...d };
}

function validateHistory(data: unknown): HistoryData {
  const d = data as HistoryData;
  if (!d || d.version !== 1 || typeof d.vendors !== 'object') throw new Error('not a history');
  return d;
}

/** The last good snapshot of each vendor, kept across restarts so that the first read announces only news. */
interface SavedSnapshots {
  version: 1;
  vendors: Record<string, { at: number; snapshot: Snapshot }>;
}

function validateSnapshots(data: unknown): SavedSnapshots {
  const d = data as SavedSnapshots;
  if (!d || d.version !== 1 || typeof d.vendors !== 'object') throw new Error('not a snapshot cache');
  return d;
}

/** A snapshot small enough to keep: open incidents and the few most recent others. */
function trimmed(snapshot: Snapshot): Snapshot {
  const open = snapshot.incidents.filter(isOpenIncident);
  const rest = snapshot.incidents.filter((i) => !isOpenIncident(i)).slice(0, 10);
  return { ...snapshot, incidents: [...open, ...rest] };
}

/** A host's listener that throws must not stop the engine. */
function safely(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error('statustray: a listener failed:', err);
  }
}

/** Checks a request's argument; a host passes untrusted input. */
function check<C extends RequestChannel>(channel: C, arg: unknown): Req<C> {
  const result = validateRequest(channel, arg);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/**
 * What a vendor watches after the same page is added again: the union of both choices; the whole page
 * (undefined) when either asks for it. Returns `current` itself when nothing changes.
 */
export function mergeWatched(
  current: readonly string[] | undefined,
  added: readonly string[] | undefined,
): string[] | undefined {
  if (!current || current.length === 0) return current as string[] | undefined;
  if (!added || added.length === 0) return undefined;
  const extra = added.filter((c) => !current.includes(c));
  return extra.length === 0 ? (current as string[]) : [...current, ...extra];
}

export function createAppCore(options: AppCoreOptions): AppCore {
  const baseTimers: Timers = options.timers ?? realTimers;
  const timers: Timers = options.now
    ? { now: options.now, setTimeout: baseTimers.setTimeout, clearTimeout: baseTimers.clearTimeout }
    : baseTimers;
  const now = (): number => timers.now();
  const read: ReadFn = options.read ?? (readSnapshot as ReadFn);
  const ownsHttp = !options.http;
  const http: HttpClient = options.http ?? createHttpClient();
  const getHttp = (): HttpClient => http;

  const open = <T>(name: string, validate: (d: unknown) => T): DocumentStore<T> =>
    options.openStore
      ? options.openStore<T>(name)
      : createFileStore<T>(path.join(options.dataDir, `${name}.json`), { validate, now });
  const stores = {
    watchlist: open<WatchlistFile>('watchlist', validateStoredWatchlist),
    settings: open<Settings>('settings', validateSettings),
    policy: open<PolicyState>('notifications', validatePolicyState),
    history: open<HistoryData>('history', validateHistory),
    snapshots: open<SavedSnapshots>('snapshots', validateSnapshots),
  };

  let entries: WatchEntry[] = [];
  let settings: Settings = structuredClone(DEFAULT_SETTINGS);
  let policyState: PolicyState = initialPolicyState();
  let history = new History(null, { gapMs: 3 * 120_000 });
  const notices: string[] = [];
  const detections = new Map<string, { detection: Detection; at: number }>();
  const pushListeners = new Map<PushChannel, Set<(payload: never) => void>>();
  const notificationListeners = new Set<(n: AppNotification) => void>();
  let started = false;
  let stopped = false;
  let stateTimer: unknown = null;
  let policyTimer: unknown = null;
  let policyTimerAt = Infinity;
  let policySaveTimer: unknown = null;
  let historySaveTimer: unknown = null;
  let snapshotsSaveTimer: unknown = null;
  let pauseTimer: unknown = null;
  let watchlistSave: Promise<void> = Promise.resolve();
  let lastOffline = false;

  // The command line may go below the app's floor, but never below 1 s.
  const intervalSeconds = (): number =>
    options.intervalSeconds !== undefined && Number.isFinite(options.intervalSeconds)
      ? Math.max(1, options.intervalSeconds)
      : settings.intervalSeconds;

  const monitor = new Monitor({ read, http, timers, intervalMs: intervalSeconds() * 1000 });

  // ---- helpers -------------------------------------------------------------------------------

  const entryId = (e: WatchEntry): string => vendorIdFor(e.url);
  const findEntry = (id: string): WatchEntry | undefined => entries.find((e) => entryId(e) === id);
  const syncMonitor = (): void => monitor.setVendors(entries.map((entry) => ({ id: entryId(entry), entry })));

  function summaryOf(entry: WatchEntry, view: VendorRuntimeView | null): VendorSummary {
    const id = entryId(entry);
    const snap = view?.lastGood ?? null;
    const open = (snap?.incidents ?? [])
      .filter(isOpenIncident)
      .map((i) => ({ id: i.id, title: i.title, impact: i.impact, status: i.status, startedAt: i.startedAt }))
      .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
    const until = snoozedUntil(policyState, id, now());
    const troubled = selectWatched(snap?.components ?? [], entry.components)
      .filter((c) => isProblem(c.status))
      .sort((a, b) => compareWorstFirst(a.status, b.status));
    return {
      id,
      url: entry.url,
      name: view?.name ?? entry.name ?? snap?.vendor.name ?? entry.url,
      platform: snap?.vendor.platform ?? view?.detection?.platform ?? entry.platform ?? 'unknown',
      pageUrl: snap?.vendor.pageUrl ?? view?.detection?.pageUrl ?? entry.url,
      status: view?.status ?? 'unknown',
      open,
      problems: troubled.slice(0, 3).map((c) => ({ name: c.name, group: c.group, status: c.status })),
      problemCount: troubled.length,
      lastCheckedAt: view?.lastCheckedAt ? new Date(view.lastCheckedAt).toISOString() : null,
      lastGoodAt: view?.lastGoodAt ? new Date(view.lastGoodAt).toISOString() : null,
      stale: view?.stale ?? false,
      error: view?.lastError ?? null,
      watchedComponents: entry.components ?? [],
      notify: entry.notify ?? 'all',
      snoozedUntil: until === null ? null : new Date(until).toISOString(),
    };
  }

  function summaryById(id: string): VendorSummary {
    const entry = findEntry(id);
    if (!entry) throw new Error(`No watched vendor with id ${id}`);
    return summaryOf(entry, monitor.view(id));
  }

  function isPaused(): boolean {
    return settings.pausedUntil !== null && now() < Date.parse(settings.pausedUntil);
  }

  function appState(): AppState {
    const vendors = entries
      .map((e) => summaryOf(e, monitor.view(entryId(e))))
      .sort((a, b) => compareWorstFirst(a.status, b.status) || a.name.localeCompare(b.name));
    const offline = monitor.isOffline();
    let tray: TrayState = vendors.length ? worstOf(vendors.map((v) => v.status)) : 'unknown';
    if (offline) tray = 'offline';
    if (isPaused()) tray = 'paused';
    return {
      vendors,
      tray,
      offline,
      settings: structuredClone(settings),
      dataDir: options.dataDir,
      notices: [...notices],
      ...(options.intervalSeconds !== undefined ? { intervalOverrideSeconds: intervalSeconds() } : {}),
    };
  }

  function emit<C extends PushChannel>(channel: C, payload: PushChannels[C]): void {
    for (const l of pushListeners.get(channel) ?? [])
      safely(() => (l as (p: PushChannels[C]) => void)(payload));
  }

  function stateChanged(): void {
    if (stopped || stateTimer !== null) return;
    stateTimer = timers.setTimeout(() => {
      stateTimer = null;
      if (!stopped) emit('state:changed', appState());
    }, STATE_DEBOUNCE_MS);
  }

  function policyConfig(): PolicyConfig {
    const vendors: PolicyConfig['vendors'] = {};
    for (const e of entries) {
      vendors[entryId(e)] = {
        notify: e.notify ?? 'all',
        ...(e.components?.length ? { components: e.components } : {}),
      };
    }
    return {
      settings,
      vendors,
      ...(options.coalesceMs !== undefined ? { timing: { coalesceMs: options.coalesceMs } } : {}),
    };
  }

  function stepPolicy(events: MonitorEvent[], offline?: boolean): void {
    if (stopped) return;
    const result = runPolicy(
      policyState,
      { now: now(), events, ...(offline === undefined ? {} : { offline }) },
      policyConfig(),
    );
    policyState = result.state;
    schedulePolicySave();
    for (const n of result.notifications) for (const l of notificationListeners) safely(() => l(n));
    if (policyTimer !== null && result.wakeAt !== policyTimerAt) {
      timers.clearTimeout(policyTimer);
      policyTimer = null;
      policyTimerAt = Infinity;
    }
    if (result.wakeAt !== null && policyTimer === null) {
      policyTimerAt = result.wakeAt;
      policyTimer = timers.setTimeout(
        () => {
          policyTimer = null;
          policyTimerAt = Infinity;
          stepPolicy([]);
        },
        Math.max(0, result.wakeAt - now()),
      );
    }
  }

  function schedulePolicySave(): void {
    if (policySaveTimer !== null || stopped) return;
    policySaveTimer = timers.setTimeout(() => {
      policySaveTimer = null;
      void stores.policy.save(policyState).catch(reportSaveError('notification state'));
    }, POLICY_SAVE_MS);
  }

  function scheduleHistorySave(): void {
    if (historySaveTimer !== null || stopped) return;
    historySaveTimer = timers.setTimeout(() => {
      historySaveTimer = null;
      history.prune(now(), entries.map(entryId));
      void stores.history.save(history.toJSON()).catch(reportSaveError('history'));
    }, HISTORY_SAVE_MS);
  }

  /** When a pause ends, the tray must change without anyone asking. */
  function schedulePauseEnd(): void {
    if (pauseTimer !== null) timers.clearTimeout(pauseTimer);
    pauseTimer = null;
    if (stopped || settings.pausedUntil === null) return;
    const ms = Date.parse(settings.pausedUntil) - now();
    if (!(ms > 0)) return;
    pauseTimer = timers.setTimeout(() => {
      pauseTimer = null;
      stateChanged();
    }, ms + 1);
  }

  function savedSnapshots(): SavedSnapshots {
    const vendors: SavedSnapshots['vendors'] = {};
    for (const view of monitor.views()) {
      if (view.lastGood && view.lastGoodAt !== null) {
        vendors[view.id] = { at: view.lastGoodAt, snapshot: trimmed(view.lastGood) };
      }
    }
    return { version: 1, vendors };
  }

  function scheduleSnapshotsSave(): void {
    if (snapshotsSaveTimer !== null || stopped) return;
    snapshotsSaveTimer = timers.setTimeout(() => {
      snapshotsSaveTimer = null;
      void stores.snapshots.save(savedSnapshots()).catch(reportSaveError('last known statuses'));
    }, SNAPSHOTS_SAVE_MS);
  }

  function reportSaveError(what: string) {
    return (err: unknown): void => {
      const message = `Could not save the ${what}: ${err instanceof Error ? err.message : String(err)}`;
      if (!notices.includes(message)) notices.push(message);
      stateChanged();
    };
  }

  function saveWatchlist(): Promise<void> {
    const file: WatchlistFile = { version: 1, vendors: entries.map((e) => ({ ...e })) };
    watchlistSave = watchlistSave
      .catch(() => undefined)
      .then(() => stores.watchlist.save(file))
      .catch(reportSaveError('watchlist'));
    return watchlistSave;
  }

  // ---- wiring the monitor ----------------------------------------------------------------------

  monitor.onEvents((events) => stepPolicy(events));
  monitor.onChange((id) => {
    if (id !== null) {
      const view = monitor.view(id);
      if (view && view.lastCheckedAt !== null) {
        // Unknown while offline says nothing about the vendor: record it as not observed.
        const status = monitor.isOffline() ? 'unknown' : view.status;
        history.record(id, status, view.lastCheckedAt);
        if (view.lastGood && view.lastError === null)
          history.recordIncidents(id, view.lastGood.incidents, view.lastCheckedAt);
        scheduleHistorySave();
        scheduleSnapshotsSave();
      }
    }
    const offline = monitor.isOffline();
    if (offline !== lastOffline) {
      lastOffline = offline;
      stepPolicy([], offline);
    }
    stateChanged();
  });
  monitor.onDetection((id, detection) => {
    const entry = findEntry(id);
    if (!entry) return;
    entry.platform = detection.platform;
    entry.apiUrl = detection.apiUrl;
    void saveWatchlist();
  });

  // ---- start / stop ----------------------------------------------------------------------------

  /** Load a store; the host's own stores (openStore) get the same checks as the file stores. */
  async function loadStore<T>(store: DocumentStore<T>, validate: (d: unknown) => T): Promise<T | null> {
    try {
      const result = await store.load();
      if (result.notice) notices.push(result.notice);
      if (result.value === null || !options.openStore) return result.value;
      try {
        return validate(result.value);
      } catch (err) {
        notices.push(
          `${path.basename(store.location)} holds data StatusTray cannot use (${(err as Error).message}); it was not loaded.`,
        );
        return null;
      }
    } catch (err) {
      notices.push(`Could not read ${store.location}: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  async function start(): Promise<void> {
    if (started) return;
    // A watchlist file that is one of the engine's own stores would be read as a corrupt store and moved
    // aside: refuse it before touching anything, with a sentence the user can act on.
    const own = Object.values(stores).map((s) => path.resolve(s.location));
    if (options.watchlistPath && own.includes(path.resolve(options.watchlistPath))) {
      throw new Error(
        `${options.watchlistPath} is one of StatusTray's own data files; keep your watchlist file somewhere else`,
      );
    }
    started = true;
    const [wl, st, ps, hs, snaps] = await Promise.all([
      loadStore(stores.watchlist, validateStoredWatchlist),
      loadStore(stores.settings, validateSettings),
      loadStore(stores.policy, validatePolicyState),
      loadStore(stores.history, validateHistory),
      loadStore(stores.snapshots, validateSnapshots),
    ]);
    entries = wl?.vendors ?? [];
    if (st) settings = st;
    if (ps) policyState = ps;
    history = new History(hs, { gapMs: 3 * intervalSeconds() * 1000 });
    if (options.watchlistPath) {
      let text: string | null = null;
      try {
        text = await fs.readFile(options.watchlistPath, 'utf8');
      } catch (err) {
        notices.push(`Could not read the watchlist ${options.watchlistPath}: ${(err as Error).message}`);
      }
      if (text !== null) {
        const { watchlist, problems } = parseWatchlist(text);
        for (const p of problems) notices.push(`${path.basename(options.watchlistPath)}: ${p}`);
        const known = new Set(entries.map((e) => normalizeUrl(e.url)));
        let added = false;
        for (const v of watchlist?.vendors ?? []) {
          if (known.has(normalizeUrl(v.url))) continue;
          entries.push(v);
          known.add(normalizeUrl(v.url));
          added = true;
        }
        if (added) await saveWatchlist();
      }
    }
    monitor.setIntervalMs(intervalSeconds() * 1000);
    syncMonitor();
    for (const [id, saved] of Object.entries(snaps?.vendors ?? {})) {
      if (findEntry(id) && saved?.snapshot && typeof saved.at === 'number')
        monitor.seed(id, saved.snapshot, saved.at);
    }
    monitor.start();
    schedulePauseEnd();
    stateChanged();
  }

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    await monitor.stop();
    for (const t of [
      stateTimer,
      policyTimer,
      policySaveTimer,
      historySaveTimer,
      snapshotsSaveTimer,
      pauseTimer,
    ]) {
      if (t !== null) timers.clearTimeout(t);
    }
    stateTimer = policyTimer = policySaveTimer = historySaveTimer = snapshotsSaveTimer = pauseTimer = null;
    if (started) {
      history.prune(now(), entries.map(entryId));
      await Promise.allSettled([
        watchlistSave,
        stores.policy.save(policyState),
        stores.history.save(history.toJSON()),
        stores.snapshots.save(savedSnapshots()),
      ]);
    }
    if (ownsHttp) await http.close();
  }

  // ---- request handlers ------------------------------------------------------------------------

  async function detect(url: string): Promise<{ result: DetectResult; detection: Detection | null }> {
    const outcome = await read(url, { http: getHttp(), timeoutMs: 15_000, now });
    const snap = outcome.snapshot;
    if (outcome.detection) detections.set(normalizeUrl(url), { detection: outcome.detection, at: now() });
    return {
      detection: outcome.detection,
      result: {
        url,
        platform: outcome.detection?.platform ?? 'unknown',
        name: snap.error ? (outcome.detection?.name ?? null) : snap.vendor.name,
        componentCount: snap.components.length,
        components: snap.components.map((c) => ({ id: c.id, name: c.name, group: c.group })),
        error: snap.error,
      },
    };
  }

  const handlers: RequestHandlers = {
    async 'state:get'(arg) {
      check('state:get', arg);
      return appState();
    },
    async 'vendor:get'(arg) {
      const { id } = check('vendor:get', arg);
      const entry = findEntry(id);
      if (!entry) return null;
      const view = monitor.view(id);
      const detail: VendorDetail = {
        summary: summaryOf(entry, view),
        snapshot: view?.lastGood ?? null,
        uptime: history.uptimeDays(id, now(), 90),
      };
      return detail;
    },
    async 'vendors:detect'(arg) {
      const { url } = check('vendors:detect', arg);
      return (await detect(url.trim())).result;
    },
    async 'vendors:add'(arg) {
      const req = check('vendors:add', arg);
      const url = req.url.trim();
      const id = vendorIdFor(url);
      const existing = findEntry(id);
      if (existing) {
        // One vendor per status page: adding the same page again (another AWS service from the catalog,
        // say) widens what is watched instead of being ignored.
        const merged = mergeWatched(existing.components, req.components);
        if (merged !== existing.components) {
          if (merged) existing.components = merged;
          else delete existing.components;
          await saveWatchlist();
          syncMonitor();
          stateChanged();
        }
        return summaryById(id);
      }
      const entry: WatchEntry = { url };
      if (req.name?.trim()) entry.name = req.name.trim();
      if (req.components?.length) entry.components = [...req.components];
      if (req.notify) entry.notify = req.notify;
      if (req.platform && req.apiUrl) {
        entry.platform = req.platform;
        entry.apiUrl = req.apiUrl;
      } else {
        // Detect once now and keep it, so that polling costs no probes.
        const cached = detections.get(normalizeUrl(url));
        const detection =
          cached && now() - cached.at < 10 * 60_000 ? cached.detection : (await detect(url)).detection;
        if (detection) {
          entry.platform = detection.platform;
          entry.apiUrl = detection.apiUrl;
        }
      }
      if (findEntry(id)) return summaryById(id);
      entries.push(entry);
      await saveWatchlist();
      syncMonitor();
      stateChanged();
      return summaryById(id);
    },
    async 'vendors:remove'(arg) {
      const { id } = check('vendors:remove', arg);
      const before = entries.length;
      entries = entries.filter((e) => entryId(e) !== id);
      if (entries.length === before) return;
      history.remove(id);
      policyState = snooze(policyState, id, 'off', now());
      await saveWatchlist();
      syncMonitor();
      stateChanged();
    },
    async 'vendors:update'(arg) {
      const req = check('vendors:update', arg);
      const current = findEntry(req.id);
      if (!current) throw new Error(`No watched vendor with id ${req.id}`);
      // A new object, so that the monitor sees what changed (it re-reads when the components do).
      const entry: WatchEntry = { ...current };
      entries = entries.map((e) => (e === current ? entry : e));
      if (req.components !== undefined) {
        if (req.components.length) entry.components = [...req.components];
        else delete entry.components;
      }
      if (req.notify !== undefined) {
        if (req.notify === 'all') delete entry.notify;
        else entry.notify = req.notify;
      }
      if (req.name !== undefined) {
        if (req.name.trim()) entry.name = req.name.trim();
        else delete entry.name;
      }
      await saveWatchlist();
      syncMonitor();
      stateChanged();
      return summaryById(req.id);
    },
    async 'vendors:snooze'(arg) {
      const { id, choice } = check('vendors:snooze', arg);
      if (!findEntry(id)) throw new Error(`No watched vendor with id ${id}`);
      policyState = snooze(policyState, id, choice, now());
      schedulePolicySave();
      stateChanged();
      return summaryById(id);
    },
    async 'vendors:refresh'(arg) {
      const { id } = check('vendors:refresh', arg ?? {});
      monitor.refresh(id);
    },
    async 'catalog:search'(arg) {
      const { query, limit } = check('catalog:search', arg);
      return searchCatalog(query, limit ?? 50);
    },
    async 'settings:update'(arg) {
      const patch = check('settings:update', arg);
      const next: Settings = { ...settings, ...patch };
      if (patch.quietHours) next.quietHours = { ...patch.quietHours };
      settings = validateSettings(next);
      await stores.settings.save(settings).catch(reportSaveError('settings'));
      if (options.intervalSeconds === undefined) monitor.setIntervalMs(settings.intervalSeconds * 1000);
      schedulePauseEnd();
      stateChanged();
      return structuredClone(settings);
    },
    async 'watchlist:export'(arg) {
      check('watchlist:export', arg);
      return serializeWatchlist({ version: 1, vendors: entries, intervalSeconds: settings.intervalSeconds });
    },
    async 'watchlist:import'(arg) {
      const { text } = check('watchlist:import', arg);
      const { watchlist, problems } = parseWatchlist(text);
      const result: ImportResult = { added: 0, skipped: 0, errors: [...problems] };
      if (!watchlist) return result;
      const known = new Set(entries.map((e) => normalizeUrl(e.url)));
      for (const v of watchlist.vendors) {
        if (known.has(normalizeUrl(v.url))) {
          result.skipped++;
          continue;
        }
        entries.push(v);
        known.add(normalizeUrl(v.url));
        result.added++;
      }
      if (watchlist.intervalSeconds !== undefined) {
        if (watchlist.intervalSeconds >= MIN_APP_INTERVAL_SECONDS) {
          settings = { ...settings, intervalSeconds: watchlist.intervalSeconds };
          await stores.settings.save(settings).catch(reportSaveError('settings'));
          if (options.intervalSeconds === undefined) monitor.setIntervalMs(settings.intervalSeconds * 1000);
        } else {
          result.errors.push(
            `"intervalSeconds" ${watchlist.intervalSeconds} is below the app's minimum of ${MIN_APP_INTERVAL_SECONDS} s (kept ${settings.intervalSeconds} s)`,
          );
        }
      }
      if (result.added) {
        await saveWatchlist();
        syncMonitor();
      }
      stateChanged();
      return result;
    },
    async 'link:open'(arg) {
      const { url } = check('link:open', arg);
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
      if (!options.openExternal) return false;
      return options.openExternal(parsed.toString());
    },
  };

  return {
    handlers,
    onPush(channel, listener) {
      let set = pushListeners.get(channel);
      if (!set) {
        set = new Set();
        pushListeners.set(channel, set);
      }
      const l = listener as (payload: never) => void;
      set.add(l);
      return () => void set.delete(l);
    },
    onNotification(listener) {
      notificationListeners.add(listener);
      return () => void notificationListeners.delete(listener);
    },
    start,
    stop,
    signal(what) {
      monitor.signal(what);
      stateChanged();
    },
  };
}

// The app core every host shares (Electron main, the web mode, tests): composes the parts of app/ —
// stores, vendors, settings, the policy and its outlets, the state hosts show — around the monitor,
// behind the request channels of shared/ipc.ts. Hosts only display.
import path from 'node:path';
import type { AppState, RequestHandlers, Settings } from '../../shared/ipc';
import type { WatchEntry } from '../../shared/model';
import { searchCatalog } from '../../shared/catalog';
import type { AppCore, AppCoreOptions } from './app-types';
import type { AppContext } from './app/context';
import { createAppCalendar } from './app/calendar';
import { createAppForwarding } from './app/forwarding';
import { createOutlets, listenerOutlet } from './app/outlets';
import { createPolicyRunner, policyConfigOf } from './app/policy';
import { pauseEndTimer, settingsHandlers } from './app/settings';
import { buildAppState, createStatePush, entryId, isPaused, Notices } from './app/state';
import {
  DEFAULT_SETTINGS,
  loadAllStores,
  openAppStores,
  saveLater,
  storeLocations,
  storedWatchlist,
  trimmedSnapshot,
  type SavedSnapshots,
} from './app/stores';
import { check } from './app/validate';
import { followConfigFile } from './app/config-follow';
import { Acks } from './app/acks';
import { createSharedCauseTracker } from './app/shared-cause';
import { reconcilePolicyGroup, restoreGrouping, storedGrouping } from './app/open-group';
import type { SharedCauseView } from '../../shared/ipc';
import type { MonitorEvent, SharedCauseEvent } from '../../shared/model';
import { findEntry, importWatchlistFile, vendorHandlers, vendorSummary } from './app/vendors';
import { History } from './history/history';
import { createMetrics } from './metrics/metrics';
import { registerForwardMetrics } from './metrics/forward-metrics';
import { createHttpClient } from './http/client';
import { Monitor } from './monitor/monitor';
import { realTimers, type ReadFn, type Timers } from './monitor/types';
import { initialPolicyState } from './policy/policy';
import { readSnapshot } from './read';

export { DEFAULT_SETTINGS, MIN_APP_INTERVAL_SECONDS } from './app/stores';
export { mergeWatched } from './app/vendors';
export type { NotificationOutlet } from './app/outlets';

const HISTORY_SAVE_MS = 60_000;
// The policy state changes at every poll in a storm: written at most every 15 s (and on stop), never
// whole every 2 s; what is lost to a crash in between is at worst one repeated notification.
const POLICY_SAVE_MS = 15_000;
const SNAPSHOTS_SAVE_MS = 10 * 60_000;

export function createAppCore(options: AppCoreOptions): AppCore {
  const baseTimers: Timers = options.timers ?? realTimers;
  const timers: Timers = options.now
    ? { now: options.now, setTimeout: baseTimers.setTimeout, clearTimeout: baseTimers.clearTimeout }
    : baseTimers;
  const now = (): number => timers.now();
  // Every read is counted and timed for /metrics; the gauges read the monitor at scrape time.
  const metrics = createMetrics(
    () => ctx.monitor.views(),
    () => (sharedCause.open() ? 1 : 0),
  );
  const read: ReadFn = metrics.instrument(options.read ?? (readSnapshot as ReadFn));
  const ownsHttp = !options.http;
  const http = options.http ?? createHttpClient();
  const stores = openAppStores(options, now);
  const outlets = createOutlets(options.outlets);
  let started = false;
  let stopped = false;
  let lastOffline = false;
  let watchlistSave: Promise<void> = Promise.resolve();

  // The command line may go below the app's floor, but never below 1 s.
  const intervalSeconds = (): number =>
    options.intervalSeconds !== undefined && Number.isFinite(options.intervalSeconds)
      ? Math.max(1, options.intervalSeconds)
      : ctx.settings.intervalSeconds;

  const summaryInput = () => ({
    offline: ctx.monitor.isOffline(),
    paused: isPaused(ctx.settings, now()),
    settings: ctx.settings,
    dataDir: options.dataDir,
    notices: ctx.notices.all(),
    sharedCause: sharedCauseView(),
    acks: acks.views(),
    ...(options.intervalSeconds !== undefined ? { intervalOverrideSeconds: intervalSeconds() } : {}),
    failingFeeds: forwarding.failing(),
  });
  const allVendors = () => ctx.entries.map((e) => vendorSummary(ctx, e));
  const appState = (): AppState => ({
    ...buildAppState({ vendors: allVendors(), ...summaryInput() }),
    seq: ctx.push.seq(),
  });

  const reportSaveError =
    (what: string) =>
    (err: unknown): void => {
      ctx.notices.addOnce(`Could not save the ${what}: ${err instanceof Error ? err.message : String(err)}`);
      ctx.push.changed();
    };

  const policySave = saveLater(timers, POLICY_SAVE_MS, () => {
    void stores.policy.store.save(ctx.policyState).catch(reportSaveError('notification state'));
  });
  const historySave = saveLater(timers, HISTORY_SAVE_MS, () => {
    ctx.history.prune(now(), ctx.entries.map(entryId));
    void stores.history.store.save(ctx.history.toJSON()).catch(reportSaveError('history'));
  });
  // Unchanged polls only stretch the history's current segment: written at this slower pace, or sooner
  // with the next real change, and always at stop.
  const historyCatchUp = saveLater(timers, SNAPSHOTS_SAVE_MS, () => historySave.schedule());
  const snapshotsSave = saveLater(timers, SNAPSHOTS_SAVE_MS, () => {
    void stores.snapshots.store.save(savedSnapshots()).catch(reportSaveError('last known statuses'));
  });

  const ctx: AppContext = {
    options,
    now,
    read,
    http,
    monitor: new Monitor({ read, http, timers, intervalMs: DEFAULT_SETTINGS.intervalSeconds * 1000 }),
    stores,
    notices: new Notices(),
    push: createStatePush(timers, {
      allVendors,
      vendorsById: (ids) => ctx.entries.filter((e) => ids.has(entryId(e))).map((e) => vendorSummary(ctx, e)),
      summaryInput,
    }),
    entries: [] as WatchEntry[],
    forward: [],
    settings: structuredClone(DEFAULT_SETTINGS),
    policyState: initialPolicyState(),
    history: new History(null, { gapMs: 3 * 120_000 }),
    detections: new Map(),
    saveWatchlist() {
      const { configFile } = options;
      if (configFile) {
        watchlistSave = watchlistSave
          .catch(() => undefined)
          .then(() => configFile.save(ctx.entries, ctx.forward))
          .catch(reportSaveError(`watchlist (${path.basename(configFile.file)})`));
        return watchlistSave;
      }
      const file = storedWatchlist(ctx.entries);
      if (ctx.forward.length > 0) file.forward = ctx.forward.map((t) => ({ ...t }));
      watchlistSave = watchlistSave
        .catch(() => undefined)
        .then(() => stores.watchlist.store.save(file))
        .catch(reportSaveError('watchlist'));
      return watchlistSave;
    },
    savePolicySoon: () => policySave.schedule(),
    syncMonitor: () => {
      ctx.monitor.setVendors(ctx.entries.map((entry) => ({ id: entryId(entry), entry })));
      groupFollowsWatched();
    },
    intervalSeconds,
    reportSaveError,
  };
  const { monitor } = ctx;
  const forwarding = createAppForwarding(ctx);
  outlets.add(forwarding.outlet);
  registerForwardMetrics(metrics.registry, () => forwarding.queues());
  const calendar = createAppCalendar(ctx);
  monitor.setIntervalMs(intervalSeconds() * 1000);

  let acks = new Acks(null);
  const acksSave = saveLater(timers, 1_000, () => {
    void stores.acks.store.save(acks.toJSON()).catch(reportSaveError('acknowledgements'));
  });
  const policy = createPolicyRunner({
    timers,
    now,
    config: () => policyConfigOf(ctx.settings, ctx.entries, options.coalesceMs, acks.forPolicy()),
    getState: () => ctx.policyState,
    setState: (state) => {
      ctx.policyState = state;
      policySave.schedule();
    },
    outlets,
  });
  const pauseEnd = pauseEndTimer(timers, now, () => ctx.push.changed());

  function savedSnapshots(): SavedSnapshots {
    const vendors: SavedSnapshots['vendors'] = {};
    for (const view of monitor.views()) {
      if (view.lastGood && view.lastGoodAt !== null) {
        vendors[view.id] = { at: view.lastGoodAt, snapshot: trimmedSnapshot(view.lastGood) };
      }
    }
    return { version: 1, vendors };
  }

  // ---- several vendors failing together ----------------------------------------------------------

  const groupListeners = new Set<(events: SharedCauseEvent[]) => void>();
  const sharedCause = createSharedCauseTracker({
    now,
    views: () => monitor.views(),
    config: () => ({
      minVendors: ctx.settings.groupMinVendors ?? 3,
      windowMs: (ctx.settings.groupWindowMinutes ?? 10) * 60_000,
    }),
    lookUpAllowed: () => ctx.settings.lookUpCommonProviders !== false,
    // Read once for the group through the engine's own reader (timeouts, size cap, address guard).
    lookUp: async (provider) =>
      (await (options.read ?? (readSnapshot as ReadFn))(provider.url, { http })).snapshot,
    onLateEvents: (groups) => afterEvents([], groups),
  });
  // The open group is kept across a restart, saved soon after each change like the acknowledgements.
  const sharedCauseSave = saveLater(timers, 1_000, () => {
    void stores.sharedCause.store
      .save(storedGrouping(sharedCause.state()))
      .catch(reportSaveError('group of vendors failing together'));
  });

  /**
   * A member of the open group no longer watched leaves it (it would never recover); the group ends,
   * silently, when too few remain — the same rule as after a restart (open-group.ts).
   */
  function groupFollowsWatched(): void {
    const open = sharedCause.open();
    const watched = new Set(ctx.entries.map(entryId));
    if (!open?.members.some((m) => !watched.has(m.id))) return;
    const kept = restoreGrouping(sharedCause.state(), {
      watched,
      now: now(),
      windowMs: (ctx.settings.groupWindowMinutes ?? 10) * 60_000,
      maxAgeMs: Infinity,
    });
    sharedCause.restore(kept.state);
    ctx.policyState = reconcilePolicyGroup(ctx.policyState, kept.state.open);
    policySave.schedule();
    sharedCauseSave.schedule();
    ctx.push.changed();
  }

  function afterEvents(events: MonitorEvent[], groups: SharedCauseEvent[]): void {
    if (groups.length || events.some((e) => e.type === 'vendor_status_changed')) sharedCauseSave.schedule();
    policy.step(events, undefined, groups);
    if (acks.afterEvents(events, groups)) acksSave.schedule();
    for (const listener of [...groupListeners]) listener(groups);
    if (groups.length) ctx.push.changed();
  }

  function sharedCauseView(): SharedCauseView | null {
    const g = sharedCause.open();
    if (!g) return null;
    const ackedAt = acks.groupAckedAt(g.id);
    return {
      id: g.id,
      since: new Date(g.since).toISOString(),
      vendors: g.members.filter((m) => !m.recovered).map(({ id, name }) => ({ id, name })),
      recovered: g.members.filter((m) => m.recovered).map(({ id, name }) => ({ id, name })),
      cause: g.cause,
      acknowledgedAt: ackedAt === null ? null : new Date(ackedAt).toISOString(),
    };
  }

  // ---- wiring the monitor ----------------------------------------------------------------------

  monitor.onEvents((events) => afterEvents(events, sharedCause.step(events)));
  monitor.onChange((id, change) => {
    if (id !== null && change === 'unchanged') {
      // Nothing new: the history's current segment grows in memory (saved with the next change, or within
      // the catch-up period), the incidents are the ones recorded, and nothing is pushed (the window
      // derives a vendor's "checked" time from what it was last sent).
      const view = monitor.view(id);
      if (view && view.lastCheckedAt !== null) {
        const status = monitor.isOffline() ? 'unknown' : view.status;
        if (ctx.history.record(id, status, view.lastCheckedAt)) historySave.schedule();
        else historyCatchUp.schedule();
        snapshotsSave.schedule();
      }
      return;
    }
    if (id !== null) {
      const view = monitor.view(id);
      // A group continued after a restart learns how its members are now.
      const settled = view ? sharedCause.afterRead(view) : [];
      if (settled.length) afterEvents([], settled);
      if (view && view.lastCheckedAt !== null) {
        // Unknown while offline says nothing about the vendor: record it as not observed.
        const status = monitor.isOffline() ? 'unknown' : view.status;
        ctx.history.record(id, status, view.lastCheckedAt);
        if (view.lastGood && view.lastError === null)
          ctx.history.recordIncidents(id, view.lastGood.incidents, view.lastCheckedAt);
        historySave.schedule();
        snapshotsSave.schedule();
      }
      // An acknowledged incident that ended while nobody looked (or before a restart) is forgotten.
      const ended = acks.prune(
        (vid) => (monitor.view(vid) ? (monitor.view(vid)?.lastGood ?? null) : undefined),
        sharedCause.open()?.id ?? null,
      );
      if (ended) acksSave.schedule();
    }
    const offline = monitor.isOffline();
    if (offline !== lastOffline) {
      lastOffline = offline;
      policy.step([], offline);
      ctx.push.changed();
    }
    ctx.push.changed(id);
  });
  monitor.onDetection((id, detection) => {
    const entry = findEntry(ctx, id);
    if (!entry) return;
    entry.platform = detection.platform;
    entry.apiUrl = detection.apiUrl;
    void ctx.saveWatchlist();
  });

  // ---- start / stop ----------------------------------------------------------------------------

  async function start(): Promise<void> {
    if (started) return;
    // A watchlist file that is one of the engine's own stores would be read as a corrupt store and moved
    // aside: refuse it before touching anything, with a sentence the user can act on.
    if (options.watchlistPath && storeLocations(stores).includes(path.resolve(options.watchlistPath))) {
      throw new Error(
        `${options.watchlistPath} is one of StatusTray's own data files; keep your watchlist file somewhere else`,
      );
    }
    started = true;
    const loaded = await loadAllStores(stores, (m) => ctx.notices.add(m), now);
    ctx.entries = loaded.watchlist?.vendors ?? [];
    ctx.forward = loaded.watchlist?.forward ?? [];
    if (loaded.settings) ctx.settings = loaded.settings;
    if (loaded.policy) ctx.policyState = loaded.policy;
    acks = new Acks(loaded.acks);
    ctx.history = new History(loaded.history, { gapMs: 3 * intervalSeconds() * 1000 });
    if (options.watchlistPath) await importWatchlistFile(ctx, options.watchlistPath);
    if (options.configFile) followConfigFile(ctx, options.configFile, forwarding.retarget);
    monitor.setIntervalMs(intervalSeconds() * 1000);
    ctx.syncMonitor();
    for (const [id, saved] of Object.entries(loaded.snapshots?.vendors ?? {})) {
      if (findEntry(ctx, id) && saved?.snapshot && typeof saved.at === 'number')
        monitor.seed(id, saved.snapshot, saved.at);
    }
    // The group open before the restart goes on, with its members still watched (see open-group.ts).
    const restored = restoreGrouping(loaded.sharedCause, {
      watched: new Set(monitor.views().map((v) => v.id)),
      now: now(),
      windowMs: (ctx.settings.groupWindowMinutes ?? 10) * 60_000,
    });
    sharedCause.restore(restored.state);
    ctx.policyState = reconcilePolicyGroup(ctx.policyState, restored.state.open);
    monitor.start();
    await forwarding.start();
    if (!stopped) pauseEnd.follow(ctx.settings);
    ctx.push.changed();
  }

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    ctx.push.stop();
    policy.stop();
    sharedCause.stop();
    acksSave.cancel();
    sharedCauseSave.cancel();
    policySave.cancel();
    historySave.cancel();
    historyCatchUp.cancel();
    snapshotsSave.cancel();
    pauseEnd.stop();
    options.configFile?.stop();
    await monitor.stop();
    await forwarding.stop();
    if (started) {
      ctx.history.prune(now(), ctx.entries.map(entryId));
      await Promise.allSettled([
        watchlistSave,
        stores.policy.store.save(ctx.policyState),
        stores.acks.store.save(acks.toJSON()),
        stores.sharedCause.store.save(storedGrouping(sharedCause.state())),
        stores.history.store.save(ctx.history.toJSON()),
        stores.snapshots.store.save(savedSnapshots()),
      ]);
    }
    if (ownsHttp) await http.close();
  }

  // ---- request handlers ------------------------------------------------------------------------

  const handlers: RequestHandlers = {
    async 'state:get'(arg) {
      check('state:get', arg);
      return appState();
    },
    ...vendorHandlers(ctx),
    ...forwarding.handlers,
    ...calendar.handlers,
    ...settingsHandlers(ctx, (settings: Settings) => {
      if (!stopped) pauseEnd.follow(settings);
    }),
    async 'incident:ack'(arg) {
      const { vendorId, incidentId } = check('incident:ack', arg);
      const view = monitor.view(vendorId);
      if (!view) throw new Error('That vendor is not watched');
      if (!acks.ackIncident(vendorId, incidentId, view.lastGood, view.status, now()))
        throw new Error('That incident is not open any more');
      acksSave.schedule();
      ctx.push.changed();
      return acks.views();
    },
    async 'group:ack'(arg) {
      const { groupId } = check('group:ack', arg);
      const g = sharedCause.open();
      if (!g || g.id !== groupId) throw new Error('Those vendors are not in trouble together any more');
      acks.ackGroup(groupId, `${g.members.map((m) => m.name).join(', ')}`, now());
      acksSave.schedule();
      ctx.push.changed();
      return acks.views();
    },
    async 'ack:remove'(arg) {
      const { key } = check('ack:remove', arg);
      if (acks.remove(key)) {
        acksSave.schedule();
        ctx.push.changed();
      }
      return acks.views();
    },
    async 'catalog:search'(arg) {
      const { query, limit } = check('catalog:search', arg);
      return searchCatalog(query, limit ?? 50);
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
    onPush: (channel, listener) => ctx.push.on(channel, listener),
    onNotification: (listener) => outlets.add(listenerOutlet('host', listener)),
    onSharedCause: (listener) => {
      groupListeners.add(listener);
      return () => void groupListeners.delete(listener);
    },
    addOutlet: (outlet) => outlets.add(outlet),
    calendar: () => calendar.ics(),
    metrics: () => metrics.text(),
    start,
    stop,
    signal(what) {
      monitor.signal(what);
      ctx.push.changed();
    },
  };
}

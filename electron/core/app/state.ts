// What hosts show: each watched vendor's summary, the whole app state (tray, notices, settings), and the
// debounced `state:changed` push that tells hosts to redraw.
import type { AppState, PushChannel, PushChannels, Settings, VendorSummary } from '../../../shared/ipc';
import { incidentTime, type WatchEntry } from '../../../shared/model';
import { compareWorstFirst, isProblem, worstOf, type TrayState } from '../../../shared/status';
import { isOpenIncident } from '../monitor/diff';
import type { VendorRuntimeView } from '../monitor/monitor';
import type { Timers } from '../monitor/types';
import { selectWatched } from '../rollup';
import { unmatchedComponents } from '../../../shared/component-match';
import { vendorIdFor } from '../watchlist';

/** The vendor id of a watch entry (its page address, normalized). */
export const entryId = (entry: WatchEntry): string => vendorIdFor(entry.url);

/** One vendor as the overview and the tray show it. `snoozedUntilMs` is the policy's answer for it. */
export function summaryOf(
  entry: WatchEntry,
  view: VendorRuntimeView | null,
  snoozedUntilMs: number | null,
): VendorSummary {
  const id = entryId(entry);
  const snap = view?.lastGood ?? null;
  const open = (snap?.incidents ?? [])
    .filter(isOpenIncident)
    .map((i) => ({
      id: i.id,
      title: i.title,
      impact: i.impact,
      status: i.status,
      startedAt: incidentTime(i),
    }))
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  const troubled = selectWatched(snap?.components ?? [], entry.components)
    .filter((c) => isProblem(c.status))
    .sort((a, b) => compareWorstFirst(a.status, b.status));
  // From the entry's list of now (it may have changed since the last read) and the last good page.
  const unmatched = snap ? unmatchedComponents(snap.components, entry.components) : [];
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
    ...(unmatched.length > 0 ? { unmatchedComponents: unmatched } : {}),
    notify: entry.notify ?? 'all',
    snoozedUntil: snoozedUntilMs === null ? null : new Date(snoozedUntilMs).toISOString(),
  };
}

export function isPaused(settings: Settings, now: number): boolean {
  return settings.pausedUntil !== null && now < Date.parse(settings.pausedUntil);
}

export interface AppStateInput {
  vendors: VendorSummary[];
  offline: boolean;
  paused: boolean;
  settings: Settings;
  dataDir: string;
  notices: readonly string[];
  /** Set when the command line overrides the stored interval. */
  intervalOverrideSeconds?: number;
  sharedCause?: AppState['sharedCause'];
  acks?: AppState['acks'];
  /** Forwarding targets failing long enough to be told, or gone (shortened names). */
  failingFeeds?: readonly string[];
}

/** The state hosts render: vendors worst first, then by name; the tray's one colour. */
export function buildAppState(input: AppStateInput): AppState {
  const vendors = [...input.vendors].sort(
    (a, b) => compareWorstFirst(a.status, b.status) || a.name.localeCompare(b.name),
  );
  let tray: TrayState = vendors.length ? worstOf(vendors.map((v) => v.status)) : 'unknown';
  if (input.offline) tray = 'offline';
  if (input.paused) tray = 'paused';
  return {
    vendors,
    tray,
    offline: input.offline,
    settings: structuredClone(input.settings),
    dataDir: input.dataDir,
    notices: [...input.notices],
    ...(input.sharedCause !== undefined ? { sharedCause: input.sharedCause } : {}),
    ...(input.acks !== undefined ? { acks: input.acks } : {}),
    ...(input.intervalOverrideSeconds !== undefined
      ? { intervalOverrideSeconds: input.intervalOverrideSeconds }
      : {}),
    ...(input.failingFeeds?.length ? { failingFeeds: [...input.failingFeeds] } : {}),
  };
}

/** Messages for the user that stay until the app restarts (unreadable files, failed saves). */
export class Notices {
  private readonly list: string[] = [];
  /** One message per key, replaced by the next (a watchlist file reloaded again): bounded by the keys. */
  private readonly keyed = new Map<string, string>();
  add(message: string): void {
    this.list.push(message);
  }
  /** Adds a message unless it is already shown (a save that keeps failing). */
  addOnce(message: string): void {
    if (!this.list.includes(message)) this.list.push(message);
  }
  /** Shows `message` as the one notice about `key` (null: none any more). */
  set(key: string, message: string | null): void {
    if (message === null) this.keyed.delete(key);
    else this.keyed.set(key, message);
  }
  all(): readonly string[] {
    return this.keyed.size ? [...this.list, ...this.keyed.values()] : this.list;
  }
}

/** A host's listener that throws must not stop the engine. */
export function safely(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error('statustray: a listener failed:', err);
  }
}

export const STATE_DEBOUNCE_MS = 200;

/** The host pushes (`state:changed`, `navigate`) and the debounce that keeps a burst of changes to one. */
export interface StatePush {
  on<C extends PushChannel>(channel: C, listener: (payload: PushChannels[C]) => void): () => void;
  emit<C extends PushChannel>(channel: C, payload: PushChannels[C]): void;
  /** Something hosts show changed: push the state once the burst is over. */
  changed(): void;
  /** No pushes after this. */
  stop(): void;
}

export function createStatePush(timers: Timers, currentState: () => AppState): StatePush {
  const listeners = new Map<PushChannel, Set<(payload: never) => void>>();
  let timer: unknown = null;
  let stopped = false;
  const push: StatePush = {
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      const l = listener as (payload: never) => void;
      set.add(l);
      return () => void set.delete(l);
    },
    emit(channel, payload) {
      for (const l of listeners.get(channel) ?? []) safely(() => (l as (p: typeof payload) => void)(payload));
    },
    changed() {
      if (stopped || timer !== null) return;
      timer = timers.setTimeout(() => {
        timer = null;
        if (!stopped) push.emit('state:changed', currentState());
      }, STATE_DEBOUNCE_MS);
    },
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
  return push;
}

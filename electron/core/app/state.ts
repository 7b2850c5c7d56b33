// What hosts show: each watched vendor's summary, the whole app state (tray, notices, settings), and the
// push of what changed (`state:patch`, at most once a second; the whole state to in-process hosts).
import type {
  AppState,
  PushChannel,
  PushChannels,
  Settings,
  StatePatch,
  StateSummary,
  VendorSummary,
} from '../../../shared/ipc';
import { incidentTime, type Snapshot, type WatchEntry } from '../../../shared/model';
import { compareWorstFirst, isProblem, worstOf, type TrayState } from '../../../shared/status';
import { isOpenIncident } from '../monitor/diff';
import type { VendorRuntimeView } from '../monitor/monitor';
import type { Timers } from '../monitor/types';
import { selectWatched } from '../rollup';
import { unmatchedComponents } from '../../../shared/component-match';
import { vendorIdFor } from '../watchlist';

/** The vendor id of a watch entry (its page address, normalized). */
export function entryId(entry: WatchEntry): string {
  // Worked out once an address: a `state:get` of 2,000 vendors asks for each id several times, and each
  // is a URL parse and a hash.
  let id = ids.get(entry.url);
  if (id === undefined) {
    if (ids.size >= MAX_KEPT_IDS) ids.clear();
    id = vendorIdFor(entry.url);
    ids.set(entry.url, id);
  }
  return id;
}

const MAX_KEPT_IDS = 10_000;
const ids = new Map<string, string>();

/** One vendor as the overview and the tray show it. `snoozedUntilMs` is the policy's answer for it. */
export function summaryOf(
  entry: WatchEntry,
  view: VendorRuntimeView | null,
  snoozedUntilMs: number | null,
): VendorSummary {
  const id = entryId(entry);
  const snap = view?.lastGood ?? null;
  const { open, troubled, unmatched } = pagePartsOf(snap, entry.components);
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
    revision: snap ? snapshotRevision(snap) : null,
    stale: view?.stale ?? false,
    error: view?.lastError ?? null,
    watchedComponents: entry.components ?? [],
    ...(unmatched.length > 0 ? { unmatchedComponents: unmatched } : {}),
    notify: entry.notify ?? 'all',
    snoozedUntil: snoozedUntilMs === null ? null : new Date(snoozedUntilMs).toISOString(),
  };
}

interface PageParts {
  /** The watched names these parts were worked out for. */
  watchedKey: string;
  open: VendorSummary['open'];
  troubled: Snapshot['components'];
  unmatched: NonNullable<VendorSummary['unmatchedComponents']>;
}

// What a summary takes from the last good page depends on that page and the watched names alone: worked
// out once a page (a snapshot is replaced, never changed), not at every `state:get` of 2,000 vendors.
const pageParts = new WeakMap<Snapshot, PageParts>();

function pagePartsOf(snap: Snapshot | null, watched: readonly string[] | undefined): PageParts {
  const watchedKey = watched ? watched.join('\n') : '';
  const kept = snap ? pageParts.get(snap) : undefined;
  if (kept?.watchedKey === watchedKey) return kept;
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
  const troubled = selectWatched(snap?.components ?? [], watched)
    .filter((c) => isProblem(c.status))
    .sort((a, b) => compareWorstFirst(a.status, b.status));
  // From the entry's list of now (it may have changed since the last read) and the last good page.
  const unmatched = snap ? unmatchedComponents(snap.components, watched) : [];
  const parts = { watchedKey, open, troubled, unmatched };
  if (snap) pageParts.set(snap, parts);
  return parts;
}

/**
 * A short fingerprint of what a page publishes (components' statuses, incidents with their updates), so
 * that a change the summary does not show (an update to a resolved incident, a component nobody watches)
 * still reaches a window showing the details. FNV-1a over the parts that matter; the fetch time is not one.
 */
export function snapshotRevision(snap: Snapshot): string {
  // A snapshot is replaced, never changed in place: its revision is worked out once. Hashing every
  // component of 2,000 vendors at each `state:get` cost 140 ms of the dashboard's first view.
  let revision = revisions.get(snap);
  if (revision === undefined) {
    revision = computeRevision(snap);
    revisions.set(snap, revision);
  }
  return revision;
}

const revisions = new WeakMap<Snapshot, string>();

function computeRevision(snap: Snapshot): string {
  let h = 0x811c9dc5;
  const add = (text: string): void => {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  };
  add(snap.vendor.name);
  for (const c of snap.components) add(`|${c.id}:${c.status}:${c.name}`);
  for (const inc of snap.incidents) {
    add(`|${inc.id}:${inc.status}:${inc.impact}:${inc.resolvedAt ?? ''}:${inc.updates.length}:${inc.title}`);
    const last = inc.updates[inc.updates.length - 1];
    if (last) add(`:${last.at}:${last.body.length}`);
  }
  return `${snap.components.length}.${snap.incidents.length}.${(h >>> 0).toString(36)}`;
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

/** Everything the state shows but the vendors: the tray's one colour (from the vendors' statuses) and the rest. */
export function buildStateSummary(
  input: Omit<AppStateInput, 'vendors'>,
  statuses: readonly VendorSummary['status'][],
): StateSummary {
  let tray: TrayState = statuses.length ? worstOf(statuses) : 'unknown';
  if (input.offline) tray = 'offline';
  if (input.paused) tray = 'paused';
  return {
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

/** Vendors worst first, then by name (the overview's order). */
export function sortVendors(vendors: readonly VendorSummary[]): VendorSummary[] {
  return [...vendors].sort((a, b) => compareWorstFirst(a.status, b.status) || a.name.localeCompare(b.name));
}

/** The state hosts render: vendors worst first, then by name; the tray's one colour. */
export function buildAppState(input: AppStateInput): AppState {
  const vendors = sortVendors(input.vendors);
  return {
    vendors,
    ...buildStateSummary(
      input,
      vendors.map((v) => v.status),
    ),
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

/** A first change is pushed this long after it (a burst of changes goes out as one push). */
export const STATE_DEBOUNCE_MS = 200;
/** Pushes are at least this far apart: a 2,000-vendor watchlist polls ~30 pages a second. */
export const STATE_PUSH_GAP_MS = 1000;

/** What the state push reads from the app: summaries, and the summary's inputs. */
export interface StateSource {
  /** Every watched vendor's summary. */
  allVendors(): VendorSummary[];
  /** The summaries of these vendors; a vendor no longer watched is left out. */
  vendorsById(ids: ReadonlySet<string>): VendorSummary[];
  summaryInput(): Omit<AppStateInput, 'vendors'>;
}

/** The host pushes (`state:patch`, `state:changed`, `navigate`) and the coalescing that keeps many changes to one. */
export interface StatePush {
  on<C extends PushChannel>(channel: C, listener: (payload: PushChannels[C]) => void): () => void;
  emit<C extends PushChannel>(channel: C, payload: PushChannels[C]): void;
  /**
   * Something hosts show changed: one vendor's reading (its id), or anything else (no id: every vendor is
   * compared). Pushed once the burst is over, at most once a second, and only what differs from the last push.
   */
  changed(vendorId?: string | null): void;
  /** The number of the last patch pushed (0 before the first). */
  seq(): number;
  /** No pushes after this. */
  stop(): void;
}

/**
 * What a person could see of a vendor, to tell a change from a poll that found the page as it was: the
 * times of the last check and the last good read move at every poll and are left out (the window derives
 * "checked" from the interval; see renderer/src/stores/app-store.ts).
 */
export function visibleKey(vendor: VendorSummary): string {
  const { lastCheckedAt: _checked, lastGoodAt: _good, ...rest } = vendor;
  return JSON.stringify(rest);
}

interface Sent {
  key: string;
  summary: VendorSummary;
}

export function createStatePush(timers: Timers, source: StateSource): StatePush {
  const listeners = new Map<PushChannel, Set<(payload: never) => void>>();
  let timer: unknown = null;
  let stopped = false;
  let seq = 0;
  let lastFlushAt = -Infinity;
  let allDirty = true;
  const dirty = new Set<string>();
  // The vendors as last pushed, by id, and the summary's text: what the next patch is compared against.
  const sent = new Map<string, Sent>();
  let sentSummary = '';

  const hasListeners = (channel: PushChannel): boolean => (listeners.get(channel)?.size ?? 0) > 0;

  /** Compares what changed with what was pushed; emits a patch (and the whole state) only if anything did. */
  const flush = (): void => {
    const fresh = allDirty ? source.allVendors() : source.vendorsById(dirty);
    const asked = allDirty ? null : new Set(dirty);
    allDirty = false;
    dirty.clear();
    lastFlushAt = timers.now();
    const changed: VendorSummary[] = [];
    const removed: string[] = [];
    const seen = new Set<string>();
    for (const vendor of fresh) {
      seen.add(vendor.id);
      const key = visibleKey(vendor);
      const before = sent.get(vendor.id);
      if (before?.key === key) {
        before.summary = vendor;
        continue;
      }
      sent.set(vendor.id, { key, summary: vendor });
      changed.push(vendor);
    }
    for (const id of asked ?? [...sent.keys()]) {
      if (!seen.has(id) && sent.delete(id)) removed.push(id);
    }
    const all = [...sent.values()].map((v) => v.summary);
    const summary = buildStateSummary(
      source.summaryInput(),
      all.map((v) => v.status),
    );
    const summaryText = JSON.stringify(summary);
    if (changed.length === 0 && removed.length === 0 && summaryText === sentSummary) return;
    sentSummary = summaryText;
    seq += 1;
    const patch: StatePatch = { seq, since: seq - 1, vendors: changed, removed, summary };
    push.emit('state:patch', patch);
    if (hasListeners('state:changed'))
      push.emit('state:changed', { vendors: sortVendors(all), ...summary, seq });
  };

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
    changed(vendorId) {
      if (stopped) return;
      if (vendorId === undefined || vendorId === null) allDirty = true;
      else if (!allDirty) dirty.add(vendorId);
      if (timer !== null) return;
      const wait = Math.max(STATE_DEBOUNCE_MS, lastFlushAt + STATE_PUSH_GAP_MS - timers.now());
      timer = timers.setTimeout(() => {
        timer = null;
        if (!stopped) safely(flush);
      }, wait);
    },
    seq: () => seq,
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
  return push;
}

// The one contract between the window and whatever hosts it (Electron main over IPC, or the web mode over
// HTTP + server-sent events). Every channel is named once here with its request and response types.
import type {
  ForwardTarget,
  ForwardType,
  Incident,
  NotifyLevel,
  Snapshot,
  SharedCause,
  SnapshotError,
  WatchEntry,
} from './model';
import type { TrayState, VendorStatus } from './status';
import type { PlatformId } from './platforms';
import type { CatalogEntry } from './catalog-types';

export interface VendorSummary {
  /** Stable id of the watch entry (derived from its URL). */
  id: string;
  url: string;
  name: string;
  platform: PlatformId | 'unknown';
  pageUrl: string;
  /** Computed by the monitor over watched components and open incidents; never by the renderer. */
  status: VendorStatus;
  /** Open incidents and maintenances in progress, newest first (titles, for the overview). */
  open: Array<Pick<Incident, 'id' | 'title' | 'impact' | 'status' | 'startedAt'>>;
  /** The watched components that are not operational, worst first (at most a few; `problemCount` says how many). */
  problems?: Array<{ name: string; group: string | null; status: VendorStatus }>;
  problemCount?: number;
  lastCheckedAt: string | null;
  /** Time of the last good snapshot. */
  lastGoodAt: string | null;
  /**
   * Changes whenever what the page publishes does (a component's status, an incident, an update, a
   * postmortem): a window showing the vendor's details reads them again then. Null before a good read.
   */
  revision?: string | null;
  stale: boolean;
  error: SnapshotError | null;
  watchedComponents: string[];
  /** Watched names the page lacks, each with its nearest name (shared/component-match.ts); absent when none. */
  unmatchedComponents?: Array<{ name: string; suggestion: string | null }>;
  notify: NotifyLevel;
  snoozedUntil: string | null;
}

export interface UptimeDay {
  /** YYYY-MM-DD, local to the monitor. */
  date: string;
  /** 0..1 of the observed time that was operational; null where nothing was observed. */
  uptime: number | null;
  worst: VendorStatus | null;
  /** How long the monitor observed the vendor that day (ms), so that a few minutes never read as a day. */
  observedMs?: number;
}

export interface VendorDetail {
  summary: VendorSummary;
  /** The last good snapshot (null before the first good read). */
  snapshot: Snapshot | null;
  uptime: UptimeDay[];
}

export interface Settings {
  intervalSeconds: number;
  notificationsEnabled: boolean;
  quietHours: { enabled: boolean; start: string; end: string };
  launchAtLogin: boolean;
  theme: 'system' | 'light' | 'dark';
  pausedUntil: string | null;
  /** This many watched vendors getting worse within `groupWindowMinutes` are told as one group (default 3). */
  groupMinVendors?: number;
  groupWindowMinutes?: number;
  /** "Look up common providers when several vendors fail at once": read their pages once per group (default on). */
  lookUpCommonProviders?: boolean;
}

/** Several watched vendors failing together, as the window, tray and dashboard show it. */
export interface SharedCauseView {
  id: string;
  since: string;
  /** In trouble now. */
  vendors: Array<{ id: string; name: string }>;
  recovered: Array<{ id: string; name: string }>;
  cause: SharedCause | null;
  /** When the user said "Got it" for the group, else null. */
  acknowledgedAt: string | null;
}

/** An incident or group the user acknowledged ("Got it"): its further updates do not notify. */
export interface AckView {
  /** "incident|<vendorId>|<incidentId>" or "group|<groupId>". */
  key: string;
  kind: 'incident' | 'group';
  vendorId?: string;
  incidentId?: string;
  groupId?: string;
  /** What was acknowledged, in words (the incident's title, or the group's vendors). */
  title: string;
  at: string;
}

/** What an export of the watchlist includes beyond the vendors and the interval. */
export interface WatchlistExportOptions {
  /** The forwarding targets too, addresses and all (they are secrets: off unless asked). */
  includeForward?: boolean;
}

export interface AppState {
  vendors: VendorSummary[];
  tray: TrayState;
  offline: boolean;
  settings: Settings;
  /** Where the user's data lives, to show in settings. */
  dataDir: string;
  /** Problems the user must know about (e.g. a corrupt store kept aside). */
  notices: string[];
  /** Seconds between checks set by the command line (`--interval`) for this run; it wins over settings. */
  intervalOverrideSeconds?: number;
  /** The open group of vendors failing together, if any. */
  sharedCause?: SharedCauseView | null;
  /** What the user acknowledged, newest first. */
  acks?: AckView[];
  /** Forwarding targets failing long enough to be told, or gone, by their shortened names (for the tray). */
  failingFeeds?: string[];
  /**
   * The number of the last `state:patch` this state includes (0 before the first). A window that holds
   * state `seq` applies the patch whose `since` is `seq`; any other gap means it missed one and reads
   * `state:get` again.
   */
  seq?: number;
}

/** Everything of the state but the vendors: small, sent whole with every patch (tray, header, settings). */
export type StateSummary = Omit<AppState, 'vendors' | 'seq'>;

/**
 * What changed since the state numbered `since`: the vendors whose summary changed or that were added
 * (whole summaries, by id), the ids of removed vendors, and the summary. Pushed at most once a second and
 * only when something a person could see changed: a poll that finds the page as it was pushes nothing.
 * A patch with `since === seq` changes nothing: it tells a (re)connected window which state is current.
 */
export interface StatePatch {
  seq: number;
  since: number;
  vendors: VendorSummary[];
  removed: string[];
  summary: StateSummary;
}

export interface DetectResult {
  url: string;
  platform: PlatformId | 'unknown';
  name: string | null;
  componentCount: number;
  components: Array<{ id: string; name: string; group: string | null }>;
  error: SnapshotError | null;
}

export interface ImportResult {
  added: number;
  skipped: number;
  errors: string[];
}

export type SnoozeChoice = '1h' | 'tomorrow' | 'incident' | 'off';

/** Request/response channels, renderer → host. */
export interface RequestChannels {
  'state:get': { req: void; res: AppState };
  'vendor:get': { req: { id: string }; res: VendorDetail | null };
  'vendors:detect': { req: { url: string }; res: DetectResult };
  'vendors:add': { req: WatchEntry; res: VendorSummary };
  'vendors:remove': { req: { id: string }; res: void };
  'vendors:update': {
    req: { id: string; components?: string[]; notify?: NotifyLevel; name?: string };
    res: VendorSummary;
  };
  'vendors:snooze': { req: { id: string; choice: SnoozeChoice }; res: VendorSummary };
  'vendors:refresh': { req: { id?: string }; res: void };
  'catalog:search': { req: { query: string; limit?: number }; res: CatalogEntry[] };
  'settings:update': { req: Partial<Settings>; res: Settings };
  /** Forwarding targets' addresses are secrets: left out unless `includeForward` asks for them. */
  'watchlist:export': { req: WatchlistExportOptions | void; res: string };
  'watchlist:import': { req: { text: string }; res: ImportResult };
  'link:open': { req: { url: string }; res: boolean };
  'forward:list': { req: void; res: ForwardTargetView[] };
  'forward:add': { req: ForwardTarget; res: ForwardTargetView[] };
  'forward:remove': { req: { index: number }; res: ForwardTargetView[] };
  'forward:test': { req: { index: number }; res: { ok: boolean; detail: string } };
  /** The maintenance calendar; the desktop host also offers to save it (savedTo: where, or null). */
  'calendar:export': { req: void; res: { ics: string; savedTo: string | null } };
  /** "Got it": an open incident's further updates stop notifying until it ends or gets worse. */
  'incident:ack': { req: { vendorId: string; incidentId: string }; res: AckView[] };
  /** "Got it" for the open group of vendors failing together. */
  'group:ack': { req: { groupId: string }; res: AckView[] };
  /** Takes an acknowledgement back: its updates notify again. */
  'ack:remove': { req: { key: string }; res: AckView[] };
}

/** A forwarding target as the window may show it: its URL shortened, never whole. */
export interface ForwardTargetView {
  index: number;
  type: ForwardType;
  label: string;
  level: 'all' | 'outages';
  vendors: string[];
  /** Messages waiting in its outbox. */
  waiting: number;
  /** The receiver answered 410 Gone: nothing is sent until the user resumes it (a test that works, or adding it again). */
  gone?: boolean;
  /** Since when (ISO time) it has failed long enough to be told; absent while it works. */
  failingSince?: string;
}
export type RequestChannel = keyof RequestChannels;

/** Where to take the window: a vendor, optionally one incident. */
export interface NavigateTarget {
  vendorId: string;
  incidentId?: string;
}

/** Pushed channels, host → renderer. */
export interface PushChannels {
  /** The whole state (hosts in the same process, e.g. the tray); windows follow `state:patch`. */
  'state:changed': AppState;
  'state:patch': StatePatch;
  navigate: NavigateTarget;
}
export type PushChannel = keyof PushChannels;

export type Req<C extends RequestChannel> = RequestChannels[C]['req'];
export type Res<C extends RequestChannel> = RequestChannels[C]['res'];
/** A channel's arguments: none, an optional one (its request may be undefined), or a required one. */
export type InvokeArgs<C extends RequestChannel> = [Req<C>] extends [void]
  ? []
  : undefined extends Req<C>
    ? [req?: Req<C>]
    : [Req<C>];

/** The object the renderer sees as `window.statusTray`, in both hosts. */
export interface Bridge {
  invoke<C extends RequestChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Res<C>>;
  on<C extends PushChannel>(channel: C, listener: (payload: PushChannels[C]) => void): () => void;
}

/** A host implements every request channel: a missing handler is a compile error. */
export type RequestHandlers = { [C in RequestChannel]: (req: Req<C>) => Promise<Res<C>> };

/** Runtime list of channel names, for the preload's and web server's allow-lists. */
export const REQUEST_CHANNELS = [
  'state:get',
  'vendor:get',
  'vendors:detect',
  'vendors:add',
  'vendors:remove',
  'vendors:update',
  'vendors:snooze',
  'vendors:refresh',
  'catalog:search',
  'settings:update',
  'watchlist:export',
  'watchlist:import',
  'link:open',
  'forward:list',
  'forward:add',
  'forward:remove',
  'forward:test',
  'calendar:export',
  'incident:ack',
  'group:ack',
  'ack:remove',
] as const satisfies readonly RequestChannel[];
export const PUSH_CHANNELS = [
  'state:changed',
  'state:patch',
  'navigate',
] as const satisfies readonly PushChannel[];

// Compile-time check that the runtime lists name every channel.
type Missing<All, Listed> = Exclude<All, Listed>;
const _allRequests: Missing<RequestChannel, (typeof REQUEST_CHANNELS)[number]> extends never ? true : never =
  true;
const _allPushes: Missing<PushChannel, (typeof PUSH_CHANNELS)[number]> extends never ? true : never = true;
void _allRequests;
void _allPushes;

const isSeq = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The frame of a pushed `state:patch` (numbers, lists, ids), checked by a window before applying one: a
 * garbled one makes it read the whole state instead. Plain code, so the window's bundle needs no schema library.
 */
export function isStatePatch(value: unknown): value is StatePatch {
  if (!isObject(value) || !isSeq(value.seq) || !isSeq(value.since) || value.since > value.seq) return false;
  const { vendors, removed, summary } = value;
  return (
    Array.isArray(vendors) &&
    vendors.every((v) => isObject(v) && typeof v.id === 'string') &&
    Array.isArray(removed) &&
    removed.every((id) => typeof id === 'string') &&
    isObject(summary) &&
    typeof summary.tray === 'string' &&
    isObject(summary.settings) &&
    Array.isArray(summary.notices)
  );
}

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && (REQUEST_CHANNELS as readonly string[]).includes(value);
}

declare global {
  interface Window {
    statusTray?: Bridge;
  }
}

// One watched vendor as the monitor holds it: its runtime record, and the view the hosts read from it
// (status shown, stale or not, and why unknown).
import type { ErrorKind, Snapshot, SnapshotError, WatchEntry } from '../../../shared/model';
import type { VendorStatus } from '../../../shared/status';
import type { Detection } from '../platforms/types';
import type { ReadBasis } from '../read-basis';
import { isOpenIncident } from './diff';

export interface MonitoredVendor {
  id: string;
  entry: WatchEntry;
}

/** What the monitor knows about one vendor right now. */
export interface VendorRuntimeView {
  id: string;
  entry: WatchEntry;
  name: string;
  detection: Detection | null;
  /** The last good snapshot (kept while fetches fail). */
  lastGood: Snapshot | null;
  lastGoodAt: number | null;
  lastCheckedAt: number | null;
  /** The error of the last attempt, null when it succeeded. */
  lastError: SnapshotError | null;
  /** The status to show: the last good one, or `unknown` once stale beyond the limit (or never read). */
  status: VendorStatus;
  /** The last attempt failed: the data shown is older than it should be. */
  stale: boolean;
  /** Why the status is unknown, for people. */
  reason: string | null;
}

export interface VendorRuntime {
  id: string;
  entry: WatchEntry;
  host: string;
  detection: Detection | null;
  lastGood: Snapshot | null;
  lastGoodAt: number | null;
  lastCheckedAt: number | null;
  firstAttemptAt: number | null;
  lastStartedAt: number | null;
  lastError: SnapshotError | null;
  failures: number;
  /** The status the events have announced so far (null before any). */
  shownStatus: VendorStatus | null;
  unreachableAnnounced: boolean;
  /** When this vendor is next due; Infinity while queued or in flight. */
  nextDueAt: number;
  /** The due time the running/queued poll was scheduled for (phase-locked schedule). */
  dueAt: number;
  state: 'idle' | 'queued' | 'running';
  refreshAgain: boolean;
  polls: number;
  controller: AbortController | null;
  removed: boolean;
  /** The URLs this vendor's reads asked for (bounded): their validators are forgotten when it goes. */
  urls: Set<string>;
  /** What the last good read was made from: an unchanged page is then checked without being read again. */
  basis: ReadBasis | null;
}

const NETWORK_KINDS: ReadonlySet<ErrorKind> = new Set(['network', 'dns', 'refused', 'reset', 'timeout']);

export function isNetworkError(error: SnapshotError | null): boolean {
  return error !== null && NETWORK_KINDS.has(error.kind);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

export function detectionFromEntry(entry: WatchEntry): Detection | null {
  if (!entry.platform || !entry.apiUrl) return null;
  return {
    platform: entry.platform,
    apiUrl: entry.apiUrl,
    pageUrl: entry.url,
    ...(entry.name ? { name: entry.name } : {}),
  };
}

/** A vendor just added: read right away; the spread across the interval happens after the first read. */
export function newRuntime(id: string, entry: WatchEntry, now: number): VendorRuntime {
  return {
    id,
    entry,
    host: hostOf(entry.url),
    detection: detectionFromEntry(entry),
    lastGood: null,
    lastGoodAt: null,
    lastCheckedAt: null,
    firstAttemptAt: null,
    lastStartedAt: null,
    lastError: null,
    failures: 0,
    shownStatus: null,
    unreachableAnnounced: false,
    nextDueAt: now,
    dueAt: now,
    state: 'idle',
    refreshAgain: false,
    polls: 0,
    controller: null,
    removed: false,
    urls: new Set(),
    basis: null,
  };
}

/** The name events and views give the vendor: the user's, else the page's, else the detection's, else the host. */
export function vendorName(v: VendorRuntime, snapshot: Snapshot | null): string {
  return v.entry.name ?? snapshot?.vendor.name ?? v.detection?.name ?? v.host;
}

/** The data shown is not from the last attempt: it failed, or (seeded from the last run) none was made yet. */
export function isStale(v: VendorRuntime): boolean {
  return v.lastGood !== null && (v.lastError !== null || v.lastCheckedAt === null);
}

export function isUnknownNow(v: VendorRuntime, now: number, staleLimitMs: number): boolean {
  if (!v.lastGood || v.lastGoodAt === null) return true;
  return isStale(v) && now - v.lastGoodAt >= staleLimitMs;
}

export function hasOpenIncident(v: VendorRuntime): boolean {
  const s = v.lastGood;
  if (!s) return false;
  return s.incidents.some(isOpenIncident);
}

export function toView(v: VendorRuntime, now: number, staleLimitMs: number): VendorRuntimeView {
  const unknown = isUnknownNow(v, now, staleLimitMs);
  let reason: string | null = null;
  if (unknown) {
    if (v.lastError) reason = v.lastError.message;
    else if (!v.lastGood) reason = 'Not checked yet.';
    else reason = 'Not checked since the start; the last known status is too old.';
  }
  return {
    id: v.id,
    entry: v.entry,
    name: vendorName(v, v.lastGood),
    detection: v.detection,
    lastGood: v.lastGood,
    lastGoodAt: v.lastGoodAt,
    lastCheckedAt: v.lastCheckedAt,
    lastError: v.lastError,
    status: unknown ? 'unknown' : (v.lastGood?.status ?? 'unknown'),
    stale: isStale(v),
    reason,
  };
}

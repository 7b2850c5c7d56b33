// What one read means for a vendor: a good read becomes the vendor's last good snapshot and the Events
// of what changed; a failed read keeps the last good one and, past the stale limit, announces it once.
import type { MonitorEvent, Snapshot } from '../../../shared/model';
import { diffSnapshots } from './diff';
import type { ReadOutcome } from '../read';
import { vendorName, type VendorRuntime } from './runtime';

/** Failures that say the page cannot be read at all, whatever the network does (not a passing fault). */
const UNREADABLE_KINDS: ReadonlySet<string> = new Set([
  'parse',
  'schema',
  'unrecognized',
  'too_large',
  'redirect',
  'invalid_url',
  'blocked',
]);

/** A good read: the vendor's record updated, and the Events it brings (a recovery, then what changed). */
export function applyGoodRead(v: VendorRuntime, snap: Snapshot, now: number, at: string): MonitorEvent[] {
  const events: MonitorEvent[] = [];
  const vendor = vendorName(v, snap);
  if (v.unreachableAnnounced) {
    events.push({ type: 'vendor_recovered', vendor, vendorId: v.id, at });
    v.unreachableAnnounced = false;
  }
  events.push(
    ...diffSnapshots(v.lastGood, snap, {
      vendor,
      vendorId: v.id,
      at,
      ...(v.entry.components ? { watchedComponents: v.entry.components } : {}),
      ...(v.lastGood && v.shownStatus !== null ? { fromStatus: v.shownStatus } : {}),
    }),
  );
  v.lastGood = snap;
  v.lastGoodAt = now;
  v.lastError = null;
  v.failures = 0;
  v.shownStatus = snap.status;
  return events;
}

/**
 * A read that found the page shown last time, with nothing new to tell (its status already announced, no
 * recovery to announce): the vendor was checked, and only the times move. False (and nothing done) when
 * the read must go through `applyGoodRead` instead.
 */
export function applyUnchangedRead(v: VendorRuntime, outcome: ReadOutcome, now: number): boolean {
  const snap = outcome.snapshot;
  if (
    outcome.unchanged !== true ||
    v.lastGood === null ||
    v.lastGood !== v.basis?.snapshot ||
    v.shownStatus !== snap.status ||
    v.unreachableAnnounced
  )
    return false;
  v.lastGood = snap;
  v.lastGoodAt = now;
  v.lastError = null;
  v.failures = 0;
  return true;
}

/**
 * A failing vendor past the stale limit: its status becomes unknown and it is announced unreachable, once.
 * A vendor never read whose page is simply not readable (not a status page, wrong shape, …) is announced
 * at once: waiting out the stale limit would only leave a mistyped address unexplained for minutes.
 */
export function staleEvents(v: VendorRuntime, now: number, at: string, staleLimitMs: number): MonitorEvent[] {
  const since = v.lastGoodAt ?? v.firstAttemptAt ?? now;
  const unreadable = v.lastGood === null && v.lastError !== null && UNREADABLE_KINDS.has(v.lastError.kind);
  if ((!unreadable && now - since < staleLimitMs) || v.unreachableAnnounced || !v.lastError) return [];
  const vendor = vendorName(v, v.lastGood);
  const events: MonitorEvent[] = [];
  if (v.shownStatus !== null && v.shownStatus !== 'unknown') {
    events.push({
      type: 'vendor_status_changed',
      vendor,
      vendorId: v.id,
      at,
      from: v.shownStatus,
      to: 'unknown',
    });
  }
  v.shownStatus = 'unknown';
  events.push({ type: 'vendor_unreachable', vendor, vendorId: v.id, at, error: v.lastError });
  v.unreachableAnnounced = true;
  return events;
}

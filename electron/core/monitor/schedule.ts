// When a vendor is next polled: after a good read (phase-locked, faster while an incident is open, spread
// after the first read) and after a failure (exponential backoff with jitter, Retry-After). Pure decisions.
import { hasOpenIncident, isNetworkError, type VendorRuntime } from './runtime';

export interface ScheduleConfig {
  /** The normal interval between two polls of a vendor. */
  intervalMs: number;
  /** The interval while a vendor has an open incident. */
  fastIntervalMs: number;
  /** Longest wait after repeated errors (never shorter than the interval). */
  maxBackoffMs: number;
}

export function intervalFor(v: VendorRuntime, cfg: ScheduleConfig): number {
  const base = cfg.intervalMs;
  return hasOpenIncident(v) ? Math.min(base, cfg.fastIntervalMs) : base;
}

export function nextDueAfterSuccess(
  v: VendorRuntime,
  startedAt: number,
  cfg: ScheduleConfig,
  random: () => number,
): number {
  const interval = intervalFor(v, cfg);
  // Phase-locked: the next poll is one interval after the last due time, so a slow pool or a slow
  // read does not drift the schedule; never sooner than an interval after the last request started.
  let next = Math.max(v.dueAt + interval, startedAt + interval);
  if (v.polls === 1) {
    // After the first read, spread vendors across part of the interval so they don't fire together.
    next += Math.floor(random() * Math.min(interval * 0.25, 15_000));
  }
  return next;
}

export function nextDueAfterFailure(
  v: VendorRuntime,
  at: { startedAt: number; now: number; retryAfterMs: number; offline: boolean },
  cfg: ScheduleConfig,
  random: () => number,
): number {
  const interval = cfg.intervalMs;
  let delay = interval;
  // The machine being offline is not the vendor's fault: keep polling at the normal pace to notice the return.
  if (!(at.offline && isNetworkError(v.lastError))) {
    const exp = Math.min(v.failures - 1, 16);
    delay = Math.min(interval * 2 ** exp, Math.max(cfg.maxBackoffMs, interval));
    if (v.failures > 1) delay = delay * (1 + random() * 0.25);
  }
  let next = Math.max(at.startedAt + delay, v.dueAt + delay);
  if (at.retryAfterMs > 0) next = Math.max(next, at.now + at.retryAfterMs);
  return Math.round(next);
}

/** Polls due within this share of the interval after the earliest one wait for the last of them: one wake-up. */
export const COALESCE_SHARE = 1 / 20;
/** …and never more than this late. */
export const MAX_COALESCE_MS = 3_000;

/** How late a poll may start so that it shares a wake-up with others due close to it. */
export function coalesceWindowMs(intervalMs: number): number {
  return Math.min(intervalMs * COALESCE_SHARE, MAX_COALESCE_MS);
}

/**
 * When to wake for the next polls: at the earliest due time, or, when other polls fall due within
 * `windowMs` after it, at the last of those, so that they start together in one wake-up instead of one
 * each. A poll thus starts at most `windowMs` late and never early; the vendors woken together are due
 * together from then on (each next poll is an interval after its start), so the groups hold.
 * Infinity when nothing is due.
 */
export function coalescedWakeAt(dueTimes: readonly number[], windowMs: number): number {
  let earliest = Infinity;
  for (const t of dueTimes) if (t < earliest) earliest = t;
  if (earliest === Infinity) return Infinity;
  let wake = earliest;
  for (const t of dueTimes) if (t > wake && t <= earliest + windowMs) wake = t;
  return wake;
}

// Flap damping: a subject that goes back and forth is held back until it settles, and said once.
import type { MonitorEvent } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import { eventSeverity, type PolicyTiming } from './config';
import { vendorKey } from './state';
import { limitTitle } from './text';

export function flappingNotice(e: MonitorEvent, now: number): AppNotification {
  const vid = vendorKey(e);
  const what =
    e.type === 'component_status_changed'
      ? `${e.group ? `${e.group} / ` : ''}${e.component} keeps changing status`
      : 'Status keeps changing';
  return {
    key: `flap|${vid}|${now}`,
    title: limitTitle(`${e.vendor} — flapping: ${what}`),
    body: 'Further changes are held back until it settles.',
    severity: eventSeverity(e),
    target: { vendorId: vid },
    at: new Date(now).toISOString(),
  };
}

/** Oscillation: the most round trips (A→B→A) between any one pair of states among the changes. */
export function roundTrips(changes: Array<{ at: number; from: string; to: string }>): number {
  const moves = new Map<string, number>();
  for (const c of changes) {
    const pair = c.from < c.to ? `${c.from}>${c.to}` : `${c.to}>${c.from}`;
    moves.set(pair, (moves.get(pair) ?? 0) + 1);
  }
  let most = 0;
  for (const n of moves.values()) most = Math.max(most, Math.floor(n / 2));
  return most;
}

/**
 * How long an oscillating subject must hold still to count as settled: the longest gap
 * between its recent changes twice over (one late poll is not a settling), at least the coalescing window, at most a third of the flap window.
 */
export function settleTime(changes: Array<{ at: number }>, timing: PolicyTiming): number {
  let gap = 0;
  for (let i = 1; i < changes.length; i++) gap = Math.max(gap, changes[i]!.at - changes[i - 1]!.at);
  return Math.min(Math.max(2 * gap, timing.coalesceMs), timing.flapWindowMs / 3);
}

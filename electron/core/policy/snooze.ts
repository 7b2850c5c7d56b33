// Snoozing a vendor: for an hour, until tomorrow morning, or until its incident ends.
import type { PolicyState } from './state';

export function isSnoozed(state: PolicyState, vendorId: string, now: number): boolean {
  const s = state.snoozes[vendorId];
  return s !== undefined && now < s.until;
}

/** Snooze a vendor: 1 h, until tomorrow (08:00 local), until its incident ends, or off. */
export function snooze(
  state: PolicyState,
  vendorId: string,
  choice: '1h' | 'tomorrow' | 'incident' | 'off',
  now: number,
): PolicyState {
  const next = { ...state, snoozes: { ...state.snoozes } };
  if (choice === 'off') delete next.snoozes[vendorId];
  else if (choice === '1h') next.snoozes[vendorId] = { until: now + 3600_000 };
  else if (choice === 'tomorrow') {
    const d = new Date(now);
    d.setDate(d.getDate() + 1);
    d.setHours(8, 0, 0, 0);
    next.snoozes[vendorId] = { until: d.getTime() };
  } else next.snoozes[vendorId] = { until: now + 7 * 24 * 3600_000, untilOperational: true };
  return next;
}

/** When a vendor's snooze ends (ms), null when not snoozed. */
export function snoozedUntil(state: PolicyState, vendorId: string, now: number): number | null {
  const s = state.snoozes[vendorId];
  return s && now < s.until ? s.until : null;
}

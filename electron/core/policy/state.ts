// The notification policy's own small persisted state: what it has announced, what waits, what it holds,
// and the bounds that keep all of it small however much a page publishes.
import type { MonitorEvent } from '../../../shared/model';
import type { PolicyTiming } from './config';
import type { PolicyGroup } from './group-policy';

/** Until a time; "until this incident ends" also ends when the vendor is operational again (at most a week). */
export interface Snooze {
  until: number;
  untilOperational?: boolean;
}

/**
 * A vendor held back because a subject oscillates. It settles once nothing has changed for longer than
 * the oscillation's own longest gap (`settleMs`), and the user hears it then, not after a fixed hold.
 */
export interface FlapEpisode {
  lastChangeAt: number;
  settleMs: number;
  last: Record<string, MonitorEvent>;
}

/** Bounds that keep a storm of events one vendor's problem (see DESIGN.md, "Bounded everywhere"). */
export const POLICY_LIMITS = {
  /** Events of one vendor waiting in the coalescing window; past it they are counted, not kept. */
  pendingPerVendor: 50,
  /** Events waiting over all vendors. */
  pending: 1_000,
  /** Events held for a digest (quiet hours, offline). */
  held: 2_000,
  /** Remembered subjects, over all vendors and per vendor. */
  seen: 5_000,
  seenPerVendor: 500,
  /** Characters of a subject key kept (ids come from status pages). */
  subjectChars: 200,
  /** Characters of a page's text (incident title, component name) kept in a waiting event. */
  textChars: 300,
} as const;

export interface HeldEvent {
  event: MonitorEvent;
  /** When it entered the policy. */
  at: number;
}

/** JSON-serializable; persisted so that nothing is announced twice across restarts. */
export interface PolicyState {
  version: 1;
  /** Subject → last state seen and when (e.g. "k|c|c1" → "major_outage"). */
  seen: Record<string, { value: string; at: number }>;
  /** Waiting for the coalescing window to close. */
  pending: HeldEvent[];
  /** Held for a digest (quiet hours, offline catch-up). */
  held: HeldEvent[];
  heldReason: 'quiet' | 'offline' | null;
  /** Recent changes per subject, for flap damping. */
  changes: Record<string, Array<{ at: number; from: string; to: string }>>;
  /** Vendor id → its flapping episode; the latest status event per subject is kept to say where it settled. */
  flapping: Record<string, FlapEpisode>;
  /** Vendor id → events past the per-vendor bound, summarised in its next notification. */
  overflow: Record<string, { vendor: string; count: number }>;
  offlineSince: number | null;
  catchUpUntil: number | null;
  snoozes: Record<string, Snooze>;
  /** The group of vendors failing together being told, if any (absent in states written before groups). */
  group?: PolicyGroup | null;
  /** Vendor id → when it last got worse, for holding a vendor's news a little while a group may form. */
  worsened?: Record<string, number>;
}

export function initialPolicyState(): PolicyState {
  return {
    version: 1,
    seen: {},
    pending: [],
    held: [],
    heldReason: null,
    changes: {},
    flapping: {},
    overflow: {},
    offlineSince: null,
    catchUpUntil: null,
    snoozes: {},
    group: null,
    worsened: {},
  };
}

export function vendorKey(e: MonitorEvent): string {
  return e.vendorId ?? e.vendor;
}

/** The thing an event is about, and the state it puts it in: a repeat of the same state is no news. */
export function subjectOf(e: MonitorEvent): { subject: string; value: string } | null {
  const s = rawSubjectOf(e);
  if (s && s.subject.length > POLICY_LIMITS.subjectChars)
    s.subject = s.subject.slice(0, POLICY_LIMITS.subjectChars);
  return s;
}

export function rawSubjectOf(e: MonitorEvent): { subject: string; value: string } | null {
  const v = vendorKey(e);
  switch (e.type) {
    case 'vendor_status_changed':
      return { subject: `${v}|v`, value: e.to };
    case 'component_status_changed':
      return { subject: `${v}|c|${e.componentId ?? `${e.group ?? ''}/${e.component}`}`, value: e.to };
    case 'incident_opened':
    case 'maintenance_started':
      return { subject: `${v}|i|${e.incident.id}`, value: 'open' };
    case 'incident_updated':
      return { subject: `${v}|i|${e.incident.id}`, value: `open:${e.incident.status}` };
    case 'incident_resolved':
    case 'maintenance_completed':
      return { subject: `${v}|i|${e.incident.id}`, value: 'closed' };
    case 'vendor_unreachable':
    case 'vendor_recovered':
    case 'incidents_summarised':
    case 'components_summarised':
      return null;
  }
}

/** The event with a page's text cut to a length, so that what waits (and is saved) is bounded in bytes. */
export function compact(e: MonitorEvent): MonitorEvent {
  const max = POLICY_LIMITS.textChars;
  if ('incident' in e && e.incident.title.length > max)
    return { ...e, incident: { ...e.incident, title: `${e.incident.title.slice(0, max - 1)}…` } };
  if (e.type === 'component_status_changed' && (e.component.length > max || (e.group?.length ?? 0) > max))
    return {
      ...e,
      component: e.component.slice(0, max),
      group: e.group === null ? null : e.group.slice(0, max),
    };
  return e;
}

/** A state written by an older version (or by hand) in the shape this one works with. */
export function normalize(state: PolicyState): PolicyState {
  state.overflow ??= {};
  state.flapping ??= {};
  for (const [vid, f] of Object.entries(state.flapping) as Array<[string, unknown]>) {
    const old = f as { until?: number; last?: unknown; lastChangeAt?: number; settleMs?: number };
    if (typeof old.lastChangeAt !== 'number' || typeof old.settleMs !== 'number' || Array.isArray(old.last)) {
      const last: Record<string, MonitorEvent> = {};
      if (Array.isArray(old.last))
        for (const e of old.last as MonitorEvent[]) last[subjectOf(e)?.subject ?? vendorKey(e)] = e;
      state.flapping[vid] = { lastChangeAt: old.until ?? 0, settleMs: 0, last };
    }
  }
  return state;
}

export function prune(state: PolicyState, now: number, timing: PolicyTiming): void {
  const seen = Object.entries(state.seen);
  const fresh = seen.filter(([, v]) => now - v.at < timing.rememberMs);
  if (fresh.length !== seen.length || fresh.length > POLICY_LIMITS.seen) {
    // Newest first; one vendor's flood of subjects may not push out what the others remember.
    fresh.sort((a, b) => b[1].at - a[1].at);
    const perVendor = new Map<string, number>();
    const kept: Array<[string, { value: string; at: number }]> = [];
    for (const entry of fresh) {
      const vid = entry[0].slice(0, entry[0].indexOf('|'));
      const n = perVendor.get(vid) ?? 0;
      if (n >= POLICY_LIMITS.seenPerVendor) continue;
      perVendor.set(vid, n + 1);
      kept.push(entry);
      if (kept.length >= POLICY_LIMITS.seen) break;
    }
    state.seen = Object.fromEntries(kept);
  }
  for (const [k, changes] of Object.entries(state.changes)) {
    const recent = changes.filter((c) => now - c.at < timing.flapWindowMs);
    if (recent.length) state.changes[k] = recent;
    else delete state.changes[k];
  }
  for (const [vid, s] of Object.entries(state.snoozes)) if (now >= s.until) delete state.snoozes[vid];
  // A digest must never grow without bound while the machine stays offline for days.
  if (state.held.length > POLICY_LIMITS.held) state.held = state.held.slice(-POLICY_LIMITS.held);
}

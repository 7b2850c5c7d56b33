// The notification policy: a pure function over monitor Events, the user's settings, its own small
// persisted state and the time → the notifications to show, and the new state. It decides what is worth
// interrupting a person for: per-vendor levels, snoozes, minimum severity, coalescing, cross-vendor
// digests, flap damping, quiet hours, an offline catch-up digest, and never the same thing twice. Its work is
// linear in the events and everything it keeps is bounded, so one page publishing thousands of changing
// incidents is one vendor's problem.
import type { MonitorEvent, NotifyLevel } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import type { Settings } from '../../../shared/ipc';
import { impactToStatus, isOutage, severity, worstOf, type VendorStatus } from '../../../shared/status';
import { isWatchedComponent } from '../monitor/components';
import { digestText, limitTitle, vendorText } from './text';

export interface VendorPolicy {
  notify: NotifyLevel;
  /** Watched components ("Group/Component"): changes of the others never notify. */
  components?: string[];
  /** Changes below this severity never notify. */
  minSeverity?: VendorStatus;
}

export interface PolicyConfig {
  settings: Pick<Settings, 'notificationsEnabled' | 'quietHours' | 'pausedUntil'>;
  vendors: Record<string, VendorPolicy>;
  /** Minutes since local midnight of a time (injectable so tests don't depend on the machine's zone). */
  localMinutes?: (ms: number) => number;
  timing?: Partial<PolicyTiming>;
}

export interface PolicyTiming {
  /** Events of one vendor within this window become one notification. */
  coalesceMs: number;
  /** This many vendors in one flush become one digest. */
  digestVendors: number;
  /**
   * A subject going back and forth between the same two states this many times (A→B→A is one round
   * trip) within `flapWindowMs` is flapping; a walk up and down the scale (degraded → major → degraded →
   * operational) is one round trip per step and never is.
   */
  flapRoundTrips: number;
  flapWindowMs: number;
  /** After coming back online, events within this window go into the catch-up digest. */
  catchUpMs: number;
  /** Remembered announcements are forgotten after this long. */
  rememberMs: number;
}

export const DEFAULT_TIMING: PolicyTiming = {
  coalesceMs: 5_000,
  digestVendors: 3,
  flapRoundTrips: 3,
  flapWindowMs: 15 * 60_000,
  catchUpMs: 60_000,
  rememberMs: 90 * 24 * 3600_000,
};

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

interface HeldEvent {
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
  };
}

export interface PolicyInput {
  now: number;
  events?: MonitorEvent[];
  /** The monitor's offline state, when known. */
  offline?: boolean;
}

export interface PolicyResult {
  state: PolicyState;
  notifications: AppNotification[];
  /** Call again (with no events) at this time to flush what is waiting; null when nothing waits. */
  wakeAt: number | null;
}

// ---- helpers ---------------------------------------------------------------------------------------

function vendorKey(e: MonitorEvent): string {
  return e.vendorId ?? e.vendor;
}

/** The thing an event is about, and the state it puts it in: a repeat of the same state is no news. */
function subjectOf(e: MonitorEvent): { subject: string; value: string } | null {
  const s = rawSubjectOf(e);
  if (s && s.subject.length > POLICY_LIMITS.subjectChars)
    s.subject = s.subject.slice(0, POLICY_LIMITS.subjectChars);
  return s;
}

function rawSubjectOf(e: MonitorEvent): { subject: string; value: string } | null {
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

/** How bad the news is: the new status, or for a recovery the status it recovered from. */
export function eventSeverity(e: MonitorEvent): VendorStatus {
  switch (e.type) {
    case 'vendor_status_changed':
    case 'component_status_changed':
      return severity(e.to) >= severity(e.from) ? e.to : e.from;
    case 'incident_opened':
    case 'incident_updated':
    case 'incident_resolved':
      return impactToStatus(e.incident.impact);
    case 'maintenance_started':
    case 'maintenance_completed':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

function isStatusChange(e: MonitorEvent): boolean {
  return e.type === 'vendor_status_changed' || e.type === 'component_status_changed';
}

/** Whether the user asked to hear about this event at all (level, components, minimum severity). */
function wanted(e: MonitorEvent, vp: VendorPolicy | undefined): boolean {
  const policy = vp ?? { notify: 'all' };
  if (policy.notify === 'muted') return false;
  if (e.type === 'vendor_unreachable' || e.type === 'vendor_recovered') return false;
  if (e.type === 'component_status_changed') {
    if (!isWatchedComponent({ name: e.component, group: e.group, id: e.componentId }, policy.components))
      return false;
    if (e.to === 'unknown' || (e.from === 'unknown' && e.to === 'operational')) return false;
  }
  if (
    e.type === 'vendor_status_changed' &&
    (e.to === 'unknown' || (e.from === 'unknown' && e.to === 'operational'))
  ) {
    return false;
  }
  const sev = eventSeverity(e);
  if (policy.minSeverity && severity(sev) < severity(policy.minSeverity)) return false;
  if (policy.notify === 'outages') {
    if (
      e.type === 'incident_updated' ||
      e.type === 'maintenance_started' ||
      e.type === 'maintenance_completed'
    ) {
      return false;
    }
    if (isStatusChange(e)) {
      const { from, to } = e as { from: VendorStatus; to: VendorStatus };
      return isOutage(to) || isOutage(from);
    }
    return e.type === 'incident_opened' || e.type === 'incident_resolved' ? isOutage(sev) : false;
  }
  return true;
}

function inQuietHours(now: number, config: PolicyConfig): boolean {
  const q = config.settings.quietHours;
  if (!q.enabled) return false;
  const parse = (s: string): number | null => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(s);
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
  };
  const start = parse(q.start);
  const end = parse(q.end);
  if (start === null || end === null || start === end) return false;
  const minutes = (config.localMinutes ?? defaultLocalMinutes)(now);
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

function defaultLocalMinutes(ms: number): number {
  const d = new Date(ms);
  return d.getHours() * 60 + d.getMinutes();
}

function isSnoozed(state: PolicyState, vendorId: string, now: number): boolean {
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

// ---- the policy ------------------------------------------------------------------------------------

export function runPolicy(prev: PolicyState, input: PolicyInput, config: PolicyConfig): PolicyResult {
  const timing: PolicyTiming = { ...DEFAULT_TIMING, ...config.timing };
  const now = input.now;
  const state = normalize(structuredClone(prev));
  const out: AppNotification[] = [];

  // Offline transitions: going offline holds everything; coming back opens a catch-up window.
  if (input.offline === true && state.offlineSince === null) {
    state.offlineSince = now;
  } else if (input.offline === false && state.offlineSince !== null) {
    state.offlineSince = null;
    state.catchUpUntil = now + timing.catchUpMs;
  }

  // Quiet hours and the offline catch-up hold everything for one digest, flapping notices included.
  const holdReason: 'quiet' | 'offline' | null =
    state.offlineSince !== null || (state.catchUpUntil !== null && now < state.catchUpUntil)
      ? 'offline'
      : inQuietHours(now, config)
        ? 'quiet'
        : null;
  const hold = (event: MonitorEvent): void => {
    state.held.push({ event: compact(event), at: now });
    state.heldReason = state.heldReason ?? holdReason;
  };

  const globallyOff =
    !config.settings.notificationsEnabled ||
    (config.settings.pausedUntil !== null && now < Date.parse(config.settings.pausedUntil));

  // Counted once, so that each event costs the same however many wait (a storm stays linear).
  const pendingOf = new Map<string, number>();
  for (const h of state.pending)
    pendingOf.set(vendorKey(h.event), (pendingOf.get(vendorKey(h.event)) ?? 0) + 1);
  const enqueue = (event: MonitorEvent, vid: string): void => {
    const waiting = pendingOf.get(vid) ?? 0;
    if (waiting >= POLICY_LIMITS.pendingPerVendor || state.pending.length >= POLICY_LIMITS.pending) {
      const o = (state.overflow[vid] ??= { vendor: event.vendor, count: 0 });
      o.count++;
      if (waiting === 0) {
        // Nothing of this vendor waits to carry the count: keep this one event so it is told.
        state.pending.push({ event: compact(event), at: now });
        pendingOf.set(vid, 1);
      }
      return;
    }
    state.pending.push({ event: compact(event), at: now });
    pendingOf.set(vid, waiting + 1);
  };

  for (const event of input.events ?? []) {
    const vid = vendorKey(event);
    if (event.type === 'incidents_summarised' || event.type === 'components_summarised') {
      // The monitor counted what it did not tell one by one: add it to the vendor's next notification.
      if (globallyOff || isSnoozed(state, vid, now) || config.vendors[vid]?.notify === 'muted') continue;
      if ((pendingOf.get(vid) ?? 0) === 0) continue;
      const o = (state.overflow[vid] ??= { vendor: event.vendor, count: 0 });
      o.count += event.count;
      continue;
    }
    // Snooze "until this incident ends" ends when the vendor is operational again.
    const sz = state.snoozes[vid];
    if (sz?.untilOperational && event.type === 'vendor_status_changed' && event.to === 'operational') {
      delete state.snoozes[vid];
    } else if (sz && now >= sz.until) {
      delete state.snoozes[vid];
    }

    // Nothing twice: the same subject in the same state (e.g. after a restart) is not news.
    const subj = subjectOf(event);
    let isNews = true;
    if (subj) {
      const last = state.seen[subj.subject];
      if (last && last.value === subj.value) isNews = false;
      state.seen[subj.subject] = { value: subj.value, at: now };
      const { from, to } = event as { from?: string; to?: string };
      // Going stale (unknown) and back is about our view of the page, not the vendor flapping.
      if (isNews && isStatusChange(event) && from !== 'unknown' && to !== 'unknown' && from && to) {
        const recent = (state.changes[subj.subject] ?? []).filter((c) => now - c.at < timing.flapWindowMs);
        recent.push({ at: now, from, to });
        state.changes[subj.subject] = recent;
        const flap = state.flapping[vid];
        if (flap) {
          flap.lastChangeAt = now;
          flap.settleMs = Math.max(flap.settleMs, settleTime(recent, timing));
          flap.last[subj.subject] = compact(event);
          continue;
        }
        if (roundTrips(recent) >= timing.flapRoundTrips) {
          state.flapping[vid] = {
            lastChangeAt: now,
            settleMs: settleTime(recent, timing),
            last: { [subj.subject]: compact(event) },
          };
          // One flapping notice replaces the back-and-forth still waiting to be sent.
          state.pending = state.pending.filter(
            (h) => !(vendorKey(h.event) === vid && isStatusChange(h.event)),
          );
          pendingOf.set(vid, state.pending.filter((h) => vendorKey(h.event) === vid).length);
          if (!globallyOff && wanted(event, config.vendors[vid]) && !isSnoozed(state, vid, now)) {
            if (holdReason !== null) hold(event);
            else out.push(flappingNotice(event, now));
          }
          continue;
        }
      }
    }
    if (!isNews) continue;
    const flap = state.flapping[vid];
    if (flap && isStatusChange(event)) {
      // The vendor's own status follows the oscillating component: kept for the settling word.
      if (subj) flap.last[subj.subject] = compact(event);
      continue;
    }
    if (globallyOff || isSnoozed(state, vid, now) || !wanted(event, config.vendors[vid])) continue;
    enqueue(event, vid);
  }

  // Flapping ends once it has held still longer than it ever did while oscillating: say where it settled.
  for (const [vid, flap] of Object.entries(state.flapping)) {
    if (now < flap.lastChangeAt + flap.settleMs) continue;
    delete state.flapping[vid];
    for (const k of Object.keys(state.changes)) if (k.startsWith(`${vid}|`)) delete state.changes[k];
    const settled = Object.values(flap.last).filter((e) => wanted(e, config.vendors[vid]));
    if (settled.length && !globallyOff && !isSnoozed(state, vid, now)) {
      if (holdReason !== null) {
        settled.forEach(hold);
        continue;
      }
      const n = vendorText(settled);
      out.push({
        ...n,
        key: `settled|${vid}|${now}`,
        title: limitTitle(`${n.title} (stopped flapping)`),
        at: iso(now),
      });
    }
  }

  // Coalescing window closed for a vendor → it is sent, or held for a digest.
  const ready = new Map<string, HeldEvent[]>();
  const stillPending: HeldEvent[] = [];
  const firstAt = new Map<string, number>();
  for (const h of state.pending) {
    const vid = vendorKey(h.event);
    firstAt.set(vid, Math.min(firstAt.get(vid) ?? Infinity, h.at));
  }
  for (const h of state.pending) {
    const vid = vendorKey(h.event);
    if (holdReason !== null || now - firstAt.get(vid)! >= timing.coalesceMs) {
      if (holdReason !== null) hold(h.event);
      else {
        const list = ready.get(vid);
        if (list) list.push(h);
        else ready.set(vid, [h]);
      }
    } else stillPending.push(h);
  }
  state.pending = stillPending;
  const overflowOf = (vid: string): number => {
    const count = state.overflow[vid]?.count ?? 0;
    delete state.overflow[vid];
    return count;
  };

  if (ready.size >= timing.digestVendors) {
    const all: HeldEvent[] = [];
    for (const held of ready.values()) for (const h of held) all.push(h);
    for (const vid of ready.keys()) overflowOf(vid);
    out.push(digest(all, 'burst', now));
  } else {
    for (const [vid, held] of ready) {
      const n = vendorText(
        held.map((h) => h.event),
        overflowOf(vid),
      );
      out.push({ ...n, key: `n|${vid}|${firstAt.get(vid)}`, at: iso(now) });
    }
  }

  // The digest of what was held, once quiet hours and the catch-up window are over.
  if (holdReason === null && state.held.length) {
    out.push(digest(state.held, state.heldReason ?? 'quiet', now));
    state.held = [];
    state.heldReason = null;
  }
  if (state.catchUpUntil !== null && now >= state.catchUpUntil) state.catchUpUntil = null;

  prune(state, now, timing);
  return { state, notifications: out, wakeAt: nextWake(state, now, timing) };
}

/** The event with a page's text cut to a length, so that what waits (and is saved) is bounded in bytes. */
function compact(e: MonitorEvent): MonitorEvent {
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
function normalize(state: PolicyState): PolicyState {
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

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function flappingNotice(e: MonitorEvent, now: number): AppNotification {
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
    at: iso(now),
  };
}

function digest(held: HeldEvent[], reason: 'quiet' | 'offline' | 'burst', now: number): AppNotification {
  const byVendor = new Map<string, MonitorEvent[]>();
  for (const h of held) {
    const list = byVendor.get(vendorKey(h.event));
    if (list) list.push(h.event);
    else byVendor.set(vendorKey(h.event), [h.event]);
  }
  const text = digestText(byVendor, reason);
  const sev = worstOf([...held.map((h) => eventSeverity(h.event)), 'operational']);
  const onlyVendor = byVendor.size === 1 ? [...byVendor.keys()][0]! : null;
  return {
    key: `digest|${reason}|${now}`,
    title: text.title,
    body: text.body,
    severity: sev,
    target: onlyVendor ? { vendorId: onlyVendor } : null,
    at: iso(now),
  };
}

function prune(state: PolicyState, now: number, timing: PolicyTiming): void {
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

function nextWake(state: PolicyState, now: number, timing: PolicyTiming): number | null {
  const times: number[] = [];
  for (const h of state.pending) times.push(h.at + timing.coalesceMs);
  for (const f of Object.values(state.flapping)) times.push(f.lastChangeAt + f.settleMs);
  if (state.catchUpUntil !== null) times.push(state.catchUpUntil);
  if (state.held.length && state.offlineSince === null && state.catchUpUntil === null) {
    // Held for quiet hours (else it was sent in this run): look again each minute until they end.
    times.push(now + 60_000);
  }
  // Always strictly later than now, so a caller looping on wake-ups always moves forward.
  let soonest = Infinity;
  for (const t of times) soonest = Math.min(soonest, t);
  return times.length ? Math.max(now + 1, soonest) : null;
}

/** Oscillation: the most round trips (A→B→A) between any one pair of states among the changes. */
function roundTrips(changes: Array<{ at: number; from: string; to: string }>): number {
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
function settleTime(changes: Array<{ at: number }>, timing: PolicyTiming): number {
  let gap = 0;
  for (let i = 1; i < changes.length; i++) gap = Math.max(gap, changes[i]!.at - changes[i - 1]!.at);
  return Math.min(Math.max(2 * gap, timing.coalesceMs), timing.flapWindowMs / 3);
}

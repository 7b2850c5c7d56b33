// The notification policy: a pure function over monitor Events, the user's settings, its own small
// persisted state and the time → the notifications to show, and the new state. It decides what is worth
// interrupting a person for: per-vendor levels, snoozes, minimum severity, coalescing, cross-vendor
// digests, flap damping, quiet hours, an offline catch-up digest, and never the same thing twice.
import type { MonitorEvent, NotifyLevel } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import type { Settings } from '../../../shared/ipc';
import { impactToStatus, isOutage, severity, worstOf, type VendorStatus } from '../../../shared/status';
import { isWatchedComponent } from '../monitor/components';
import { digestText, vendorText } from './text';

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
  /** A subject returning this many times to a state it had within `flapWindowMs` is flapping. */
  flapReturns: number;
  flapWindowMs: number;
  /** After coming back online, events within this window go into the catch-up digest. */
  catchUpMs: number;
  /** Remembered announcements are forgotten after this long. */
  rememberMs: number;
}

export const DEFAULT_TIMING: PolicyTiming = {
  coalesceMs: 5_000,
  digestVendors: 3,
  flapReturns: 2,
  flapWindowMs: 15 * 60_000,
  catchUpMs: 60_000,
  rememberMs: 90 * 24 * 3600_000,
};

/** Until a time; "until this incident ends" also ends when the vendor is operational again (at most a week). */
export interface Snooze {
  until: number;
  untilOperational?: boolean;
}

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
  /** Vendor id → flapping until (ms); the latest status events of the vendor are kept for the end. */
  flapping: Record<string, { until: number; last: MonitorEvent[] }>;
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
  const state: PolicyState = structuredClone(prev);
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
    state.held.push({ event, at: now });
    state.heldReason = state.heldReason ?? holdReason;
  };

  const globallyOff =
    !config.settings.notificationsEnabled ||
    (config.settings.pausedUntil !== null && now < Date.parse(config.settings.pausedUntil));

  for (const event of input.events ?? []) {
    const vid = vendorKey(event);
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
      if (isStatusChange(event) && from !== 'unknown' && to !== 'unknown' && from && to) {
        const recent = (state.changes[subj.subject] ?? []).filter((c) => now - c.at < timing.flapWindowMs);
        recent.push({ at: now, from, to });
        state.changes[subj.subject] = recent;
        if (returnsInWindow(recent) >= timing.flapReturns) {
          const flap = state.flapping[vid];
          if (!flap) {
            state.flapping[vid] = { until: now + timing.flapWindowMs, last: [event] };
            // One flapping notice replaces the back-and-forth still waiting to be sent.
            state.pending = state.pending.filter(
              (h) => !(vendorKey(h.event) === vid && isStatusChange(h.event)),
            );
            if (!globallyOff && wanted(event, config.vendors[vid]) && !isSnoozed(state, vid, now)) {
              if (holdReason !== null) hold(event);
              else out.push(flappingNotice(event, now));
            }
            continue;
          }
        }
      }
    }
    if (!isNews) continue;
    const flap = state.flapping[vid];
    if (flap && isStatusChange(event)) {
      flap.until = Math.max(flap.until, now + timing.flapWindowMs / 3);
      flap.last = [...flap.last.filter((e) => subjectOf(e)?.subject !== subj?.subject), event];
      continue;
    }
    if (globallyOff || isSnoozed(state, vid, now) || !wanted(event, config.vendors[vid])) continue;
    state.pending.push({ event, at: now });
  }

  // Flapping ends: say once where it settled, if that is a change worth telling.
  for (const [vid, flap] of Object.entries(state.flapping)) {
    if (now < flap.until) continue;
    delete state.flapping[vid];
    for (const k of Object.keys(state.changes)) if (k.startsWith(`${vid}|`)) delete state.changes[k];
    const settled = flap.last.filter((e) => wanted(e, config.vendors[vid]));
    if (settled.length && !globallyOff && !isSnoozed(state, vid, now)) {
      if (holdReason !== null) {
        settled.forEach(hold);
        continue;
      }
      const n = vendorText(settled);
      out.push({ ...n, key: `settled|${vid}|${now}`, title: `${n.title} (stopped flapping)`, at: iso(now) });
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
      else ready.set(vid, [...(ready.get(vid) ?? []), h]);
    } else stillPending.push(h);
  }
  state.pending = stillPending;

  if (ready.size >= timing.digestVendors) {
    out.push(digest([...ready.values()].flat(), 'burst', now));
  } else {
    for (const [vid, held] of ready) {
      const n = vendorText(held.map((h) => h.event));
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
    title: `${e.vendor} — flapping: ${what}`,
    body: 'Further changes are held back until it settles.',
    severity: eventSeverity(e),
    target: { vendorId: vid },
    at: iso(now),
  };
}

function digest(held: HeldEvent[], reason: 'quiet' | 'offline' | 'burst', now: number): AppNotification {
  const byVendor = new Map<string, MonitorEvent[]>();
  for (const h of held)
    byVendor.set(vendorKey(h.event), [...(byVendor.get(vendorKey(h.event)) ?? []), h.event]);
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
  const limit = 20_000;
  const fresh = seen.filter(([, v]) => now - v.at < timing.rememberMs);
  if (fresh.length !== seen.length || fresh.length > limit) {
    fresh.sort((a, b) => b[1].at - a[1].at);
    state.seen = Object.fromEntries(fresh.slice(0, limit));
  }
  for (const [k, changes] of Object.entries(state.changes)) {
    const recent = changes.filter((c) => now - c.at < timing.flapWindowMs);
    if (recent.length) state.changes[k] = recent;
    else delete state.changes[k];
  }
  for (const [vid, s] of Object.entries(state.snoozes)) if (now >= s.until) delete state.snoozes[vid];
  // A digest must never grow without bound while the machine stays offline for days.
  if (state.held.length > 2000) state.held = state.held.slice(-2000);
}

function nextWake(state: PolicyState, now: number, timing: PolicyTiming): number | null {
  const times: number[] = [];
  for (const h of state.pending) times.push(h.at + timing.coalesceMs);
  for (const f of Object.values(state.flapping)) times.push(f.until);
  if (state.catchUpUntil !== null) times.push(state.catchUpUntil);
  if (state.held.length && state.offlineSince === null && state.catchUpUntil === null) {
    // Held for quiet hours (else it was sent in this run): look again each minute until they end.
    times.push(now + 60_000);
  }
  // Always strictly later than now, so a caller looping on wake-ups always moves forward.
  return times.length ? Math.max(now + 1, Math.min(...times)) : null;
}

/** Back and forth: how many changes in the window return to a state the subject already had in it. */
function returnsInWindow(changes: Array<{ at: number; from: string; to: string }>): number {
  if (!changes.length) return 0;
  const seq = [changes[0]!.from, ...changes.map((c) => c.to)];
  let returns = 0;
  for (let i = 1; i < seq.length; i++) if (seq.slice(0, i - 1).includes(seq[i]!)) returns++;
  return returns;
}

// The notification policy: a pure function over monitor Events, the user's settings, its own small
// persisted state and the time → the notifications to show, and the new state. It decides what is worth
// interrupting a person for: per-vendor levels, snoozes, minimum severity, coalescing, cross-vendor
// digests, flap damping, quiet hours, an offline catch-up digest, and never the same thing twice. Its work is
// linear in the events and everything it keeps is bounded, so one page publishing thousands of changing
// incidents is one vendor's problem.
import type { MonitorEvent, SharedCauseEvent } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import { worstOf } from '../../../shared/status';
import {
  defaultLocalMinutes,
  DEFAULT_TIMING,
  eventSeverity,
  inQuietHours,
  isStatusChange,
  wanted,
  type PolicyConfig,
  type PolicyTiming,
} from './config';
import { flappingNotice, roundTrips, settleTime } from './flapping';
import { flushGroup, holdForGroup, inGroup, noteWorse, quietedByAck, takeGroupEvents } from './group-policy';
import { isSnoozed } from './snooze';
import {
  compact,
  normalize,
  POLICY_LIMITS,
  prune,
  subjectOf,
  vendorKey,
  type HeldEvent,
  type PolicyState,
} from './state';
import { digestText, limitTitle, vendorText } from './text';

export {
  DEFAULT_TIMING,
  eventSeverity,
  type PolicyConfig,
  type PolicyTiming,
  type VendorPolicy,
} from './config';
export { snooze, snoozedUntil } from './snooze';
export { initialPolicyState, POLICY_LIMITS, type FlapEpisode, type PolicyState, type Snooze } from './state';

export interface PolicyInput {
  now: number;
  events?: MonitorEvent[];
  /** The grouping's events of the same moment (several vendors failing together). */
  groups?: readonly SharedCauseEvent[];
  /** The monitor's offline state, when known. */
  offline?: boolean;
}

export interface PolicyResult {
  state: PolicyState;
  notifications: AppNotification[];
  /** Call again (with no events) at this time to flush what is waiting; null when nothing waits. */
  wakeAt: number | null;
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

  // A group tells its vendors' news: what of theirs still waits is dropped (outside quiet hours, whose
  // digest already tells everything at once).
  const covered = takeGroupEvents(state, input.groups ?? [], now);
  if (covered.size && holdReason === null) {
    state.pending = state.pending.filter((h) => !covered.has(vendorKey(h.event)));
    for (const vid of covered) pendingOf.delete(vid);
  }

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
    noteWorse(state, event, now, timing);
    if (holdReason === null && inGroup(state, vid)) continue;
    if (quietedByAck(event, config.acks)) continue;
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
  // A vendor that got worse just after another waits a little, in case a group is forming.
  const waitingFor = new Map<string, MonitorEvent[]>();
  for (const h of state.pending) {
    const vid = vendorKey(h.event);
    const list = waitingFor.get(vid);
    if (list) list.push(h.event);
    else waitingFor.set(vid, [h.event]);
  }
  const heldForGroup = new Set<string>();
  const extraWakes: number[] = [];
  if (holdReason === null) {
    for (const [vid, events] of waitingFor) {
      const first = firstAt.get(vid)!;
      if (now - first >= timing.coalesceMs && holdForGroup(state, vid, events, first, now, timing)) {
        heldForGroup.add(vid);
        extraWakes.push(first + timing.groupHoldMs);
      }
    }
  }
  for (const h of state.pending) {
    const vid = vendorKey(h.event);
    if (heldForGroup.has(vid)) stillPending.push(h);
    else if (holdReason !== null || now - firstAt.get(vid)! >= timing.coalesceMs) {
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

  const groupNotice = flushGroup(state, now, timing.coalesceMs, {
    silenced: globallyOff || holdReason !== null,
    acks: config.acks,
    wantsVendor: (vid) => !isSnoozed(state, vid, now) && config.vendors[vid]?.notify !== 'muted',
    clock: (at) => {
      const m = (config.localMinutes ?? defaultLocalMinutes)(Date.parse(at));
      return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    },
  });
  if (groupNotice) out.push(groupNotice);

  // The digest of what was held, once quiet hours and the catch-up window are over.
  if (holdReason === null && state.held.length) {
    out.push(digest(state.held, state.heldReason ?? 'quiet', now));
    state.held = [];
    state.heldReason = null;
  }
  if (state.catchUpUntil !== null && now >= state.catchUpUntil) state.catchUpUntil = null;

  prune(state, now, timing);
  return { state, notifications: out, wakeAt: nextWake(state, now, timing, extraWakes) };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
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

function nextWake(state: PolicyState, now: number, timing: PolicyTiming, extra: number[]): number | null {
  const times: number[] = [...extra];
  // A vendor held for a group past its coalescing window wakes at its hold's end (in `extra`).
  for (const h of state.pending) if (h.at + timing.coalesceMs > now) times.push(h.at + timing.coalesceMs);
  const groupWaits = state.group?.waitingSince;
  if (typeof groupWaits === 'number') times.push(groupWaits + timing.coalesceMs);
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

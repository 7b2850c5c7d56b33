// Grouping: when several watched vendors get worse within a short window, they are one story — a group
// that opens, changes as vendors join or recover, and closes when all have recovered. Pure: the monitor's
// events and the time come in, the group's events (shared_cause_*) come out. The cause is asked of a
// function, so that what it reads (snapshots, a provider's page) stays outside.
import type { MonitorEvent, SharedCause, SharedCauseEvent } from '../../../shared/model';
import { isOutage, severity, type VendorStatus } from '../../../shared/status';

export interface GroupingConfig {
  /** This many vendors getting worse within `windowMs` are a group (the possible cause counted). */
  minVendors: number;
  windowMs: number;
}

export const DEFAULT_GROUPING: GroupingConfig = { minVendors: 3, windowMs: 10 * 60_000 };

/** Vendors remembered as recently worse, at most (a watchlist of thousands stays cheap). */
export const GROUPING_LIMITS = { recent: 2_000, members: 500 } as const;

export interface GroupMember {
  id: string;
  name: string;
  recovered: boolean;
}

export interface OpenGroup {
  id: string;
  since: number;
  /** The last time a vendor joined: a vendor joins only within the window of it. */
  lastJoinAt: number;
  members: GroupMember[];
  cause: SharedCause | null;
}

/** JSON-serializable. */
export interface GroupingState {
  version: 1;
  /** Vendor id → when it last got worse, and its name. */
  recent: Record<string, { at: number; name: string }>;
  open: OpenGroup | null;
}

export function initialGroupingState(): GroupingState {
  return { version: 1, recent: {}, open: null };
}

export interface GroupingInput {
  now: number;
  events: readonly MonitorEvent[];
  /** The possible cause of these vendors' trouble, with evidence, or null (never a guess). */
  causeOf: (members: ReadonlyArray<{ id: string; name: string }>, since: number) => SharedCause | null;
}

export interface GroupingResult {
  state: GroupingState;
  events: SharedCauseEvent[];
}

/** Newly in trouble: from fine (or maintenance) to degraded or worse. Unknown is our view, not the vendor. */
export function gotWorse(from: VendorStatus, to: VendorStatus): boolean {
  return (from === 'operational' || from === 'maintenance') && severity(to) >= severity('degraded');
}

function recovered(from: VendorStatus, to: VendorStatus): boolean {
  return (to === 'operational' || to === 'maintenance') && severity(from) >= severity('degraded');
}

export function stepGrouping(
  prev: GroupingState,
  input: GroupingInput,
  config: GroupingConfig,
): GroupingResult {
  const { now } = input;
  const state: GroupingState = structuredClone(prev);
  let changed = false;
  let opened = false;
  for (const e of input.events) {
    if (e.type !== 'vendor_status_changed') continue;
    const vid = e.vendorId ?? e.vendor;
    const member = state.open?.members.find((m) => m.id === vid);
    if (gotWorse(e.from, e.to)) {
      state.recent[vid] = { at: now, name: e.vendor };
      if (member) {
        if (member.recovered) {
          member.recovered = false;
          changed = true;
        }
      } else if (
        state.open &&
        now - state.open.lastJoinAt <= config.windowMs &&
        state.open.members.length < GROUPING_LIMITS.members &&
        state.open.cause?.vendorId !== vid
      ) {
        state.open.members.push({ id: vid, name: e.vendor, recovered: false });
        state.open.lastJoinAt = now;
        changed = true;
      }
    } else if (recovered(e.from, e.to)) {
      delete state.recent[vid];
      if (member && !member.recovered) {
        member.recovered = true;
        changed = true;
      }
    } else if (member && isOutage(e.to) !== isOutage(e.from)) {
      changed = true;
    }
  }
  for (const [vid, r] of Object.entries(state.recent))
    if (now - r.at > config.windowMs) delete state.recent[vid];
  const recentIds = Object.keys(state.recent);
  if (recentIds.length > GROUPING_LIMITS.recent) {
    recentIds
      .sort((a, b) => state.recent[a]!.at - state.recent[b]!.at)
      .slice(0, recentIds.length - GROUPING_LIMITS.recent)
      .forEach((vid) => delete state.recent[vid]);
  }

  if (!state.open && Object.keys(state.recent).length >= config.minVendors) {
    const entries = Object.entries(state.recent).sort((a, b) => a[1].at - b[1].at);
    const since = entries[0]![1].at;
    const all = entries.map(([id, r]) => ({ id, name: r.name }));
    const cause = input.causeOf(all, since);
    // The upstream is the cause, not one of the vendors in trouble.
    const members = all.filter((m) => m.id !== cause?.vendorId).slice(0, GROUPING_LIMITS.members);
    if (members.length >= 2) {
      state.open = {
        id: `g-${since}`,
        since,
        lastJoinAt: now,
        members: members.map((m) => ({ ...m, recovered: false })),
        cause,
      };
      opened = true;
    }
  } else if (state.open && changed) {
    const cause = input.causeOf(
      state.open.members.map(({ id, name }) => ({ id, name })),
      state.open.since,
    );
    if (cause?.vendorId === undefined || !state.open.members.some((m) => m.id === cause.vendorId)) {
      state.open.cause = cause;
    }
  }

  const events: SharedCauseEvent[] = [];
  const g = state.open;
  if (g && (opened || changed)) {
    const closed = g.members.every((m) => m.recovered);
    events.push(
      groupEvent(
        opened ? 'shared_cause_opened' : closed ? 'shared_cause_closed' : 'shared_cause_updated',
        g,
        now,
      ),
    );
    if (closed) {
      for (const m of g.members) delete state.recent[m.id];
      state.open = null;
    }
  }
  return { state, events };
}

/** Re-reads the cause of the open group (e.g. after a provider's page was read): an update when it changed. */
export function refreshCause(prev: GroupingState, cause: SharedCause | null, now: number): GroupingResult {
  const g = prev.open;
  if (!g || JSON.stringify(g.cause) === JSON.stringify(cause)) return { state: prev, events: [] };
  const state = structuredClone(prev);
  state.open!.cause = cause;
  return { state, events: [groupEvent('shared_cause_updated', state.open!, now)] };
}

/**
 * A member read again after a restart (its first good read): recovered when its page now says it is fine,
 * which is an update of the group or, for the last one, its close. The monitor tells no change for a page
 * first read fine, so without this a group continued across a restart would never close.
 */
export function settleMember(
  prev: GroupingState,
  id: string,
  status: VendorStatus,
  now: number,
): GroupingResult {
  const member = prev.open?.members.find((m) => m.id === id);
  if (!member || member.recovered || !(status === 'operational' || status === 'maintenance'))
    return { state: prev, events: [] };
  const state = structuredClone(prev);
  const g = state.open!;
  g.members.find((m) => m.id === id)!.recovered = true;
  const closed = g.members.every((m) => m.recovered);
  const events = [groupEvent(closed ? 'shared_cause_closed' : 'shared_cause_updated', g, now)];
  if (closed) {
    for (const m of g.members) delete state.recent[m.id];
    state.open = null;
  }
  return { state, events };
}

export function groupEvent(type: SharedCauseEvent['type'], g: OpenGroup, now: number): SharedCauseEvent {
  const closing = type === 'shared_cause_closed';
  const inTrouble = closing ? g.members : g.members.filter((m) => !m.recovered);
  return {
    type,
    vendor: g.cause?.vendor ?? null,
    at: new Date(now).toISOString(),
    group: g.id,
    since: new Date(g.since).toISOString(),
    vendors: inTrouble.map((m) => m.name),
    vendorIds: inTrouble.map((m) => m.id),
    recovered: closing ? [] : g.members.filter((m) => m.recovered).map((m) => m.name),
    cause: g.cause,
  };
}

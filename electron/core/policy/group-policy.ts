// The policy's side of a group of vendors failing together: while a group is open its vendors' own news is
// told by the group's one notification (updated in place as vendors join or recover, and once more when all
// have recovered), and a vendor that gets worse just after another waits a little in case it is the start
// of a group. Acknowledged incidents and groups stop notifying until they end or get worse.
import type { MonitorEvent, SharedCauseEvent } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import { impactToStatus, severity, worstOf, type VendorStatus } from '../../../shared/status';
import { gotWorse } from './grouping';
import { groupText } from './group-text';
import type { PolicyState } from './state';

/** What the user acknowledged ("Got it"), as the policy needs it. */
export interface PolicyAcks {
  /** "vendorId|incidentId" → the incident's impact and the vendor's status when acknowledged. */
  incidents: Record<string, { impact: string; vendorStatus: VendorStatus }>;
  /** Group ids. */
  groups: Record<string, true>;
}

export interface GroupTiming {
  /** A vendor that gets worse while another recently did waits at most this long for a group to form. */
  groupHoldMs: number;
  /** How long after one got worse another still counts toward a group (the grouping window). */
  groupWindowMs: number;
  /** Vendors that make a group. */
  groupMinVendors: number;
}

export const DEFAULT_GROUP_TIMING: GroupTiming = {
  groupHoldMs: 2 * 60_000,
  groupWindowMs: 10 * 60_000,
  groupMinVendors: 3,
};

/** The group the policy is telling: who is in it, what waits to be said. */
export interface PolicyGroup {
  id: string;
  members: string[];
  announced: boolean;
  /** The latest stage not yet told, and since when it waits (coalesced like a vendor's events). */
  latest: SharedCauseEvent | null;
  waitingSince: number | null;
  /** Short sentences since the last notice ("Linear joined", "GitHub recovered"). */
  changes: string[];
  /** The vendors the last notice named. */
  shown: string[];
}

/** Takes in the grouping's events; returns the vendors whose waiting news the group now tells. */
export function takeGroupEvents(
  state: PolicyState,
  events: readonly SharedCauseEvent[],
  now: number,
): Set<string> {
  const covered = new Set<string>();
  for (const e of events) {
    const prev = state.group && state.group.id === e.group ? state.group : null;
    const before = new Set(prev?.latest?.vendors ?? prev?.shown ?? []);
    const changes = [...(prev?.changes ?? [])];
    if (prev && e.type !== 'shared_cause_closed') {
      for (const name of e.vendors) if (!before.has(name)) changes.push(`${name} joined`);
      for (const name of e.recovered) if (before.has(name)) changes.push(`${name} recovered`);
    }
    const members = [...new Set([...(prev?.members ?? []), ...e.vendorIds])];
    state.group = {
      id: e.group,
      members,
      announced: prev?.announced ?? false,
      latest: e,
      waitingSince: prev?.waitingSince ?? now,
      changes: changes.slice(-20),
      shown: prev?.shown ?? [],
    };
    for (const id of members) covered.add(id);
  }
  return covered;
}

/** Whether a vendor's own news is told by the open group instead. */
export function inGroup(state: PolicyState, vendorId: string): boolean {
  return state.group?.members.includes(vendorId) ?? false;
}

/** Records a vendor getting worse (for the hold) and forgets those outside the window. */
export function noteWorse(state: PolicyState, e: MonitorEvent, now: number, timing: GroupTiming): void {
  const worse = (state.worsened ??= {});
  if (e.type === 'vendor_status_changed' && gotWorse(e.from, e.to)) worse[e.vendorId ?? e.vendor] = now;
  for (const [vid, at] of Object.entries(worse)) if (now - at > timing.groupWindowMs) delete worse[vid];
}

/**
 * Whether a vendor's ready news should wait for a group: it just got worse, others did too within the
 * window (one more would make a group), no group is open, and it has not waited its hold yet.
 */
export function holdForGroup(
  state: PolicyState,
  vendorId: string,
  events: readonly MonitorEvent[],
  firstAt: number,
  now: number,
  timing: GroupTiming,
): boolean {
  if (state.group || now - firstAt >= timing.groupHoldMs) return false;
  if (!events.some((e) => e.type === 'vendor_status_changed' && gotWorse(e.from, e.to))) return false;
  const others = Object.entries(state.worsened ?? {}).filter(
    ([vid, at]) => vid !== vendorId && now - at <= timing.groupWindowMs,
  ).length;
  // One short of a group: wait. At a group's size with none open, no grouping runs here: say it now.
  return others + 2 === timing.groupMinVendors;
}

/** The group's notification when its stage has waited out the coalescing window; null otherwise. */
export function flushGroup(
  state: PolicyState,
  now: number,
  coalesceMs: number,
  opts: {
    silenced: boolean;
    acks: PolicyAcks | undefined;
    wantsVendor: (vendorId: string) => boolean;
    clock: (iso: string) => string;
  },
): AppNotification | null {
  const g = state.group;
  if (!g?.latest || g.waitingSince === null) return null;
  const e = g.latest;
  const closing = e.type === 'shared_cause_closed';
  if (!closing && now - g.waitingSince < coalesceMs) return null;
  const stage = closing ? 'closed' : g.announced ? 'updated' : 'opened';
  const told =
    !opts.silenced &&
    e.vendorIds.some(opts.wantsVendor) &&
    (closing || stage === 'opened' || !opts.acks?.groups[g.id]);
  let out: AppNotification | null = null;
  if (told && (stage !== 'closed' || g.announced)) {
    const text = groupText(
      { ...e, type: closing ? e.type : g.announced ? 'shared_cause_updated' : 'shared_cause_opened' },
      g.announced ? g.changes : [],
      opts.clock,
    );
    out = {
      key: `group|${g.id}|${stage === 'updated' ? now : stage}`,
      title: text.title,
      body: text.body,
      severity: closing ? 'operational' : 'partial_outage',
      target: null,
      at: new Date(now).toISOString(),
      tag: `group|${g.id}`,
      ...(stage === 'updated' ? { silent: true } : {}),
      group: { id: g.id, stage, vendors: e.vendors, cause: e.cause },
    };
  }
  if (closing) {
    state.group = null;
    return out;
  }
  g.announced = g.announced || told;
  g.latest = null;
  g.waitingSince = null;
  g.changes = [];
  g.shown = e.vendors;
  return out;
}

/** Whether an acknowledged incident (or a vendor with one) keeps this event quiet. */
export function quietedByAck(e: MonitorEvent, acks: PolicyAcks | undefined): boolean {
  if (!acks) return false;
  const vid = e.vendorId ?? e.vendor;
  if (e.type === 'incident_updated') {
    const ack = acks.incidents[`${vid}|${e.incident.id}`];
    return (
      !!ack && severity(impactToStatus(e.incident.impact)) <= severity(impactToStatus(ack.impact as never))
    );
  }
  if (e.type === 'vendor_status_changed' || e.type === 'component_status_changed') {
    const prefix = `${vid}|`;
    const acked = Object.entries(acks.incidents).filter(([k]) => k.startsWith(prefix));
    if (!acked.length) return false;
    if (e.to === 'operational') return false;
    const ceiling = worstOf(acked.map(([, a]) => a.vendorStatus));
    return severity(e.to) <= severity(ceiling);
  }
  return false;
}

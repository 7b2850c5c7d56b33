// "Got it": what the user acknowledged — an open incident, or the open group of vendors failing together.
// Its further updates stop notifying until it ends or gets worse; it is kept across restarts (a small,
// checked, bounded store) and forgotten when the incident or group ends.
import { z } from 'zod';
import type { AckView } from '../../../shared/ipc';
import type { MonitorEvent, SharedCauseEvent, Snapshot } from '../../../shared/model';
import { impactToStatus, severity, type VendorStatus } from '../../../shared/status';
import { isOpenIncident } from '../monitor/diff';
import type { PolicyAcks } from '../policy/group-policy';

/** Acknowledgements kept, at most: the oldest are let go past it. */
export const MAX_ACKS = 200;

const status = z.enum([
  'operational',
  'maintenance',
  'degraded',
  'partial_outage',
  'major_outage',
  'unknown',
]);
const ackSchema = z.object({
  kind: z.enum(['incident', 'group']),
  vendorId: z.string().max(200).optional(),
  incidentId: z.string().max(500).optional(),
  groupId: z.string().max(200).optional(),
  title: z.string().max(300),
  impact: z.enum(['none', 'minor', 'major', 'critical', 'maintenance', 'unknown']).optional(),
  vendorStatus: status.optional(),
  at: z.number(),
});
export type AckEntry = z.infer<typeof ackSchema>;
const fileSchema = z.object({ version: z.literal(1), acks: z.array(ackSchema).max(10_000) });
export type AckFile = z.infer<typeof fileSchema>;

/** Checks a stored document: throws (in words) when it is not one. */
export function validateAckFile(data: unknown): AckFile {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) throw new Error('not a list of acknowledgements');
  return { version: 1, acks: parsed.data.acks.slice(-MAX_ACKS) };
}

export function keyOf(a: Pick<AckEntry, 'kind' | 'vendorId' | 'incidentId' | 'groupId'>): string {
  return a.kind === 'group' ? `group|${a.groupId}` : `incident|${a.vendorId}|${a.incidentId}`;
}

export class Acks {
  private list: AckEntry[];

  constructor(file: AckFile | null) {
    this.list = file?.acks.slice(-MAX_ACKS) ?? [];
  }

  toJSON(): AckFile {
    return { version: 1, acks: this.list };
  }

  /** Acknowledges an open incident of a vendor; false when it is not open there. */
  ackIncident(
    vendorId: string,
    incidentId: string,
    snapshot: Snapshot | null,
    vendorStatus: VendorStatus,
    now: number,
  ): boolean {
    const incident = snapshot?.incidents.find((i) => i.id === incidentId && isOpenIncident(i));
    if (!incident) return false;
    this.add({
      kind: 'incident',
      vendorId,
      incidentId,
      title: `${snapshot!.vendor.name}: ${incident.title}`.slice(0, 300),
      impact: incident.impact,
      vendorStatus,
      at: now,
    });
    return true;
  }

  ackGroup(groupId: string, title: string, now: number): void {
    this.add({ kind: 'group', groupId, title: title.slice(0, 300), at: now });
  }

  remove(key: string): boolean {
    const before = this.list.length;
    this.list = this.list.filter((a) => keyOf(a) !== key);
    return this.list.length !== before;
  }

  private add(entry: AckEntry): void {
    this.list = this.list.filter((a) => keyOf(a) !== keyOf(entry));
    this.list.push(entry);
    if (this.list.length > MAX_ACKS) this.list = this.list.slice(-MAX_ACKS);
  }

  /** Forgets what ended or got worse; true when something changed (save and redraw). */
  afterEvents(events: readonly MonitorEvent[], groups: readonly SharedCauseEvent[]): boolean {
    const before = this.list.length;
    for (const e of events) {
      if (e.type !== 'incident_resolved' && e.type !== 'incident_updated') continue;
      const key = `incident|${e.vendorId ?? e.vendor}|${e.incident.id}`;
      this.list = this.list.filter(
        (a) =>
          keyOf(a) !== key ||
          (e.type === 'incident_updated' &&
            severity(impactToStatus(e.incident.impact)) <= severity(impactToStatus(a.impact ?? 'none'))),
      );
    }
    for (const g of groups)
      if (g.type === 'shared_cause_closed')
        this.list = this.list.filter((a) => keyOf(a) !== `group|${g.group}`);
    return this.list.length !== before;
  }

  /** Forgets incidents no longer open on their vendor's page (ended while the app was closed). */
  prune(snapshotOf: (vendorId: string) => Snapshot | null | undefined, openGroup: string | null): boolean {
    const before = this.list.length;
    this.list = this.list.filter((a) => {
      if (a.kind === 'group') return a.groupId === openGroup;
      const snap = snapshotOf(a.vendorId!);
      if (snap === undefined) return false; // the vendor is no longer watched
      if (snap === null) return true; // not read yet
      return snap.incidents.some((i) => i.id === a.incidentId && isOpenIncident(i));
    });
    return this.list.length !== before;
  }

  forPolicy(): PolicyAcks {
    const acks: PolicyAcks = { incidents: {}, groups: {} };
    for (const a of this.list) {
      if (a.kind === 'group') acks.groups[a.groupId!] = true;
      else
        acks.incidents[`${a.vendorId}|${a.incidentId}`] = {
          impact: a.impact ?? 'none',
          vendorStatus: a.vendorStatus ?? 'unknown',
        };
    }
    return acks;
  }

  groupAckedAt(groupId: string): number | null {
    return this.list.find((a) => a.kind === 'group' && a.groupId === groupId)?.at ?? null;
  }

  views(): AckView[] {
    return [...this.list].reverse().map((a) => ({
      key: keyOf(a),
      kind: a.kind,
      ...(a.vendorId !== undefined ? { vendorId: a.vendorId } : {}),
      ...(a.incidentId !== undefined ? { incidentId: a.incidentId } : {}),
      ...(a.groupId !== undefined ? { groupId: a.groupId } : {}),
      title: a.title,
      at: new Date(a.at).toISOString(),
    }));
  }
}

// A 90-day log per vendor of the statuses seen (as time segments) and the incidents seen, from which the
// uptime per day (the 90-day bars of status pages) and the time spent in each status are computed.
// Bounded: old segments and incidents are pruned, and each vendor keeps at most a fixed number.
import { incidentTime, type Incident } from '../../../shared/model';
import type { UptimeDay } from '../../../shared/ipc';
import { COMPONENT_STATUSES, severity, type VendorStatus } from '../../../shared/status';

export interface StatusSegment {
  /** ms */
  from: number;
  /** ms: the last time this status was seen */
  to: number;
  status: VendorStatus;
}

export interface SeenIncident {
  id: string;
  title: string;
  impact: Incident['impact'];
  startedAt: string;
  resolvedAt: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface VendorHistory {
  segments: StatusSegment[];
  incidents: SeenIncident[];
}

export interface HistoryData {
  version: 1;
  vendors: Record<string, VendorHistory>;
}

export interface HistoryOptions {
  /** Two observations further apart than this leave a gap (nothing observed in between). */
  gapMs: number;
  retentionDays?: number;
  maxSegmentsPerVendor?: number;
  maxIncidentsPerVendor?: number;
  /** Local midnight of the day containing `ms` (injectable so tests don't depend on the machine's zone). */
  startOfDay?: (ms: number) => number;
}

const DAY = 86_400_000;

function localStartOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function localDateString(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Up means the vendor worked: operational, or planned maintenance (status pages count it so too). */
function isUp(status: VendorStatus): boolean {
  return status === 'operational' || status === 'maintenance';
}

export class History {
  private data: HistoryData;
  private readonly gapMs: number;
  private readonly retentionMs: number;
  private readonly maxSegments: number;
  private readonly maxIncidents: number;
  private readonly startOfDay: (ms: number) => number;
  private readonly dateOf: (ms: number) => string;

  constructor(data: HistoryData | null, options: HistoryOptions) {
    this.data = data && data.version === 1 && data.vendors ? data : { version: 1, vendors: {} };
    this.gapMs = options.gapMs;
    this.retentionMs = (options.retentionDays ?? 90) * DAY;
    this.maxSegments = options.maxSegmentsPerVendor ?? 4000;
    this.maxIncidents = options.maxIncidentsPerVendor ?? 300;
    this.startOfDay = options.startOfDay ?? localStartOfDay;
    this.dateOf = options.startOfDay
      ? (ms) => new Date(options.startOfDay!(ms)).toISOString().slice(0, 10)
      : localDateString;
  }

  private vendor(id: string): VendorHistory {
    let v = this.data.vendors[id];
    if (!v) {
      v = { segments: [], incidents: [] };
      this.data.vendors[id] = v;
    }
    return v;
  }

  /** The vendor was seen in `status` at `at`. Returns true when this started a new segment. */
  record(id: string, status: VendorStatus, at: number): boolean {
    const v = this.vendor(id);
    const last = v.segments[v.segments.length - 1];
    if (last && at < last.to) return false;
    if (last && at - last.to <= this.gapMs) {
      if (last.status === status) {
        last.to = at;
        return false;
      }
      // The previous status held until this observation.
      last.to = at;
    }
    v.segments.push({ from: at, to: at, status });
    if (v.segments.length > this.maxSegments) v.segments.splice(0, v.segments.length - this.maxSegments);
    return true;
  }

  /** Remember the incidents of a snapshot (new ones added, known ones updated). */
  recordIncidents(id: string, incidents: Incident[], at: number): void {
    const v = this.vendor(id);
    const byId = new Map(v.incidents.map((i) => [i.id, i]));
    for (const inc of incidents) {
      // Only what we saw happen or what is recent: a page's years of history are not ours to copy.
      const started = Date.parse(incidentTime(inc));
      if (Number.isFinite(started) && at - started > this.retentionMs) continue;
      const known = byId.get(inc.id);
      if (known) {
        known.title = inc.title;
        known.impact = inc.impact;
        known.resolvedAt = inc.resolvedAt;
        known.lastSeenAt = at;
      } else {
        const seen: SeenIncident = {
          id: inc.id,
          title: inc.title,
          impact: inc.impact,
          startedAt: incidentTime(inc),
          resolvedAt: inc.resolvedAt,
          firstSeenAt: at,
          lastSeenAt: at,
        };
        v.incidents.push(seen);
        byId.set(inc.id, seen);
      }
    }
    if (v.incidents.length > this.maxIncidents) {
      v.incidents.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
      v.incidents.splice(0, v.incidents.length - this.maxIncidents);
    }
  }

  incidents(id: string): SeenIncident[] {
    return [...(this.data.vendors[id]?.incidents ?? [])].sort(
      (a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt),
    );
  }

  remove(id: string): void {
    delete this.data.vendors[id];
  }

  /** Milliseconds spent in each status within [from, to). */
  timeInStatus(id: string, from: number, to: number): Record<VendorStatus, number> {
    const out = Object.fromEntries(COMPONENT_STATUSES.map((s) => [s, 0])) as Record<VendorStatus, number>;
    for (const seg of this.data.vendors[id]?.segments ?? []) {
      const a = Math.max(seg.from, from);
      const b = Math.min(seg.to, to);
      if (b > a) out[seg.status] += b - a;
    }
    return out;
  }

  /** The last `days` days, oldest first, ending with today. */
  uptimeDays(id: string, now: number, days = 90): UptimeDay[] {
    const out: UptimeDay[] = [];
    const segments = this.data.vendors[id]?.segments ?? [];
    let dayStart = this.startOfDay(now);
    const starts: number[] = [dayStart];
    for (let i = 1; i < days; i++) {
      // Step back through local midnights (a day is 23 or 25 hours across a clock change).
      dayStart = this.startOfDay(dayStart - 1);
      starts.push(dayStart);
    }
    starts.reverse();
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!;
      const end = i + 1 < starts.length ? starts[i + 1]! : this.startOfDay(start + DAY + 3 * 3600_000);
      let up = 0;
      let observed = 0;
      let worst: VendorStatus | null = null;
      for (const seg of segments) {
        if (seg.to < start || seg.from >= end) continue;
        const a = Math.max(seg.from, start);
        const b = Math.min(seg.to, end);
        // A status seen at one instant still counts for the day's worst.
        if (worst === null || severity(seg.status) > severity(worst)) worst = seg.status;
        if (seg.status === 'unknown' || b <= a) continue;
        observed += b - a;
        if (isUp(seg.status)) up += b - a;
      }
      out.push({
        date: this.dateOf(start),
        uptime: observed > 0 ? up / observed : null,
        worst,
        observedMs: observed,
      });
    }
    return out;
  }

  /** Drop what is older than the retention period and vendors no longer watched. */
  prune(now: number, keepIds?: Iterable<string>): void {
    const keep = keepIds ? new Set(keepIds) : null;
    const cutoff = now - this.retentionMs;
    for (const [id, v] of Object.entries(this.data.vendors)) {
      if (keep && !keep.has(id)) {
        delete this.data.vendors[id];
        continue;
      }
      v.segments = v.segments.filter((s) => s.to >= cutoff);
      v.incidents = v.incidents.filter((i) => i.lastSeenAt >= cutoff);
    }
  }

  toJSON(): HistoryData {
    return this.data;
  }
}

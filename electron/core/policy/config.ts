// What the user chose that the policy obeys (levels, components, minimum severity, quiet hours), its
// timing, and the questions it asks of each event: how bad is it, and does the user want to hear it.
import type { MonitorEvent, NotifyLevel } from '../../../shared/model';
import type { Settings } from '../../../shared/ipc';
import { impactToStatus, isOutage, severity, type VendorStatus } from '../../../shared/status';
import { isWatchedComponent } from '../monitor/components';
import { DEFAULT_GROUP_TIMING, type GroupTiming, type PolicyAcks } from './group-policy';

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
  /** What the user acknowledged ("Got it"): its further updates stay quiet. */
  acks?: PolicyAcks;
}

export interface PolicyTiming extends GroupTiming {
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
  ...DEFAULT_GROUP_TIMING,
};

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

export function isStatusChange(e: MonitorEvent): boolean {
  return e.type === 'vendor_status_changed' || e.type === 'component_status_changed';
}

/** Whether the user asked to hear about this event at all (level, components, minimum severity). */
export function wanted(e: MonitorEvent, vp: VendorPolicy | undefined): boolean {
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

export function inQuietHours(now: number, config: PolicyConfig): boolean {
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

export function defaultLocalMinutes(ms: number): number {
  const d = new Date(ms);
  return d.getHours() * 60 + d.getMinutes();
}

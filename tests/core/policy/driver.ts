// What the policy tests share: events shaped as the monitor emits them, a config, and a driver that feeds
// the pure policy at given times and wakes it when it asks, as the app does.
import type { MonitorEvent } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import {
  initialPolicyState,
  runPolicy,
  type PolicyConfig,
  type PolicyState,
} from '../../../electron/core/policy/policy';

export const T0 = Date.parse('2026-11-24T10:00:00.000Z');
export const S = 1000;
export const MIN = 60 * S;

export const config = (over: Partial<PolicyConfig> = {}): PolicyConfig => ({
  settings: {
    notificationsEnabled: true,
    quietHours: { enabled: false, start: '22:00', end: '07:00' },
    pausedUntil: null,
  },
  vendors: {},
  // Local time = UTC for these tests.
  localMinutes: (ms) => Math.floor((ms % 86_400_000) / 60_000),
  ...over,
});

export const comp = (
  vendor: string,
  component: string,
  group: string | null,
  from: string,
  to: string,
  id = `${group}/${component}`,
): MonitorEvent =>
  ({
    type: 'component_status_changed',
    vendor,
    vendorId: vendor.toLowerCase(),
    at: '',
    component,
    componentId: id,
    group,
    from,
    to,
  }) as MonitorEvent;
export const vstatus = (vendor: string, from: string, to: string): MonitorEvent =>
  ({
    type: 'vendor_status_changed',
    vendor,
    vendorId: vendor.toLowerCase(),
    at: '',
    from,
    to,
  }) as MonitorEvent;
export const opened = (vendor: string, id: string, title: string, impact = 'major'): MonitorEvent =>
  ({
    type: 'incident_opened',
    vendor,
    vendorId: vendor.toLowerCase(),
    at: '',
    incident: { id, title, impact, status: 'investigating' },
  }) as MonitorEvent;
export const resolved = (vendor: string, id: string, title: string, impact = 'major'): MonitorEvent =>
  ({
    type: 'incident_resolved',
    vendor,
    vendorId: vendor.toLowerCase(),
    at: '',
    incident: { id, title, impact, status: 'resolved' },
  }) as MonitorEvent;

export const outage = (vendor = 'Kustomer') => [
  comp(vendor, 'Workflow', 'Prod1 (US)', 'operational', 'major_outage'),
  opened(vendor, 'inc1', 'Workflows are failing in Prod1'),
  vstatus(vendor, 'operational', 'major_outage'),
];

/** Drives the policy like the app does: feed events at times, then wake it when it asks. */
export class Driver {
  state: PolicyState = initialPolicyState();
  sent: AppNotification[] = [];
  wakeAt: number | null = null;
  constructor(public cfg: PolicyConfig = config()) {}
  step(now: number, events: MonitorEvent[] = [], offline?: boolean): void {
    // First run any wake-up that was due before this moment.
    while (this.wakeAt !== null && this.wakeAt < now) this.run(this.wakeAt, []);
    this.run(now, events, offline);
  }
  private run(now: number, events: MonitorEvent[], offline?: boolean): void {
    const r = runPolicy(this.state, { now, events, ...(offline === undefined ? {} : { offline }) }, this.cfg);
    this.state = r.state;
    this.sent.push(...r.notifications);
    this.wakeAt = r.wakeAt;
  }
  settle(until: number): void {
    this.step(until);
  }
}

export const updated = (
  vendor: string,
  id: string,
  title: string,
  status: string,
  impact = 'major',
): MonitorEvent =>
  ({
    type: 'incident_updated',
    vendor,
    vendorId: vendor.toLowerCase(),
    at: '',
    incident: { id, title, impact, status },
  }) as MonitorEvent;

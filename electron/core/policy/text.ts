// The words of a notification: vendor, what changed, and how bad ("Kustomer — Major outage: Prod1 (US) /
// Workflow", the incident's title in the body). Text from status pages is untrusted: plain text only.
import type { MonitorEvent } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import {
  IMPACT_LABEL,
  INCIDENT_STATUS_LABEL,
  STATUS_LABEL,
  impactToStatus,
  severity,
  worstOf,
  type VendorStatus,
} from '../../../shared/status';

function componentName(e: Extract<MonitorEvent, { type: 'component_status_changed' }>): string {
  return e.group ? `${e.group} / ${e.component}` : e.component;
}

/** One line per event, for bodies and digests. */
export function eventLine(e: MonitorEvent): string {
  switch (e.type) {
    case 'component_status_changed':
      return `${componentName(e)}: ${STATUS_LABEL[e.to]} (was ${STATUS_LABEL[e.from]})`;
    case 'vendor_status_changed':
      return `Status: ${STATUS_LABEL[e.to]} (was ${STATUS_LABEL[e.from]})`;
    case 'incident_opened':
      return `${IMPACT_LABEL[e.incident.impact]} incident: ${e.incident.title}`;
    case 'incident_updated':
      return `${INCIDENT_STATUS_LABEL[e.incident.status]}: ${e.incident.title}`;
    case 'incident_resolved':
      return `Resolved: ${e.incident.title}`;
    case 'maintenance_started':
      return `Maintenance started: ${e.incident.title}`;
    case 'maintenance_completed':
      return `Maintenance completed: ${e.incident.title}`;
    case 'vendor_unreachable':
      return `Unreachable: ${e.error.message}`;
    case 'vendor_recovered':
      return 'Reachable again';
  }
}

/** The status a vendor is left in by some events (for the notification's color). */
function resultingSeverity(events: MonitorEvent[]): VendorStatus {
  const vendorChange = [...events].reverse().find((e) => e.type === 'vendor_status_changed');
  if (vendorChange && vendorChange.type === 'vendor_status_changed') return vendorChange.to;
  const statuses: VendorStatus[] = [];
  for (const e of events) {
    if (e.type === 'component_status_changed') statuses.push(e.to);
    else if (e.type === 'incident_opened' || e.type === 'incident_updated')
      statuses.push(impactToStatus(e.incident.impact));
    else if (e.type === 'maintenance_started') statuses.push('maintenance');
    else statuses.push('operational');
  }
  return worstOf(statuses);
}

/** One notification for several events of one vendor. */
export function vendorText(events: MonitorEvent[]): Omit<AppNotification, 'key' | 'at'> {
  const first = events[0]!;
  const vendor = first.vendor;
  const vendorId = first.vendorId ?? first.vendor;
  const components = events.filter(
    (e): e is Extract<MonitorEvent, { type: 'component_status_changed' }> =>
      e.type === 'component_status_changed',
  );
  const incidents = events.filter((e): e is Extract<MonitorEvent, { incident: unknown }> => 'incident' in e);
  const vendorChange = events.find((e) => e.type === 'vendor_status_changed');

  let title: string;
  let headline: MonitorEvent;
  if (components.length) {
    // The worst new state leads; a recovery leads only when nothing got worse.
    const sorted = [...components].sort((a, b) => severity(b.to) - severity(a.to));
    const lead = sorted[0]!;
    const same = sorted.filter((c) => c.to === lead.to);
    const more = same.length > 1 ? ` and ${same.length - 1} more` : '';
    title = `${vendor} — ${STATUS_LABEL[lead.to]}: ${componentName(lead)}${more}`;
    headline = lead;
  } else if (vendorChange && vendorChange.type === 'vendor_status_changed') {
    title = `${vendor} — ${STATUS_LABEL[vendorChange.to]}`;
    headline = vendorChange;
  } else {
    const lead = incidents[0] ?? first;
    headline = lead;
    title = `${vendor} — ${eventLine(lead)}`;
  }

  const lines: string[] = [];
  // Incident titles first: they say what is going on in the vendor's words.
  for (const e of incidents) if (e !== headline) lines.push(eventLine(e));
  for (const e of components) if (e !== headline && !title.includes(' more')) lines.push(eventLine(e));
  if (title.includes(' more')) for (const e of components) lines.push(eventLine(e));
  if (vendorChange && vendorChange !== headline && components.length) lines.push(eventLine(vendorChange));
  const incidentId =
    incidents.find((e) => e.type !== 'incident_resolved')?.incident.id ?? incidents[0]?.incident.id;
  return {
    title,
    body: lines.join('\n') || eventLine(headline),
    severity: resultingSeverity(events),
    target: { vendorId, ...(incidentId ? { incidentId } : {}) },
  };
}

/** A digest over vendors: one line per vendor with where it ended up. */
export function digestText(
  byVendor: Map<string, MonitorEvent[]>,
  reason: 'quiet' | 'offline' | 'burst',
): { title: string; body: string } {
  const n = byVendor.size;
  const count = `${n} vendor${n === 1 ? '' : 's'}`;
  const title =
    reason === 'offline'
      ? `While you were offline: ${count} changed`
      : reason === 'quiet'
        ? `During quiet hours: ${count} changed`
        : `${count} changed at once`;
  const lines: string[] = [];
  for (const events of byVendor.values()) {
    const vendor = events[0]!.vendor;
    const status = resultingSeverity(events);
    const incident = [...events].reverse().find((e) => 'incident' in e);
    const detail = incident ? ` — ${eventLine(incident)}` : '';
    lines.push(`${vendor}: ${STATUS_LABEL[status]}${detail}`);
  }
  return { title, body: lines.join('\n') };
}

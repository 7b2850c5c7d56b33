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

/**
 * "(was Operational)"; from `unknown` it is the first reading (at start, or once a page is read again), so
 * it says that rather than "(was Unknown)".
 */
function was(from: VendorStatus): string {
  return from === 'unknown' ? '(first reading)' : `(was ${STATUS_LABEL[from]})`;
}

function componentName(e: Extract<MonitorEvent, { type: 'component_status_changed' }>): string {
  return e.group ? `${e.group} / ${e.component}` : e.component;
}

/** One line per event, for bodies and digests. */
export function eventLine(e: MonitorEvent): string {
  switch (e.type) {
    case 'component_status_changed':
      return `${componentName(e)}: ${STATUS_LABEL[e.to]} ${was(e.from)}`;
    case 'vendor_status_changed':
      return `Status: ${STATUS_LABEL[e.to]} ${was(e.from)}`;
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
    case 'incidents_summarised':
      return `${e.count.toLocaleString('en-US')} more incident changes at ${e.vendor}`;
    case 'components_summarised':
      return `${e.count.toLocaleString('en-US')} more component changes at ${e.vendor}`;
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

/** Length limits of a notification (OS notifications cut text anyway; a storm must not make megabytes). */
export const TEXT_LIMITS = { title: 120, body: 1_000, bodyLines: 12 } as const;

/** A title within its limit, cut at a word with an ellipsis. */
export function limitTitle(title: string): string {
  return cut(title, TEXT_LIMITS.title);
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** Lines within the body limits; what does not fit is counted ("and 12 more"). */
function limitBody(lines: string[], extra: string | null): string {
  const kept: string[] = [];
  let size = extra ? extra.length + 1 : 0;
  let dropped = 0;
  for (const line of lines) {
    const l = cut(line, 300);
    if (kept.length >= TEXT_LIMITS.bodyLines - 1 || size + l.length + 1 > TEXT_LIMITS.body - 20) dropped++;
    else {
      kept.push(l);
      size += l.length + 1;
    }
  }
  if (dropped) kept.push(`and ${dropped.toLocaleString('en-US')} more`);
  if (extra) kept.push(extra);
  return cut(kept.join('\n'), TEXT_LIMITS.body);
}

/**
 * One notification for several events of one vendor. The headline status is the vendor's status after
 * the change; no sentence appears twice; `more` events past the per-vendor bound are counted in the body.
 */
export function vendorText(events: MonitorEvent[], more = 0): Omit<AppNotification, 'key' | 'at'> {
  const first = events[0]!;
  const vendor = first.vendor;
  const vendorId = first.vendorId ?? first.vendor;
  const components = events.filter(
    (e): e is Extract<MonitorEvent, { type: 'component_status_changed' }> =>
      e.type === 'component_status_changed',
  );
  const incidents = events.filter((e): e is Extract<MonitorEvent, { incident: unknown }> => 'incident' in e);
  let vendorChange: Extract<MonitorEvent, { type: 'vendor_status_changed' }> | undefined;
  for (const e of events) if (e.type === 'vendor_status_changed') vendorChange = e;

  let title: string;
  const said = new Set<MonitorEvent>();
  if (components.length) {
    // The worst new state leads; a recovery leads only when nothing got worse.
    const sorted = [...components].sort((a, b) => severity(b.to) - severity(a.to));
    const status = vendorChange?.to ?? sorted[0]!.to;
    const same = sorted.filter((c) => c.to === status);
    if (same.length) {
      const more = same.length > 1 ? ` and ${same.length - 1} more` : '';
      title = `${vendor} — ${STATUS_LABEL[status]}: ${componentName(same[0]!)}${more}`;
      if (same.length === 1) said.add(same[0]!);
    } else title = `${vendor} — ${STATUS_LABEL[status]}`;
    if (vendorChange) said.add(vendorChange);
  } else if (vendorChange) {
    title = `${vendor} — ${STATUS_LABEL[vendorChange.to]}`;
    said.add(vendorChange);
  } else {
    const lead = incidents[0] ?? first;
    said.add(lead);
    title = `${vendor} — ${eventLine(lead)}`;
  }

  const lines: string[] = [];
  // Incident titles first: they say what is going on in the vendor's words.
  for (const e of incidents) if (!said.has(e)) lines.push(eventLine(e));
  for (const e of components) if (!said.has(e)) lines.push(eventLine(e));
  if (vendorChange && !lines.length)
    lines.push(
      vendorChange.from === 'unknown'
        ? 'First reading of this page'
        : `Was ${STATUS_LABEL[vendorChange.from]}`,
    );
  const lead = incidents[0];
  if (!lines.length && lead) lines.push(`Impact: ${IMPACT_LABEL[lead.incident.impact]}`);
  const unique = [...new Set(lines)].filter((l) => !title.endsWith(l));
  const incidentId =
    incidents.find((e) => e.type !== 'incident_resolved')?.incident.id ?? incidents[0]?.incident.id;
  // `more` counts whatever did not fit (component and incident changes alike): say no more than "changes".
  const extra = more > 0 ? `${more.toLocaleString('en-US')} more changes at ${vendor}` : null;
  return {
    title: limitTitle(title),
    body: limitBody(unique, extra),
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
  return { title: limitTitle(title), body: limitBody(lines, null) };
}

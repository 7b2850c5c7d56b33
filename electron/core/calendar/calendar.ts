// The maintenance calendar of DESIGN.md (RFC 5545, via ical-generator): one VEVENT per planned or
// running maintenance of the watched vendors, with a UID stable per maintenance, a SEQUENCE and
// LAST-MODIFIED that move with its updates, and STATUS:CANCELLED for one called off. Pure: the caller
// passes the snapshots (and the maintenances it saw disappear before they ended).
import icalGenerator, { ICalEventStatus } from 'ical-generator';
import type { Incident, Snapshot } from '../../../shared/model';
import { icsText, icsUrl } from '../text/ics-text';

export interface CalendarVendor {
  /** The watch entry's id (stable across runs). */
  id: string;
  name: string;
  snapshot: Snapshot | null;
}

/** A maintenance no longer on the page although it had not completed: shown as cancelled. */
export interface VanishedMaintenance {
  vendorId: string;
  vendorName: string;
  maintenance: Incident;
}

export const CALENDAR_NAME = 'StatusTray: vendor maintenance';
const PLANNED_OR_RUNNING = new Set(['scheduled', 'in_progress', 'verifying']);
const MAX_EVENTS = 2_000;
const DEFAULT_LENGTH_MS = 60 * 60_000;

export function isMaintenance(incident: Incident): boolean {
  return incident.kind === 'maintenance' || incident.impact === 'maintenance';
}

/** A vendor said it called the maintenance off (Statuspage and others say so in its last update). */
function saysCancelled(m: Incident): boolean {
  const last = m.updates[m.updates.length - 1];
  return !m.startedAt && last !== undefined && /\b(cancel+ed|called off)\b/i.test(`${last.body}`);
}

/** Planned and running maintenances of one snapshot. */
export function calendarMaintenances(snapshot: Snapshot | null): Incident[] {
  if (!snapshot) return [];
  return snapshot.incidents.filter((i) => isMaintenance(i) && PLANNED_OR_RUNNING.has(i.status));
}

export function maintenanceUid(vendorId: string, maintenanceId: string): string {
  return `${vendorId}.${maintenanceId.replace(/[^A-Za-z0-9._-]/g, '_')}@statustray`;
}

function window(m: Incident): { start: Date; end: Date } | null {
  const startText = m.scheduledFor ?? m.startedAt;
  const start = startText ? new Date(startText) : null;
  if (!start || Number.isNaN(start.getTime())) return null;
  const endText = m.scheduledUntil ?? m.resolvedAt;
  let end = endText ? new Date(endText) : new Date(start.getTime() + DEFAULT_LENGTH_MS);
  if (Number.isNaN(end.getTime()) || end <= start) end = new Date(start.getTime() + DEFAULT_LENGTH_MS);
  return { start, end };
}

/** The latest moment the vendor changed it: its last update, or when it began. */
function lastModified(m: Incident): Date | null {
  const times = [m.startedAt, ...m.updates.map((u) => u.at)]
    .map((t) => (t ? Date.parse(t) : NaN))
    .filter((t) => !Number.isNaN(t));
  return times.length ? new Date(Math.max(...times)) : null;
}

export function buildCalendar(
  vendors: readonly CalendarVendor[],
  opts: { now: number; vanished?: readonly VanishedMaintenance[] },
): string {
  const cal = icalGenerator({
    name: CALENDAR_NAME,
    prodId: { company: 'StatusTray', product: 'StatusTray', language: 'EN' },
    ttl: 60 * 60,
  });
  let count = 0;
  const add = (vendorId: string, vendorName: string, m: Incident, cancelled: boolean): void => {
    const span = window(m);
    if (!span || count >= MAX_EVENTS) return;
    count++;
    const latest = m.updates[m.updates.length - 1];
    // Vendor text goes through ics-text: RFC 5545 TEXT holds no control character.
    const url = icsUrl(m.url);
    cal.createEvent({
      id: maintenanceUid(vendorId, m.id),
      start: span.start,
      end: span.end,
      stamp: new Date(opts.now),
      summary: icsText(`${vendorName}: ${m.title}`, { oneLine: true }),
      description: latest ? icsText(latest.body) : null,
      url,
      // Each published update is one revision: a calendar app replaces the older copy.
      sequence: m.updates.length + (cancelled ? 1 : 0),
      lastModified: lastModified(m),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  };
  for (const v of vendors) {
    const name = v.snapshot?.vendor.name || v.name;
    for (const m of calendarMaintenances(v.snapshot)) add(v.id, name, m, saysCancelled(m));
  }
  for (const gone of opts.vanished ?? []) add(gone.vendorId, gone.vendorName, gone.maintenance, true);
  return cal.toString();
}

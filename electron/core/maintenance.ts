// A planned maintenance is planned: until its window opens (or the page says it is in progress) it is
// `scheduled` with no start, and it starts when its window opens even on a page that forgot to say so.
import type { Incident } from '../../shared/model';

const RUNNING = new Set(['in_progress', 'verifying']);

/** The maintenance as it stands at `now` (ms); anything else is returned as it is. */
export function planMaintenance(incident: Incident, now: number): Incident {
  if (incident.kind !== 'maintenance') return incident;
  const opensAt = incident.scheduledFor ? Date.parse(incident.scheduledFor) : NaN;
  const closesAt = incident.scheduledUntil ? Date.parse(incident.scheduledUntil) : NaN;
  if (incident.status === 'scheduled') {
    const windowOpen = opensAt <= now && !(closesAt <= now);
    if (!windowOpen) return { ...incident, startedAt: null };
    return { ...incident, status: 'in_progress', startedAt: incident.scheduledFor ?? null };
  }
  if (RUNNING.has(incident.status) || incident.status === 'completed') {
    // When it began: the first update saying it is under way, else its window's start.
    const began = incident.updates.find((u) => RUNNING.has(u.status))?.at;
    const startedAt = began || incident.scheduledFor || incident.startedAt;
    return startedAt === incident.startedAt ? incident : { ...incident, startedAt: startedAt ?? null };
  }
  return incident;
}

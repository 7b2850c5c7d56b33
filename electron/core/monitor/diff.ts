// Two snapshots of one vendor → the Events of DESIGN.md. Pure. Each change is reported exactly once; the
// first snapshot of a vendor announces only what is open right now.
import type { Incident, IncidentRef, MonitorEvent, Snapshot } from '../../../shared/model';
import { isResolvedStatus, type VendorStatus } from '../../../shared/status';
import { isWatchedComponent } from './components';

export interface DiffOptions {
  /** The vendor's name as the user sees it (the watch entry's name, else the page's). */
  vendor: string;
  vendorId?: string;
  /** When the change was seen. */
  at: string;
  /** Only these components (and incidents touching them) matter; all when empty. */
  watchedComponents?: readonly string[];
  /** The status shown before `next` (e.g. `unknown` while the last good snapshot was stale). */
  fromStatus?: VendorStatus;
}

/**
 * Incident events one poll of one vendor may produce; past it they are counted in one
 * `incidents_summarised` event. A page publishing thousands of changing incidents is one vendor's problem.
 */
export const MAX_INCIDENT_EVENTS_PER_POLL = 100;

/**
 * Component events one poll of one vendor may produce; past it they are counted in one
 * `components_summarised` event (5,000 components whose ids change every poll are one line, not 5,000).
 */
export const MAX_COMPONENT_EVENTS_PER_POLL = 100;

export function isMaintenance(incident: Incident): boolean {
  return incident.kind === 'maintenance' || incident.impact === 'maintenance';
}

/** A maintenance counts as running while in progress or verifying; scheduled ones are not news yet. */
function maintenanceRunning(incident: Incident): boolean {
  return incident.status === 'in_progress' || incident.status === 'verifying';
}

export function isOpenIncident(incident: Incident): boolean {
  return isMaintenance(incident) ? maintenanceRunning(incident) : !isResolvedStatus(incident.status);
}

function ref(incident: Incident): IncidentRef {
  return { id: incident.id, title: incident.title, impact: incident.impact, status: incident.status };
}

/** Whether an incident touches a watched component (an incident naming no component touches all). */
function incidentMatters(incident: Incident, snapshot: Snapshot, watched?: readonly string[]): boolean {
  if (!watched || watched.length === 0 || incident.components.length === 0) return true;
  const byId = new Map(snapshot.components.map((c) => [c.id, c]));
  return incident.components.some((id) => {
    const c = byId.get(id);
    return c ? isWatchedComponent(c, watched) : false;
  });
}

export function diffSnapshots(prev: Snapshot | null, next: Snapshot, options: DiffOptions): MonitorEvent[] {
  const base = {
    vendor: options.vendor,
    at: options.at,
    ...(options.vendorId ? { vendorId: options.vendorId } : {}),
  };
  const watched = options.watchedComponents;
  const events: MonitorEvent[] = [];

  // Components.
  const before = new Map((prev?.components ?? []).map((c) => [c.id, c]));
  for (const c of next.components) {
    if (!isWatchedComponent(c, watched)) continue;
    const old = before.get(c.id);
    const from = old ? old.status : prev ? 'operational' : null;
    if (from === null) {
      // First sight: only a problem is news.
      if (c.status === 'operational' || c.status === 'unknown') continue;
      events.push({
        ...base,
        type: 'component_status_changed',
        component: c.name,
        componentId: c.id,
        group: c.group,
        from: 'unknown',
        to: c.status,
      });
    } else if (from !== c.status) {
      events.push({
        ...base,
        type: 'component_status_changed',
        component: c.name,
        componentId: c.id,
        group: c.group,
        from,
        to: c.status,
      });
    }
  }

  // Incidents and maintenances.
  const prevIncidents = new Map((prev?.incidents ?? []).map((i) => [i.id, i]));
  const nextIds = new Set<string>();
  for (const inc of next.incidents) {
    nextIds.add(inc.id);
    if (!incidentMatters(inc, next, watched)) continue;
    const old = prevIncidents.get(inc.id);
    const maintenance = isMaintenance(inc);
    const openNow = isOpenIncident(inc);
    const openBefore = old ? isOpenIncident(old) : false;
    if (openNow && !openBefore) {
      // A resolved incident that reopens counts as opened again; one first seen resolved is history, not news.
      events.push({
        ...base,
        type: maintenance ? 'maintenance_started' : 'incident_opened',
        incident: ref(inc),
      });
    } else if (!openNow && openBefore) {
      if (maintenance) {
        if (inc.status === 'completed' || isResolvedStatus(inc.status))
          events.push({ ...base, type: 'maintenance_completed', incident: ref(inc) });
      } else events.push({ ...base, type: 'incident_resolved', incident: ref(inc) });
    } else if (openNow && old && !maintenance) {
      if (old.status !== inc.status || inc.updates.length > old.updates.length || old.impact !== inc.impact) {
        events.push({ ...base, type: 'incident_updated', incident: ref(inc) });
      }
    }
  }
  // An open incident that vanished from the page: it ended (pages drop resolved ones from their summary).
  if (prev) {
    for (const old of prev.incidents) {
      if (nextIds.has(old.id) || !isOpenIncident(old) || !incidentMatters(old, prev, watched)) continue;
      if (isMaintenance(old))
        events.push({
          ...base,
          type: 'maintenance_completed',
          incident: { ...ref(old), status: 'completed' },
        });
      else events.push({ ...base, type: 'incident_resolved', incident: { ...ref(old), status: 'resolved' } });
    }
  }

  const bounded = boundEvents(events, base);
  events.length = 0;
  events.push(...bounded);

  // The vendor's status last, so that a sink reading events in order sees the cause before the summary.
  const from = options.fromStatus ?? prev?.status ?? null;
  if (from === null) {
    if (next.status !== 'operational' && next.status !== 'unknown') {
      events.push({ ...base, type: 'vendor_status_changed', from: 'unknown', to: next.status });
    }
  } else if (from !== next.status) {
    events.push({ ...base, type: 'vendor_status_changed', from, to: next.status });
  }
  return events;
}

/**
 * Component and incident events each up to their bound, the rest of each counted in one summary event
 * that says what it counts.
 */
function boundEvents(
  events: MonitorEvent[],
  base: Pick<MonitorEvent, 'vendor' | 'vendorId' | 'at'>,
): MonitorEvent[] {
  let incidents = 0;
  let components = 0;
  let overIncidents = 0;
  let overComponents = 0;
  const kept: MonitorEvent[] = [];
  for (const e of events) {
    if (e.type === 'component_status_changed') {
      if (components++ < MAX_COMPONENT_EVENTS_PER_POLL) kept.push(e);
      else overComponents++;
    } else if (!('incident' in e)) kept.push(e);
    else if (incidents++ < MAX_INCIDENT_EVENTS_PER_POLL) kept.push(e);
    else overIncidents++;
  }
  if (overComponents > 0) kept.push({ ...base, type: 'components_summarised', count: overComponents });
  if (overIncidents > 0) kept.push({ ...base, type: 'incidents_summarised', count: overIncidents });
  return kept;
}

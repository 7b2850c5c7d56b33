// The vendor's status from what its page says: the worst of the watched components and of its open
// incidents' impact (DESIGN.md), and the order incidents are shown in. Pure functions.
import { incidentTime, type Component, type Incident } from '../../shared/model';
import {
  impactToStatus,
  isResolvedStatus,
  worstOf,
  type ComponentStatus,
  type VendorStatus,
} from '../../shared/status';

/** "Group/Component" or "Component" (a standalone one, or that name in any group). */
export function componentKey(component: Pick<Component, 'name' | 'group'>): string {
  return component.group ? `${component.group}/${component.name}` : component.name;
}

/**
 * Whether a component is one the user watches: named as "Group/Component", by its bare name, by its id, or
 * through its whole group ("Prod1 (US)", an AWS region). Nothing in particular watched means all of them.
 */
export function isWatched(
  component: Pick<Component, 'name' | 'group'> & { id?: string | undefined },
  watched: readonly string[] | undefined,
): boolean {
  if (!watched || watched.length === 0) return true;
  return (
    watched.includes(componentKey(component)) ||
    watched.includes(component.name) ||
    (component.id !== undefined && watched.includes(component.id)) ||
    (component.group !== null && watched.includes(component.group))
  );
}

/** The components a watch list names; all of them when it names none. */
export function selectWatched(components: Component[], watched?: readonly string[]): Component[] {
  if (!watched || watched.length === 0) return components;
  return components.filter((c) => isWatched(c, watched));
}

/** Watched names that match no component of the page (renamed or removed by the vendor). */
export function missingWatched(components: Component[], watched?: readonly string[]): string[] {
  if (!watched || watched.length === 0) return [];
  return watched.filter((name) => !components.some((c) => isWatched(c, [name])));
}

export function isOpen(incident: Incident): boolean {
  return incident.resolvedAt === null && !isResolvedStatus(incident.status);
}

export function isMaintenanceInProgress(incident: Incident): boolean {
  return (
    incident.kind === 'maintenance' && (incident.status === 'in_progress' || incident.status === 'verifying')
  );
}

/**
 * The vendor's status. With a watch list, an open incident counts when it names a watched component or
 * names none (we cannot tell it spares them). A page without components (a feed) is operational unless
 * something is open. A watched component the page no longer lists counts as unknown: a vendor that renames
 * what the user watches must never read as operational on the strength of the components left.
 */
export function vendorStatus(
  components: Component[],
  incidents: Incident[],
  watched?: readonly string[],
): VendorStatus {
  const selected = selectWatched(components, watched);
  const parts: ComponentStatus[] = selected.map((c) => c.status);
  if (components.length === 0) parts.push('operational');
  else if (missingWatched(components, watched).length > 0) parts.push('unknown');
  const watchedIds = watched && watched.length > 0 ? new Set(selected.map((c) => c.id)) : null;
  for (const incident of incidents) {
    const concerns =
      !watchedIds || incident.components.length === 0 || incident.components.some((id) => watchedIds.has(id));
    if (!concerns) continue;
    if (incident.kind === 'maintenance') {
      if (isMaintenanceInProgress(incident)) parts.push('maintenance');
    } else if (isOpen(incident)) {
      parts.push(impactToStatus(incident.impact));
    }
  }
  return worstOf(parts);
}

/** Open incidents and maintenances in progress first, then everything else; newest first within each. */
export function orderIncidents(incidents: Incident[]): Incident[] {
  const rank = (i: Incident) =>
    i.kind === 'maintenance' ? (isMaintenanceInProgress(i) ? 0 : 1) : isOpen(i) ? 0 : 1;
  return [...incidents].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (incidentTime(a) < incidentTime(b) ? 1 : incidentTime(a) > incidentTime(b) ? -1 : 0),
  );
}

// The vendor's status from what its page says: the worst of the watched components and of its open
// incidents' impact (DESIGN.md), and the order incidents are shown in. Pure functions.
import type { Component, Incident } from '../../shared/model';
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

/** The components a watch list names; all of them when it names none. */
export function selectWatched(components: Component[], watched?: readonly string[]): Component[] {
  if (!watched || watched.length === 0) return components;
  const wanted = new Set(watched);
  return components.filter((c) => wanted.has(componentKey(c)) || wanted.has(c.name) || wanted.has(c.id));
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
 * something is open; a watch list that matches nothing is unknown.
 */
export function vendorStatus(
  components: Component[],
  incidents: Incident[],
  watched?: readonly string[],
): VendorStatus {
  const selected = selectWatched(components, watched);
  const parts: ComponentStatus[] = selected.map((c) => c.status);
  if (components.length === 0) parts.push('operational');
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
    (a, b) => rank(a) - rank(b) || (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0),
  );
}

// The vendor's status from what its page says: the worst of the watched components and of its open
// incidents' impact (DESIGN.md), and the order incidents are shown in. Pure functions.
import { incidentTime, type Component, type Incident } from '../../shared/model';
import { componentPath, selectWatched, unmatchedNames } from '../../shared/component-match';
import {
  impactToStatus,
  isResolvedStatus,
  worstOf,
  type ComponentStatus,
  type VendorStatus,
} from '../../shared/status';

/** "Group/Component" or "Component" (a standalone one, or that name in any group). */
export const componentKey = componentPath;

/**
 * Whether a component is one the user watches, by the one rule of shared/component-match.ts: named as
 * "Group/Component", by its bare name, by its id, or through its whole group ("Prod1 (US)", an AWS region),
 * whatever the case and spacing. Nothing in particular watched means all of them.
 */
export { isWatched, selectWatched } from '../../shared/component-match';

/** Watched names that match no component of the page (renamed or removed by the vendor, or a typo). */
export function missingWatched(components: Component[], watched?: readonly string[]): string[] {
  return unmatchedNames(components, watched);
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

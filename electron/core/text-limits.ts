// Length limits on text a status page publishes, applied once where every adapter's read enters the engine,
// so that a hostile or broken page (a 3,000,000-character vendor name) is never stored, diffed or streamed.
import type { Component, Incident, IncidentUpdate, SnapshotError, Vendor } from '../../shared/model';

export const TEXT_LIMITS = {
  /** Vendor, component and group names. */
  name: 200,
  /** Incident titles. */
  title: 500,
  /** One update's markdown: long postmortems fit, a flood does not. */
  body: 20_000,
  /** Ids that only key things. */
  id: 500,
  /** Links; a longer one is dropped rather than cut into a broken address. */
  url: 2048,
  /** An error's sentence. */
  message: 1000,
} as const;

const ELLIPSIS = '…';

/** `text` cut to at most `max` characters, ending in an ellipsis when cut (never splitting a surrogate pair). */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut + ELLIPSIS;
}

function clampUrl(url: string | null): string | null {
  return url !== null && url.length > TEXT_LIMITS.url ? null : url;
}

export function clampVendor(vendor: Vendor): Vendor {
  if (vendor.name.length <= TEXT_LIMITS.name) return vendor;
  return { ...vendor, name: clampText(vendor.name, TEXT_LIMITS.name) };
}

// Each returns its argument itself when nothing is over a limit: the common case allocates nothing.
function clampComponent(component: Component): Component {
  if (
    component.id.length <= TEXT_LIMITS.id &&
    component.name.length <= TEXT_LIMITS.name &&
    (component.group?.length ?? 0) <= TEXT_LIMITS.name
  ) {
    return component;
  }
  return {
    ...component,
    id: clampText(component.id, TEXT_LIMITS.id),
    name: clampText(component.name, TEXT_LIMITS.name),
    group: component.group === null ? null : clampText(component.group, TEXT_LIMITS.name),
  };
}

function clampUpdate(update: IncidentUpdate): IncidentUpdate {
  if (update.body.length <= TEXT_LIMITS.body) return update;
  return { ...update, body: clampText(update.body, TEXT_LIMITS.body) };
}

function clampIncident(incident: Incident): Incident {
  if (
    incident.id.length <= TEXT_LIMITS.id &&
    incident.title.length <= TEXT_LIMITS.title &&
    (incident.url?.length ?? 0) <= TEXT_LIMITS.url &&
    incident.components.every((id) => id.length <= TEXT_LIMITS.id) &&
    incident.updates.every((u) => u.body.length <= TEXT_LIMITS.body)
  ) {
    return incident;
  }
  return {
    ...incident,
    id: clampText(incident.id, TEXT_LIMITS.id),
    title: clampText(incident.title, TEXT_LIMITS.title),
    url: clampUrl(incident.url),
    components: incident.components.map((id) => clampText(id, TEXT_LIMITS.id)),
    updates: incident.updates.map(clampUpdate),
  };
}

/** A platform's read with every piece of published text within its limit. */
export function clampRead<T extends { vendor: Vendor; components: Component[]; incidents: Incident[] }>(
  read: T,
): T {
  return {
    ...read,
    vendor: clampVendor(read.vendor),
    components: read.components.map(clampComponent),
    incidents: read.incidents.map(clampIncident),
  };
}

export function clampError(error: SnapshotError): SnapshotError {
  return { ...error, message: clampText(error.message, TEXT_LIMITS.message) };
}

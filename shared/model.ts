// The normalized model every platform is read into, and the contracts of DESIGN.md: Snapshot, Event,
// watchlist file. Plain types: validation of untrusted input lives where the input arrives.
import type { ComponentStatus, IncidentImpact, IncidentStatus, VendorStatus } from './status';
import type { PlatformId } from './platforms';

export interface Vendor {
  name: string;
  platform: PlatformId | 'unknown';
  /** The human page, for "open in browser". */
  pageUrl: string;
  /** What the platform cannot tell us, said plainly (e.g. a feed has no component list). */
  lacks?: Array<'components' | 'incidents' | 'history' | 'updates'>;
  /**
   * Which of the platform's two ways in this reading came from, where it has two (incident.io, Instatus,
   * Better Stack): its JSON `api`, or the state its HTML page `embedded` (read when the API was missing,
   * moved, blocked or unreadable).
   */
  source?: 'api' | 'embedded';
}

export interface Component {
  id: string;
  name: string;
  /** The group's name as the vendor shows it; null for a standalone component. */
  group: string | null;
  status: ComponentStatus;
}

export interface IncidentUpdate {
  status: IncidentStatus;
  /** Markdown or text exactly as published: untrusted. */
  body: string;
  at: string;
}

export interface Incident {
  id: string;
  title: string;
  impact: IncidentImpact;
  status: IncidentStatus;
  /** When it began; null for a maintenance that is only planned (see `scheduledFor`). */
  startedAt: string | null;
  resolvedAt: string | null;
  url: string | null;
  /** Component ids. */
  components: string[];
  /** Oldest first. */
  updates: IncidentUpdate[];
  /** Present for scheduled maintenances. */
  kind?: 'incident' | 'maintenance';
  scheduledFor?: string | null;
  scheduledUntil?: string | null;
}

/** When an incident began, or a planned maintenance is due to: the time to sort and age it by. */
export function incidentTime(incident: Pick<Incident, 'startedAt' | 'scheduledFor'>): string {
  return incident.startedAt ?? incident.scheduledFor ?? '';
}

export const ERROR_KINDS = [
  'timeout',
  'network',
  'dns',
  'refused',
  'reset',
  'http',
  'rate_limited',
  'too_large',
  'redirect',
  'parse',
  'schema',
  'unrecognized',
  'invalid_url',
  'blocked',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface SnapshotError {
  kind: ErrorKind;
  /** A sentence a person understands. */
  message: string;
}

export interface Snapshot {
  /** As given. */
  url: string;
  vendor: Vendor;
  status: VendorStatus;
  components: Component[];
  /** Open ones first, then all the history the page publishes. */
  incidents: Incident[];
  fetchedAt: string;
  error: SnapshotError | null;
  /**
   * Watched names (given with the read) that match no component of the page, each with the page's
   * nearest name or null; absent when every watched name matched. Such a vendor's status is unknown.
   */
  unmatchedComponents?: Array<{ name: string; suggestion: string | null }>;
}

interface EventBase {
  vendor: string;
  at: string;
  /** The watch entry's id, so that a sink can link to the vendor (not in DESIGN's minimum, additive). */
  vendorId?: string;
}
export interface IncidentRef {
  id: string;
  title: string;
  impact: IncidentImpact;
  status: IncidentStatus;
}

export type MonitorEvent =
  | (EventBase & { type: 'vendor_status_changed'; from: VendorStatus; to: VendorStatus })
  | (EventBase & {
      type: 'component_status_changed';
      component: string;
      componentId?: string;
      group: string | null;
      from: ComponentStatus;
      to: ComponentStatus;
    })
  | (EventBase & {
      type: 'incident_opened' | 'incident_updated' | 'incident_resolved';
      incident: IncidentRef;
    })
  | (EventBase & { type: 'maintenance_started' | 'maintenance_completed'; incident: IncidentRef })
  | (EventBase & { type: 'vendor_unreachable'; error: SnapshotError })
  | (EventBase & { type: 'vendor_recovered' })
  /** Incident changes of one poll past the per-vendor bound, counted instead of told one by one. */
  | (EventBase & { type: 'incidents_summarised'; count: number })
  /** Component changes of one poll past the per-vendor bound, counted instead of told one by one. */
  | (EventBase & { type: 'components_summarised'; count: number });
export type MonitorEventType = MonitorEvent['type'];

export type NotifyLevel = 'all' | 'outages' | 'muted';

/** One vendor in the watchlist file (schema: shared/watch-entry.ts). Unknown fields are kept and written back. */
export interface WatchEntry {
  url: string;
  name?: string;
  /** "Group/Component" or "Component": only these matter for the vendor's status. */
  components?: string[];
  notify?: NotifyLevel;
  /** Cached detection, so that polling costs no probes. */
  platform?: PlatformId;
  apiUrl?: string;
}

export const FORWARD_TYPES = ['webhook', 'slack', 'teams', 'discord', 'ntfy'] as const;
export type ForwardType = (typeof FORWARD_TYPES)[number];

/** Where notifications also go (DESIGN.md, Forwarding). The URL is a secret: never logged or shown whole. */
export interface ForwardTarget {
  type: ForwardType;
  url: string;
  /** "outages": only partial and major outages (and their end). */
  level?: 'all' | 'outages';
  /** Only these vendors, by name or page URL. */
  vendors?: string[];
}

export interface WatchlistFile {
  version: 1;
  vendors: WatchEntry[];
  intervalSeconds?: number;
  forward?: ForwardTarget[];
}

/** A possible cause of several vendors failing together, named only with its evidence. */
export interface SharedCause {
  /** The upstream's name ("Cloudflare"). */
  vendor: string;
  /** The watch entry's id when the user watches it. */
  vendorId?: string;
  /** Sentences a person can check ("Cloudflare reports a major outage since 11:48 UTC"). */
  evidence: string[];
}

/**
 * Several watched vendors got worse within a short window: the group opened, changed (a vendor joined or
 * recovered, the cause became known) or closed (all recovered). `vendor` is the possible cause's name, or null.
 */
export interface SharedCauseEvent {
  type: 'shared_cause_opened' | 'shared_cause_updated' | 'shared_cause_closed';
  vendor: string | null;
  at: string;
  /** Stable id of the group ("g-<ms of its start>"). */
  group: string;
  /** When the first of them got worse. */
  since: string;
  /** The vendors in trouble (names; on close, all that were in it). */
  vendors: string[];
  vendorIds: string[];
  /** Members that have recovered while the group stays open (names). */
  recovered: string[];
  cause: SharedCause | null;
}

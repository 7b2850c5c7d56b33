// The status model of DESIGN.md: every status, its order, the worst-of rule, impact mapping, labels,
// tray colors and glyphs. One place for each fact; every sink reads from here.

export const COMPONENT_STATUSES = [
  'operational',
  'maintenance',
  'degraded',
  'partial_outage',
  'major_outage',
  'unknown',
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** A vendor's status and the tray's use the same scale as components. */
export type VendorStatus = ComponentStatus;

/** The tray adds two states of its own that are not a vendor's: the machine is offline, or the user paused. */
export type TrayState = VendorStatus | 'offline' | 'paused';

export const INCIDENT_IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
/** `unknown` where a platform publishes an impact we cannot place honestly (never read as `none`). */
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number] | 'unknown';

export const INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
] as const;
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export type IncidentProgress = (typeof INCIDENT_STATUSES)[number];
export type MaintenanceProgress = (typeof MAINTENANCE_STATUSES)[number];
/** `unknown` where a platform says something we cannot place honestly. */
export type IncidentStatus = IncidentProgress | MaintenanceProgress | 'unknown';

/**
 * Severity rank: higher is worse. `unknown` ranks below every real problem, so that it wins only when
 * nothing worse is known (DESIGN.md: the tray shows unknown only when nothing worse is known), but above
 * operational, so that no data never reads as "all good".
 */
const SEVERITY: Record<ComponentStatus, number> = {
  operational: 0,
  unknown: 1,
  maintenance: 2,
  degraded: 3,
  partial_outage: 4,
  major_outage: 5,
};

export function severity(status: ComponentStatus): number {
  return SEVERITY[status];
}

/** Compare for sorting worst first: negative when `a` is worse than `b`. */
export function compareWorstFirst(a: ComponentStatus, b: ComponentStatus): number {
  return SEVERITY[b] - SEVERITY[a];
}

/** The worst of some statuses; `operational` only for a non-empty list of operational ones, `unknown` for none. */
export function worstOf(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus | null = null;
  for (const s of statuses) {
    if (worst === null || SEVERITY[s] > SEVERITY[worst]) worst = s;
  }
  return worst ?? 'unknown';
}

export function isProblem(status: ComponentStatus): boolean {
  return status !== 'operational' && status !== 'unknown';
}

export function isOutage(status: ComponentStatus): boolean {
  return status === 'partial_outage' || status === 'major_outage';
}

/** What an open incident's impact means for the vendor's status. */
export function impactToStatus(impact: IncidentImpact): ComponentStatus {
  switch (impact) {
    case 'minor':
      return 'degraded';
    case 'major':
      return 'partial_outage';
    case 'critical':
      return 'major_outage';
    case 'maintenance':
      return 'maintenance';
    case 'none':
      return 'operational';
    case 'unknown':
      return 'unknown';
  }
}

/** The impact an incident has when a platform gives only the state it put components in (the inverse of above). */
export function statusToImpact(status: ComponentStatus): IncidentImpact {
  switch (status) {
    case 'degraded':
      return 'minor';
    case 'partial_outage':
      return 'major';
    case 'major_outage':
      return 'critical';
    case 'maintenance':
      return 'maintenance';
    case 'operational':
      return 'none';
    case 'unknown':
      return 'unknown';
  }
}

export function isResolvedStatus(status: IncidentStatus): boolean {
  return status === 'resolved' || status === 'postmortem' || status === 'completed';
}

export const STATUS_LABEL: Record<TrayState, string> = {
  operational: 'Operational',
  maintenance: 'Under maintenance',
  degraded: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  unknown: 'Unknown',
  offline: 'Offline',
  paused: 'Paused',
};

export const IMPACT_LABEL: Record<IncidentImpact, string> = {
  none: 'No impact',
  minor: 'Minor',
  major: 'Major',
  critical: 'Critical',
  maintenance: 'Maintenance',
  unknown: 'Unknown',
};

export const INCIDENT_STATUS_LABEL: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
  unknown: 'Unknown',
};

export type Glyph = 'check' | 'wrench' | 'dot' | 'exclamation' | 'cross' | 'question' | 'offline' | 'pause';

export interface StatusLook {
  /** Color name, used for tray icon file names. */
  color: 'green' | 'blue' | 'yellow' | 'orange' | 'red' | 'grey';
  /** A CSS color with readable contrast on both light and dark backgrounds. */
  hex: string;
  glyph: Glyph;
  /** A text symbol for terminals and screen readers that read symbols. */
  symbol: string;
}

export const STATUS_LOOK: Record<TrayState, StatusLook> = {
  operational: { color: 'green', hex: '#1f9d55', glyph: 'check', symbol: '✓' },
  maintenance: { color: 'blue', hex: '#2f6fde', glyph: 'wrench', symbol: '🔧' },
  degraded: { color: 'yellow', hex: '#d4a20b', glyph: 'dot', symbol: '●' },
  partial_outage: { color: 'orange', hex: '#e8700f', glyph: 'exclamation', symbol: '!' },
  major_outage: { color: 'red', hex: '#d92b2b', glyph: 'cross', symbol: '✗' },
  unknown: { color: 'grey', hex: '#7b8794', glyph: 'question', symbol: '?' },
  offline: { color: 'grey', hex: '#7b8794', glyph: 'offline', symbol: '⊘' },
  paused: { color: 'grey', hex: '#7b8794', glyph: 'pause', symbol: '⏸' },
};

/** Map any platform string onto a status, never `operational` by accident. */
export function parseComponentStatus(value: unknown): ComponentStatus {
  return typeof value === 'string' && (COMPONENT_STATUSES as readonly string[]).includes(value)
    ? (value as ComponentStatus)
    : 'unknown';
}

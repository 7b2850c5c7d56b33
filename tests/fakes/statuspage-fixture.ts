// The Atlassian Statuspage public API v2 as data (the shapes of summary.json and incidents.json), plus
// helpers that change a fixture the way a vendor's staff would: a component degrades, an incident opens,
// gets updates and resolves, a maintenance is scheduled and starts. Tests and demos mutate fixtures
// with these and serve them with ./statuspage-server.ts.

export type SpComponentStatus =
  | 'operational'
  | 'degraded_performance'
  | 'partial_outage'
  | 'major_outage'
  | 'under_maintenance'
  // Statuspage may add values; fixtures may carry them to test that they read as unknown.
  | (string & {});
export type SpImpact = 'none' | 'minor' | 'major' | 'critical' | 'maintenance' | (string & {});
export type SpIncidentStatus =
  | 'investigating'
  | 'identified'
  | 'monitoring'
  | 'resolved'
  | 'postmortem'
  | 'scheduled'
  | 'in_progress'
  | 'verifying'
  | 'completed'
  | (string & {});

export interface SpPage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface SpComponent {
  id: string;
  name: string;
  status: SpComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** On group components only: ids of their children. */
  components?: string[];
}

export interface SpAffectedComponent {
  code: string;
  name: string;
  old_status: string;
  new_status: string;
}

export interface SpIncidentUpdate {
  id: string;
  status: SpIncidentStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: SpAffectedComponent[] | null;
  deliver_notifications: boolean;
  custom_tweet: string | null;
  tweet_id: string | null;
}

export interface SpIncident {
  id: string;
  name: string;
  status: SpIncidentStatus;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: SpImpact;
  shortlink: string;
  started_at: string;
  page_id: string;
  /** Newest first, as Statuspage publishes them. */
  incident_updates: SpIncidentUpdate[];
  components: SpComponent[];
  /** Scheduled maintenances only. */
  scheduled_for?: string | null;
  scheduled_until?: string | null;
}

export interface StatuspageFixture {
  page: SpPage;
  status: { indicator: 'none' | 'minor' | 'major' | 'critical' | (string & {}); description: string };
  /** Groups and leaves, in display order (a group's children follow it). */
  components: SpComponent[];
  /** Incidents, newest first; open ones appear in summary.json too. */
  incidents: SpIncident[];
  /** Scheduled maintenances, any state; summary.json shows scheduled and in-progress ones. */
  scheduled_maintenances: SpIncident[];
}

const OPEN_INCIDENT = new Set(['investigating', 'identified', 'monitoring']);
const OPEN_MAINTENANCE = new Set(['scheduled', 'in_progress', 'verifying']);

export function isOpenIncident(incident: SpIncident): boolean {
  return OPEN_INCIDENT.has(incident.status);
}
export function isOpenMaintenance(maintenance: SpIncident): boolean {
  return OPEN_MAINTENANCE.has(maintenance.status);
}

let idCounter = 0;
/** A Statuspage-looking id (12 lowercase alphanumerics), deterministic from a seed string when given. */
export function spId(seed?: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let h = 2166136261;
  const source = seed ?? `auto-${++idCounter}`;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 16777619);
  let out = '';
  for (let i = 0; i < 12; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ i;
    out += alphabet[(h >>> 0) % alphabet.length];
  }
  return out;
}

export interface FixtureSpec {
  name: string;
  url?: string;
  pageId?: string;
  /** Components without a group. */
  standalone?: string[];
  groups?: Array<{ name: string; components: string[] }>;
  /** When the page and its components were created. */
  createdAt?: string;
}

/** Build an all-operational fixture from names: standalone components first, then each group. */
export function buildFixture(spec: FixtureSpec): StatuspageFixture {
  const pageId = spec.pageId ?? spId(`page:${spec.name}`);
  const at = spec.createdAt ?? '2020-01-01T00:00:00.000Z';
  const components: SpComponent[] = [];
  let position = 1;
  const leaf = (name: string, groupId: string | null): SpComponent => ({
    id: spId(`${pageId}:${groupId ?? ''}:${name}`),
    name,
    status: 'operational',
    created_at: at,
    updated_at: at,
    position: position++,
    description: null,
    showcase: true,
    start_date: null,
    group_id: groupId,
    page_id: pageId,
    group: false,
    only_show_if_degraded: false,
  });
  for (const name of spec.standalone ?? []) components.push(leaf(name, null));
  for (const group of spec.groups ?? []) {
    const groupComponent: SpComponent = {
      ...leaf(group.name, null),
      id: spId(`${pageId}:group:${group.name}`),
      group: true,
      components: [],
    };
    components.push(groupComponent);
    for (const name of group.components) {
      const child = leaf(name, groupComponent.id);
      groupComponent.components!.push(child.id);
      components.push(child);
    }
  }
  return {
    page: {
      id: pageId,
      name: spec.name,
      url: spec.url ?? `https://status.${spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.com`,
      time_zone: 'Etc/UTC',
      updated_at: at,
    },
    status: { indicator: 'none', description: 'All Systems Operational' },
    components,
    incidents: [],
    scheduled_maintenances: [],
  };
}

/** A component by "Group/Name", "Name" (standalone first, then any), or id. */
export function findComponent(fixture: StatuspageFixture, ref: string): SpComponent {
  const byId = fixture.components.find((c) => c.id === ref);
  if (byId) return byId;
  const groups = new Map(fixture.components.filter((c) => c.group).map((c) => [c.id, c.name]));
  const leaves = fixture.components.filter((c) => !c.group);
  const slash = ref.indexOf('/');
  if (slash > 0) {
    const groupName = ref.slice(0, slash);
    const name = ref.slice(slash + 1);
    const hit = leaves.find((c) => c.name === name && c.group_id && groups.get(c.group_id) === groupName);
    if (hit) return hit;
  }
  const hit = leaves.find((c) => c.name === ref && !c.group_id) ?? leaves.find((c) => c.name === ref);
  if (!hit) throw new Error(`no component "${ref}" in fixture ${fixture.page.name}`);
  return hit;
}

function touch(fixture: StatuspageFixture, at: string): void {
  fixture.page.updated_at = at;
  const worst = fixture.components.reduce((acc, c) => {
    const rank = { degraded_performance: 1, partial_outage: 2, major_outage: 3 }[c.status as string] ?? 0;
    return Math.max(acc, rank);
  }, 0);
  const impacts = fixture.incidents
    .filter(isOpenIncident)
    .map((i) => ({ minor: 1, major: 2, critical: 3 })[i.impact as string] ?? 0);
  const level = Math.max(worst, ...impacts);
  const indicator = (['none', 'minor', 'major', 'critical'] as const)[level] ?? 'none';
  const description = {
    none: 'All Systems Operational',
    minor: 'Minor Service Outage',
    major: 'Partial System Outage',
    critical: 'Major System Outage',
  }[indicator];
  fixture.status = { indicator, description };
}

export function setComponentStatus(
  fixture: StatuspageFixture,
  ref: string,
  status: SpComponentStatus,
  at = new Date().toISOString(),
): SpComponent {
  const component = findComponent(fixture, ref);
  component.status = status;
  component.updated_at = at;
  touch(fixture, at);
  return component;
}

export interface IncidentSpec {
  name: string;
  impact?: SpImpact;
  status?: SpIncidentStatus;
  body?: string;
  /** Component refs ("Group/Name", "Name" or id). */
  components?: string[];
  at?: string;
  id?: string;
}

function makeUpdate(
  incidentId: string,
  status: SpIncidentStatus,
  body: string,
  at: string,
): SpIncidentUpdate {
  return {
    id: spId(`${incidentId}:${status}:${at}:${body.length}`),
    status,
    body,
    incident_id: incidentId,
    created_at: at,
    updated_at: at,
    display_at: at,
    affected_components: null,
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  };
}

/** Open an incident (newest first in the list). Returns it; mutate further with updateIncident. */
export function openIncident(fixture: StatuspageFixture, spec: IncidentSpec): SpIncident {
  const at = spec.at ?? new Date().toISOString();
  const id = spec.id ?? spId();
  const status = spec.status ?? 'investigating';
  const incident: SpIncident = {
    id,
    name: spec.name,
    status,
    created_at: at,
    updated_at: at,
    monitoring_at: null,
    resolved_at: null,
    impact: spec.impact ?? 'minor',
    shortlink: `https://stspg.io/${id.slice(0, 6)}`,
    started_at: at,
    page_id: fixture.page.id,
    incident_updates: [makeUpdate(id, status, spec.body ?? 'We are investigating this issue.', at)],
    components: (spec.components ?? []).map((ref) => ({ ...findComponent(fixture, ref) })),
  };
  fixture.incidents.unshift(incident);
  touch(fixture, at);
  return incident;
}

/**
 * The usual outage of a test: a component down and an incident naming it, opened together (one update of
 * the page). Returns the incident, to resolve it later.
 */
export function openOutage(
  fixture: StatuspageFixture,
  ref: string,
  spec: Omit<IncidentSpec, 'components'>,
  status: SpComponentStatus = 'major_outage',
): SpIncident {
  setComponentStatus(fixture, ref, status, spec.at);
  return openIncident(fixture, { ...spec, components: [ref] });
}

function findIncident(fixture: StatuspageFixture, id: string): SpIncident {
  const hit =
    fixture.incidents.find((i) => i.id === id) ?? fixture.scheduled_maintenances.find((i) => i.id === id);
  if (!hit) throw new Error(`no incident ${id} in fixture ${fixture.page.name}`);
  return hit;
}

/** Post an update (newest first, as Statuspage lists them); the incident takes its status. */
export function updateIncident(
  fixture: StatuspageFixture,
  id: string,
  update: { status: SpIncidentStatus; body: string; at?: string; impact?: SpImpact },
): SpIncident {
  const at = update.at ?? new Date().toISOString();
  const incident = findIncident(fixture, id);
  incident.status = update.status;
  incident.updated_at = at;
  if (update.impact) incident.impact = update.impact;
  if (update.status === 'monitoring') incident.monitoring_at = at;
  if (update.status === 'resolved' || update.status === 'completed') incident.resolved_at = at;
  incident.incident_updates.unshift(makeUpdate(id, update.status, update.body, at));
  touch(fixture, at);
  return incident;
}

export function resolveIncident(
  fixture: StatuspageFixture,
  id: string,
  body = 'This incident has been resolved.',
  at?: string,
): SpIncident {
  return updateIncident(fixture, id, { status: 'resolved', body, at });
}

/** Schedule a maintenance window (status `scheduled`); start it with updateIncident(…'in_progress'…). */
export function scheduleMaintenance(
  fixture: StatuspageFixture,
  spec: IncidentSpec & { from: string; until: string },
): SpIncident {
  const at = spec.at ?? new Date().toISOString();
  const id = spec.id ?? spId();
  const status = spec.status ?? 'scheduled';
  const maintenance: SpIncident = {
    id,
    name: spec.name,
    status,
    created_at: at,
    updated_at: at,
    monitoring_at: null,
    resolved_at: null,
    impact: 'maintenance',
    shortlink: `https://stspg.io/${id.slice(0, 6)}`,
    started_at: at,
    page_id: fixture.page.id,
    incident_updates: [makeUpdate(id, status, spec.body ?? 'Maintenance is scheduled.', at)],
    components: (spec.components ?? []).map((ref) => ({ ...findComponent(fixture, ref) })),
    scheduled_for: spec.from,
    scheduled_until: spec.until,
  };
  fixture.scheduled_maintenances.unshift(maintenance);
  touch(fixture, at);
  return maintenance;
}

/** What /api/v2/summary.json returns for this fixture. */
export function summaryOf(fixture: StatuspageFixture): object {
  return {
    page: fixture.page,
    status: fixture.status,
    components: fixture.components,
    incidents: fixture.incidents.filter(isOpenIncident),
    scheduled_maintenances: fixture.scheduled_maintenances.filter(
      (m) => m.status === 'scheduled' || m.status === 'in_progress' || m.status === 'verifying',
    ),
  };
}

/** What /api/v2/incidents.json returns: the 50 most recent incidents. */
export function incidentsOf(fixture: StatuspageFixture): object {
  return { page: fixture.page, incidents: fixture.incidents.slice(0, 50) };
}

export function upcomingOf(fixture: StatuspageFixture): object {
  return {
    page: fixture.page,
    scheduled_maintenances: fixture.scheduled_maintenances.filter((m) => m.status === 'scheduled'),
  };
}

export function componentsOf(fixture: StatuspageFixture): object {
  return { page: fixture.page, components: fixture.components };
}

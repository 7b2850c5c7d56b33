// Zendesk's own status backend (status.zendesk.com, not Atlassian Statuspage): `/api/ssp/incidents.json`, a
// JSON:API list of recent incidents (open and resolved) with the services each touches (`included`
// incidentService records: outage or degradation, per service and sub-service), and `/api/ssp/services.json`,
// the top-level services (Support, Chat, Voice, …). Two requests; the incidents carry no updates.
import { z } from 'zod';
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { impactToStatus, worstOf } from '../../../shared/status';
import { FetchError } from '../http/types';
import { toIso } from './common/dates';
import { baseBefore, getJson, schemaError } from './common/fetch';
import { sortIncidents } from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

const id = z.union([z.string(), z.number()]).transform(String);
const text = z.string().nullish();
const flag = z.boolean().nullish();

const IncidentSchema = z.object({
  id,
  type: text,
  attributes: z.object({
    name: text,
    impact: text,
    status: text,
    startedAt: text,
    resolvedAt: text,
    maintResolvesAt: text,
    outage: flag,
    degradation: flag,
  }),
});
const IncidentServiceSchema = z.object({
  id,
  type: text,
  attributes: z
    .object({
      incidentId: id.nullish(),
      serviceId: id.nullish(),
      serviceParentId: id.nullish(),
      serviceName: text,
      outage: flag,
      degradation: flag,
      resolvedAt: text,
    })
    .nullish(),
});
export const ZendeskIncidentsSchema = z.object({
  data: z.array(IncidentSchema),
  included: z.array(z.unknown()).nullish(),
});
export const ZendeskServicesSchema = z.object({
  data: z.array(
    z.object({
      id,
      attributes: z.object({ name: text, deprecated: flag, position: z.number().nullish() }).nullish(),
    }),
  ),
});
type ZdIncident = z.infer<typeof IncidentSchema>;
type ZdIncidentService = z.infer<typeof IncidentServiceSchema>;

const IMPACT: Record<string, IncidentImpact> = {
  none: 'none',
  minor: 'minor',
  major: 'major',
  critical: 'critical',
  maintenance: 'maintenance',
};

function progress(v: string | null | undefined): IncidentStatus {
  switch ((v ?? '').trim().toLowerCase()) {
    case 'investigating':
      return 'investigating';
    case 'identified':
      return 'identified';
    case 'monitoring':
      return 'monitoring';
    case 'resolved':
      return 'resolved';
    default:
      return 'unknown';
  }
}

/** The service a record stands for at the top level: a sub-service counts for its parent. */
const topService = (s: ZdIncidentService) => s.attributes?.serviceParentId ?? s.attributes?.serviceId ?? null;

function incidentOf(i: ZdIncident, services: ZdIncidentService[], pageUrl: string): Incident {
  const a = i.attributes;
  const impact = IMPACT[(a.impact ?? '').toLowerCase()] ?? 'unknown';
  const maintenance = impact === 'maintenance' || !!a.maintResolvesAt;
  // A resolvedAt says it is over, whatever the status word still says (Zendesk leaves "monitoring" on some).
  const resolvedAt = toIso(a.resolvedAt);
  const word = progress(a.status);
  const status: IncidentStatus = maintenance
    ? resolvedAt
      ? 'completed'
      : 'in_progress'
    : resolvedAt || word === 'resolved'
      ? 'resolved'
      : word;
  const startedAt = toIso(a.startedAt) ?? '';
  return {
    id: i.id,
    title: a.name ?? '',
    impact,
    status,
    startedAt,
    resolvedAt: status === 'resolved' || status === 'completed' ? (resolvedAt ?? startedAt) : null,
    // The API names no incident address and we know none the page answers to: the page itself.
    url: pageUrl,
    components: [
      ...new Set(services.map(topService).filter((x): x is string => x !== null && x !== undefined)),
    ],
    updates: [],
    kind: maintenance ? 'maintenance' : 'incident',
    ...(maintenance ? { scheduledFor: startedAt || null, scheduledUntil: toIso(a.maintResolvesAt) } : {}),
  };
}

export function parseZendesk(
  incidentsDoc: unknown,
  servicesDoc: unknown,
  pageUrl: string,
): Omit<PlatformRead, 'notModified'> {
  const parsed = ZendeskIncidentsSchema.safeParse(incidentsDoc);
  if (!parsed.success) throw schemaError('The Zendesk answer is not a list of incidents.');
  const records = (parsed.data.included ?? [])
    .map((x) => IncidentServiceSchema.safeParse(x))
    .filter((r) => r.success && r.data.type === 'incidentService')
    .map((r) => r.data!);
  const byIncident = new Map<string, ZdIncidentService[]>();
  for (const r of records) {
    const key = r.attributes?.incidentId;
    if (key) byIncident.set(key, [...(byIncident.get(key) ?? []), r]);
  }
  const incidents = parsed.data.data.map((i) => incidentOf(i, byIncident.get(i.id) ?? [], pageUrl));

  // Each top-level service: the worst of what open incidents say of it or of its sub-services.
  const now = new Map<string, ComponentStatus[]>();
  for (const i of parsed.data.data) {
    const inc = incidents.find((x) => x.id === i.id)!;
    if (inc.resolvedAt !== null) continue;
    for (const s of byIncident.get(i.id) ?? []) {
      const top = topService(s);
      if (!top || s.attributes?.resolvedAt) continue;
      const st: ComponentStatus = s.attributes?.outage
        ? 'major_outage'
        : s.attributes?.degradation
          ? 'degraded'
          : inc.kind === 'maintenance'
            ? 'maintenance'
            : impactToStatus(inc.impact);
      now.set(top, [...(now.get(top) ?? []), st]);
    }
  }
  const services = ZendeskServicesSchema.safeParse(servicesDoc);
  const components: Component[] = services.success
    ? services.data.data
        .filter((s) => !s.attributes?.deprecated)
        .map((s) => ({
          id: s.id,
          name: s.attributes?.name ?? s.id,
          group: null,
          status: now.has(s.id) ? worstOf(now.get(s.id)!) : 'operational',
        }))
    : [];
  const lacks: Array<'components' | 'updates'> = ['updates'];
  if (!services.success) lacks.unshift('components');
  return {
    vendor: { name: 'Zendesk', platform: 'zendesk', pageUrl, lacks },
    components,
    incidents: sortIncidents(incidents),
  };
}

const API = /\/api\/ssp(?:\/(?:incidents|services)\.json)?\/?$/;

export const zendeskAdapter: PlatformAdapter = {
  id: 'zendesk',
  matchUrl(url) {
    if (url.hostname === 'status.zendesk.com' || API.test(url.pathname)) {
      const base = API.test(url.pathname) ? baseBefore(url, API) : url.origin;
      return {
        platform: 'zendesk',
        pageUrl: url.hostname === 'status.zendesk.com' ? 'https://status.zendesk.com' : base,
        apiUrl: `${base}/api/ssp/incidents.json`,
        name: 'Zendesk',
      };
    }
    return null;
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const base = baseBefore(new URL(detection.apiUrl), API);
    const incidents = await getJson(ctx, `${base}/api/ssp/incidents.json`);
    // Without the service list the incidents still tell what is open; the components are then missing.
    const services = await getJson(ctx, `${base}/api/ssp/services.json`).catch((err: unknown) => {
      if (err instanceof FetchError && (err.kind === 'timeout' || err.kind === 'rate_limited')) throw err;
      return null;
    });
    return {
      ...parseZendesk(incidents.data, services?.data ?? null, detection.pageUrl),
      notModified: incidents.doc.notModified && (services?.doc.notModified ?? true),
    };
  },
};

// PagerDuty's status page product (status.pagerduty.com and the pages customers host on it): the page embeds
// its whole state as JSON in `<script id="data">` — the business services (components, grouped), the open
// incidents and the recent resolved ones, each with every update and the services each update impacts.
// One request: the page itself.
import { z } from 'zod';
import type { Component, Incident, IncidentUpdate } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { worstOf } from '../../../shared/status';
import { toIso } from './common/dates';
import { knownPlatform } from './common/known-hosts';
import { decodeEntities, htmlToText } from './common/html';
import { parseJson, getText, schemaError, statusPageOf } from './common/fetch';
import { sortIncidents, sortUpdates } from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

const text = z.string().nullish();

const ImpactedSchema = z.object({
  business_service_id: text,
  name: text,
  severity: text,
});
const UpdateSchema = z.object({
  id: text,
  message: text,
  status: text,
  severity: text,
  reported_at: text,
  created_at: text,
  impacted_business_services: z.array(ImpactedSchema).nullish(),
});
const IncidentSchema = z.object({
  id: z.string(),
  title: text,
  updates: z.array(UpdateSchema).nullish(),
});
const ServiceSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  name: text,
  type: text,
  grouping_element: z.boolean().nullish(),
  Head_ID: z.union([z.string(), z.number()]).nullish(),
});
export const PagerDutyDataSchema = z.object({
  summary: z.object({
    open_incidents: z.array(IncidentSchema),
    resolved_incidents: z.array(IncidentSchema).nullish(),
  }),
  layout: z
    .object({
      layout_settings: z
        .object({
          name: text,
          business_services: z.array(ServiceSchema).nullish(),
        })
        .nullish(),
    })
    .nullish(),
});
type PagerDutyData = z.infer<typeof PagerDutyDataSchema>;
type PdIncident = z.infer<typeof IncidentSchema>;

const SEVERITY_STATUS: Record<string, ComponentStatus> = {
  all_good: 'operational',
  minor: 'degraded',
  major: 'partial_outage',
  outage: 'major_outage',
  maintenance: 'maintenance',
};
const SEVERITY_IMPACT: Record<string, IncidentImpact> = {
  all_good: 'none',
  minor: 'minor',
  major: 'major',
  outage: 'critical',
  maintenance: 'maintenance',
};
const IMPACT_RANK: IncidentImpact[] = ['unknown', 'none', 'maintenance', 'minor', 'major', 'critical'];

const word = (v: string | null | undefined) =>
  (v ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const own = <T>(map: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;

export const pagerdutySeverityStatus = (v: string | null | undefined): ComponentStatus =>
  own(SEVERITY_STATUS, word(v)) ?? 'unknown';

function progress(v: string | null | undefined): IncidentStatus {
  switch (word(v)) {
    // "Detected": PagerDuty's first word, before anyone has looked; the nearest of ours is investigating.
    case 'detected':
    case 'investigating':
      return 'investigating';
    case 'identified':
      return 'identified';
    case 'monitoring':
      return 'monitoring';
    case 'resolved':
      return 'resolved';
    case 'scheduled':
      return 'scheduled';
    case 'in_progress':
      return 'in_progress';
    case 'completed':
      return 'completed';
    default:
      return 'unknown';
  }
}

/** The page's embedded state, or null when it has none of PagerDuty's shape. */
export function pagerdutyFromPage(html: string): unknown {
  // Cheap test first: most pages probed are not PagerDuty's.
  if (!html.includes('open_incidents')) return null;
  const m = /<script\b[^>]*\bid=["']?data["']?[^>]*>([\s\S]*?)<\/script>/i.exec(html);
  if (!m) return null;
  try {
    return parseJson(m[1]!.trim().startsWith('{') ? m[1]! : decodeEntities(m[1]!), 'the page data');
  } catch {
    return null;
  }
}

/** Is this PagerDuty's status page state? By its fields: a summary with open incidents. */
export function isPagerDutyData(data: unknown): boolean {
  return PagerDutyDataSchema.safeParse(data).success;
}

function incidentOf(i: PdIncident, open: boolean, pageUrl: string): Incident {
  // PagerDuty lists updates newest first; the model wants oldest first.
  const raw = [...(i.updates ?? [])];
  const updates: IncidentUpdate[] = sortUpdates(
    raw.map((u) => ({
      status: progress(u.status),
      body: htmlToText(u.message ?? ''),
      at: toIso(u.reported_at ?? u.created_at) ?? '',
    })),
  ).filter((u) => u.at);
  let impact: IncidentImpact = 'unknown';
  for (const u of raw) {
    for (const s of [u.severity, ...(u.impacted_business_services ?? []).map((b) => b.severity)]) {
      const imp = own(SEVERITY_IMPACT, word(s)) ?? 'unknown';
      if (IMPACT_RANK.indexOf(imp) > IMPACT_RANK.indexOf(impact)) impact = imp;
    }
  }
  const last = updates[updates.length - 1];
  const maintenance = impact === 'maintenance';
  const latest = last?.status ?? 'unknown';
  const status: IncidentStatus = open
    ? latest === 'resolved' || latest === 'completed'
      ? maintenance
        ? 'in_progress'
        : 'monitoring'
      : latest
    : maintenance
      ? 'completed'
      : 'resolved';
  const components = new Set<string>();
  for (const u of raw)
    for (const b of u.impacted_business_services ?? [])
      if (b.business_service_id) components.add(b.business_service_id);
  const startedAt = updates[0]?.at ?? '';
  return {
    id: i.id,
    title: i.title ?? '',
    impact,
    status,
    startedAt,
    resolvedAt: open ? null : (last?.at ?? startedAt),
    url: `${pageUrl.replace(/\/$/, '')}/incidents/${encodeURIComponent(i.id)}`,
    components: [...components],
    updates,
    kind: maintenance ? 'maintenance' : 'incident',
    ...(maintenance ? { scheduledFor: startedAt || null, scheduledUntil: null } : {}),
  };
}

/** The latest update's impacted services of every open incident: the worst severity each is under now. */
function currentSeverities(open: PdIncident[]): Map<string, ComponentStatus> {
  const now = new Map<string, ComponentStatus>();
  for (const i of open) {
    const latest = [...(i.updates ?? [])].sort((a, b) =>
      (toIso(b.reported_at ?? b.created_at) ?? '').localeCompare(toIso(a.reported_at ?? a.created_at) ?? ''),
    )[0];
    for (const b of latest?.impacted_business_services ?? []) {
      if (!b.business_service_id) continue;
      const st = pagerdutySeverityStatus(b.severity);
      const before = now.get(b.business_service_id);
      now.set(b.business_service_id, before ? worstOf([before, st]) : st);
    }
  }
  return now;
}

export function parsePagerDuty(data: unknown, pageUrl: string): Omit<PlatformRead, 'notModified'> {
  const parsed = PagerDutyDataSchema.safeParse(data);
  if (!parsed.success) throw schemaError('The page does not hold PagerDuty status page data.');
  const d: PagerDutyData = parsed.data;
  const open = d.summary.open_incidents;
  const services = d.layout?.layout_settings?.business_services ?? [];
  const groups = new Map<string, string>();
  for (const s of services) if (s.grouping_element) groups.set(s.id, s.name ?? '');
  const severities = currentSeverities(open);
  // Every business service the page shows; one no open incident impacts is operational, as the page says.
  const components: Component[] = services
    .filter((s) => !s.grouping_element)
    .map((s) => ({
      id: s.id,
      name: s.name ?? s.id,
      group: (s.Head_ID !== null && s.Head_ID !== undefined && groups.get(String(s.Head_ID))) || null,
      status: severities.get(s.id) ?? 'operational',
    }));
  const incidents = [
    ...open.map((i) => incidentOf(i, true, pageUrl)),
    ...(d.summary.resolved_incidents ?? []).map((i) => incidentOf(i, false, pageUrl)),
  ];
  const title = (d.layout?.layout_settings?.name ?? '').replace(/\s*status\s*page\s*$/i, '').trim();
  return {
    vendor: { name: title || new URL(pageUrl).hostname, platform: 'pagerduty', pageUrl, source: 'embedded' },
    components,
    incidents: sortIncidents(incidents),
  };
}

export const pagerdutyAdapter: PlatformAdapter = {
  id: 'pagerduty',
  matchUrl(url) {
    if (url.hostname === 'status.pagerduty.com' || knownPlatform(url.hostname) === 'pagerduty') {
      const page = statusPageOf(url);
      return { platform: 'pagerduty', pageUrl: page, apiUrl: page };
    }
    return null;
  },
  async probe(url, _ctx, page) {
    if (!page) return null;
    const data = pagerdutyFromPage(page.body);
    if (data === null || !isPagerDutyData(data)) return null;
    const name = parsePagerDuty(data, url.toString()).vendor.name;
    return { platform: 'pagerduty', pageUrl: url.toString(), apiUrl: url.toString(), name };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const doc = await getText(ctx, detection.apiUrl, 'text/html');
    const data = pagerdutyFromPage(doc.text);
    if (data === null)
      throw schemaError(`${new URL(doc.finalUrl).host} no longer embeds PagerDuty status page data.`);
    return { ...parsePagerDuty(data, detection.pageUrl), notModified: doc.notModified };
  },
};

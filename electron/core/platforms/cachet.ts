// Cachet 2.x, through its public API: `/api/v1/components` (numeric statuses, group ids),
// `/api/v1/components/groups`, `/api/v1/incidents` (numeric progress, dates as "YYYY-MM-DD HH:MM:SS" in the
// server's zone, which the API does not tell: read as UTC), updates of open incidents, and `/api/v1/schedules`.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { statusToImpact } from '../../../shared/status';
import { toIso } from './common/dates';
import { knownPlatform } from './common/known-hosts';
import { baseBefore, getJson, schemaError, under } from './common/fetch';
import { htmlToText, metaContents } from './common/html';
import { bool, isObject, objects, sortIncidents, sortUpdates, str, text, type Json } from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

/** 1 operational, 2 performance issues, 3 partial outage, 4 major outage. */
export function cachetComponentStatus(v: unknown): ComponentStatus {
  switch (Number(v)) {
    case 1:
      return 'operational';
    case 2:
      return 'degraded';
    case 3:
      return 'partial_outage';
    case 4:
      return 'major_outage';
    default:
      return 'unknown';
  }
}

/** 0 scheduled, 1 investigating, 2 identified, 3 watching, 4 fixed. */
export function cachetIncidentStatus(v: unknown): IncidentStatus {
  switch (Number(v)) {
    case 0:
      return 'scheduled';
    case 1:
      return 'investigating';
    case 2:
      return 'identified';
    case 3:
      return 'monitoring';
    case 4:
      return 'resolved';
    default:
      return 'unknown';
  }
}

function impactFromComponentStatus(v: unknown): IncidentImpact {
  return statusToImpact(cachetComponentStatus(v));
}

export interface CachetDocuments {
  components: unknown;
  groups: unknown;
  incidents: unknown;
  schedules?: unknown;
  /** Incident id → its updates (`/api/v1/incidents/<id>/updates`). */
  updates?: Map<string, unknown>;
}

const data = (v: unknown) => objects(isObject(v) ? v.data : v);

export function parseCachet(
  docs: CachetDocuments,
  pageUrl: string,
  name?: string,
): Omit<PlatformRead, 'notModified'> {
  const groups = new Map<string, string>();
  for (const g of data(docs.groups)) groups.set(str(g.id) ?? '', text(g.name));
  const componentStatus = new Map<string, unknown>();
  const components: Component[] = data(docs.components)
    .filter((c) => c.enabled === undefined || bool(c.enabled))
    .map((c) => {
      const id = str(c.id) ?? text(c.name);
      componentStatus.set(id, c.status);
      const gid = str(c.group_id);
      return {
        id,
        name: text(c.name),
        group: gid && gid !== '0' ? (groups.get(gid) ?? null) : null,
        status: cachetComponentStatus(c.status),
      };
    });
  const incidents: Incident[] = data(docs.incidents)
    .filter((i) => i.visible === undefined || bool(i.visible))
    .map((i) => incidentOf(i, docs.updates?.get(str(i.id) ?? ''), componentStatus, pageUrl));
  for (const s of data(docs.schedules)) {
    const start = toIso(s.scheduled_at);
    const end = toIso(s.completed_at);
    const st = Number(s.status);
    const status: IncidentStatus =
      st === 2 ? 'completed' : st === 1 ? 'in_progress' : st === 0 ? 'scheduled' : 'unknown';
    incidents.push({
      id: `schedule-${str(s.id) ?? ''}`,
      title: text(s.name),
      impact: 'maintenance',
      status,
      startedAt: start ?? '',
      resolvedAt: status === 'completed' ? (end ?? start) : null,
      url: `${pageUrl.replace(/\/$/, '')}/schedules/${str(s.id) ?? ''}`,
      components: objects(s.components)
        .map((c) => str(c.component_id ?? c.id))
        .filter((x): x is string => x !== null),
      updates: [{ status, body: htmlToText(text(s.message)), at: start ?? toIso(s.created_at) ?? '' }],
      kind: 'maintenance',
      scheduledFor: start,
      scheduledUntil: end,
    });
  }
  return {
    vendor: { name: name ?? new URL(pageUrl).hostname, platform: 'cachet', pageUrl },
    components,
    incidents: sortIncidents(incidents),
  };
}

function incidentOf(
  i: Json,
  rawUpdates: unknown,
  componentStatus: Map<string, unknown>,
  pageUrl: string,
): Incident {
  const status = cachetIncidentStatus(i.status);
  const scheduled = status === 'scheduled';
  const startedAt = toIso(i.occurred_at ?? i.scheduled_at ?? i.created_at) ?? '';
  const first = { status, body: htmlToText(text(i.message)), at: startedAt };
  const later = data(rawUpdates ?? i.updates).map((u) => ({
    status: cachetIncidentStatus(u.status),
    body: htmlToText(text(u.message)),
    at: toIso(u.created_at) ?? '',
  }));
  const updates = sortUpdates([
    ...(later.length ? [{ ...first, status: 'investigating' as const }] : [first]),
    ...later,
  ]).filter((u) => u.at);
  const componentId = str(i.component_id);
  const statusNow = componentId && componentId !== '0' ? componentStatus.get(componentId) : undefined;
  const resolved = status === 'resolved';
  return {
    id: str(i.id) ?? `${text(i.name)}@${startedAt}`,
    title: text(i.name),
    impact: scheduled
      ? 'maintenance'
      : statusNow !== undefined && !resolved
        ? impactFromComponentStatus(statusNow)
        : 'unknown',
    status,
    startedAt,
    resolvedAt: resolved
      ? later.length
        ? (updates[updates.length - 1]?.at ?? startedAt)
        : (toIso(i.updated_at) ?? startedAt)
      : null,
    url: text(i.permalink) || `${pageUrl.replace(/\/$/, '')}/incidents/${str(i.id) ?? ''}`,
    components: componentId && componentId !== '0' ? [componentId] : [],
    updates,
    kind: scheduled ? 'maintenance' : 'incident',
    ...(scheduled ? { scheduledFor: toIso(i.scheduled_at), scheduledUntil: null } : {}),
  };
}

const API = /\/api\/v1(\/.*)?$/;

export const cachetAdapter: PlatformAdapter = {
  id: 'cachet',
  matchUrl(url) {
    if (knownPlatform(url.hostname) === 'cachet' && !/\/api\/v1/.test(url.pathname)) {
      const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
      return { platform: 'cachet', pageUrl: url.toString(), apiUrl: `${base}/api/v1` };
    }
    if (!/\/api\/v1\/(components|incidents|ping|schedules|version)(\/.*)?$/.test(url.pathname)) return null;
    const base = baseBefore(url, API);
    return { platform: 'cachet', pageUrl: base, apiUrl: `${base}/api/v1` };
  },
  async probe(url, _ctx, page) {
    if (
      !page ||
      !(
        /cachethq|powered by cachet|\/vendor\/cachet/i.test(page.body.slice(0, 300_000)) ||
        metaContents(page.body, 'generator').some((g) => /cachet/i.test(g))
      )
    ) {
      return null;
    }
    const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    const title = /<title[^>]*>([^<]*)<\/title>/i
      .exec(page.body)?.[1]
      ?.replace(/\s*status\s*$/i, '')
      .trim();
    return {
      platform: 'cachet',
      pageUrl: url.toString(),
      apiUrl: `${base}/api/v1`,
      ...(title ? { name: title } : {}),
    };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const api = detection.apiUrl.replace(/\/+$/, '');
    const [components, groups, incidents] = await Promise.all([
      getJson(ctx, under(api, 'components?per_page=500')),
      getJson(ctx, under(api, 'components/groups?per_page=100')).catch(() => null),
      getJson(ctx, under(api, 'incidents?per_page=50&sort=id&order=desc')),
    ]);
    if (!isObject(components.data) || !Array.isArray(components.data.data)) {
      throw schemaError(`${components.doc.url} is not a Cachet component list.`);
    }
    const schedules = await getJson(ctx, under(api, 'schedules?per_page=50')).catch(() => null);
    // Updates only for the open incidents: a handful of requests at most.
    const open = data(incidents.data)
      .filter(
        (i) => Number(i.status) > 0 && Number(i.status) < 4 && (i.visible === undefined || bool(i.visible)),
      )
      .slice(0, 5);
    const updates = new Map<string, unknown>();
    await Promise.all(
      open.map(async (i) => {
        const id = str(i.id);
        if (!id || Array.isArray(i.updates)) return;
        const u = await getJson(ctx, under(api, `incidents/${encodeURIComponent(id)}/updates`)).catch(
          () => null,
        );
        if (u) updates.set(id, u.data);
      }),
    );
    return {
      ...parseCachet(
        {
          components: components.data,
          groups: groups?.data,
          incidents: incidents.data,
          schedules: schedules?.data,
          updates,
        },
        detection.pageUrl,
        detection.name,
      ),
      notModified: components.doc.notModified && incidents.doc.notModified,
    };
  },
};

// Sorry™ status pages, through the public read API `api.sorryapp.com/v1/pages/<page id>` with its
// `/components` and `/notices?include=updates,components` (answers wrapped in `response`).
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { impactToStatus } from '../../../shared/status';
import { toIso } from './common/dates';
import { getJson, schemaError } from './common/fetch';
import { htmlToText } from './common/html';
import { isObject, obj, objects, sortIncidents, sortUpdates, str, text, type Json } from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

/** Sorry shows operational (green), partially degraded (orange) and degraded (red). */
export function sorryStatus(v: unknown): ComponentStatus {
  switch (text(v)) {
    case 'operational':
      return 'operational';
    case 'partially-degraded':
    case 'partially_degraded':
      return 'partial_outage';
    case 'degraded':
      return 'major_outage';
    case 'under-maintenance':
    case 'maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

function progressOf(v: unknown): IncidentStatus {
  switch (text(v)) {
    case 'investigating':
    case 'identified':
    case 'resolved':
    case 'scheduled':
      return text(v) as IncidentStatus;
    case 'recovering':
      return 'monitoring';
    case 'false_alarm':
      return 'resolved';
    case 'underway':
      return 'in_progress';
    case 'complete':
    case 'cancelled':
      return 'completed';
    default:
      return 'unknown';
  }
}

const unwrap = (v: unknown): unknown => (isObject(v) && 'response' in v ? v.response : v);

export function parseSorry(
  pageDoc: unknown,
  componentsDoc: unknown,
  noticesDoc: unknown,
  pageUrl: string,
): Omit<PlatformRead, 'notModified'> {
  const page = obj(unwrap(pageDoc));
  const rawComponents = unwrap(componentsDoc) ?? page.components;
  if (!Array.isArray(rawComponents)) throw schemaError('The Sorry answer has no component list.');
  const byId = new Map<string, Json>();
  for (const c of objects(rawComponents)) byId.set(str(c.id) ?? '', c);
  const components: Component[] = objects(rawComponents)
    .filter((c) => objects(rawComponents).every((o) => str(o.parent_id) !== str(c.id)) || !c.id)
    .map((c) => ({
      id: str(c.id) ?? text(c.name),
      name: text(c.name),
      group: str(c.parent_id) ? text(byId.get(str(c.parent_id) ?? '')?.name) || null : null,
      status: sorryStatus(c.state),
    }));
  const statusById = new Map(components.map((c) => [c.id, c.status]));
  const incidents: Incident[] = objects(unwrap(noticesDoc) ?? page.notices).map((n) => {
    const planned = text(n.type) === 'planned';
    const status = progressOf(n.state);
    const ids = objects(n.components)
      .map((c) => str(c.id))
      .filter((x): x is string => x !== null);
    const updates = sortUpdates(
      objects(n.updates).map((u) => ({
        status: progressOf(u.state) === 'unknown' ? status : progressOf(u.state),
        body: htmlToText(text(u.content)),
        at: toIso(u.created_at) ?? '',
      })),
    ).filter((u) => u.at);
    if (updates.length === 0 && text(n.synopsis))
      updates.push({
        status,
        body: htmlToText(text(n.synopsis)),
        at: toIso(n.began_at ?? n.created_at) ?? '',
      });
    const resolved = status === 'resolved' || status === 'completed';
    const worst = ids.map((id) => statusById.get(id)).filter((s): s is ComponentStatus => s !== undefined);
    const impact: IncidentImpact = planned
      ? 'maintenance'
      : worst.some((s) => s === 'major_outage')
        ? 'critical'
        : worst.some((s) => s === 'partial_outage')
          ? 'major'
          : 'unknown';
    const startedAt = toIso(n.began_at ?? n.created_at) ?? updates[0]?.at ?? '';
    return {
      id: str(n.id) ?? `${text(n.subject)}@${startedAt}`,
      title: text(n.subject),
      impact: impactToStatus(impact) === 'unknown' && resolved ? 'unknown' : impact,
      status,
      startedAt,
      resolvedAt: resolved ? (toIso(n.ended_at) ?? updates[updates.length - 1]?.at ?? startedAt) : null,
      url: text(n.link) || null,
      components: ids,
      updates,
      kind: planned ? 'maintenance' : 'incident',
      ...(planned
        ? { scheduledFor: toIso(n.begins_at ?? n.began_at), scheduledUntil: toIso(n.ends_at ?? n.ended_at) }
        : {}),
    };
  });
  return {
    vendor: { name: text(page.name) || new URL(pageUrl).hostname, platform: 'sorry', pageUrl },
    components,
    incidents: sortIncidents(incidents),
  };
}

const API = /^(.*)\/v1\/pages\/([0-9a-z]{6,12})(\/(components|notices))?\/?$/i;

export const sorryAdapter: PlatformAdapter = {
  id: 'sorry',
  matchUrl(url) {
    const m = API.exec(url.pathname);
    if (m && (url.hostname === 'api.sorryapp.com' || m[3])) {
      return {
        platform: 'sorry',
        pageUrl: url.origin,
        apiUrl: `${url.origin}${m[1] ?? ''}/v1/pages/${m[2]}`,
      };
    }
    return null;
  },
  async probe(url, _ctx, page) {
    if (!page || !/sorryapp/i.test(page.body.slice(0, 300_000))) return null;
    const full = /(https?:\/\/[a-z0-9.:-]+)\/v1\/pages\/([0-9a-f]{8})/i.exec(page.body);
    if (full) return { platform: 'sorry', pageUrl: url.toString(), apiUrl: `${full[1]}/v1/pages/${full[2]}` };
    const id = /data-(?:status-)?page-id=["']([0-9a-f]{8})["']/i.exec(page.body);
    if (!id) return null;
    return {
      platform: 'sorry',
      pageUrl: url.toString(),
      apiUrl: `https://api.sorryapp.com/v1/pages/${id[1]}`,
    };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const base = detection.apiUrl.replace(/\/+$/, '');
    const [page, components, notices] = await Promise.all([
      getJson(ctx, base),
      getJson(ctx, `${base}/components`),
      getJson(ctx, `${base}/notices?include=updates,components`),
    ]);
    return {
      ...parseSorry(page.data, components.data, notices.data, detection.pageUrl),
      notModified: page.doc.notModified && components.doc.notModified && notices.doc.notModified,
    };
  },
};

// status.io hosted pages, read through the public status API `GET /1.0/status/<statuspage id>`: components
// with their containers (locations), status codes, active incidents and maintenances with every message.
// The public API publishes no incident history.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { statusToImpact } from '../../../shared/status';
import { toIso } from './common/dates';
import { getJson, schemaError } from './common/fetch';
import { htmlToText } from './common/html';
import { isObject, obj, objects, sortIncidents, sortUpdates, str, text, type Json } from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

/** 100 operational, 200 planned maintenance, 300 degraded performance, 400 partial disruption, 500 disruption, 600 security event. */
export function statusioStatus(code: unknown): ComponentStatus {
  switch (Number(code)) {
    case 100:
      return 'operational';
    case 200:
      return 'maintenance';
    case 300:
      return 'degraded';
    case 400:
      return 'partial_outage';
    case 500:
      return 'major_outage';
    case 600:
      // A security event says nothing about availability; it is a problem, shown as degraded.
      return 'degraded';
    default:
      return 'unknown';
  }
}

function impactOf(code: unknown): IncidentImpact {
  return statusToImpact(statusioStatus(code));
}

/** Incident message states: 100 investigating, 200 identified, 300 monitoring. */
function stateOf(v: unknown): IncidentStatus {
  switch (Number(v)) {
    case 100:
      return 'investigating';
    case 200:
      return 'identified';
    case 300:
      return 'monitoring';
    default:
      return 'unknown';
  }
}

export function parseStatusio(
  data: unknown,
  pageUrl: string,
  name?: string,
): Omit<PlatformRead, 'notModified'> {
  const result = obj(obj(data).result);
  if (!Array.isArray(result.status) && !isObject(result.status_overall)) {
    throw schemaError('The status.io answer has no `result.status`.');
  }
  const components: Component[] = [];
  for (const c of objects(result.status)) {
    const id = str(c.id) ?? text(c.name);
    const containers = objects(c.containers);
    if (containers.length > 1) {
      for (const k of containers) {
        components.push({
          id: `${id}/${str(k.id) ?? text(k.name)}`,
          name: text(k.name),
          group: text(c.name) || null,
          status: statusioStatus(k.status_code),
        });
      }
    } else {
      components.push({
        id,
        name: text(c.name),
        group: null,
        status: statusioStatus(c.status_code ?? containers[0]?.status_code),
      });
    }
  }
  const incidents: Incident[] = objects(result.incidents).map((i) => {
    const messages = objects(i.messages);
    const updates = sortUpdates(
      messages.map((m) => ({
        status: stateOf(m.state),
        body: htmlToText(text(m.details)),
        at: toIso(m.datetime) ?? '',
      })),
    ).filter((u) => u.at);
    const worst = messages
      .map((m) => m.status)
      .reduce<IncidentImpact>((acc, s) => worse(acc, impactOf(s)), 'none');
    const startedAt = toIso(i.datetime_open) ?? updates[0]?.at ?? '';
    return {
      id: str(i._id ?? i.id) ?? `${text(i.name)}@${startedAt}`,
      title: text(i.name),
      impact: messages.length ? worst : 'unknown',
      status: updates[updates.length - 1]?.status ?? 'unknown',
      startedAt,
      resolvedAt: null,
      url: `${pageUrl.replace(/\/$/, '')}/incident/${str(i._id ?? i.id) ?? ''}`,
      components: affected(i),
      updates,
      kind: 'incident' as const,
    };
  });
  const maintenance = obj(result.maintenance);
  for (const [list, status] of [
    [maintenance.active, 'in_progress'],
    [maintenance.upcoming, 'scheduled'],
  ] as const) {
    for (const m of objects(list)) {
      const updates = sortUpdates(
        objects(m.messages).map((x) => ({
          status,
          body: htmlToText(text(x.details)),
          at: toIso(x.datetime) ?? '',
        })),
      ).filter((u) => u.at);
      const start = toIso(m.datetime_planned_start);
      incidents.push({
        id: str(m._id ?? m.id) ?? `${text(m.name)}@${start ?? ''}`,
        title: text(m.name),
        impact: 'maintenance',
        status,
        startedAt: start ?? updates[0]?.at ?? '',
        resolvedAt: null,
        url: `${pageUrl.replace(/\/$/, '')}/maintenance/${str(m._id ?? m.id) ?? ''}`,
        components: affected(m),
        updates,
        kind: 'maintenance',
        scheduledFor: start,
        scheduledUntil: toIso(m.datetime_planned_end),
      });
    }
  }
  return {
    vendor: { name: name ?? new URL(pageUrl).hostname, platform: 'statusio', pageUrl, lacks: ['history'] },
    components,
    incidents: sortIncidents(incidents),
  };
}

function affected(i: Json): string[] {
  return objects(i.components_affected)
    .map((c) => str(c._id ?? c.id))
    .filter((x): x is string => x !== null);
}

const ORDER: IncidentImpact[] = ['unknown', 'none', 'maintenance', 'minor', 'major', 'critical'];
function worse(a: IncidentImpact, b: IncidentImpact): IncidentImpact {
  return ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a;
}

const API_PATH = /^(.*)\/1\.0\/status\/([0-9a-f]{24})\/?$/i;
/** In a page: an API address (any host, so that mirrors and tests work), else a status page id next to status.io. */
const PAGE_API = /(https?:\/\/[a-z0-9.:-]+(?:\/[\w.-]+)*?)\/1\.0\/status\/([0-9a-f]{24})/i;
const PAGE_ID =
  /(?:status\.io\/pages\/(?:history_rss\/|incident\/|maintenance\/)?|\/pages\/(?:history_rss\/)?|statuspage_id["']?\s*[:=]\s*["'])([0-9a-f]{24})\b/i;

export const statusioAdapter: PlatformAdapter = {
  id: 'statusio',
  matchUrl(url) {
    const m = API_PATH.exec(url.pathname);
    if (m) {
      return {
        platform: 'statusio',
        pageUrl: url.hostname === 'api.status.io' ? `https://status.io/pages/${m[2]}` : url.origin,
        apiUrl: url.toString(),
      };
    }
    // A status.io page address (status.io/pages/<id>) or one of its own addresses on a custom domain
    // (/pages/<id>/rss, /pages/incident/<id>/…): the 24-hex page id is status.io's.
    const hosted = /^\/pages\/(?:history_rss\/)?([0-9a-f]{24})(?:\/|$)/i.exec(url.pathname);
    if (hosted) {
      return {
        platform: 'statusio',
        pageUrl: /(^|\.)status\.io$/i.test(url.hostname) ? url.toString() : `${url.origin}/`,
        apiUrl: `https://api.status.io/1.0/status/${hosted[1]}`,
      };
    }
    return null;
  },
  async probe(url, _ctx, page) {
    if (!page) return null;
    const body = page.body.slice(0, 500_000);
    const api = PAGE_API.exec(body);
    if (api)
      return {
        platform: 'statusio',
        pageUrl: url.toString(),
        apiUrl: `${api[1]}/1.0/status/${api[2]}`,
        name: title(body),
      };
    const id = /status\.io/i.test(body) ? PAGE_ID.exec(body) : null;
    if (id)
      return {
        platform: 'statusio',
        pageUrl: url.toString(),
        apiUrl: `https://api.status.io/1.0/status/${id[1]}`,
        name: title(body),
      };
    return null;
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const { data, doc } = await getJson(ctx, detection.apiUrl);
    return { ...parseStatusio(data, detection.pageUrl, detection.name), notModified: doc.notModified };
  },
};

function title(html: string): string | undefined {
  const t = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  return t ? t.replace(/\s*[-|]?\s*status(\s+page)?$/i, '').trim() || undefined : undefined;
}

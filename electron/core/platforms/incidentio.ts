// incident.io status pages. Three documented shapes: the page's JSON proxy (`/proxy/<host>`: the page's
// summary object), the page itself (Next.js, the same summary embedded as React flight data: the fallback
// when the proxy is missing or unreadable), and the public widget API (`/api/v1/summary`: ongoing incidents
// and maintenances with their affected components only).
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { FetchError } from '../http/types';
import { toIso } from './common/dates';
import { knownPlatform } from './common/known-hosts';
import { embeddedJson, findObjects } from './common/embedded';
import { getJson, getText, schemaError, statusPageOf } from './common/fetch';
import { htmlToText } from './common/html';
import { isObject, obj, objects, sortIncidents, sortUpdates, str, text, type Json } from './common/values';
import { apiThenEmbedded } from './common/fallback';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

export function incidentioComponentStatus(v: unknown): ComponentStatus {
  switch (text(v)) {
    case 'operational':
      return 'operational';
    case 'degraded_performance':
      return 'degraded';
    case 'partial_outage':
      return 'partial_outage';
    case 'full_outage':
      return 'major_outage';
    case 'under_maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

function impactOf(v: unknown): IncidentImpact | null {
  switch (text(v)) {
    case 'degraded_performance':
      return 'minor';
    case 'partial_outage':
      return 'major';
    case 'full_outage':
      return 'critical';
    case 'under_maintenance':
      return 'maintenance';
    default:
      return null;
  }
}

function progressOf(v: unknown): IncidentStatus {
  switch (text(v)) {
    case 'investigating':
    case 'identified':
    case 'monitoring':
    case 'resolved':
      return text(v) as IncidentStatus;
    case 'maintenance_scheduled':
      return 'scheduled';
    case 'maintenance_in_progress':
      return 'in_progress';
    case 'maintenance_complete':
      return 'completed';
    default:
      return 'unknown';
  }
}

/** The worst impact of a list of `{status}` component impacts. */
function worstImpact(impacts: Json[]): IncidentImpact | null {
  const order: IncidentImpact[] = ['maintenance', 'minor', 'major', 'critical'];
  let best: IncidentImpact | null = null;
  for (const c of impacts) {
    const i = impactOf(c.status ?? c.current_status);
    if (i && (best === null || order.indexOf(i) > order.indexOf(best))) best = i;
  }
  return best;
}

/** A message may be a plain string or a rich-text document (`{type:'doc', content:[…]}`). */
function messageText(v: unknown): string {
  if (typeof v === 'string') return htmlToText(v);
  const parts: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 20) return;
    if (Array.isArray(node)) return node.forEach((n) => walk(n, depth + 1));
    if (!isObject(node)) return;
    if (typeof node.text === 'string') parts.push(node.text);
    walk(node.content, depth + 1);
    if (node.type === 'paragraph') parts.push('\n');
  };
  walk(v, 0);
  return parts
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Is this object an incident.io page summary (proxy or embedded)? */
export function isIncidentioSummary(o: Json): boolean {
  return (
    Array.isArray(o.affected_components) && isObject(o.structure) && Array.isArray(obj(o.structure).items)
  );
}

/** The proxy / embedded summary: full component tree, affected components, ongoing incidents and maintenances. */
export function parseIncidentioSummary(summary: Json, pageUrl: string): Omit<PlatformRead, 'notModified'> {
  const names = new Map<string, string>();
  for (const c of objects(summary.components)) {
    const id = str(c.id);
    if (id) names.set(id, text(c.name));
  }
  const affected = new Map<string, ComponentStatus>();
  for (const a of objects(summary.affected_components)) {
    const id = str(a.component_id ?? a.id);
    if (id) affected.set(id, incidentioComponentStatus(a.status ?? a.current_status));
  }
  const components: Component[] = [];
  const add = (c: Json, group: string | null) => {
    const id = str(c.component_id ?? c.id);
    if (!id || c.hidden === true) return;
    // Absent from affected_components means the page shows it operational.
    components.push({
      id,
      name: text(c.name) || names.get(id) || id,
      group,
      status: affected.get(id) ?? 'operational',
    });
  };
  for (const item of objects(obj(summary.structure).items)) {
    if (isObject(item.group)) {
      if (item.group.hidden === true) continue;
      for (const c of objects(item.group.components)) add(c, text(item.group.name) || null);
    } else if (isObject(item.component)) add(item.component, null);
  }
  const incidents = [
    ...objects(summary.ongoing_incidents).map((i) => incidentOf(i, 'incident', pageUrl)),
    ...objects(summary.in_progress_maintenances).map((i) => incidentOf(i, 'maintenance', pageUrl)),
    ...objects(summary.scheduled_maintenances).map((i) => incidentOf(i, 'maintenance', pageUrl)),
  ];
  return {
    vendor: {
      name: text(summary.name) || new URL(pageUrl).hostname,
      platform: 'incidentio',
      pageUrl: text(summary.public_url) || pageUrl,
      // The summary holds what is open now; past incidents are not part of it.
      lacks: ['history'],
    },
    components,
    incidents: sortIncidents(dedupe(incidents)),
  };
}

/** The widget API: no full component list (only the affected ones) and only the latest update of each incident. */
export function parseIncidentioWidget(data: Json, pageUrl: string): Omit<PlatformRead, 'notModified'> {
  const components = new Map<string, Component>();
  const incidents: Incident[] = [];
  const take = (i: Json, kind: 'incident' | 'maintenance') => {
    for (const c of objects(i.affected_components)) {
      const id = str(c.id);
      if (id)
        components.set(id, {
          id,
          name: text(c.name) || id,
          group: text(c.group_name) || null,
          status: incidentioComponentStatus(c.current_status),
        });
    }
    incidents.push(incidentOf(i, kind, pageUrl));
  };
  objects(data.ongoing_incidents).forEach((i) => take(i, 'incident'));
  objects(data.in_progress_maintenances).forEach((i) => take(i, 'maintenance'));
  objects(data.scheduled_maintenances).forEach((i) => take(i, 'maintenance'));
  return {
    vendor: {
      name: text(data.page_title) || new URL(pageUrl).hostname,
      platform: 'incidentio',
      pageUrl: text(data.page_url) || pageUrl,
      lacks: ['components', 'history'],
    },
    components: [...components.values()],
    incidents: sortIncidents(incidents),
  };
}

function incidentOf(i: Json, kind: 'incident' | 'maintenance', pageUrl: string): Incident {
  const status = progressOf(i.status);
  const impacts = objects(i.affected_components ?? i.component_impacts);
  const impact: IncidentImpact =
    kind === 'maintenance'
      ? 'maintenance'
      : (impactOf(i.current_worst_impact) ?? worstImpact(impacts) ?? 'unknown');
  const updates = sortUpdates(
    objects(i.updates).map((u) => ({
      status:
        progressOf(u.to_status ?? u.status) === 'unknown' ? status : progressOf(u.to_status ?? u.status),
      body: messageText(u.message_string ?? u.message ?? u.text),
      at: toIso(u.published_at ?? u.created_at) ?? '',
    })),
  ).filter((u) => u.at !== '');
  if (updates.length === 0 && (i.last_update_message !== undefined || i.last_update_at !== undefined)) {
    const at = toIso(i.last_update_at);
    if (at) updates.push({ status, body: messageText(i.last_update_message), at });
  }
  const startedAt =
    toIso(i.published_at ?? i.started_at ?? i.starts_at ?? i.created_at) ??
    updates[0]?.at ??
    toIso(i.last_update_at) ??
    '';
  const id = str(i.id) ?? `${text(i.name)}@${startedAt}`;
  const resolved = status === 'resolved' || status === 'completed';
  return {
    id,
    title: text(i.name),
    impact,
    status,
    startedAt,
    resolvedAt: resolved
      ? (toIso(i.resolved_at ?? i.ends_at) ?? updates[updates.length - 1]?.at ?? startedAt)
      : null,
    url: text(i.url) || `${pageUrl.replace(/\/$/, '')}/incidents/${encodeURIComponent(id)}`,
    components: impacts.map((c) => str(c.component_id ?? c.id)).filter((x): x is string => x !== null),
    updates,
    kind,
    ...(kind === 'maintenance'
      ? {
          scheduledFor: toIso(i.starts_at ?? i.scheduled_for),
          scheduledUntil: toIso(i.ends_at ?? i.scheduled_until),
        }
      : {}),
  };
}

function dedupe(incidents: Incident[]): Incident[] {
  const seen = new Set<string>();
  return incidents.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
}

/** The summary embedded in the page's own HTML, or null. */
export function incidentioFromPage(html: string): Json | null {
  // Cheap test first: most pages probed are not incident.io's, and parsing their scripts costs time.
  if (!html.includes('affected_components')) return null;
  const found = findObjects(embeddedJson(html), isIncidentioSummary, 1);
  return found[0] ?? null;
}

/** incident.io in an address the page loads or links (assets, icons), not merely in its text. */
const MARKERS = /(?:src|href|content)=["'][^"']*(?:incident\.io|incidentio|incident-io)/i;

export const incidentioAdapter: PlatformAdapter = {
  id: 'incidentio',
  matchUrl(url) {
    if (knownPlatform(url.hostname) === 'incidentio' && !/\/(proxy\/|api\/v1\/summary)/.test(url.pathname)) {
      // A known incident.io page, also when given its Statuspage-compatible /api/v2 address: read incident.io's
      // own data (groups as shown, hidden components left out) rather than the imitation.
      const page = statusPageOf(url);
      return { platform: 'incidentio', pageUrl: page, apiUrl: page };
    }
    const proxy = /^(.*)\/proxy\/([^/]+)\/?$/.exec(url.pathname);
    if (proxy)
      return { platform: 'incidentio', pageUrl: `${url.origin}${proxy[1] ?? ''}`, apiUrl: url.toString() };
    if (/\.incident\.io$/i.test(url.hostname) && url.hostname !== 'app.incident.io') {
      if (/\/api\/v1\/summary\/?$/.test(url.pathname)) {
        return { platform: 'incidentio', pageUrl: url.origin, apiUrl: url.toString() };
      }
      return { platform: 'incidentio', pageUrl: statusPageOf(url), apiUrl: statusPageOf(url) };
    }
    return null;
  },
  async probe(url, _ctx, page) {
    if (!page) return null;
    if (/json/i.test(page.contentType) && /\/api\/v1\/summary\/?$/.test(url.pathname)) {
      try {
        const data = JSON.parse(page.body) as unknown;
        if (isObject(data) && Array.isArray(data.ongoing_incidents) && 'page_title' in data) {
          return {
            platform: 'incidentio',
            pageUrl: text(data.page_url) || url.origin,
            apiUrl: url.toString(),
            name: text(data.page_title) || undefined,
          };
        }
      } catch {
        return null;
      }
      return null;
    }
    const summary = incidentioFromPage(page.body);
    const marked = /incident[.-]?io/i.test(page.body) && MARKERS.test(page.body.slice(0, 200_000));
    if (summary || (marked && /__next_f|__NEXT_DATA__/.test(page.body))) {
      return {
        platform: 'incidentio',
        pageUrl: url.toString(),
        apiUrl: url.toString(),
        name: summary ? text(summary.name) || undefined : undefined,
      };
    }
    return null;
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const api = new URL(detection.apiUrl);
    if (/\/proxy\/[^/]+\/?$/.test(api.pathname)) {
      const { data, doc } = await getJson(ctx, detection.apiUrl);
      const summary = isObject(data) && isObject(data.summary) ? data.summary : obj(data);
      if (!isIncidentioSummary(summary))
        throw schemaError(`${detection.apiUrl} is not an incident.io page summary.`);
      const read = parseIncidentioSummary(summary, detection.pageUrl);
      return { ...read, vendor: { ...read.vendor, source: 'api' }, notModified: doc.notModified };
    }
    if (/\/api\/v1\/summary\/?$/.test(api.pathname)) {
      const { data, doc } = await getJson(ctx, detection.apiUrl);
      if (!isObject(data) || !Array.isArray(data.ongoing_incidents)) {
        throw schemaError(`${detection.apiUrl} is not an incident.io widget summary.`);
      }
      const read = parseIncidentioWidget(data, detection.pageUrl);
      return { ...read, vendor: { ...read.vendor, source: 'api' }, notModified: doc.notModified };
    }
    // The page itself: its JSON proxy first, then the state the page embeds, then the widget API (which
    // tells only affected components).
    const base = detection.apiUrl.replace(/\/+$/, '');
    try {
      return await apiThenEmbedded(
        () => this.read({ ...detection, apiUrl: `${api.origin}/proxy/${api.host}` }, ctx),
        async () => {
          const doc = await getText(ctx, detection.apiUrl, 'text/html');
          const summary = incidentioFromPage(doc.text);
          return summary
            ? { ...parseIncidentioSummary(summary, detection.pageUrl), notModified: doc.notModified }
            : null;
        },
      );
    } catch (err) {
      try {
        const widget = await this.read({ ...detection, apiUrl: `${base}/api/v1/summary` }, ctx);
        return { ...widget, vendor: { ...widget.vendor, source: 'api' } };
      } catch {
        // The widget is the last way in: report why the page's own data could not be read.
      }
      if (err instanceof FetchError) throw err;
      throw schemaError(
        `${detection.apiUrl}: neither /proxy/${api.host}, the page's embedded data nor /api/v1/summary could be read.`,
      );
    }
  },
};

// Better Stack (Better Uptime) status pages: the page's JSON:API document (`/index.json`: the page, its
// sections, resources with their status, and status reports with every update) first; when that is missing
// or unreadable, what the page's own HTML holds: the same document embedded (JSON script tags or an Inertia
// `data-page` attribute) or, on the server-rendered pages Better Stack serves, its sections' statuses.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { toIso } from './common/dates';
import { knownPlatform } from './common/known-hosts';
import { embeddedJson, findObjects } from './common/embedded';
import { baseBefore, getJson, getText, parseJson, schemaError, statusPageOf, under } from './common/fetch';
import { decodeEntities, htmlToText } from './common/html';
import { isObject, obj, objects, sortIncidents, sortUpdates, str, text, type Json } from './common/values';
import { apiThenEmbedded } from './common/fallback';
import { isBetterstackRenderedPage, parseBetterstackRenderedPage } from './betterstack-page';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

export function betterstackStatus(v: unknown): ComponentStatus {
  switch (text(v).toLowerCase()) {
    case 'operational':
    case 'up':
      return 'operational';
    case 'degraded':
      return 'degraded';
    case 'downtime':
    case 'down':
      return 'major_outage';
    case 'maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

function impactOf(statuses: unknown[]): IncidentImpact {
  let impact: IncidentImpact = 'unknown';
  const rank: IncidentImpact[] = ['unknown', 'none', 'maintenance', 'minor', 'critical'];
  for (const s of statuses) {
    const st = betterstackStatus(s);
    const i: IncidentImpact =
      st === 'major_outage'
        ? 'critical'
        : st === 'degraded'
          ? 'minor'
          : st === 'maintenance'
            ? 'maintenance'
            : st === 'operational'
              ? 'none'
              : 'unknown';
    if (rank.indexOf(i) > rank.indexOf(impact)) impact = i;
  }
  return impact;
}

/** The update published last (by its time, not its place in the document), or null. */
function latestUpdate(updates: Json[]): Json | null {
  let best: Json | null = null;
  let bestAt = -Infinity;
  for (const u of updates) {
    const ua = obj(u.attributes);
    const at = Date.parse(text(ua.published_at ?? ua.created_at));
    if (best === null || (Number.isFinite(at) && at >= bestAt)) {
      best = u;
      if (Number.isFinite(at)) bestAt = at;
    }
  }
  return best;
}

/** Does this list mark every resource it names resolved (and name at least one)? */
function marksAllResolved(affectedResources: unknown): boolean {
  const affected = objects(affectedResources);
  return affected.length > 0 && affected.every((r) => text(r.status).toLowerCase() === 'resolved');
}

export function isBetterstackDocument(o: Json): boolean {
  return isObject(o.data) && text(o.data.type) === 'status_page' && Array.isArray(o.included);
}

export function parseBetterstack(
  doc: Json,
  pageUrl: string,
  now = new Date(),
): Omit<PlatformRead, 'notModified'> {
  if (!isBetterstackDocument(doc))
    throw schemaError('The Better Stack answer is not a status page document.');
  const page = obj(obj(doc.data).attributes);
  const included = objects(doc.included);
  const ofType = (t: string) => included.filter((x) => text(x.type) === t);
  const sections = new Map<string, string>();
  for (const s of ofType('status_page_section')) sections.set(str(s.id) ?? '', text(obj(s.attributes).name));
  const components: Component[] = ofType('status_page_resource').map((r) => {
    const a = obj(r.attributes);
    const section = sections.get(str(a.status_page_section_id) ?? '') || null;
    return {
      id: str(r.id) ?? text(a.public_name),
      name: text(a.public_name ?? a.name),
      group: section,
      status: betterstackStatus(a.status),
    };
  });
  // Updates belong to a report by the report's relationships, or by their own status_report_id.
  const updatesById = new Map(ofType('status_update').map((u) => [str(u.id) ?? '', u]));
  const updatesByReport = new Map<string, Json[]>();
  const link = (reportId: string, u: Json) => {
    const list = updatesByReport.get(reportId) ?? [];
    if (!list.includes(u)) updatesByReport.set(reportId, [...list, u]);
  };
  for (const r of ofType('status_report')) {
    for (const ref of objects(obj(obj(r.relationships).status_updates).data)) {
      const u = updatesById.get(str(ref.id) ?? '');
      if (u) link(str(r.id) ?? '', u);
    }
  }
  for (const u of updatesById.values()) {
    const reportId = str(obj(u.attributes).status_report_id);
    if (reportId) link(reportId, u);
  }
  const incidents: Incident[] = ofType('status_report').map((r) => {
    const a = obj(r.attributes);
    const id = str(r.id) ?? '';
    const maintenance = text(a.report_type) === 'maintenance';
    const start = toIso(a.starts_at) ?? '';
    const end = toIso(a.ends_at);
    const rawUpdates = updatesByReport.get(id) ?? [];
    const latest = latestUpdate(rawUpdates);
    // Better Stack leaves ends_at null on a report it resolved: its aggregate state, or a last update that
    // marks every resource it names resolved, says the report is over (at that update's time).
    const resolvedByState =
      text(a.aggregate_state).toLowerCase() === 'resolved' ||
      marksAllResolved(a.affected_resources) ||
      (latest !== null && marksAllResolved(obj(latest.attributes).affected_resources));
    const ended = (end !== null && Date.parse(end) <= now.getTime()) || resolvedByState;
    const endedAt =
      end !== null && Date.parse(end) <= now.getTime()
        ? end
        : resolvedByState
          ? (toIso(obj(latest?.attributes).published_at ?? obj(latest?.attributes).created_at) ??
            end ??
            (start || null))
          : null;
    const status: IncidentStatus = maintenance
      ? ended
        ? 'completed'
        : start && Date.parse(start) <= now.getTime()
          ? 'in_progress'
          : 'scheduled'
      : ended
        ? 'resolved'
        : 'investigating';
    const updates = sortUpdates(
      rawUpdates.map((u) => {
        const ua = obj(u.attributes);
        return {
          status,
          body: htmlToText(text(ua.message)),
          at: toIso(ua.published_at ?? ua.created_at) ?? '',
        };
      }),
    ).filter((u) => u.at);
    // Only the last update carries the final state; earlier ones were open.
    const openStatus: IncidentStatus = maintenance ? 'in_progress' : 'investigating';
    updates.forEach((u, i) => (u.status = i === updates.length - 1 ? status : openStatus));
    const affected = objects(a.affected_resources);
    return {
      id,
      title: text(a.title),
      impact: maintenance
        ? 'maintenance'
        : impactOf([
            ...affected.map((x) => x.status),
            ...rawUpdates.flatMap((u) => objects(obj(u.attributes).affected_resources).map((x) => x.status)),
          ]),
      status,
      startedAt: start || updates[0]?.at || '',
      resolvedAt: ended ? endedAt : null,
      url: `${pageUrl.replace(/\/$/, '')}/incident/${id}`,
      components: affected.map((x) => str(x.status_page_resource_id)).filter((x): x is string => x !== null),
      updates,
      kind: maintenance ? 'maintenance' : 'incident',
      ...(maintenance ? { scheduledFor: start || null, scheduledUntil: end } : {}),
    };
  });
  return {
    vendor: { name: text(page.company_name) || new URL(pageUrl).hostname, platform: 'betterstack', pageUrl },
    components,
    incidents: sortIncidents(incidents),
  };
}

/** The JSON:API document embedded in the page, or null. */
export function betterstackFromPage(html: string): Json | null {
  // Cheap test first: most pages probed are not Better Stack's.
  if (!html.includes('status_page')) return null;
  const roots: unknown[] = embeddedJson(html);
  for (const m of html.matchAll(/\bdata-page=(?:"([^"]*)"|'([^']*)')/g)) {
    try {
      roots.push(parseJson(decodeEntities(m[1] ?? m[2] ?? ''), 'data-page'));
    } catch {
      // Not JSON: not ours.
    }
  }
  return findObjects(roots, isBetterstackDocument, 1)[0] ?? null;
}

/** Better Stack in an address or meta content of the page, not merely in its text. */
const MARKERS = /(?:src|href|content)=["'][^"']*(?:betteruptime|betterstack|better stack|better uptime)/i;

export const betterstackAdapter: PlatformAdapter = {
  id: 'betterstack',
  matchUrl(url) {
    if (knownPlatform(url.hostname) === 'betterstack' && !/\/index\.json$/.test(url.pathname)) {
      return { platform: 'betterstack', pageUrl: statusPageOf(url), apiUrl: statusPageOf(url) };
    }
    if (!/\.(betteruptime|betterstack)\.com$/i.test(url.hostname) || /^(www|uptime|api)\./.test(url.hostname))
      return null;
    const api = /\/index\.json$/.test(url.pathname) ? url.toString() : statusPageOf(url);
    return { platform: 'betterstack', pageUrl: statusPageOf(url), apiUrl: api };
  },
  async probe(url, _ctx, page) {
    if (!page) return null;
    if (/json/.test(page.contentType) || /^\s*\{/.test(page.body)) {
      try {
        const data = JSON.parse(page.body) as unknown;
        if (isObject(data) && isBetterstackDocument(data)) {
          const base = baseBefore(url, /\/index\.json$/);
          return {
            platform: 'betterstack',
            pageUrl: base,
            apiUrl: url.toString(),
            name: text(obj(obj(data.data).attributes).company_name) || undefined,
          };
        }
      } catch {
        return null;
      }
      return null;
    }
    if (
      betterstackFromPage(page.body) ||
      isBetterstackRenderedPage(page.body) ||
      (/better ?(stack|uptime)/i.test(page.body) && MARKERS.test(page.body.slice(0, 300_000)))
    ) {
      return { platform: 'betterstack', pageUrl: url.toString(), apiUrl: url.toString() };
    }
    return null;
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    // apiUrl is either index.json (found by its address) or the page (found by its HTML).
    const byApi = /\/index\.json$/.test(new URL(detection.apiUrl).pathname);
    const page = byApi ? detection.pageUrl : detection.apiUrl;
    return apiThenEmbedded(
      async () => {
        const url = byApi ? detection.apiUrl : under(detection.apiUrl, 'index.json');
        const { data, doc } = await getJson(ctx, url);
        return { ...parseBetterstack(obj(data), detection.pageUrl), notModified: doc.notModified };
      },
      async () => {
        const doc = await getText(ctx, page, 'text/html');
        const embedded = betterstackFromPage(doc.text);
        if (embedded)
          return { ...parseBetterstack(embedded, detection.pageUrl), notModified: doc.notModified };
        const rendered = parseBetterstackRenderedPage(doc.text, detection.pageUrl);
        return rendered ? { ...rendered, notModified: doc.notModified } : null;
      },
    );
  },
};

// Instatus pages: `/summary.json` (page status, active incidents and maintenances) and `/v2/components.json`
// (components with their groups) first; when those are missing or unreadable, the page itself, a Next.js page
// whose embedded state (flight data on today's pages, `__NEXT_DATA__` on older ones) holds the site with its
// components, the active incidents and maintenances with their updates, and the recent notices.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact } from '../../../shared/status';
import { toIso } from './common/dates';
import { knownPlatform } from './common/known-hosts';
import { embeddedJson, findObjects, nextData } from './common/embedded';
import { baseBefore, getJson, getText, schemaError, statusPageOf, under } from './common/fetch';
import { htmlToText } from './common/html';
import {
  isObject,
  list,
  localized,
  obj,
  objects,
  progressFromWord,
  sortIncidents,
  sortUpdates,
  str,
  text,
  type Json,
} from './common/values';
import { apiThenEmbedded } from './common/fallback';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

const STATUS: Record<string, ComponentStatus> = {
  OPERATIONAL: 'operational',
  UNDERMAINTENANCE: 'maintenance',
  DEGRADEDPERFORMANCE: 'degraded',
  MINOROUTAGE: 'degraded',
  PARTIALOUTAGE: 'partial_outage',
  MAJOROUTAGE: 'major_outage',
};
const IMPACT: Record<string, IncidentImpact> = {
  OPERATIONAL: 'none',
  DEGRADEDPERFORMANCE: 'minor',
  MINOROUTAGE: 'minor',
  PARTIALOUTAGE: 'major',
  MAJOROUTAGE: 'critical',
  UNDERMAINTENANCE: 'maintenance',
};

const PAGE_STATUS = new Set(['UP', 'HASISSUES', 'UNDERMAINTENANCE']);

/**
 * Is this Instatus's summary, wherever it was found? Its `page` carries an Instatus page status (UP,
 * HASISSUES, UNDERMAINTENANCE), or the document lists `activeIncidents`/`activeMaintenances`: Statuspage's
 * page has no status and its summary no camel-case lists.
 */
export function isInstatusSummary(o: Json): boolean {
  if (!isObject(o.page)) return false;
  return (
    PAGE_STATUS.has(text(o.page.status).toUpperCase()) ||
    Array.isArray(o.activeIncidents) ||
    Array.isArray(o.activeMaintenances)
  );
}

export function instatusComponentStatus(v: unknown): ComponentStatus {
  return STATUS[text(v).toUpperCase()] ?? 'unknown';
}

function isInstatusComponent(c: Json): boolean {
  return localized(c.name) !== '' && typeof c.status === 'string' && text(c.status).toUpperCase() in STATUS;
}

/** Components, with groups from `group: {name}`, a group name string, or parents holding `children`. */
export function parseInstatusComponents(list: unknown): Component[] {
  const out: Component[] = [];
  const seen = new Set<string>();
  const push = (c: Json, group: string | null) => {
    const id = str(c.id) ?? localized(c.name);
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ id, name: localized(c.name), group, status: instatusComponentStatus(c.status) });
  };
  for (const c of objects(list)) {
    const children = objects(c.children);
    if (children.length > 0 || c.isParent === true) {
      for (const child of children) push(child, localized(c.name) || null);
      continue;
    }
    const g = isObject(c.group) ? localized(c.group.name) : text(c.group ?? c.groupName);
    push(c, g || null);
  }
  return out;
}

function incidentOf(i: Json, kind: 'incident' | 'maintenance', pageUrl: string): Incident {
  const status = progressFromWord(i.status);
  const updates = sortUpdates(
    objects(i.updates ?? i.incidentUpdates ?? i.maintenanceUpdates).map((u) => ({
      status: progressFromWord(u.status),
      body: htmlToText(localized(u.markdown ?? u.messageHtml ?? u.message ?? u.text ?? u.description)),
      at: toIso(u.started ?? u.createdAt ?? u.created_at ?? u.date) ?? '',
    })),
  ).filter((u) => u.at);
  const startedAt = toIso(i.started ?? i.start ?? i.startedAt ?? i.createdAt) ?? updates[0]?.at ?? '';
  const resolved = status === 'resolved' || status === 'completed';
  const minutes = Number(i.duration);
  return {
    id: str(i.id) ?? `${localized(i.name)}@${startedAt}`,
    title: localized(i.name ?? i.title),
    impact: kind === 'maintenance' ? 'maintenance' : (IMPACT[text(i.impact).toUpperCase()] ?? 'unknown'),
    status,
    startedAt,
    resolvedAt: resolved
      ? (toIso(i.resolved ?? i.resolvedAt ?? i.updatedAt) ?? updates[updates.length - 1]?.at ?? startedAt)
      : null,
    url:
      text(i.url) ||
      `${pageUrl.replace(/\/$/, '')}/${kind === 'maintenance' ? 'maintenance' : 'incident'}/${str(i.id) ?? ''}`,
    components: objects(i.components ?? i.affectedComponents)
      .map((c) => str(c.id))
      .filter((x): x is string => x !== null),
    updates,
    kind,
    ...(kind === 'maintenance'
      ? {
          scheduledFor: startedAt || null,
          scheduledUntil:
            startedAt && Number.isFinite(minutes) && minutes > 0
              ? new Date(Date.parse(startedAt) + minutes * 60_000).toISOString()
              : null,
        }
      : {}),
  };
}

export function parseInstatus(
  summary: Json,
  components: unknown,
  pageUrl: string,
): Omit<PlatformRead, 'notModified'> {
  const page = obj(summary.page);
  const active = objects(summary.activeIncidents ?? summary.incidents);
  const maintenances = objects(summary.activeMaintenances ?? summary.maintenances);
  const incidents = [
    ...active.map((i) => incidentOf(i, 'incident', pageUrl)),
    ...maintenances.map((i) => incidentOf(i, 'maintenance', pageUrl)),
  ];
  // The page's notices: its recent history (incidents and maintenances, without their updates).
  const notices = isObject(summary.notices) ? Object.values(summary.notices) : list(summary.notices);
  const seen = new Set(incidents.map((i) => i.id));
  for (const n of objects(notices)) {
    const maintenance =
      text(n.impact).toUpperCase() === 'UNDERMAINTENANCE' || text(n.type).toUpperCase() === 'MAINTENANCE';
    const incident = incidentOf(n, maintenance ? 'maintenance' : 'incident', pageUrl);
    if (!seen.has(incident.id)) incidents.push(incident);
    seen.add(incident.id);
  }
  const raw = [...active, ...maintenances];
  const lacks: Array<'history' | 'updates'> = [];
  if (notices.length === 0) lacks.push('history');
  // summary.json tells open incidents without their updates; the page's own data has them.
  if (!raw.some((i) => Array.isArray(i.updates ?? i.incidentUpdates ?? i.maintenanceUpdates)))
    lacks.push('updates');
  return {
    vendor: {
      name: localized(page.name) || new URL(pageUrl).hostname,
      platform: 'instatus',
      pageUrl: text(page.url) || pageUrl,
      ...(lacks.length > 0 ? { lacks } : {}),
    },
    components: parseInstatusComponents(components),
    incidents: sortIncidents(incidents),
  };
}

/**
 * The state embedded in an Instatus page, or null. Today's pages (Next.js app router) hold one object with
 * `site` (name, components with their children) beside `activeIncidents`, `activeMaintenances` and
 * `notices`; older ones a page/components/incidents summary in `__NEXT_DATA__`.
 */
export function instatusFromPage(html: string): { summary: Json; components: unknown } | null {
  // Cheap test first: without an Instatus status word the page holds no Instatus state.
  if (!/OPERATIONAL|MAJOROUTAGE|PARTIALOUTAGE|DEGRADEDPERFORMANCE|UNDERMAINTENANCE/.test(html)) return null;
  const roots = [nextData(html), ...embeddedJson(html)].filter((x) => x !== null);
  const withSite = findObjects(
    roots,
    (o) =>
      isObject(o.site) &&
      Array.isArray(o.site.components) &&
      (Array.isArray(o.activeIncidents) || Array.isArray(o.activeMaintenances)),
    1,
  )[0];
  if (withSite) {
    const site = obj(withSite.site);
    const domain = text(site.customDomain) || text(withSite.url);
    return {
      summary: {
        ...withSite,
        page: {
          name: site.name,
          ...(domain ? { url: `https://${domain.replace(/^https?:\/\//, '')}` } : {}),
        },
      },
      components: site.components,
    };
  }
  const holder = findObjects(
    roots,
    (o) => Array.isArray(o.components) && objects(o.components).some(isInstatusComponent),
    1,
  )[0];
  if (!holder) return null;
  const withIncidents =
    findObjects(
      roots,
      (o) => Array.isArray(o.activeIncidents) || Array.isArray(o.activeMaintenances),
      1,
    )[0] ?? holder;
  const page = isObject(withIncidents.page) ? withIncidents.page : isObject(holder.page) ? holder.page : {};
  return { summary: { ...withIncidents, page }, components: holder.components };
}

const API = /\/(summary\.json|v\d\/components\.json)$/;
const SUMMARY = /\/summary\.json$/;
/** The summary's address below the page: /summary.json, /v3/summary.json, or Statuspage's /api/v2/summary.json. */
const SUMMARY_UNDER_PAGE = /\/(?:api\/)?(?:v\d\/)?summary\.json$/;

async function readApi(
  summaryUrl: string,
  base: string,
  detection: Detection,
  ctx: ReadContext,
): Promise<PlatformRead> {
  const { data, doc } = await getJson(ctx, summaryUrl);
  if (!isObject(data) || !isObject(data.page)) throw schemaError(`${doc.url} is not an Instatus summary.`);
  let components: unknown = [];
  let componentsNotModified = true;
  try {
    const c = await getJson(ctx, under(base, 'v2/components.json'));
    components = obj(c.data).components;
    componentsNotModified = c.doc.notModified;
  } catch {
    // Without components.json the page still tells its incidents; components stay empty.
  }
  return {
    ...parseInstatus(data, components, detection.pageUrl),
    notModified: doc.notModified && componentsNotModified,
  };
}

async function readPage(page: string, detection: Detection, ctx: ReadContext): Promise<PlatformRead | null> {
  const doc = await getText(ctx, page, 'text/html');
  const embedded = instatusFromPage(doc.text);
  if (!embedded) return null;
  return {
    ...parseInstatus(embedded.summary, embedded.components, detection.pageUrl),
    notModified: doc.notModified,
  };
}

export const instatusAdapter: PlatformAdapter = {
  id: 'instatus',
  matchUrl(url) {
    const hosted =
      knownPlatform(url.hostname) === 'instatus' ||
      (/\.instatus\.com$/i.test(url.hostname) &&
        url.hostname !== 'api.instatus.com' &&
        url.hostname !== 'dashboard.instatus.com');
    if (API.test(url.pathname) && !/\/api\/v2\/summary\.json$/.test(url.pathname)) {
      const base = baseBefore(url, API);
      return { platform: 'instatus', pageUrl: base, apiUrl: `${base}/summary.json` };
    }
    if (hosted) return { platform: 'instatus', pageUrl: statusPageOf(url), apiUrl: statusPageOf(url) };
    return null;
  },
  async probe(url, _ctx, page) {
    // Instatus in an address the page loads or links, not merely in its text.
    if (!page || !/instatus/i.test(page.body)) return null;
    if (!/(?:src|href|content)=["'][^"']*instatus/i.test(page.body.slice(0, 300_000))) return null;
    const embedded = instatusFromPage(page.body);
    const name = embedded ? localized(obj(embedded.summary.page).name) || undefined : undefined;
    return { platform: 'instatus', pageUrl: url.toString(), apiUrl: url.toString(), name };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    // apiUrl is either summary.json (found by its address) or the page (found by its HTML).
    const api = new URL(detection.apiUrl);
    const byApi = SUMMARY.test(api.pathname);
    const base = byApi ? baseBefore(api, SUMMARY_UNDER_PAGE) : detection.apiUrl;
    const page = byApi ? detection.pageUrl : detection.apiUrl;
    return apiThenEmbedded(
      () => readApi(byApi ? detection.apiUrl : under(base, 'summary.json'), base, detection, ctx),
      () => readPage(page, detection, ctx),
    );
  },
};

// Instatus pages: `/summary.json` (page status, active incidents and maintenances), `/v2/components.json`
// (components with their groups), and the page itself, a Next.js page whose `__NEXT_DATA__` carries the
// same state, so that the page's own address reads even when the JSON endpoints do not answer.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact } from '../../../shared/status';
import { toIso } from './common/dates';
import { knownPlatform } from './common/known-hosts';
import { embeddedJson, findObjects, nextData } from './common/embedded';
import { baseBefore, getJson, getText, schemaError, statusPageOf, under } from './common/fetch';
import { htmlToText } from './common/html';
import {
  isObject,
  obj,
  objects,
  progressFromWord,
  sortIncidents,
  sortUpdates,
  str,
  text,
  type Json,
} from './common/values';
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

export function instatusComponentStatus(v: unknown): ComponentStatus {
  return STATUS[text(v).toUpperCase()] ?? 'unknown';
}

function isInstatusComponent(c: Json): boolean {
  return typeof c.name === 'string' && typeof c.status === 'string' && text(c.status).toUpperCase() in STATUS;
}

/** Components, with groups from `group: {name}`, a group name string, or parents holding `children`. */
export function parseInstatusComponents(list: unknown): Component[] {
  const out: Component[] = [];
  const seen = new Set<string>();
  const push = (c: Json, group: string | null) => {
    const id = str(c.id) ?? text(c.name);
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ id, name: text(c.name), group, status: instatusComponentStatus(c.status) });
  };
  for (const c of objects(list)) {
    const children = objects(c.children);
    if (children.length > 0 || c.isParent === true) {
      for (const child of children) push(child, text(c.name) || null);
      continue;
    }
    const g = isObject(c.group) ? text(c.group.name) : text(c.group ?? c.groupName);
    push(c, g || null);
  }
  return out;
}

function incidentOf(i: Json, kind: 'incident' | 'maintenance', pageUrl: string): Incident {
  const status = progressFromWord(i.status);
  const updates = sortUpdates(
    objects(i.updates ?? i.incidentUpdates ?? i.maintenanceUpdates).map((u) => ({
      status: progressFromWord(u.status),
      body: htmlToText(text(u.markdown ?? u.message ?? u.text ?? u.description)),
      at: toIso(u.started ?? u.createdAt ?? u.created_at ?? u.date) ?? '',
    })),
  ).filter((u) => u.at);
  const startedAt = toIso(i.started ?? i.start ?? i.startedAt ?? i.createdAt) ?? updates[0]?.at ?? '';
  const resolved = status === 'resolved' || status === 'completed';
  const minutes = Number(i.duration);
  return {
    id: str(i.id) ?? `${text(i.name)}@${startedAt}`,
    title: text(i.name ?? i.title),
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
  const raw = [
    ...objects(summary.activeIncidents ?? summary.incidents),
    ...objects(summary.activeMaintenances ?? summary.maintenances),
  ];
  const incidents = [
    ...objects(summary.activeIncidents ?? summary.incidents).map((i) => incidentOf(i, 'incident', pageUrl)),
    ...objects(summary.activeMaintenances ?? summary.maintenances).map((i) =>
      incidentOf(i, 'maintenance', pageUrl),
    ),
  ];
  return {
    vendor: {
      name: text(page.name) || new URL(pageUrl).hostname,
      platform: 'instatus',
      pageUrl: text(page.url) || pageUrl,
      // summary.json tells open incidents without their updates; the page's own data has them.
      lacks: raw.some((i) => Array.isArray(i.updates ?? i.incidentUpdates ?? i.maintenanceUpdates))
        ? ['history']
        : ['history', 'updates'],
    },
    components: parseInstatusComponents(components),
    incidents: sortIncidents(incidents),
  };
}

/** The state embedded in an Instatus page (`__NEXT_DATA__` or flight data), or null. */
export function instatusFromPage(html: string): { summary: Json; components: unknown } | null {
  // Cheap test first: without an Instatus status word the page holds no Instatus state.
  if (!/OPERATIONAL|MAJOROUTAGE|PARTIALOUTAGE|DEGRADEDPERFORMANCE|UNDERMAINTENANCE/.test(html)) return null;
  const roots = [nextData(html), ...embeddedJson(html)].filter((x) => x !== null);
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
    const name = embedded ? text(obj(embedded.summary.page).name) || undefined : undefined;
    return { platform: 'instatus', pageUrl: url.toString(), apiUrl: url.toString(), name };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const api = new URL(detection.apiUrl);
    if (!/\/summary\.json$/.test(api.pathname)) {
      try {
        const doc = await getText(ctx, detection.apiUrl, 'text/html');
        const embedded = instatusFromPage(doc.text);
        if (embedded)
          return {
            ...parseInstatus(embedded.summary, embedded.components, detection.pageUrl),
            notModified: doc.notModified,
          };
      } catch {
        // The JSON endpoints below are the other documented way in.
      }
    }
    const base = /\/summary\.json$/.test(api.pathname)
      ? baseBefore(api, /\/summary\.json$/)
      : detection.apiUrl;
    const { data, doc } = await getJson(ctx, under(base, 'summary.json'));
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
  },
};

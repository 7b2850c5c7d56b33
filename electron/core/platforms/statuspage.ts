// Atlassian Statuspage (GitHub, Discord, Twilio, Kustomer, ...): detection, and a read of the public API v2
// (summary.json for components, open incidents and maintenances; incidents.json for history) into the model.
import type { Component, Incident, IncidentUpdate } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { FetchError, type HttpResponse } from '../http/types';
import { PLATFORM_LABEL } from '../../../shared/platforms';
import { parseForProbe, parseJsonBody, readJson } from './json';
import { OtherPlatformError } from './common/other-platform';
import { otherPlatformDocument } from './recognize';
import {
  isSpIncidents,
  isSpSummary,
  SpIncidentsSchema,
  SpSummarySchema,
  type SpComponentData,
  type SpIncidentData,
} from './statuspage-schema';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

const COMPONENT_STATUS: Record<string, ComponentStatus> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'partial_outage',
  major_outage: 'major_outage',
  under_maintenance: 'maintenance',
};
const IMPACT: Record<string, IncidentImpact> = {
  none: 'none',
  minor: 'minor',
  major: 'major',
  critical: 'critical',
  maintenance: 'maintenance',
};
const INCIDENT_STATUS: Record<string, IncidentStatus> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  postmortem: 'postmortem',
  scheduled: 'scheduled',
  in_progress: 'in_progress',
  verifying: 'verifying',
  completed: 'completed',
};

const own = <T>(map: Record<string, T>, key: string | null | undefined): T | undefined =>
  key != null && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;

export const mapComponentStatus = (s: string | null | undefined): ComponentStatus =>
  own(COMPONENT_STATUS, s) ?? 'unknown';
export const mapImpact = (s: string | null | undefined): IncidentImpact => own(IMPACT, s) ?? 'unknown';
export const mapIncidentStatus = (s: string | null | undefined): IncidentStatus =>
  own(INCIDENT_STATUS, s) ?? 'unknown';

/** ISO-8601 in UTC when the value is a date; as published otherwise (never invent a time). */
const ISO_UTC_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
function iso(value: string | null | undefined): string | null {
  if (!value) return null;
  if (ISO_UTC_MS.test(value)) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString();
}

/** Strip query, hash and a trailing slash (or index.html): the base under which /api/v2 lives. */
function pageBase(url: URL): string {
  const path = url.pathname.replace(/\/index\.html?$/i, '').replace(/\/+$/, '');
  return url.origin + path;
}

const API_PATH = /^(.*?)\/api\/v2(?:\/.*)?$/;

function detectionFor(base: string, name?: string): Detection {
  return { platform: 'statuspage', pageUrl: base, apiUrl: `${base}/api/v2`, ...(name ? { name } : {}) };
}

/** Leaf components, each named with its group's name; group components themselves are not listed. */
export function toComponents(components: SpComponentData[]): Component[] {
  const groupNames = new Map<string, string>();
  let orphans = false;
  for (const c of components) {
    if (c.group) groupNames.set(c.id, c.name);
    else if (!c.group_id) orphans = true;
  }
  // Children normally carry group_id; only when some do not, ask the groups' own lists.
  let parentOf: Map<string, string> | null = null;
  if (orphans && groupNames.size > 0) {
    parentOf = new Map();
    for (const c of components) {
      if (c.group) for (const child of c.components ?? []) parentOf.set(child, c.id);
    }
  }
  const out: Component[] = [];
  for (const c of components) {
    if (c.group) continue;
    const groupId = c.group_id ?? parentOf?.get(c.id) ?? null;
    out.push({
      id: c.id,
      name: c.name,
      group: groupId !== null ? (groupNames.get(groupId) ?? null) : null,
      status: mapComponentStatus(c.status),
    });
  }
  return out;
}

function toIncident(i: SpIncidentData, pageUrl: string, maintenance: boolean): Incident {
  const updates: IncidentUpdate[] = [];
  const raw = i.incident_updates ?? [];
  // Statuspage lists updates newest first; the model wants oldest first.
  for (let k = raw.length - 1; k >= 0; k--) {
    const u = raw[k]!;
    updates.push({
      status: mapIncidentStatus(u.status),
      body: u.body ?? '',
      at: iso(u.display_at ?? u.created_at) ?? '',
    });
  }
  if (updates.length > 1 && updates[0]!.at > updates[updates.length - 1]!.at) {
    updates.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
  if (i.postmortem_body && !updates.some((u) => u.body === i.postmortem_body)) {
    updates.push({
      status: 'postmortem',
      body: i.postmortem_body,
      at: iso(i.postmortem_published_at ?? i.updated_at) ?? '',
    });
  }
  const kind = maintenance || i.impact === 'maintenance' || !!i.scheduled_for ? 'maintenance' : 'incident';
  const incident: Incident = {
    id: i.id,
    title: i.name,
    impact: mapImpact(i.impact),
    status: mapIncidentStatus(i.status),
    // A maintenance's started_at is when it was announced, not when it starts: its window says that.
    startedAt:
      (kind === 'maintenance'
        ? iso(i.scheduled_for ?? i.started_at ?? i.created_at)
        : iso(i.started_at ?? i.scheduled_for ?? i.created_at)) ?? '',
    resolvedAt: iso(i.resolved_at),
    url: `${pageUrl}/incidents/${encodeURIComponent(i.id)}`,
    components: (i.components ?? []).map((c) => c.id),
    updates,
    kind,
  };
  if (kind === 'maintenance') {
    incident.scheduledFor = iso(i.scheduled_for);
    incident.scheduledUntil = iso(i.scheduled_until);
  }
  return incident;
}

async function getOrNull(ctx: ReadContext, url: string): Promise<HttpResponse | null> {
  try {
    return await ctx.http.get(url, { timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes, signal: ctx.signal });
  } catch (err) {
    // A page without history (a 404 on incidents.json) is still a page: say it lacks history.
    if (err instanceof FetchError && err.kind === 'http' && (err.status === 404 || err.status === 410))
      return null;
    throw err;
  }
}

/**
 * Is a probe's answer a Statuspage summary? Judged by the presence and shape of its fields — a `page` object
 * with a name and a `components` list — never by where they sit: JSON objects are unordered, and a proxy, an
 * archive or a look-alike may put `components` (often most of the document) first. The full validation
 * happens once, in `read`, so a page that looks like Statuspage but is broken gets a parse/schema error
 * rather than "unrecognized". Returns the page's name ('' when it gives none), or null when it is not a summary.
 */
export function summaryPageName(body: Buffer): string | null {
  // A byte-level test first: most probed answers are HTML or a 404 page, not worth parsing.
  if (!body.includes('"page"') || !body.includes('"components"')) return null;
  let data: unknown;
  try {
    data = parseForProbe(body);
  } catch {
    // Cut short or broken, yet plainly a summary by its opening: recognised, so that `read` reports the
    // parse error instead of "not a status page".
    const head = body
      .subarray(0, 4096)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    return head.startsWith('{') && /"(page|components)"\s*:\s*[{[]/.test(head) ? '' : null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { page, components } = data as { page?: unknown; components?: unknown };
  if (typeof page !== 'object' || page === null || Array.isArray(page)) return null;
  if (!Array.isArray(components)) return null;
  const name = (page as { name?: unknown }).name;
  return typeof name === 'string' ? name : '';
}

/**
 * The summary, validated; a document another platform published at this path (an Instatus summary at
 * /api/v2/summary.json) is handed to that platform rather than failed as "not a Statuspage summary".
 */
function readSummary(res: HttpResponse) {
  try {
    return readJson(SpSummarySchema, res, 'a Statuspage summary', isSpSummary);
  } catch (err) {
    if (!(err instanceof FetchError) || err.kind !== 'schema') throw err;
    const other = otherPlatformDocument(parseJsonBody(res), new URL(res.url), 'statuspage');
    if (!other) throw err;
    throw new OtherPlatformError(
      other,
      `${new URL(res.url).host} answers ${PLATFORM_LABEL[other.platform]}'s format at Statuspage's address`,
    );
  }
}

/** A document at /api/v2/summary.json that another platform's fields say is theirs, or null. */
function otherAtSummary(body: Buffer, url: URL): Detection | null {
  const head = body.subarray(0, 64).toString('utf8').trimStart();
  if (!head.startsWith('{') && !head.startsWith('\uFEFF{')) return null;
  try {
    return otherPlatformDocument(parseForProbe(body), url, 'statuspage');
  } catch {
    return null;
  }
}

export const statuspage: PlatformAdapter = {
  id: 'statuspage',

  matchUrl(url) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const api = API_PATH.exec(url.pathname);
    if (api) return detectionFor(url.origin + api[1]!.replace(/\/+$/, ''));
    if (/\.statuspage\.io$/i.test(url.hostname)) return detectionFor(pageBase(url));
    return null;
  },

  async probe(url, ctx) {
    const base = pageBase(url);
    const res = await ctx.http.get(`${base}/api/v2/summary.json`, {
      timeoutMs: ctx.timeoutMs,
      maxBytes: ctx.maxBytes,
      signal: ctx.signal,
    });
    const other = otherAtSummary(res.body, new URL(`${base}/api/v2/summary.json`));
    if (other) return other;
    const name = summaryPageName(res.body);
    return name !== null ? detectionFor(base, name || undefined) : null;
  },

  async read(detection, ctx): Promise<PlatformRead> {
    // One after the other on one kept-alive connection: a second connection per vendor costs more than
    // the round trip it saves, and a page that fails its summary is not asked for its history.
    const opts = { timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes, signal: ctx.signal };
    const summaryRes = await ctx.http.get(`${detection.apiUrl}/summary.json`, opts);
    const summary = readSummary(summaryRes);
    const historyRes = await getOrNull(ctx, `${detection.apiUrl}/incidents.json`);
    const history = historyRes
      ? readJson(SpIncidentsSchema, historyRes, 'a Statuspage incident list', isSpIncidents)
      : null;
    const pageUrl = detection.pageUrl;

    const byId = new Map<string, Incident>();
    for (const i of summary.incidents ?? []) byId.set(i.id, toIncident(i, pageUrl, false));
    for (const m of summary.scheduled_maintenances ?? []) byId.set(m.id, toIncident(m, pageUrl, true));
    for (const i of history?.incidents ?? []) {
      const previous = byId.get(i.id);
      // The summary's copy of an open incident wins unless the history has more updates.
      if (previous && previous.updates.length >= (i.incident_updates?.length ?? 0)) continue;
      byId.set(i.id, toIncident(i, pageUrl, previous?.kind === 'maintenance'));
    }

    // Look-alikes that copy the /api/v2 shape (incident.io's compatibility endpoint among them) may leave
    // `incidents` out of the summary: that is "we are not told", never "nothing is open".
    const lacks: Array<'history' | 'incidents'> = [];
    if (!Array.isArray(summary.incidents) && !history) lacks.push('incidents');
    if (!history) lacks.push('history');
    return {
      vendor: {
        name: summary.page.name,
        platform: 'statuspage',
        pageUrl,
        ...(lacks.length > 0 ? { lacks } : {}),
      },
      components: toComponents(summary.components),
      incidents: [...byId.values()],
      notModified: summaryRes.notModified && (historyRes?.notModified ?? true),
    };
  },
};

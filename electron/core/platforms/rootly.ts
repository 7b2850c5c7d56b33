// Rootly status pages, read from the public Status Page API their custom domains serve (documented at
// docs.rootly.com, "Status Page Public API"): `/api/v1/status.json` (the page, an overall indicator and the
// active incidents) and `/api/v1/incidents.json` (the active incidents with their updates). The API lists no
// components: the page's overall indicator stands as one component named after the page. Two requests.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { toIso } from './common/dates';
import { FetchError } from '../http/types';
import { baseBefore, getJson, parseJson, schemaError } from './common/fetch';
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
} from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

const API = /\/api\/v1\/(?:status|incidents)\.json$/;

const INDICATOR: Record<string, ComponentStatus> = {
  none: 'operational',
  minor: 'degraded',
  major: 'major_outage',
  critical: 'major_outage',
  maintenance: 'maintenance',
};
const IMPACTS: readonly IncidentImpact[] = ['none', 'minor', 'major', 'critical', 'maintenance'];
const MAINTENANCE = new Set(['scheduled', 'in_progress', 'completed']);

/**
 * A Rootly status document by its fields: a page with a name (and no id, which Statuspage's pages carry), an
 * overall `status.indicator`, an `incidents` list and no `components`.
 */
export function isRootlyStatus(data: unknown): boolean {
  if (!isObject(data) || 'components' in data || !Array.isArray(data.incidents)) return false;
  const page = obj(data.page);
  return typeof page.name === 'string' && !('id' in page) && typeof obj(data.status).indicator === 'string';
}

function incidentOf(i: Record<string, unknown>, pageUrl: string): Incident {
  const updates = sortUpdates(
    objects(i.incident_updates).map((u) => ({
      status: progressFromWord(u.status),
      body: htmlToText(text(u.body)),
      at: toIso(u.created_at ?? u.display_at) ?? '',
    })),
  ).filter((u) => u.at);
  const word = text(i.status).toLowerCase();
  const maintenance = MAINTENANCE.has(word) || text(i.impact).toLowerCase() === 'maintenance';
  const resolvedAt = toIso(i.resolved_at);
  const latest = updates.at(-1)?.status;
  // Rootly's own lifecycle words (started, mitigated) say less than the latest update's progress word.
  let status: IncidentStatus = resolvedAt
    ? maintenance
      ? 'completed'
      : 'resolved'
    : latest && latest !== 'unknown'
      ? latest
      : progressFromWord(word);
  if (!resolvedAt && maintenance && !MAINTENANCE.has(status)) status = 'in_progress';
  if (!resolvedAt && !maintenance && status === 'in_progress') status = 'investigating';
  const impact = text(i.impact).toLowerCase() as IncidentImpact;
  const startedAt = toIso(i.started_at) ?? updates[0]?.at ?? '';
  const url = str(i.url);
  return {
    // The documented incident has no id: its own address is what stays the same across reads.
    id: str(i.id) ?? url ?? `${text(i.name)}@${startedAt}`,
    title: text(i.name),
    impact: maintenance ? 'maintenance' : IMPACTS.includes(impact) ? impact : 'unknown',
    status,
    startedAt,
    resolvedAt,
    url: url ?? pageUrl,
    components: [],
    updates,
    kind: maintenance ? 'maintenance' : 'incident',
  };
}

export function parseRootly(
  statusDoc: unknown,
  incidentsDoc: unknown,
  pageUrl: string,
): Omit<PlatformRead, 'notModified'> {
  if (!isRootlyStatus(statusDoc)) throw schemaError('The Rootly answer is not a status page status.');
  const doc = obj(statusDoc);
  const name = text(obj(doc.page).name) || new URL(pageUrl).host;
  const indicator = text(obj(doc.status).indicator).toLowerCase();
  const components: Component[] = [
    { id: 'overall', name, group: null, status: INDICATOR[indicator] ?? 'unknown' },
  ];
  const listed = isObject(incidentsDoc) && Array.isArray(incidentsDoc.incidents) ? incidentsDoc : doc;
  return {
    vendor: { name, platform: 'rootly', pageUrl, lacks: ['history'] },
    components,
    incidents: sortIncidents(objects(listed.incidents).map((i) => incidentOf(i, pageUrl))),
  };
}

function detectionAt(base: string, name?: string): Detection {
  return {
    platform: 'rootly',
    pageUrl: `${base}/`,
    apiUrl: `${base}/api/v1/status.json`,
    ...(name ? { name } : {}),
  };
}

export const rootlyAdapter: PlatformAdapter = {
  id: 'rootly',
  matchUrl: () => null,
  async probe(url, ctx, page) {
    // The API's own address, pasted: its fields say whose it is.
    if (API.test(url.pathname) && page && /^\s*\{/.test(page.body)) {
      let data: unknown = null;
      try {
        data = parseJson(page.body, url.href);
      } catch {
        return null;
      }
      return isRootlyStatus(data) ? detectionAt(baseBefore(url, API), text(obj(obj(data).page).name)) : null;
    }
    // A page that names Rootly: one request to its status document (a page that does not costs nothing).
    if (!page || !/rootly/i.test(page.body.slice(0, 300_000))) return null;
    const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    const { data } = await getJson(ctx, `${base}/api/v1/status.json`);
    return isRootlyStatus(data) ? detectionAt(base, text(obj(obj(data).page).name)) : null;
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const base = baseBefore(new URL(detection.apiUrl), API);
    const status = await getJson(ctx, `${base}/api/v1/status.json`);
    // Without the incident list, the status document's own incidents are read.
    const incidents = await getJson(ctx, `${base}/api/v1/incidents.json?per_page=100`).catch(
      (err: unknown) => {
        if (err instanceof FetchError && (err.kind === 'timeout' || err.kind === 'rate_limited')) throw err;
        return null;
      },
    );
    return {
      ...parseRootly(status.data, incidents?.data ?? null, detection.pageUrl),
      notModified: status.doc.notModified && (incidents?.doc.notModified ?? true),
    };
  },
};

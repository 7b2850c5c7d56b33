// Heroku status API v4: `/api/v4/current-status` (the Apps, Data and Tools systems as green/yellow/red, open
// incidents and scheduled maintenances) and `/api/v4/incidents` (history), each incident with every update.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { toIso } from './common/dates';
import { baseBefore, getJson, schemaError } from './common/fetch';
import { htmlToText, pageTitleText } from './common/html';
import {
  bool,
  isObject,
  list,
  objects,
  sortIncidents,
  sortUpdates,
  str,
  text,
  type Json,
} from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

export function herokuStatus(v: unknown): ComponentStatus {
  switch (text(v).toLowerCase()) {
    case 'green':
      return 'operational';
    case 'yellow':
      return 'degraded';
    case 'orange':
      return 'partial_outage';
    case 'red':
      return 'major_outage';
    case 'blue':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

const COLOR_IMPACT: Record<string, IncidentImpact> = {
  yellow: 'minor',
  orange: 'major',
  red: 'critical',
  blue: 'maintenance',
  green: 'none',
};
const IMPACT_RANK: IncidentImpact[] = ['unknown', 'none', 'maintenance', 'minor', 'major', 'critical'];

function updateStatus(v: unknown, scheduled: boolean): IncidentStatus | null {
  switch (text(v).toLowerCase()) {
    case 'issue':
      return 'investigating';
    case 'monitoring':
      return 'monitoring';
    case 'resolved':
      return scheduled ? 'completed' : 'resolved';
    case 'scheduled':
      return 'scheduled';
    case 'update':
      return null; // keeps the status before it
    default:
      return 'unknown';
  }
}

function incidentOf(i: Json, scheduled: boolean): Incident {
  let current = (scheduled ? 'scheduled' : 'investigating') as IncidentStatus;
  let impact = 'unknown' as IncidentImpact;
  const raw = [...objects(i.updates)].sort((a, b) =>
    (toIso(a.created_at) ?? '').localeCompare(toIso(b.created_at) ?? ''),
  );
  const updates: Array<{ status: IncidentStatus; body: string; at: string }> = [];
  for (const u of raw) {
    current = updateStatus(u.update_type, scheduled) ?? current;
    for (const c of [u.status_prod, u.status_dev]) {
      const imp = COLOR_IMPACT[text(c).toLowerCase()];
      if (imp && IMPACT_RANK.indexOf(imp) > IMPACT_RANK.indexOf(impact)) impact = imp;
    }
    updates.push({ status: current, body: htmlToText(text(u.contents)), at: toIso(u.created_at) ?? '' });
  }
  const resolved = bool(i.resolved) || current === 'resolved' || current === 'completed';
  const status: IncidentStatus = resolved ? (scheduled ? 'completed' : 'resolved') : current;
  const startedAt = toIso(i.created_at) ?? updates[0]?.at ?? '';
  return {
    id: str(i.id) ?? `${text(i.title)}@${startedAt}`,
    title: text(i.title),
    impact: scheduled ? 'maintenance' : impact === 'none' && !resolved ? 'unknown' : impact,
    status,
    startedAt,
    resolvedAt: resolved ? updates[updates.length - 1]?.at || toIso(i.updated_at) || startedAt : null,
    url: text(i.full_url) || null,
    components: list(i.systems)
      .map((s) => (isObject(s) ? text(s.name) : text(s)))
      .filter(Boolean),
    updates: sortUpdates(updates.filter((u) => u.at)),
    kind: scheduled ? 'maintenance' : 'incident',
  };
}

export function parseHeroku(
  current: unknown,
  history: unknown,
  pageUrl = 'https://status.heroku.com',
): Omit<PlatformRead, 'notModified'> {
  if (!isObject(current) || !Array.isArray(current.status))
    throw schemaError('The Heroku answer has no `status` list of systems.');
  const components: Component[] = objects(current.status).map((s) => ({
    id: text(s.system),
    name: text(s.system),
    group: null,
    status: herokuStatus(s.status),
  }));
  const incidents = [
    ...objects(current.incidents).map((i) => incidentOf(i, false)),
    ...objects(current.scheduled).map((i) => incidentOf(i, true)),
  ];
  const seen = new Set(incidents.map((i) => i.id));
  for (const h of objects(history)) {
    const inc = incidentOf(h, false);
    if (!seen.has(inc.id)) incidents.push(inc);
  }
  return {
    vendor: { name: 'Heroku', platform: 'heroku', pageUrl },
    components,
    incidents: sortIncidents(incidents),
  };
}

const API = /\/api\/v4(\/(current-status|incidents))?\/?$/;

export const herokuAdapter: PlatformAdapter = {
  id: 'heroku',
  matchUrl(url) {
    if (
      /\/api\/v4\/current-status\/?$/.test(url.pathname) ||
      (url.hostname === 'status.heroku.com' && API.test(url.pathname))
    ) {
      const base = baseBefore(url, API);
      return {
        platform: 'heroku',
        pageUrl: url.hostname === 'status.heroku.com' ? 'https://status.heroku.com' : base,
        apiUrl: `${base}/api/v4/current-status`,
      };
    }
    if (url.hostname === 'status.heroku.com')
      return { platform: 'heroku', pageUrl: url.origin, apiUrl: `${url.origin}/api/v4/current-status` };
    return null;
  },
  async probe(url, _ctx, page) {
    if (
      !page ||
      !(
        /^Heroku Status\b/i.test(pageTitleText(page.body)) ||
        /status\.heroku\.com\/api\/v4/i.test(page.body.slice(0, 100_000))
      )
    )
      return null;
    const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    return { platform: 'heroku', pageUrl: url.toString(), apiUrl: `${base}/api/v4/current-status` };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const base = baseBefore(new URL(detection.apiUrl), API);
    const [current, history] = await Promise.all([
      getJson(ctx, `${base}/api/v4/current-status`),
      getJson(ctx, `${base}/api/v4/incidents?limit=50`).catch(() => null),
    ]);
    const read = parseHeroku(current.data, history?.data ?? [], detection.pageUrl);
    if (!history) read.vendor.lacks = ['history'];
    return { ...read, notModified: current.doc.notModified && (history?.doc.notModified ?? true) };
  },
};

// Statuspal pages, through the public summary API `GET /api/v2/status_pages/<subdomain>/summary`: services
// (nested as parents and children) with their current incident type, active incidents and maintenances with
// every update.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { toIso } from './common/dates';
import { getJson, schemaError } from './common/fetch';
import { htmlToText } from './common/html';
import {
  isObject,
  list,
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

export function statuspalStatus(v: unknown): ComponentStatus {
  if (v === null || v === undefined || v === '') return 'operational';
  switch (text(v)) {
    case 'minor':
      return 'degraded';
    case 'major':
      return 'major_outage';
    case 'scheduled':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

function impactOf(v: unknown): IncidentImpact {
  switch (text(v)) {
    case 'minor':
      return 'minor';
    case 'major':
      return 'critical';
    case 'scheduled':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

function updateProgress(v: unknown, maintenance: boolean): IncidentStatus | null {
  switch (text(v)) {
    case 'issue':
      return maintenance ? 'in_progress' : 'investigating';
    case 'resolve':
    case 'resolved':
      return maintenance ? 'completed' : 'resolved';
    case 'update':
    case 'retroactive':
      return null;
    default: {
      const p = progressFromWord(v);
      return p === 'unknown' ? null : p;
    }
  }
}

function incidentOf(i: Json, pageUrl: string, now: Date): Incident {
  const maintenance = text(i.type) === 'scheduled';
  const start = toIso(i.starts_at) ?? '';
  const end = toIso(i.ends_at);
  let current: IncidentStatus = maintenance
    ? start && Date.parse(start) > now.getTime()
      ? 'scheduled'
      : 'in_progress'
    : 'investigating';
  const raw = [...objects(i.updates)].sort((a, b) =>
    (toIso(a.posted_at) ?? '').localeCompare(toIso(b.posted_at) ?? ''),
  );
  const updates: Incident['updates'] = [];
  for (const u of raw) {
    current = updateProgress(u.type, maintenance) ?? current;
    updates.push({
      status: current,
      body: htmlToText(text(u.description)),
      at: toIso(u.posted_at ?? u.inserted_at) ?? '',
    });
  }
  const ended = end !== null && Date.parse(end) <= now.getTime();
  const status: IncidentStatus = ended ? (maintenance ? 'completed' : 'resolved') : current;
  const services = list(i.service_ids ?? i.services)
    .map((s) => (isObject(s) ? str(s.id) : str(s)))
    .filter((x): x is string => x !== null);
  return {
    id: str(i.id) ?? `${text(i.title)}@${start}`,
    title: text(i.title),
    impact: impactOf(i.type),
    status,
    startedAt: start || updates[0]?.at || '',
    resolvedAt: ended ? end : null,
    url: text(i.url) || `${pageUrl.replace(/\/$/, '')}/incidents/${str(i.id) ?? ''}`,
    components: services,
    updates: sortUpdates(updates.filter((u) => u.at)),
    kind: maintenance ? 'maintenance' : 'incident',
    ...(maintenance ? { scheduledFor: start || null, scheduledUntil: end } : {}),
  };
}

export function parseStatuspal(
  data: unknown,
  pageUrl: string,
  now = new Date(),
): Omit<PlatformRead, 'notModified'> {
  if (!isObject(data) || !Array.isArray(data.services))
    throw schemaError('The Statuspal summary has no `services`.');
  const page = obj(data.status_page);
  const components: Component[] = [];
  for (const s of objects(data.services)) {
    const children = objects(s.children);
    if (children.length === 0) {
      components.push({
        id: str(s.id) ?? text(s.name),
        name: text(s.name),
        group: null,
        status: statuspalStatus(s.current_incident_type),
      });
    }
    for (const c of children) {
      components.push({
        id: str(c.id) ?? text(c.name),
        name: text(c.name),
        group: text(s.name) || null,
        status: statuspalStatus(c.current_incident_type),
      });
    }
  }
  const incidents = [
    ...objects(data.incidents),
    ...objects(data.maintenances),
    ...objects(data.upcoming_maintenances),
  ].map((i) => incidentOf(i, pageUrl, now));
  const seen = new Set<string>();
  return {
    vendor: {
      name: text(page.name) || new URL(pageUrl).hostname,
      platform: 'statuspal',
      pageUrl: text(page.url) || pageUrl,
      // The summary holds what is open or planned; past incidents are not part of it.
      lacks: ['history'],
    },
    components,
    incidents: sortIncidents(incidents.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)))),
  };
}

const API = /^(.*)\/api\/v2\/status_pages\/([\w-]+)(\/summary)?\/?$/;

export const statuspalAdapter: PlatformAdapter = {
  id: 'statuspal',
  matchUrl(url) {
    const m = API.exec(url.pathname);
    if (m) {
      const apiUrl = `${url.origin}${m[1] ?? ''}/api/v2/status_pages/${m[2]}/summary`;
      return {
        platform: 'statuspal',
        pageUrl: url.hostname === 'statuspal.io' ? `https://${m[2]}.statuspal.io` : url.origin,
        apiUrl,
      };
    }
    const hosted = /^([\w-]+)\.statuspal\.io$/i.exec(url.hostname);
    if (hosted && hosted[1] !== 'www' && hosted[1] !== 'app') {
      return {
        platform: 'statuspal',
        pageUrl: url.origin,
        apiUrl: `https://statuspal.io/api/v2/status_pages/${hosted[1]}/summary`,
      };
    }
    return null;
  },
  async probe(url, _ctx, page) {
    if (!page || !/statuspal/i.test(page.body.slice(0, 300_000))) return null;
    const full = /(https?:\/\/[a-z0-9.:-]+)\/api\/v2\/status_pages\/([\w-]+)/i.exec(page.body);
    if (full)
      return {
        platform: 'statuspal',
        pageUrl: url.toString(),
        apiUrl: `${full[1]}/api/v2/status_pages/${full[2]}/summary`,
      };
    const sub = /statuspal\.io\/api\/v\d\/status_pages\/([\w-]+)|\/\/([\w-]+)\.statuspal\.io/i.exec(
      page.body,
    );
    const id = sub?.[1] ?? sub?.[2];
    if (!id || /^(www|app|cdn|assets|static|api)$/i.test(id)) return null;
    return {
      platform: 'statuspal',
      pageUrl: url.toString(),
      apiUrl: `https://statuspal.io/api/v2/status_pages/${id}/summary`,
    };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const { data, doc } = await getJson(ctx, detection.apiUrl);
    return { ...parseStatuspal(data, detection.pageUrl), notModified: doc.notModified };
  },
};

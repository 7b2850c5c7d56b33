// Slack status API v2.0.0: `/api/v2.0.0/current` (overall status and active incidents with every note) and
// `/api/v2.0.0/history` (past incidents). Slack's services are named on incidents; the API has no list of
// them, so the ones the status page shows are listed here and any others seen are added.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { impactToStatus, worstOf } from '../../../shared/status';
import { toIso } from './common/dates';
import { baseBefore, getJson, schemaError } from './common/fetch';
import { htmlToText, pageTitleText } from './common/html';
import { isObject, list, objects, sortIncidents, sortUpdates, str, text, type Json } from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

/** The services the Slack status page shows. */
export const SLACK_SERVICES = [
  'Login/SSO',
  'Connectivity',
  'Messaging',
  'Notifications',
  'Search',
  'Files',
  'Huddles',
  'Canvases',
  'Lists',
  'Workflows',
  'Apps/Integrations/APIs',
  'Workspace/Org Administration',
];

function impactOf(type: unknown, status: IncidentStatus): IncidentImpact {
  if (status === 'scheduled' || status === 'in_progress' || status === 'completed') return 'maintenance';
  switch (text(type)) {
    case 'outage':
      return 'critical';
    case 'incident':
      return 'minor';
    case 'notice':
      return 'none';
    default:
      return 'unknown';
  }
}

function progressOf(v: unknown, type: unknown): IncidentStatus {
  const maintenance = text(type) === 'maintenance';
  switch (text(v)) {
    case 'active':
      return maintenance ? 'in_progress' : 'investigating';
    case 'resolved':
      return maintenance ? 'completed' : 'resolved';
    case 'scheduled':
      return 'scheduled';
    case 'completed':
      return 'completed';
    default:
      return 'unknown';
  }
}

function incidentOf(i: Json): Incident {
  const status = progressOf(i.status, i.type);
  const notes = sortUpdates(
    objects(i.notes).map((n) => ({
      status,
      body: htmlToText(text(n.body)),
      at: toIso(n.date_created) ?? '',
    })),
  ).filter((u) => u.at);
  // Notes carry no status of their own; only the last one is known to have the incident's current status.
  const open: IncidentStatus =
    status === 'resolved' ? 'investigating' : status === 'completed' ? 'in_progress' : status;
  notes.forEach((n, idx) => (n.status = idx === notes.length - 1 ? status : open));
  const startedAt = toIso(i.date_created) ?? notes[0]?.at ?? '';
  const resolved = status === 'resolved' || status === 'completed';
  const impact = impactOf(i.type, status);
  return {
    id: str(i.id) ?? `${text(i.title)}@${startedAt}`,
    title: text(i.title),
    impact,
    status,
    startedAt,
    resolvedAt: resolved ? (toIso(i.date_updated) ?? notes[notes.length - 1]?.at ?? startedAt) : null,
    url: text(i.url) || null,
    components: list(i.services)
      .map((s) => text(s))
      .filter(Boolean),
    updates: notes,
    kind: impact === 'maintenance' ? 'maintenance' : 'incident',
  };
}

export function parseSlack(
  current: unknown,
  history: unknown,
  pageUrl = 'https://slack-status.com',
): Omit<PlatformRead, 'notModified'> {
  if (!isObject(current) || typeof current.status !== 'string')
    throw schemaError('The Slack status answer has no `status`.');
  const active = objects(current.active_incidents).map(incidentOf);
  const past = objects(history)
    .map(incidentOf)
    .filter((h) => !active.some((a) => a.id === h.id));
  const byService = new Map<string, ComponentStatus[]>();
  for (const inc of active) {
    if (inc.status === 'scheduled') continue;
    for (const s of inc.components)
      byService.set(s, [...(byService.get(s) ?? []), impactToStatus(inc.impact)]);
  }
  const names = [...new Set([...SLACK_SERVICES, ...byService.keys()])];
  const overall = text(current.status);
  // "ok" vouches for every service; any other overall status without a service named stays unknown.
  const fallback: ComponentStatus =
    overall === 'ok' ? 'operational' : active.length > 0 ? 'operational' : 'unknown';
  const components: Component[] = names.map((name) => ({
    id: name,
    name,
    group: null,
    status: worstOf(byService.get(name) ?? [fallback]),
  }));
  return {
    vendor: { name: 'Slack', platform: 'slack', pageUrl },
    components,
    incidents: sortIncidents([...active, ...past]),
  };
}

const API = /\/api\/v2\.0\.0(\/(current|history))?\/?$/;

export const slackAdapter: PlatformAdapter = {
  id: 'slack',
  matchUrl(url) {
    if (API.test(url.pathname)) {
      const base = baseBefore(url, API);
      return { platform: 'slack', pageUrl: base, apiUrl: `${base}/api/v2.0.0/current` };
    }
    if (/^(status\.slack\.com|slack-status\.com)$/i.test(url.hostname)) {
      return { platform: 'slack', pageUrl: url.origin, apiUrl: `${url.origin}/api/v2.0.0/current` };
    }
    return null;
  },
  async probe(url, _ctx, page) {
    if (
      !page ||
      !(
        /Slack System Status/i.test(pageTitleText(page.body)) ||
        /slack-status\.com/i.test(page.body.slice(0, 100_000))
      )
    )
      return null;
    const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    return { platform: 'slack', pageUrl: url.toString(), apiUrl: `${base}/api/v2.0.0/current` };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const base = baseBefore(new URL(detection.apiUrl), API);
    const [current, history] = await Promise.all([
      getJson(ctx, `${base}/api/v2.0.0/current`),
      getJson(ctx, `${base}/api/v2.0.0/history`).catch(() => null),
    ]);
    const read = parseSlack(current.data, history?.data ?? [], detection.pageUrl);
    if (!history) read.vendor.lacks = ['history'];
    return { ...read, notModified: current.doc.notModified && (history?.doc.notModified ?? true) };
  },
};

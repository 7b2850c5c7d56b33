// Apple System Status: a JSONP file (`jsonCallback({...})`) listing every service with its events. Each event
// has a type (Outage, Issue, Performance, Maintenance), a status (ongoing, resolved, completed, upcoming,
// scheduled), epoch-millisecond and "MM/DD/YYYY HH:MM PDT" dates, and one message: there are no separate
// updates. One event posted for several services shares its messageId and is read as one incident.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { worstOf } from '../../../shared/status';
import { toIso } from './common/dates';
import { getText, parseJsonp, schemaError } from './common/fetch';
import { htmlToText } from './common/html';
import { isObject, objects, sortIncidents, str, text } from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

const CONSUMER = 'https://www.apple.com/support/systemstatus/data/system_status_en_US.js';
const DEVELOPER = 'https://www.apple.com/support/systemstatus/data/developer/system_status_en_US.js';

function typeStatus(v: unknown): ComponentStatus {
  switch (text(v).toLowerCase()) {
    case 'outage':
      return 'major_outage';
    case 'issue':
      return 'partial_outage';
    case 'performance':
      return 'degraded';
    case 'maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

function typeImpact(v: unknown): IncidentImpact {
  switch (text(v).toLowerCase()) {
    case 'outage':
      return 'critical';
    case 'issue':
      return 'major';
    case 'performance':
      return 'minor';
    case 'maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

function progressOf(v: unknown, maintenance: boolean): IncidentStatus {
  switch (text(v).toLowerCase()) {
    case 'ongoing':
      return maintenance ? 'in_progress' : 'investigating';
    case 'resolved':
      return maintenance ? 'completed' : 'resolved';
    case 'completed':
      return 'completed';
    case 'upcoming':
    case 'scheduled':
      return 'scheduled';
    default:
      return 'unknown';
  }
}

function isOpen(status: IncidentStatus): boolean {
  return status === 'investigating' || status === 'in_progress' || status === 'unknown';
}

export function parseApple(
  data: unknown,
  pageUrl: string,
  name = 'Apple',
): Omit<PlatformRead, 'notModified'> {
  if (!isObject(data) || !Array.isArray(data.services))
    throw schemaError('The Apple system status answer has no `services`.');
  const components: Component[] = [];
  const byMessage = new Map<string, Incident>();
  for (const s of objects(data.services)) {
    const service = text(s.serviceName);
    const open: ComponentStatus[] = [];
    for (const e of objects(s.events)) {
      const maintenance = text(e.statusType).toLowerCase() === 'maintenance';
      const status = progressOf(e.eventStatus, maintenance);
      if (isOpen(status)) open.push(typeStatus(e.statusType));
      const id = str(e.messageId) ?? `${service}@${text(e.startDate)}`;
      const existing = byMessage.get(id);
      if (existing) {
        existing.components.push(service);
        continue;
      }
      const startedAt = toIso(e.epochStartDate) ?? toIso(e.startDate) ?? '';
      const end = toIso(e.epochEndDate) ?? toIso(e.endDate);
      const resolved = status === 'resolved' || status === 'completed';
      const posted = toIso(e.datePosted) ?? startedAt;
      byMessage.set(id, {
        id,
        title: `${service}${text(e.usersAffected) ? ` — ${text(e.usersAffected)}` : ''}`,
        impact: typeImpact(e.statusType),
        status,
        startedAt,
        resolvedAt: resolved ? (end ?? posted) : null,
        url: pageUrl,
        components: [service],
        updates: [{ status, body: htmlToText(text(e.message)), at: posted }],
        kind: maintenance ? 'maintenance' : 'incident',
        ...(maintenance ? { scheduledFor: startedAt || null, scheduledUntil: end } : {}),
      });
    }
    components.push({
      id: service,
      name: service,
      group: null,
      status: worstOf(open.length ? open : ['operational']),
    });
  }
  return {
    // One message per event: Apple publishes no separate updates.
    vendor: { name, platform: 'apple', pageUrl, lacks: ['updates'] },
    components,
    incidents: sortIncidents([...byMessage.values()]),
  };
}

const DATA = /\/system_status_[a-z]{2}_[A-Z]{2}\.js$/;

export const appleAdapter: PlatformAdapter = {
  id: 'apple',
  matchUrl(url) {
    const developer = /developer/.test(url.hostname + url.pathname);
    const pageUrl = developer
      ? 'https://developer.apple.com/system-status/'
      : 'https://www.apple.com/support/systemstatus/';
    if (DATA.test(url.pathname))
      return {
        platform: 'apple',
        pageUrl,
        apiUrl: url.toString(),
        name: developer ? 'Apple Developer' : 'Apple',
      };
    if (/(^|\.)apple\.com$/.test(url.hostname) && /systemstatus|system-status/.test(url.pathname)) {
      return {
        platform: 'apple',
        pageUrl,
        apiUrl: developer ? DEVELOPER : CONSUMER,
        name: developer ? 'Apple Developer' : 'Apple',
      };
    }
    return null;
  },
  async probe(url, _ctx, page) {
    if (!page || !page.body.includes('system_status_')) return null;
    // The page loads its data file with a script; its address says which one (consumer or developer).
    const m = /["']([^"']*\/system_status_[a-z]{2}_[A-Z]{2}\.js)(?:\?[^"']*)?["']/.exec(
      page.body.slice(0, 300_000),
    );
    if (!m?.[1]) return null;
    const developer = /developer/.test(m[1]);
    return {
      platform: 'apple',
      pageUrl: url.toString(),
      apiUrl: new URL(m[1], url).toString(),
      name: developer ? 'Apple Developer' : 'Apple',
    };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const doc = await getText(ctx, detection.apiUrl, 'application/javascript, application/json;q=0.9');
    return {
      ...parseApple(parseJsonp(doc.text, detection.apiUrl), detection.pageUrl, detection.name),
      notModified: doc.notModified,
    };
  },
};

// AWS Health Dashboard. `/public/currentevents` is a JSON list of the open events (served as UTF-16 with a
// byte-order mark: the encoding is sniffed), each with its log of messages and the services and regions it
// touches; the RSS feeds (`status.aws.amazon.com/rss/*.rss`) tell history in titles such as
// "Service disruption: …" or "Service is operating normally: [RESOLVED] …". Neither lists every service.
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact } from '../../../shared/status';
import { isResolvedStatus, worstOf } from '../../../shared/status';
import { CATALOG } from '../../../shared/catalog';
import { toIso } from './common/dates';
import { feedFromRoot, looksLikeFeed, parseFeed } from './common/feed';
import { feedItemToIncident } from './common/feed-incidents';
import { getText, parseJson, schemaError } from './common/fetch';
import { htmlToText } from './common/html';
import { isObject, objects, sortIncidents, sortUpdates, text, type Json } from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

const PAGE = 'https://health.aws.amazon.com/health/status';

/** Event status: 0 resolved, 1 informational, 2 degradation, 3 disruption. */
export function awsComponentStatus(v: unknown): ComponentStatus {
  switch (Number(v)) {
    case 0:
      return 'operational';
    case 1:
      return 'degraded';
    case 2:
      return 'partial_outage';
    case 3:
      return 'major_outage';
    default:
      return 'unknown';
  }
}

function impactOf(v: unknown): IncidentImpact {
  switch (Number(v)) {
    case 1:
      return 'minor';
    case 2:
      return 'major';
    case 3:
      return 'critical';
    case 0:
      return 'none';
    default:
      return 'unknown';
  }
}

/** Every AWS service the catalog names, as AWS's dashboard names them. */
const isRegionEntry = (id: string) => id.startsWith('aws-region-');

export function catalogAwsServices(): string[] {
  return [
    ...new Set(
      CATALOG.filter((e) => e.platform === 'aws' && !isRegionEntry(e.id)).flatMap((e) => e.components ?? []),
    ),
  ];
}

/** Region names as AWS writes them in `region_name` ("N. Virginia"), from the catalog's region entries. */
export function catalogAwsRegions(): string[] {
  return [
    ...new Set(
      CATALOG.filter((e) => e.platform === 'aws' && isRegionEntry(e.id)).flatMap((e) => e.components ?? []),
    ),
  ];
}

/**
 * currentevents lists only the services with an open or recent event. A service it does not name has no
 * event: AWS shows it as operating normally, and so do we for the services we know by name (`knownServices`),
 * so that a watch list naming one of them reads as healthy rather than as matching nothing.
 */
export function parseAwsCurrentEvents(
  data: unknown,
  pageUrl = PAGE,
  knownServices: readonly string[] = [],
  knownRegions: readonly string[] = [],
): Omit<PlatformRead, 'notModified'> {
  // The list is sometimes wrapped ({ "current": [...] }) by mirrors; accept both.
  const events = Array.isArray(data)
    ? data
    : isObject(data) && Array.isArray(data.current)
      ? data.current
      : null;
  if (!events) throw schemaError('The AWS currentevents answer is not a list of events.');
  const components = new Map<string, Component>();
  const incidents: Incident[] = objects(events).map((e: Json) => {
    const log = objects(e.event_log);
    const updates = sortUpdates(
      log.map((l) => {
        const resolved = Number(l.status) === 0 || /\[RESOLVED\]/i.test(text(l.summary));
        return {
          status: resolved ? ('resolved' as const) : ('investigating' as const),
          body: htmlToText(text(l.message)),
          at: toIso(l.timestamp) ?? '',
        };
      }),
    ).filter((u) => u.at);
    const statusCode = e.status ?? log[log.length - 1]?.status;
    const resolved = Number(statusCode) === 0 || /\[RESOLVED\]/i.test(text(e.summary));
    const serviceIds: string[] = [];
    const impacted = isObject(e.impacted_services) ? e.impacted_services : {};
    for (const [key, v] of Object.entries(impacted)) {
      const s = isObject(v) ? v : {};
      serviceIds.push(key);
      components.set(key, {
        id: key,
        name: text(s.service_name) || key,
        group: text(s.region_name) || text(e.region_name) || null,
        status: resolved ? 'operational' : awsComponentStatus(s.current ?? statusCode),
      });
    }
    const service = text(e.service);
    if (service && !components.has(service)) {
      serviceIds.push(service);
      components.set(service, {
        id: service,
        name: text(e.service_name) || service,
        group: text(e.region_name) || null,
        status: resolved ? 'operational' : awsComponentStatus(statusCode),
      });
    }
    const startedAt = toIso(e.date) ?? updates[0]?.at ?? '';
    const last = updates[updates.length - 1];
    return {
      id: text(e.arn) || `${service}_${text(e.date)}`,
      title: text(e.summary).replace(/^\s*\[RESOLVED\]\s*/i, '') || text(e.service_name),
      impact: impactOf(
        Number(statusCode) === 0 ? Math.max(...log.map((l) => Number(l.status) || 0), 0) : statusCode,
      ),
      status: resolved ? 'resolved' : (last?.status ?? 'investigating'),
      startedAt,
      resolvedAt: resolved ? (toIso(e.endTime) ?? last?.at ?? startedAt) : null,
      url: pageUrl,
      components: serviceIds,
      updates,
      kind: 'incident' as const,
    };
  });
  const named = new Set([...components.values()].map((c) => c.name));
  for (const name of knownServices) {
    if (!named.has(name))
      components.set(`service:${name}`, { id: `service:${name}`, name, group: null, status: 'operational' });
  }
  // A region watched by name reads as the worst of its services' events, and as operating normally
  // without any: AWS names a region only in the events that touch it.
  const inRegion = [...components.values()];
  for (const region of knownRegions) {
    const statuses = inRegion.filter((c) => c.group === region).map((c) => c.status);
    components.set(`region:${region}`, {
      id: `region:${region}`,
      name: region,
      group: null,
      status: statuses.length > 0 ? worstOf(statuses) : 'operational',
    });
  }
  return {
    vendor: {
      name: 'AWS',
      platform: 'aws',
      pageUrl,
      lacks: knownServices.length > 0 ? ['history'] : ['components', 'history'],
    },
    components: [...components.values()],
    incidents: sortIncidents(incidents),
  };
}

/** "Service disruption: …", "Performance issues: …", "Informational message: …", "Service is operating normally: …". */
function awsFeedImpact(title: string): IncidentImpact {
  if (/^service disruption/i.test(title)) return 'critical';
  if (/^performance issues?/i.test(title)) return 'major';
  if (/^informational message/i.test(title)) return 'minor';
  if (/^service is operating normally/i.test(title)) return 'none';
  return 'unknown';
}

export function parseAwsFeed(xml: string, where: string, pageUrl = PAGE): Omit<PlatformRead, 'notModified'> {
  const feed = parseFeed(xml, where);
  const fetchedAt = new Date().toISOString();
  const incidents = feed.items.map((item) => {
    const inc = feedItemToIncident(item, { fetchedAt, impact: (it) => awsFeedImpact(it.title) });
    if (/^service is operating normally/i.test(item.title) || /\[RESOLVED\]/i.test(item.title)) {
      inc.status = 'resolved';
      inc.resolvedAt = item.published ?? fetchedAt;
    } else if (!isResolvedStatus(inc.status)) {
      inc.status = inc.status === 'unknown' ? 'investigating' : inc.status;
    }
    inc.updates = inc.updates.map((u) => (u.status === 'unknown' ? { ...u, status: inc.status } : u));
    inc.title = item.title.replace(/^[^:]{3,40}:\s*/, '').replace(/^\[RESOLVED\]\s*/i, '') || item.title;
    return inc;
  });
  return {
    vendor: {
      name: 'AWS',
      platform: 'aws',
      pageUrl,
      lacks: ['components'],
    },
    components: [],
    incidents: sortIncidents(incidents),
  };
}

const AWS_FEED = /amazon web services|aws\.amazon\.com|status\.aws/i;

export const awsAdapter: PlatformAdapter = {
  id: 'aws',
  matchUrl(url) {
    if (/\/public\/currentevents\/?$/.test(url.pathname))
      return { platform: 'aws', pageUrl: PAGE, apiUrl: url.toString() };
    if (url.hostname === 'health.aws.amazon.com' || url.hostname === 'status.aws.amazon.com') {
      if (/\.rss$/.test(url.pathname)) return { platform: 'aws', pageUrl: PAGE, apiUrl: url.toString() };
      return { platform: 'aws', pageUrl: PAGE, apiUrl: 'https://health.aws.amazon.com/public/currentevents' };
    }
    return null;
  },
  async probe(url, _ctx, page) {
    const feed = page ? feedFromRoot(page.body) : null;
    // The channel's own title and link come first inside the root, however long the prolog before it.
    if (!feed || !AWS_FEED.test(feed.slice(0, 3000))) return null;
    return { platform: 'aws', pageUrl: PAGE, apiUrl: url.toString() };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const doc = await getText(ctx, detection.apiUrl, 'application/json, application/rss+xml;q=0.9');
    if (looksLikeFeed(doc.text))
      return { ...parseAwsFeed(doc.text, detection.apiUrl, detection.pageUrl), notModified: doc.notModified };
    const data = parseJson(doc.text.trim() === '' ? '[]' : doc.text, detection.apiUrl);
    return {
      ...parseAwsCurrentEvents(data, detection.pageUrl, catalogAwsServices(), catalogAwsRegions()),
      notModified: doc.notModified,
    };
  },
};

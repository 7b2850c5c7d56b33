// StatusCast status pages (www.fastlystatus.com, status.airship.com, …), read from the rendered page: one
// request. The page's hero (`h1.sc-hero__title`: "All Systems Operational", "Service Disruption", …) says the
// overall state, and the current incidents are rows whose classes say their type, their lifecycle and the
// worst state they put a component in:
// `incident-body incident-type-<type> incident-status-<inprogress|future|…> incident-mostsevere-status-<…>`,
// each linking to `/incident/<id>`. The older template lists components as
// `.status-list-component-status-text.component-<status>`; the overall state then is the worst of those.
// The page names no update text: incidents carry their title, date and address only. A page that refuses this
// client (403) is read from its feed instead (statuscast-feed.ts).
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../shared/status';
import { worstOf } from '../../../shared/status';
import { toIso } from './common/dates';
import { FetchError } from '../http/types';
import { getText, schemaError, statusPageOf } from './common/fetch';
import { attribute, htmlToText, pageTitleText } from './common/html';
import { sortIncidents } from './common/values';
import { getStatusCastFeed, isStatusCastFeed, parseStatusCastFeed } from './statuscast-feed';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

/** How much of a page is read, and how many rows: a hostile page costs no more than this. */
const MAX_PAGE_CHARS = 2_000_000;
const MAX_ROWS = 200;
const MAX_ROW_CHARS = 6_000;
const MAX_TITLE_CHARS = 300;

// Tags are matched within one tag (`[^<>]`), so that a page of unclosed tags costs linear time.
const HERO =
  /<h1\b[^<>]*\bclass\s*=\s*["'][^"'<>]*\bsc-hero__title\b[^<>]*>([^<]{0,2000}(?:<(?!\/h1)[^<]{0,2000}){0,20})<\/h1\s*>/i;
const HERO_LABEL =
  /<div\b[^<>]*\bclass\s*=\s*["'][^"'<>]*\bsc-hero__status-label\b[^<>]*>\s*(?:<span\b[^<>]*>\s*<\/span>\s*)?<span\b[^<>]*>([^<]{1,300})<\/span>/i;
const STATE_CLASS = /<body\b[^<>]*\bclass\s*=\s*["'][^"'<>]*\bsc-state-[a-z]+/i;
const ROW = /<[a-z][a-z0-9]*\b[^<>]*\bclass\s*=\s*["'][^"'<>]*\bincident-body\b[^<>]*>/gi;
const COMPONENT_STATUS =
  /<[a-z][a-z0-9]*\b[^<>]*\bclass\s*=\s*["'][^"'<>]*\bstatus-list-component-status-text\b[^<>]*>/gi;

/** The hero's words for the page's overall state. */
export function heroStatus(label: string): ComponentStatus {
  const l = label.replace(/\s+/g, ' ').trim().toLowerCase();
  if (/^(all systems operational|operational|normal|available|informational|information)$/.test(l))
    return 'operational';
  if (l.includes('maintenance')) return 'maintenance';
  if (l.includes('degraded')) return 'degraded';
  if (l.includes('disruption') || l.includes('partial')) return 'partial_outage';
  if (l.includes('unavailable') || l.includes('outage')) return 'major_outage';
  return 'unknown';
}

/** A component's state word from its class (`component-available`, as stts reads them). */
function componentWordStatus(word: string): ComponentStatus | null {
  switch (word) {
    case 'available':
    case 'informational':
    case 'monitored':
    case 'identified':
      return 'operational';
    case 'investigating':
    case 'degraded':
      return 'degraded';
    case 'unavailable':
      return 'major_outage';
    case 'maintenance':
      return 'maintenance';
    default:
      return null;
  }
}

/** The worst state an incident put a component in, as the incident's impact. */
function impactOf(word: string): IncidentImpact {
  switch (word) {
    case 'available':
    case 'informational':
      return 'none';
    case 'degraded':
      return 'minor';
    // One component unavailable (a POP of hundreds) is a partial outage of the vendor: the hero says when
    // the whole service is unavailable.
    case 'unavailable':
      return 'major';
    case 'maintenance':
      return 'maintenance';
    default:
      return 'unknown';
  }
}

function classTokens(tag: string): string[] {
  return (attribute(tag, 'class') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

function suffix(tokens: string[], prefix: string): string {
  const t = tokens.find((x) => x.startsWith(prefix) && /^[a-z]+$/.test(x.slice(prefix.length)));
  return t ? t.slice(prefix.length) : '';
}

function heroText(html: string): string {
  const h1 = HERO.exec(html);
  const fromH1 = h1 ? htmlToText(h1[1] ?? '') : '';
  if (fromH1) return fromH1.slice(0, MAX_TITLE_CHARS);
  const label = HERO_LABEL.exec(html);
  return label ? htmlToText(label[1] ?? '').slice(0, MAX_TITLE_CHARS) : '';
}

/** The component states of the older template's list, in page order (bounded). */
function componentStates(html: string): ComponentStatus[] {
  const out: ComponentStatus[] = [];
  for (const m of html.matchAll(COMPONENT_STATUS)) {
    const tokens = classTokens(m[0]);
    const word = tokens.map((t) => /^component-([a-z]+)$/.exec(t)?.[1] ?? '').find(componentWordStatus);
    out.push(word ? componentWordStatus(word)! : 'unknown');
    if (out.length >= 1000) break;
  }
  return out;
}

/** A StatusCast page by its own markup: the hero with the page's state class or incident rows, or the older component list. */
export function isStatusCastPage(html: string): boolean {
  const page = html.slice(0, MAX_PAGE_CHARS);
  if (HERO.test(page) && (STATE_CLASS.test(page) || /\bincident-mostsevere-status-[a-z]+/i.test(page)))
    return true;
  return componentStates(page).some((s) => s !== 'unknown');
}

function rowIncident(row: string, tokens: string[], origin: string): Incident | null {
  // Its number only: the address is rebuilt on the page's own origin, whatever host the link names.
  const href = /<a\b[^>]*\bhref\s*=\s*["'](?:https?:\/\/[^"'/<>]{1,253})?\/incident\/(\d{1,12})["']/i.exec(
    row,
  );
  const id = href?.[1];
  if (!id) return null;
  const heading =
    /<h[1-6]\b[^>]*\bclass\s*=\s*["'][^"']*\bincident-title\b[^"']*["'][^>]*>([\s\S]*?)<\/h[1-6]\s*>/i.exec(
      row,
    );
  const title = htmlToText(heading?.[1] ?? '').slice(0, MAX_TITLE_CHARS);
  const dated = /\baria-label\s*=\s*["']Incident Date["'][^>]*>([^<]{1,100})</i.exec(row);
  const at = toIso(htmlToText(dated?.[1] ?? '').replace(/\s+/g, ' '));
  const type = suffix(tokens, 'incident-type-');
  const lifecycle = suffix(tokens, 'incident-status-');
  const worst = suffix(tokens, 'incident-mostsevere-status-');
  const future = /^(future|upcoming|scheduled|planned)$/.test(lifecycle);
  const over = /^(resolved|completed|complete|closed|past)$/.test(lifecycle);
  const maintenance = future || type === 'scheduledmaintenance' || worst === 'maintenance';
  // The page says only that an incident is in progress, not how far its work is: investigating, the first step.
  const status: IncidentStatus = maintenance
    ? future
      ? 'scheduled'
      : over
        ? 'completed'
        : 'in_progress'
    : over
      ? 'resolved'
      : 'investigating';
  return {
    id,
    title: title || `Incident ${id}`,
    impact: maintenance ? 'maintenance' : impactOf(worst),
    status,
    startedAt: future ? null : at,
    resolvedAt: null,
    url: `${origin}/incident/${id}`,
    components: [],
    updates: [],
    kind: maintenance ? 'maintenance' : 'incident',
    ...(maintenance ? { scheduledFor: future ? at : null, scheduledUntil: null } : {}),
  };
}

/** The page's current incidents: each row once, in page order (bounded). */
function rows(html: string, origin: string): Incident[] {
  const starts: RegExpMatchArray[] = [];
  for (const m of html.matchAll(ROW)) {
    starts.push(m);
    if (starts.length >= MAX_ROWS) break;
  }
  const out: Incident[] = [];
  const seen = new Set<string>();
  starts.forEach((m, i) => {
    const from = m.index ?? 0;
    const to = Math.min(starts[i + 1]?.index ?? html.length, from + MAX_ROW_CHARS);
    const incident = rowIncident(html.slice(from, to), classTokens(m[0]), origin);
    if (incident && !seen.has(incident.id)) {
      seen.add(incident.id);
      out.push(incident);
    }
  });
  return out;
}

function vendorName(html: string, pageUrl: string): string {
  const title = pageTitleText(html)
    .replace(/\s*[-–|:]\s*(status|home)\s*$/i, '')
    .replace(/\s+status(\s+page)?\s*$/i, '')
    .trim();
  return title.slice(0, 100) || new URL(pageUrl).hostname;
}

export function parseStatusCast(html: string, pageUrl: string): Omit<PlatformRead, 'notModified'> {
  const page = html.slice(0, MAX_PAGE_CHARS);
  const hero = heroText(page);
  const states = componentStates(page);
  if (!hero && states.length === 0)
    throw schemaError('The page is not a StatusCast status page: it shows no overall status.');
  const name = vendorName(page, pageUrl);
  const components: Component[] = [
    { id: 'overall', name, group: null, status: hero ? heroStatus(hero) : worstOf(states) },
  ];
  return {
    vendor: { name, platform: 'statuscast', pageUrl, lacks: ['history', 'updates'] },
    components,
    incidents: sortIncidents(rows(page, new URL(pageUrl).origin)),
  };
}

const FEED_PATH = /\/rss\/?$/i;

function feedDetection(url: URL, name?: string): Detection {
  const pageUrl = statusPageOf(url);
  return {
    platform: 'statuscast',
    pageUrl,
    apiUrl: `${url.origin}${url.pathname}`,
    ...(name ? { name } : {}),
  };
}

async function readFeed(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
  const page = new URL(detection.pageUrl);
  const api = new URL(detection.apiUrl);
  const doc = FEED_PATH.test(api.pathname)
    ? await getText(ctx, api.href, 'application/rss+xml, application/xml;q=0.9, */*;q=0.5')
    : await getStatusCastFeed(ctx, page.origin);
  if (!isStatusCastFeed(doc.text))
    throw schemaError(`${new URL(doc.finalUrl).host} does not answer with a StatusCast feed.`);
  const name = detection.name ?? page.hostname;
  return {
    ...parseStatusCastFeed(doc.text, doc.finalUrl, detection.pageUrl, name, Date.now()),
    notModified: doc.notModified,
  };
}

export const statuscastAdapter: PlatformAdapter = {
  id: 'statuscast',
  matchUrl: () => null,
  async probe(url, ctx, page) {
    // The feed's own address, pasted: it names itself StatusCast's.
    if (page && FEED_PATH.test(url.pathname) && isStatusCastFeed(page.body)) return feedDetection(url);
    if (!page) {
      // The page refused to be read (StatusCast pages have refused non-browser clients): its feed may not.
      const feed = await getStatusCastFeed(ctx, url.origin).catch(() => null);
      return feed && isStatusCastFeed(feed.text) ? feedDetection(new URL(feed.finalUrl)) : null;
    }
    // Cheap test first: most pages probed are not StatusCast's.
    if (!/sc-hero__title|status-list-component-status-text/.test(page.body)) return null;
    if (!isStatusCastPage(page.body)) return null;
    return {
      platform: 'statuscast',
      pageUrl: url.toString(),
      apiUrl: url.toString(),
      name: vendorName(page.body, url.toString()),
    };
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    if (FEED_PATH.test(new URL(detection.apiUrl).pathname)) return readFeed(detection, ctx);
    let doc;
    try {
      doc = await getText(ctx, detection.apiUrl, 'text/html');
    } catch (err) {
      // A page that refuses this client is read from its feed.
      if (err instanceof FetchError && err.kind === 'http' && (err.status === 401 || err.status === 403))
        return readFeed(detection, ctx);
      throw err;
    }
    return { ...parseStatusCast(doc.text, detection.pageUrl), notModified: doc.notModified };
  },
};

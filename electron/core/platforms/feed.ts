// Generic RSS 2.0 / Atom history feeds: the fallback for any page that announces one. A feed has no
// component list and no impact, and the vendor says so (`lacks`), so the UI never pretends otherwise.
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';
import { feedItemToIncident } from './common/feed-incidents';
import { findFeedLinks, looksLikeFeed, parseFeed } from './common/feed';
import { getText } from './common/fetch';
import { decodeEntities } from './common/html';
import { sortIncidents } from './common/values';

export function parseFeedRead(xml: string, where: string, pageUrl: string, fetchedAt: string): PlatformRead {
  const feed = parseFeed(xml, where);
  const incidents = feed.items.map((item) => feedItemToIncident(item, { fetchedAt }));
  return {
    vendor: {
      name: feedName(feed.title),
      platform: 'feed',
      pageUrl: feed.link && /^https?:/.test(feed.link) ? feed.link : pageUrl,
      lacks: ['components'],
    },
    components: [],
    incidents: sortIncidents(incidents),
    notModified: false,
  };
}

/** "Example Status - Incident History" → "Example". */
function feedName(title: string): string {
  const t = title
    .replace(/\s*[-–|:]\s*(incident )?history\s*$/i, '')
    .replace(/\s+status(\s+page)?\s*$/i, '')
    .trim();
  return t || title || 'Feed';
}

function pageTitle(html: string): string | undefined {
  const t = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1];
  return t ? decodeEntities(t).trim() || undefined : undefined;
}

function vendorName(title: string | undefined): string | undefined {
  return title?.replace(/\s+status(\s+page)?\s*$/i, '').trim() || undefined;
}

export const feedAdapter: PlatformAdapter = {
  id: 'feed',
  matchUrl() {
    // A feed address is recognised by its content in probe (same request as the read, memoized), so that
    // platform feeds (AWS, Azure) get their own adapters first.
    return null;
  },
  async probe(url, _ctx, page) {
    if (!page) return null;
    if (looksLikeFeed(page.body)) return { platform: 'feed', pageUrl: url.origin, apiUrl: url.toString() };
    const links = findFeedLinks(page.body, url.toString());
    // Only a feed that reads as status history: a shop's blog feed does not make it a status page.
    const statusLike = /history|incident|status|outage|maintenance/i;
    const best =
      links.find((l) => statusLike.test(l.href) || statusLike.test(l.title)) ??
      (statusLike.test(pageTitle(page.body) ?? '') ? links[0] : undefined);
    if (!best) return null;
    return {
      platform: 'feed',
      pageUrl: url.toString(),
      apiUrl: best.href,
      name: vendorName(pageTitle(page.body)),
    };
  },
  async read(detection: Detection, ctx: ReadContext) {
    const doc = await getText(
      ctx,
      detection.apiUrl,
      'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5',
    );
    const read = parseFeedRead(doc.text, detection.apiUrl, detection.pageUrl, new Date().toISOString());
    if (detection.name && read.vendor.name === 'Feed') read.vendor.name = detection.name;
    return { ...read, notModified: doc.notModified };
  },
};

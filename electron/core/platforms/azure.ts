// Azure status: the RSS feed of current issues (azure.status.microsoft/…/status/feed/). It lists only what is
// happening now: an empty feed means no active issue. It names no component list, so Azure is one component
// whose status follows the feed, and no history (that lives in Azure's post-incident reviews).
import type { IncidentImpact } from '../../../shared/status';
import { impactToStatus, isResolvedStatus, worstOf } from '../../../shared/status';
import { feedFromRoot, parseFeed } from './common/feed';
import { feedItemToIncident, progressFromText } from './common/feed-incidents';
import { getText } from './common/fetch';
import { htmlToText } from './common/html';
import { sortIncidents } from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

const PAGE = 'https://azure.status.microsoft/en-us/status';
const FEED = 'https://azure.status.microsoft/en-us/status/feed/';

function azureImpact(title: string, body: string): IncidentImpact {
  const t = `${title} ${htmlToText(body)}`.toLowerCase();
  if (/\bmaintenance\b/.test(t)) return 'maintenance';
  if (/\boutage\b|\bunavailable\b|\bunable to access\b/.test(t)) return 'major';
  // An active item on the current-issues feed is at least a degradation.
  return 'minor';
}

export function parseAzureFeed(
  xml: string,
  where: string,
  pageUrl = PAGE,
): Omit<PlatformRead, 'notModified'> {
  const feed = parseFeed(xml, where);
  const fetchedAt = new Date().toISOString();
  const incidents = feed.items.map((item) => {
    const inc = feedItemToIncident(item, { fetchedAt, impact: (it) => azureImpact(it.title, it.body) });
    // The feed lists current issues: one not said to be resolved is under investigation.
    if (inc.status === 'unknown')
      inc.status =
        progressFromText(item.title) === 'unknown' ? 'investigating' : progressFromText(item.title);
    inc.updates = inc.updates.map((u) => (u.status === 'unknown' ? { ...u, status: inc.status } : u));
    return inc;
  });
  const open = incidents.filter((i) => !isResolvedStatus(i.status));
  return {
    vendor: { name: 'Azure', platform: 'azure', pageUrl, lacks: ['history'] },
    components: [
      {
        id: 'azure',
        name: 'Azure (all services)',
        group: null,
        status: worstOf(open.length ? open.map((i) => impactToStatus(i.impact)) : ['operational']),
      },
    ],
    incidents: sortIncidents(incidents),
  };
}

export const azureAdapter: PlatformAdapter = {
  id: 'azure',
  matchUrl(url) {
    if (!/(^|\.)azure\.status\.microsoft$|^status\.azure\.com$/i.test(url.hostname)) return null;
    const feed = /\/feed\/?$/.test(url.pathname) ? url.toString() : FEED;
    return { platform: 'azure', pageUrl: PAGE, apiUrl: feed };
  },
  async probe(url, _ctx, page) {
    if (!page) return null;
    // The channel's own title and link come first inside the root, however long the prolog before it.
    const feed = feedFromRoot(page.body);
    if (feed && /azure/i.test(feed.slice(0, 3000)))
      return { platform: 'azure', pageUrl: PAGE, apiUrl: url.toString() };
    return null;
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const doc = await getText(ctx, detection.apiUrl, 'application/rss+xml, application/xml;q=0.9');
    return { ...parseAzureFeed(doc.text, detection.apiUrl, detection.pageUrl), notModified: doc.notModified };
  },
};

// A StatusCast page's RSS feed (`/rss`), read where the page itself refuses a client (Fastly's and Campaign
// Monitor's pages have answered 403 to non-browser clients) or where the feed's own address is pasted. The feed
// names itself (`xmlns:sc="http://statuscast.com"`) and carries one item per post: the posts of one incident
// share the first segment of their guid (`/706835/1601159` is post 1601159 of incident 706835) and link to
// `/incident/<id>`. A post says its progress only in words; the feed tells no components and no impact.
import type { Incident, IncidentUpdate } from '../../../shared/model';
import type { IncidentStatus } from '../../../shared/status';
import { isResolvedStatus } from '../../../shared/status';
import { progressFromText } from './common/feed-incidents';
import { feedFromRoot, parseFeed, type FeedItem } from './common/feed';
import { getText, type TextDocument } from './common/fetch';
import { htmlToText } from './common/html';
import { sortIncidents, sortUpdates } from './common/values';
import type { PlatformRead, ReadContext } from './types';

const MAX_ITEMS = 500;
const MAX_BODY_CHARS = 4_000;
/** A post this old that never said the incident was over is history, not an open incident. */
const STALE_MS = 7 * 86_400_000;

const POST_GUID = /^\/\d{1,12}\/\d{1,12}$/;

/**
 * A StatusCast feed by its own fields: the root names StatusCast's namespace, or every item is a post of
 * StatusCast's shape (guid `/<incident>/<post>`, linking to `/incident/<incident>`).
 */
export function isStatusCastFeed(text: string): boolean {
  const root = feedFromRoot(text.slice(0, 200_000));
  if (root === null || !/^<rss[\s>]/i.test(root)) return false;
  if (/^<rss\b[^>]*\bxmlns:sc\s*=\s*["']https?:\/\/(?:www\.)?statuscast\.com\/?["']/i.test(root)) return true;
  let items: FeedItem[];
  try {
    items = parseFeed(text, 'the feed').items;
  } catch {
    return false;
  }
  return (
    items.length > 0 &&
    items.every((i) => POST_GUID.test(i.id) && (!i.link || /\/incident\/\d{1,12}\/?$/.test(i.link)))
  );
}

/** Progress in a post's words: the shared reading, and the phrases StatusCast pages write for the same. */
function progressOf(words: string): IncidentStatus {
  const shared = progressFromText(words);
  if (shared !== 'unknown') return shared;
  if (
    /\b(?:now working normally|working as expected|(?:has|have) been restored|fully restored)\b/i.test(words)
  )
    return 'resolved';
  if (/\bcontinu(?:e|ing) to monitor\b/i.test(words)) return 'monitoring';
  return 'unknown';
}

function incidentKey(item: FeedItem): string | null {
  const fromLink = /\/incident\/(\d{1,12})\b/.exec(item.link ?? '')?.[1];
  if (fromLink) return fromLink;
  return /^\/?(\d{1,12})\//.exec(item.id)?.[1] ?? null;
}

function groupIncident(key: string, posts: FeedItem[], origin: string, now: number): Incident {
  const maintenance = posts.some((p) => /\bmaintenance\b/i.test(p.title));
  // A first post that says no progress word opens the incident (or announces the maintenance).
  let previous: IncidentStatus = maintenance ? 'scheduled' : 'investigating';
  const updates: IncidentUpdate[] = sortUpdates(
    posts.map((p) => ({
      words: `${p.title}\n${htmlToText(p.body)}`,
      body: htmlToText(p.body).slice(0, MAX_BODY_CHARS),
      at: p.published ?? p.updated ?? '',
    })),
  )
    .filter((u) => u.at)
    .map((u) => {
      const said = progressOf(u.words);
      previous = said === 'unknown' ? previous : said;
      return { status: previous, body: u.body, at: u.at };
    });
  const newest = [...posts].sort((a, b) => ((b.published ?? '') > (a.published ?? '') ? 1 : -1))[0]!;
  const last = updates.at(-1);
  let status: IncidentStatus = last?.status ?? 'unknown';
  let over = isResolvedStatus(status);
  // A post older than a week that never said the incident was over: history (the feed keeps every post).
  if (!over && last && now - Date.parse(last.at) > STALE_MS) {
    status = 'resolved';
    over = true;
  }
  if (maintenance) {
    if (over) status = 'completed';
    else if (!['scheduled', 'in_progress', 'verifying'].includes(status)) status = 'scheduled';
  } else if (status === 'unknown') status = 'investigating';
  const startedAt = updates[0]?.at ?? null;
  return {
    id: key,
    title: (newest.title || htmlToText(newest.body)).slice(0, 300),
    impact: maintenance ? 'maintenance' : 'unknown',
    status,
    // When a maintenance was announced; the feed does not say when it is planned for.
    startedAt,
    resolvedAt: over ? (last?.at ?? null) : null,
    url: `${origin}/incident/${key}`,
    components: [],
    updates,
    kind: maintenance ? 'maintenance' : 'incident',
    ...(maintenance ? { scheduledFor: null, scheduledUntil: null } : {}),
  };
}

/** The incidents of a StatusCast feed, one per incident (its posts as updates), newest first. */
export function parseStatusCastFeed(
  xml: string,
  where: string,
  pageUrl: string,
  name: string,
  now: number,
): Omit<PlatformRead, 'notModified'> {
  const feed = parseFeed(xml, where);
  const groups = new Map<string, FeedItem[]>();
  for (const item of feed.items.slice(0, MAX_ITEMS)) {
    const key = incidentKey(item);
    if (!key) continue;
    const posts = groups.get(key) ?? [];
    posts.push(item);
    groups.set(key, posts);
  }
  const origin = new URL(pageUrl).origin;
  return {
    vendor: { name, platform: 'statuscast', pageUrl, lacks: ['components'] },
    components: [],
    incidents: sortIncidents([...groups].map(([key, posts]) => groupIncident(key, posts, origin, now))),
  };
}

/** The page's feed: `/rss`, else `/rss/` (Fastly's is at the latter). */
export async function getStatusCastFeed(ctx: ReadContext, origin: string): Promise<TextDocument> {
  const accept = 'application/rss+xml, application/xml;q=0.9, */*;q=0.5';
  try {
    return await getText(ctx, `${origin}/rss`, accept);
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err;
    return getText(ctx, `${origin}/rss/`, accept);
  }
}

// RSS 2.0, RSS 1.0 and Atom read into plain items, and `<link rel="alternate">` feeds found in a page.
import { XMLParser } from 'fast-xml-parser';
import { FetchError } from '../../http/types';
import { toIso } from './dates';
import { decodeEntities } from './html';
import { isObject, list, type Json } from './values';

export interface FeedItem {
  id: string;
  title: string;
  link: string | null;
  /** ISO; null when the item carries no readable date. */
  published: string | null;
  updated: string | null;
  /** HTML or text as published. */
  body: string;
  categories: string[];
}

export interface Feed {
  kind: 'rss' | 'atom';
  title: string;
  link: string | null;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'category',
});

/**
 * The document from its root element on, past the prolog (byte-order mark, XML declaration, comments,
 * doctype, processing instructions) however long that is; null when the root is no RSS, Atom or RDF feed.
 */
export function feedFromRoot(text: string): string | null {
  let i = 0;
  for (let steps = 0; steps < 100 && i < text.length; steps++) {
    const rest = text.slice(i, i + 16);
    const ws = /^[\s\uFEFF]+/.exec(rest);
    if (ws) {
      i += ws[0].length;
      continue;
    }
    const close = rest.startsWith('<!--')
      ? '-->'
      : rest.startsWith('<?')
        ? '?>'
        : rest.startsWith('<!')
          ? '>'
          : null;
    if (!close) break;
    const end = text.indexOf(close, i);
    if (end < 0 || end - i > 1_000_000) return null;
    i = end + close.length;
  }
  if (/^<(?:rss|feed|rdf:RDF)[\s>/]/i.test(text.slice(i, i + 16))) return text.slice(i);
  // Text before the root (a server's warning printed ahead of the XML): the root early in the document.
  const root = /<(?:rss|feed|rdf:RDF)[\s>]/i.exec(text.slice(0, 2000));
  return root ? text.slice(root.index) : null;
}

/** Cheap test before parsing: does this text look like a feed at all? */
export function looksLikeFeed(text: string): boolean {
  return feedFromRoot(text) !== null;
}

export function parseFeed(xml: string, where: string): Feed {
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch (err) {
    throw new FetchError('parse', `${where} is not a readable RSS or Atom feed.`, { cause: err });
  }
  const root = isObject(doc) ? doc : {};
  if (isObject(root.rss)) {
    const channel = isObject(root.rss.channel) ? root.rss.channel : {};
    return {
      kind: 'rss',
      title: textOf(channel.title),
      link: rssLink(channel.link),
      items: list(channel.item).filter(isObject).map(rssItem),
    };
  }
  if (isObject(root.RDF)) {
    const rdf = root.RDF;
    const channel = isObject(rdf.channel) ? rdf.channel : {};
    return {
      kind: 'rss',
      title: textOf(channel.title),
      link: rssLink(channel.link),
      items: list(rdf.item).filter(isObject).map(rssItem),
    };
  }
  if (isObject(root.feed)) {
    const feed = root.feed;
    return {
      kind: 'atom',
      title: textOf(feed.title),
      link: atomLink(feed.link),
      items: list(feed.entry).filter(isObject).map(atomEntry),
    };
  }
  throw new FetchError('schema', `${where} is XML but neither an RSS nor an Atom feed.`);
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (isObject(v)) return textOf(v['#text']);
  return '';
}

function rssLink(v: unknown): string | null {
  for (const l of list(v)) {
    const t = typeof l === 'string' ? l : isObject(l) && !l['@_rel'] ? textOf(l['#text'] ?? l['@_href']) : '';
    if (t) return t;
  }
  return null;
}

function atomLink(v: unknown): string | null {
  const links = list(v).filter(isObject) as Json[];
  const alt = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  return alt ? textOf(alt['@_href']) || null : null;
}

function rssItem(item: Json): FeedItem {
  const link = rssLink(item.link);
  const guid = textOf(item.guid);
  const published = toIso(textOf(item.pubDate) || textOf(item.date) || textOf(item.published));
  return {
    id: guid || link || `${textOf(item.title)}@${published ?? ''}`,
    title: decodeEntities(textOf(item.title)),
    link,
    published,
    updated: toIso(textOf(item.updated)) ?? published,
    body: textOf(item.encoded) || textOf(item.description),
    categories: list(item.category).map(textOf).filter(Boolean),
  };
}

function atomEntry(entry: Json): FeedItem {
  const link = atomLink(entry.link);
  const published = toIso(textOf(entry.published)) ?? toIso(textOf(entry.updated));
  return {
    id: textOf(entry.id) || link || `${textOf(entry.title)}@${published ?? ''}`,
    title: decodeEntities(textOf(entry.title)),
    link,
    published,
    updated: toIso(textOf(entry.updated)) ?? published,
    body: textOf(entry.content) || textOf(entry.summary),
    categories: list(entry.category)
      .map((c) => (isObject(c) ? textOf(c['@_term']) || textOf(c['@_label']) : textOf(c)))
      .filter(Boolean),
  };
}

/** Feeds a page announces with `<link rel="alternate" type="application/rss+xml|atom+xml" href>`. */
export function findFeedLinks(html: string, base: string): Array<{ href: string; title: string }> {
  const found: Array<{ href: string; title: string }> = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const attr = (name: string) =>
      new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    const pick = (m: RegExpExecArray | null) => (m ? (m[1] ?? m[2] ?? m[3] ?? '') : '');
    const rel = pick(attr('rel')).toLowerCase();
    const type = pick(attr('type')).toLowerCase();
    const href = decodeEntities(pick(attr('href')));
    if (!rel.split(/\s+/).includes('alternate') || !/(rss|atom)\+xml/.test(type) || !href) continue;
    try {
      const url = new URL(href, base);
      if (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        !found.some((f) => f.href === url.toString())
      ) {
        found.push({ href: url.toString(), title: decodeEntities(pick(attr('title'))) });
      }
    } catch {
      // A broken href is skipped, not fatal.
    }
  }
  return found;
}

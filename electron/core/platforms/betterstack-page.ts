// What a Better Stack status page shows in its own server-rendered HTML, for when /index.json is missing or
// unreadable: the page's name, and each section with the status its badge shows (an icon coloured
// `text-statuspage-<colour>` beside a word such as "Downtime"). Resource rows load their own state later, so
// sections are the finest grain the page itself carries; a page without sections gives its headline status.
import type { Component } from '../../../shared/model';
import type { ComponentStatus } from '../../../shared/status';
import { decodeEntities } from './common/html';
import type { PlatformRead } from './types';

const WORD: Record<string, ComponentStatus> = {
  operational: 'operational',
  degraded: 'degraded',
  downtime: 'major_outage',
  maintenance: 'maintenance',
};
const COLOUR: Record<string, ComponentStatus> = {
  green: 'operational',
  yellow: 'degraded',
  red: 'major_outage',
  blue: 'maintenance',
};
/** Fill colours of the headline icon on the first page design (before status classes). */
const FILL: Record<string, ComponentStatus> = {
  '#059669': 'operational',
  '#d97706': 'degraded',
  '#b91c1c': 'major_outage',
  '#0369a1': 'maintenance',
};

const plain = (html: string) =>
  decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** Is this the rendered page of Better Stack's status page app (its assets and its section markup)? */
export function isBetterstackRenderedPage(html: string): boolean {
  return (
    /(?:src|href)=["'][^"']*(?:betterstack|betteruptime)\.com\/packs\//i.test(html) &&
    /section-status-badge|heading-(?:large|small)/.test(html)
  );
}

export function parseBetterstackRenderedPage(
  html: string,
  pageUrl: string,
): Omit<PlatformRead, 'notModified'> | null {
  if (!isBetterstackRenderedPage(html)) return null;
  const page = html.slice(0, 2_000_000);
  const components: Component[] = [];
  const sections = page.split(/<button\b[^>]*\bsection-toggle\b/).slice(1);
  for (const section of sections.slice(0, 500)) {
    const name = plain(/<div\b[^>]*>([\s\S]*?)<\/div>/.exec(section)?.[1] ?? '');
    const badge = /section-status-badge[^>]*>([\s\S]*?)<\/div>/.exec(section)?.[1] ?? '';
    const colour = /text-statuspage-(green|yellow|red|blue)\b/.exec(badge)?.[1];
    const word = plain(badge.replace(/<svg\b[\s\S]*?<\/svg>/g, ''));
    const status = colour ? COLOUR[colour]! : (WORD[word.toLowerCase()] ?? 'unknown');
    if (name) components.push({ id: `section:${name}`, name, group: null, status });
  }
  const title = plain(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(page)?.[1] ?? '').replace(/\s+status$/i, '');
  const name = title || new URL(pageUrl).hostname;
  if (components.length === 0) {
    const head = /<h1\b[^>]*heading-(?:large|small)[^>]*>/.exec(page);
    if (!head) return null;
    // The headline's icon comes just before the headline.
    const before = page.slice(Math.max(0, head.index - 6000), head.index);
    const colours = [...before.matchAll(/text-statuspage-(green|yellow|red|blue)\b/g)];
    const fills = [...before.matchAll(/fill=["'](#[0-9a-f]{6})["']/gi)].filter(
      (m) => FILL[m[1]!.toLowerCase()],
    );
    const status = colours.length
      ? COLOUR[colours[colours.length - 1]![1]!]!
      : fills.length
        ? FILL[fills[fills.length - 1]![1]!.toLowerCase()]!
        : 'unknown';
    components.push({ id: 'page', name, group: null, status });
  }
  return {
    vendor: {
      name,
      platform: 'betterstack',
      pageUrl,
      // The rendered page shows sections, not their resources, and no reports.
      lacks: ['incidents', 'history', 'updates'],
    },
    components,
    incidents: [],
  };
}

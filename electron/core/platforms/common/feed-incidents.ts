// Feed items read as incidents. A feed tells no component list and no impact; what it does tell (title,
// dates, and on Statuspage-style history feeds every update as "<strong>Status</strong> - text") is kept.
import type { Incident, IncidentUpdate } from '../../../../shared/model';
import type { IncidentImpact, IncidentStatus } from '../../../../shared/status';
import { isResolvedStatus } from '../../../../shared/status';
import { toIso } from './dates';
import type { FeedItem } from './feed';
import { htmlToText } from './html';
import { progressFromWord, sortUpdates } from './values';

const MAINTENANCE_WORDS = /\b(maintenance|scheduled|planned)\b/i;

/** Progress said in words anywhere in a title or text ("[RESOLVED]", "Resolved:", "has been resolved"). */
export function progressFromText(s: string): IncidentStatus {
  const t = s.toLowerCase();
  if (/\bpostmortem\b|\bpost-mortem\b/.test(t)) return 'postmortem';
  if (/\bresolved\b|\bhas been fixed\b|\bmitigated\b|\boperating normally\b/.test(t)) return 'resolved';
  if (/\bcompleted\b|\bhas completed\b/.test(t)) return 'completed';
  if (/\bmonitoring\b/.test(t)) return 'monitoring';
  if (/\bidentified\b/.test(t)) return 'identified';
  if (/\bin progress\b|\bunderway\b/.test(t)) return 'in_progress';
  if (/\binvestigating\b/.test(t)) return 'investigating';
  if (/\bscheduled\b/.test(t)) return 'scheduled';
  return 'unknown';
}

/** Updates embedded in a Statuspage/Instatus-style history item body, newest first in the source. */
export function updatesFromBody(html: string, year: number): IncidentUpdate[] {
  const updates: IncidentUpdate[] = [];
  const re =
    /(?:<small>([\s\S]*?)<\/small>\s*(?:<br\s*\/?>)?\s*)?<strong>([^<]{1,40})<\/strong>\s*[-–—:]\s*([\s\S]*?)(?=<small>|<p>|<\/p>|$)/gi;
  for (const m of html.matchAll(re)) {
    const status = progressFromWord(m[2]);
    const when = m[1] ? htmlToText(m[1]).replace(/\s+/g, ' ') : '';
    const at = when ? (toIso(/\b\d{4}\b/.test(when) ? when : addYear(when, year)) ?? '') : '';
    updates.push({ status, body: htmlToText(m[3] ?? ''), at });
  }
  return updates;
}

function addYear(when: string, year: number): string {
  // "Nov 24, 09:41 UTC" → "Nov 24, 2026 09:41 UTC"
  return when.replace(/^([A-Za-z]{3,9}\.? \d{1,2}),?\s+/, `$1, ${year} `);
}

/**
 * An item's updates oldest first, so that the last one is the latest. Statuspage writes them newest first,
 * and often without dates of their own (then only their order tells which is latest); a feed that lists them
 * oldest first says so with its dates. An "Update" (a word that is no progress) keeps the progress before it.
 */
export function latestLast(inSource: IncidentUpdate[], itemAt: string): IncidentUpdate[] {
  const dated = inSource.filter((u) => u.at);
  const oldestFirst = dated.length >= 2 && dated[0]!.at < dated[dated.length - 1]!.at;
  let ordered = oldestFirst ? [...inSource] : [...inSource].reverse();
  // Dates print without a year: one half a year away from the item's own date crossed a year boundary
  // ("Dec 31" in an item of January 1st).
  const itemTime = Date.parse(itemAt);
  const halfYear = 182 * 86_400_000;
  ordered = ordered.map((u) => {
    const t = Date.parse(u.at);
    const shift = t < itemTime - halfYear ? 1 : t > itemTime + halfYear ? -1 : 0;
    if (!u.at || shift === 0) return u;
    const d = new Date(t);
    d.setUTCFullYear(d.getUTCFullYear() + shift);
    return { ...u, at: d.toISOString() };
  });
  if (dated.length === inSource.length) ordered = sortUpdates(ordered);
  let previous: IncidentStatus = 'unknown';
  return ordered.map((u) => {
    const status = u.status === 'unknown' ? previous : u.status;
    previous = status;
    return { ...u, status, at: u.at || itemAt };
  });
}

export interface FeedIncidentOptions {
  /** Used when the item has no date at all. */
  fetchedAt: string;
  impact?: (item: FeedItem, status: IncidentStatus) => IncidentImpact;
}

export function feedItemToIncident(item: FeedItem, opts: FeedIncidentOptions): Incident {
  const at = item.published ?? item.updated ?? opts.fetchedAt;
  const year = new Date(at).getUTCFullYear();
  let updates = latestLast(updatesFromBody(item.body, year), at);
  if (updates.length === 0) {
    updates = [
      {
        status: progressFromText(`${item.title}\n${htmlToText(item.body)}`),
        body: htmlToText(item.body),
        at,
      },
    ];
  }
  const maintenance =
    MAINTENANCE_WORDS.test(item.title) || item.categories.some((c) => MAINTENANCE_WORDS.test(c));
  let status: IncidentStatus = updates[updates.length - 1]?.status ?? 'unknown';
  if (status === 'unknown') status = progressFromText(item.title);
  if (maintenance && status === 'resolved') status = 'completed';
  const resolved = isResolvedStatus(status);
  return {
    id: item.id,
    title: item.title || htmlToText(item.body).slice(0, 120),
    impact: opts.impact ? opts.impact(item, status) : maintenance ? 'maintenance' : 'unknown',
    status,
    startedAt: updates[0]?.at ?? at,
    resolvedAt: resolved ? (updates[updates.length - 1]?.at ?? at) : null,
    url: item.link,
    components: [],
    updates,
    kind: maintenance ? 'maintenance' : 'incident',
  };
}

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

export interface FeedIncidentOptions {
  /** Used when the item has no date at all. */
  fetchedAt: string;
  impact?: (item: FeedItem, status: IncidentStatus) => IncidentImpact;
}

export function feedItemToIncident(item: FeedItem, opts: FeedIncidentOptions): Incident {
  const at = item.published ?? item.updated ?? opts.fetchedAt;
  const year = new Date(at).getUTCFullYear();
  let updates = updatesFromBody(item.body, year).map((u) => ({ ...u, at: u.at || at }));
  if (updates.length === 0) {
    updates = [
      {
        status: progressFromText(`${item.title}\n${htmlToText(item.body)}`),
        body: htmlToText(item.body),
        at,
      },
    ];
  }
  updates = sortUpdates(updates);
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

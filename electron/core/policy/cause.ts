// The likely cause of several vendors failing together, named only with evidence a person can check: an
// upstream (one the user watches, or a common provider) with an open incident that began before or within
// the window; the vendors' own incident texts naming it; a vendor's component named for it, failing.
// Pure: snapshots and the time come in, a cause (or null) comes out. Text from pages is untrusted: it is
// matched, never copied into the evidence.
import type { Incident, SharedCause, Snapshot } from '../../../shared/model';
import { impactToStatus, isProblem, severity } from '../../../shared/status';

/** A vendor in the group, with what its page says. */
export interface CauseMember {
  id: string;
  name: string;
  snapshot: Snapshot | null;
}

/** An upstream that could be the cause. */
export interface CauseCandidate {
  /** The watch entry's id when the user watches it. */
  id?: string;
  name: string;
  /** Other names vendors write for it. */
  aliases: string[];
  /** Its page (null when not read). */
  snapshot: Snapshot | null;
  /** A common provider (Cloudflare, AWS…): its own open incident is evidence enough. */
  common: boolean;
}

export interface CauseInput {
  members: readonly CauseMember[];
  candidates: readonly CauseCandidate[];
  /** When the first member got worse (ms). */
  since: number;
  now: number;
  /** The grouping window: an upstream's incident that began up to this long before `since` counts. */
  windowMs: number;
  /** Clock time for sentences; default "08:52 UTC". */
  formatTime?: (ms: number) => string;
}

/** How long before the group an upstream's incident may have begun and still count (a slow start). */
const LEAD_MS = 6 * 3600_000;
/** Members named in one sentence before "and N more". */
const NAMED = 4;

export function findCause(input: CauseInput): (SharedCause & { score: number }) | null {
  const fmt = input.formatTime ?? utcClock;
  let best: (SharedCause & { score: number; startedAt: number }) | null = null;
  for (const c of input.candidates) {
    const terms = [c.name, ...c.aliases].filter((t) => t.trim().length >= 2);
    const evidence: string[] = [];
    let score = 0;
    // 1. The upstream's own open incident, begun before or within the window.
    const own = upstreamIncident(c.snapshot, input);
    if (own) {
      evidence.push(`${c.name} reports ${incidentWords(own)} since ${fmt(Date.parse(own.startedAt!))}`);
      score += 2;
    }
    // 2. The members' open incidents name it.
    const mention = input.members.filter(
      (m) => m.id !== c.id && openIncidents(m.snapshot).some((i) => mentions(incidentText(i), terms)),
    );
    if (mention.length) {
      evidence.push(
        `${names(mention.map((m) => m.name))} mention${mention.length === 1 ? 's' : ''} ${c.name}`,
      );
      score += mention.length;
    }
    // 3. A member's own page lists it as a component, and that component is failing.
    for (const m of input.members) {
      if (m.id === c.id) continue;
      const failing = (m.snapshot?.components ?? []).find(
        (comp) => isProblem(comp.status) && mentions(`${comp.group ?? ''} ${comp.name}`, terms),
      );
      if (failing) {
        evidence.push(
          `${m.name}'s component ${failing.group ? `${failing.group} / ` : ''}${failing.name} is failing`,
        );
        score += 1;
      }
    }
    // A vendor that is not a common provider is named only on the members' word, never on its own incident.
    if (!c.common && score === (own ? 2 : 0)) continue;
    if (score === 0) continue;
    const startedAt = own ? Date.parse(own.startedAt!) : Infinity;
    if (!best || score > best.score || (score === best.score && startedAt < best.startedAt)) {
      best = {
        vendor: c.name,
        ...(c.id !== undefined ? { vendorId: c.id } : {}),
        evidence,
        score,
        startedAt,
      };
    }
  }
  if (!best) return null;
  const { startedAt: _startedAt, ...cause } = best;
  void _startedAt;
  return cause;
}

function openIncidents(snapshot: Snapshot | null): Incident[] {
  return (snapshot?.incidents ?? []).filter(
    (i) => i.kind !== 'maintenance' && i.status !== 'resolved' && i.status !== 'postmortem',
  );
}

function upstreamIncident(snapshot: Snapshot | null, input: CauseInput): Incident | null {
  let worst: Incident | null = null;
  for (const i of openIncidents(snapshot)) {
    if (!i.startedAt) continue;
    const at = Date.parse(i.startedAt);
    if (!Number.isFinite(at) || at > input.now || at < input.since - Math.max(input.windowMs, LEAD_MS))
      continue;
    if (!worst || severity(impactToStatus(i.impact)) > severity(impactToStatus(worst.impact))) worst = i;
  }
  return worst;
}

function incidentWords(i: Incident): string {
  switch (i.impact) {
    case 'critical':
      return 'a major outage';
    case 'major':
      return 'a partial outage';
    case 'minor':
      return 'degraded service';
    default:
      return 'an incident';
  }
}

/** An incident's words: its title and what its updates say (bounded, so a huge page costs little). */
function incidentText(i: Incident): string {
  return [i.title, ...(i.updates ?? []).slice(-5).map((u) => u.body)].join('\n').slice(0, 5_000);
}

/** Whether a text names one of the terms as a word ("Cloudflare", "AWS us-east-1"), any case. */
export function mentions(text: string, terms: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return terms.some((t) => {
    const term = t.toLowerCase();
    let from = 0;
    for (;;) {
      const at = lower.indexOf(term, from);
      if (at < 0) return false;
      const before = at === 0 ? '' : lower[at - 1]!;
      const after = lower[at + term.length] ?? '';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
      from = at + 1;
    }
  });
}

function names(list: string[]): string {
  if (list.length > NAMED) return `${list.slice(0, NAMED).join(', ')} and ${list.length - NAMED} more`;
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

function utcClock(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 16)} UTC`;
}

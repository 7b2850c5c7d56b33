// The words of a group's notification: "4 vendors in trouble since 08:56: GitHub, Discord, Notion, Linear",
// the possible cause with its evidence, and short follow-ups as vendors join or recover.
import type { SharedCause, SharedCauseEvent } from '../../../shared/model';
import { limitTitle, TEXT_LIMITS } from './text';

/** "GitHub, Discord and 3 more" within a title's room. */
function list(names: readonly string[], max = 6): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function plural(n: number): string {
  return `${n} vendor${n === 1 ? '' : 's'}`;
}

export function causeSentence(cause: SharedCause | null): string {
  if (!cause) return 'No common cause is known.';
  return `Possibly ${cause.vendor}: ${cause.evidence.join('; ')}.`;
}

/** Title and body for one stage; `changes` are the short sentences since the last notice ("Linear joined"). */
export function groupText(
  e: SharedCauseEvent,
  changes: readonly string[],
  clock: (iso: string) => string,
): { title: string; body: string } {
  const since = clock(e.since);
  let title: string;
  const lines: string[] = [];
  if (e.type === 'shared_cause_closed') {
    title = `${plural(e.vendors.length)} recovered: ${list(e.vendors)}`;
    lines.push(`In trouble together since ${since}.`);
    if (e.cause) lines.push(`Possibly ${e.cause.vendor}.`);
  } else {
    title = `${plural(e.vendors.length)} in trouble since ${since}: ${list(e.vendors)}`;
    if (changes.length) lines.push(`${changes.join('; ')}.`);
    lines.push(causeSentence(e.cause));
    if (e.recovered.length) lines.push(`Recovered: ${list(e.recovered)}.`);
    if (e.type === 'shared_cause_opened') lines.push("Each vendor's details are in the window.");
  }
  const body = lines.join('\n');
  return {
    title: limitTitle(title),
    body: body.length > TEXT_LIMITS.body ? `${body.slice(0, TEXT_LIMITS.body - 1)}…` : body,
  };
}

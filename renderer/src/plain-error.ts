// Errors as sentences a person can act on. Hosts should already say things plainly; where a message is
// still technical (a request refused by the host's argument check: "Invalid argument for vendors:detect:
// url: must be an http(s) URL"), the window says what to do instead.

const REFUSED = /^Invalid argument for ([\w:]+): (.*)$/s;

/** What to tell a person about one refused field, by the field's name and the check's words. */
function fieldSentence(field: string, message: string): string {
  const last = field.split('.').pop() ?? field;
  if (last === 'url' || last === 'apiUrl') {
    return 'Enter an address that starts with https:// (for example https://status.example.com).';
  }
  if (last === 'name') return 'Enter a shorter name (at most 200 characters).';
  if (field.startsWith('components'))
    return 'Choose fewer components (at most 1,000, each name under 300 characters).';
  if (last === 'intervalSeconds') return 'Enter a whole number of seconds, from 30 to 86,400.';
  if (last === 'start' || last === 'end') return 'Enter times as hours and minutes, like 22:00.';
  if (last === 'text') return 'This watchlist is too large to import (at most 2 MB).';
  if (last === 'query') return 'Enter a shorter search (at most 200 characters).';
  return `StatusTray could not use this (${field}: ${message}).`;
}

/** A plain sentence for anything thrown by a bridge call. */
export function plainError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const refused = REFUSED.exec(text.trim());
  if (!refused) return text;
  const sentences = new Set<string>();
  for (const part of (refused[2] ?? '').split('; ')) {
    const colon = part.indexOf(': ');
    const field = colon >= 0 ? part.slice(0, colon) : '';
    const message = colon >= 0 ? part.slice(colon + 2) : part;
    sentences.add(fieldSentence(field, message));
  }
  return [...sentences].join(' ');
}

/** "status.example.com" → "https://status.example.com": people paste addresses without the scheme. */
export function withScheme(address: string): string {
  const trimmed = address.trim();
  if (!trimmed || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return `https://${trimmed.replace(/^\/+/, '')}`;
}

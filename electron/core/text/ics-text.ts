// Untrusted text in an iCalendar TEXT value (SUMMARY, DESCRIPTION). RFC 5545 (3.3.11) allows no control
// character but HTAB there, and line breaks only as the `\n` escape, which the generator writes; stricter
// calendar clients reject a whole feed over one NUL, BEL or ESC. Links are sent in their ASCII form.
import { plainText } from './plain-text';

/** TEXT for SUMMARY (`oneLine`) or DESCRIPTION: line breaks kept as `\n`, every other control dropped. */
export function icsText(text: string, opts: { oneLine?: boolean } = {}): string {
  return plainText(text, opts);
}

/** A URL property's value, or null when the link is not an absolute http(s) URL. */
export function icsUrl(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

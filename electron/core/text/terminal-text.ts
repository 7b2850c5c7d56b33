// Untrusted text (vendor, component and incident names, error messages) on a terminal or in a log: one
/* eslint-disable no-control-regex -- finding control characters is what this module is for */
// line, never a control character. Escape sequences are removed whole (no title change, no cleared screen,
// no colors); line breaks, tabs, bidi controls and zero-width characters are shown as visible escapes
// (`\n`, `\u202e`), so that a vendor can neither forge a log line nor reorder what the reader sees.
import { BIDI, LINE_BREAK, ZERO_WIDTH, wellFormed, withoutEscapeSequences } from './plain-text';

const VISIBLE: Record<string, string> = { '\r\n': '\\r\\n', '\r': '\\r', '\n': '\\n', '\t': '\\t' };

function codePoint(ch: string): string {
  return `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}

/** One line of untrusted text, safe to print to a terminal or a log between text of our own. */
export function terminalText(text: string): string {
  return withoutEscapeSequences(wellFormed(text))
    .replace(LINE_BREAK, (br) => VISIBLE[br] ?? codePoint(br))
    .replace(/\t/g, '\\t')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(BIDI, codePoint)
    .replace(ZERO_WIDTH, codePoint);
}

// What every destination's text module starts from: the characters of untrusted text that no destination
/* eslint-disable no-control-regex -- finding control characters is what this module is for */
// shows as they are. Each destination (terminal, chats, calendar, headers, metrics, tray) decides from here
// whether to drop them or show them as visible escapes.
import { stripVTControlCharacters } from 'node:util';

/** C0 controls, DEL and C1 controls (line breaks and tab included: callers pick what they keep). */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides and isolates (U+202A–E, U+2066–9) and the invisible direction marks. */
export const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** Zero-width and invisible formatting characters. */
export const ZERO_WIDTH = /[\u200b-\u200d\u2060-\u2064\ufeff\u180e\u00ad]/g;
/** Every way to break a line: CR LF, CR, LF, NEL, VT, FF, LINE and PARAGRAPH SEPARATOR. */
export const LINE_BREAK = /\r\n|[\r\n\u0085\u000b\u000c\u2028\u2029]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Lone surrogates (invalid Unicode that strict JSON and UTF-8 readers reject) become U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/**
 * Terminal escape sequences (CSI, OSC up to BEL, …) removed whole, so that a title such as
 * `ESC]0;PWNED BEL` leaves nothing behind; the lone control characters left are the caller's to treat.
 */
export function withoutEscapeSequences(text: string): string {
  return text.includes('\u001b') || text.includes('\u009b') ? stripVTControlCharacters(text) : text;
}

/**
 * Text for a destination that shows plain text with line breaks (a chat message, a notification, a
 * calendar description): well-formed, escape sequences gone, every line break one `\n` (or a space when
 * `oneLine`), tabs as spaces, other controls and bidi controls dropped.
 */
export function plainText(text: string, opts: { oneLine?: boolean } = {}): string {
  return withoutEscapeSequences(wellFormed(text))
    .replace(LINE_BREAK, opts.oneLine ? ' ' : '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(BIDI, '');
}

// Untrusted text in the markdown of Discord messages and Teams Adaptive Cards. A vendor's
// `[https://www.githubstatus.com](http://evil.example/x)`, `![x](http://…)` or `<http://…>` must arrive as
// the characters it is, never as a link or an image whose text names one site while it leads to another.
//  - Discord: the characters its markdown reads as syntax are backslash-escaped, as discord.js's
//    escapeMarkdown does; mentions are also refused by the payload's `allowed_mentions: { parse: [] }`.
//  - Teams: Adaptive Cards read a CommonMark subset, but Teams clients honour backslash escapes unevenly
//    (microsoft/AdaptiveCards#5590, #5758), so the syntax is broken up instead with an invisible word
//    joiner (U+2060): `]⁠(` is no link, `]⁠:` no link definition, `<⁠http:` no autolink, `<⁠at>` no mention, `{⁠{DATE(…)}}` and
//    `$⁠{…}` no function or template expression.
import { plainText } from './plain-text';

const JOINER = '\u2060';

/** Characters Discord's markdown reads as syntax: links, images, autolinks, emphasis, code, spoilers, quotes. */
const DISCORD_SYNTAX = /[\\`*_~|[\]()<>!]/g;

function clipMarkdown(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  let cut = chars.slice(0, max - 1).join('');
  // A backslash left alone at the end would escape the ellipsis: drop it.
  if (/(^|[^\\])(\\\\)*\\$/.test(cut)) cut = cut.slice(0, -1);
  return cut + '…';
}

/** Untrusted text for a Discord markdown field (content, embed title, description), at most `max` characters. */
export function discordMarkdown(text: string, max: number, opts: { oneLine?: boolean } = {}): string {
  return clipMarkdown(
    plainText(text, opts)
      .replace(DISCORD_SYNTAX, (ch) => `\\${ch}`)
      // Headings, subtext and lists start a line.
      .replace(/^(\s*)([#-])/gm, '$1\\$2'),
    max,
  );
}

/** Untrusted text for a Teams Adaptive Card TextBlock, at most `max` characters. */
export function teamsMarkdown(text: string, max: number, opts: { oneLine?: boolean } = {}): string {
  return clipMarkdown(
    plainText(text, opts)
      .replace(/\]\s*\(/g, `]${JOINER}(`)
      .replace(/\]\s*([[:])/g, `]${JOINER}$1`)
      .replace(/</g, `<${JOINER}`)
      .replace(/([{$@])\{/g, `$1${JOINER}{`)
      .replace(/\}\}/g, `}${JOINER}}`),
    max,
  );
}

// HTML from status pages turned into plain text: tags dropped, breaks kept, entities decoded. The result is
// still untrusted text, rendered as text or sanitized markdown by the sinks.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  bull: '•',
  copy: '©',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML fragment; text without tags passes through (entities decoded). */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|h[1-6]|li|ul|ol|tr|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An attribute's value in one tag's text, whatever the attributes' order and the name's casing. */
export function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** The `content` of every `<meta name="…">` with this name, in page order (bounded). */
export function metaContents(html: string, name: string): string[] {
  const out: string[] = [];
  for (const m of html.slice(0, 300_000).matchAll(/<meta\b[^>]*>/gi)) {
    if (attribute(m[0], 'name')?.toLowerCase() === name.toLowerCase())
      out.push(attribute(m[0], 'content') ?? '');
    if (out.length >= 20) break;
  }
  return out;
}

/** The page's `<title>` as text (whitespace collapsed), or ''. */
export function pageTitleText(html: string): string {
  const m = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html.slice(0, 300_000));
  return m
    ? decodeEntities(m[1] ?? '')
        .replace(/\s+/g, ' ')
        .trim()
    : '';
}

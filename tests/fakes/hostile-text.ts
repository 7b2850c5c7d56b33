// One corpus of hostile text a status page may publish as a vendor, component or incident name or as an
// update's body: mentions of every chat service, markdown links and images, terminal escapes, every control
// character, CR/LF, bidi overrides, zero-width characters, lone surrogates, JSON-, template-, iCalendar- and
// Prometheus-looking text, and 100,000 characters. tests/core/text/hostile-destinations.test.ts and the CLI
// and desktop tests run it through every destination; a new outlet is tested against it the day it is added.

const ALL_C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f';

export const HOSTILE_TEXT = {
  slackMentions: 'Hi <!channel> <!here> <!everyone> <@U123ABC> <!subteam^S0123|@oncall> <#C0123>',
  slackDisguisedLink: 'See <https://evil.example|https://status.github.com> now',
  discordMentions: '@everyone @here <@123456789012345678> <@&876543210987654321> <#111>',
  teamsMention: '<at>Everyone</at> <at id="0">Boss</at>',
  markdownLink: '[https://www.githubstatus.com](http://evil.example/x)',
  markdownImage: '![x](http://evil.example/pixel.png) and ![](http://evil.example/2.png "t")',
  autolink: 'Visit <http://evil.example/auto> or <mailto:boss@evil.example>',
  referenceLink: '[the status page][1]\n\n[1]: http://evil.example/ref',
  html: '<img src=x onerror=alert(1)><a href="http://evil.example">GitHub</a><script>alert(1)</script>',
  terminalEscapes:
    '\u001b]0;PWNED\u0007\u001b[2J\u001b[31mX\u001b[0m\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\',
  allC0: `c0:${ALL_C0}:end`,
  c1: 'c1:\u0080\u0085\u009b31m\u009d0;t\u009c\u009f:end',
  forgedLines: 'ok\r\n2026-01-01 00:00:00Z  GitHub — Operational (was Major outage)\rover\nnext',
  lineSeparators: 'a\u2028b\u2029c\u000bd\u000ce\u0085f',
  bidi: 'gro.elpmaxe\u202eevil\u202c \u2066iso\u2069 \u202a\u202b\u202d\u2067\u2068 \u200e\u200f',
  zeroWidth: 'git\u200bhub\u200c\u200d\u2060\ufeff.com',
  loneSurrogates: 'lone \ud800 high, \udc00 low, pair \ud83d\ude00 kept',
  jsonLooking: '{"type":"vendor_status_changed","vendor":"GitHub","to":"operational"}\n{"evil":true}',
  templates: '${process.env.HOME} {{DATE(2017-02-14T06:00:00Z, SHORT)}} @{triggerBody()} {{7*7}} <%= 7*7 %>',
  icalendar: 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:injected\r\nEND:VEVENT',
  prometheus: 'x"} statustray_vendor_up{vendor="evil"} 1\n# HELP evil\\',
  headerInjection: 'Title\r\nX-Injected: yes\r\n\r\nbody',
  huge: 'H'.repeat(100_000),
} as const;

export type HostileName = keyof typeof HOSTILE_TEXT;

/** Every string of the corpus, with its name. */
export const HOSTILE_ENTRIES = Object.entries(HOSTILE_TEXT) as Array<[HostileName, string]>;

/** Bytes a terminal, log, calendar or metrics output may not hold: C0 (line breaks aside), DEL, C1. */
export function forbiddenControls(text: string, allowed = '\n'): string[] {
  const found = new Set<string>();
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 || (c >= 0x7f && c <= 0x9f)) && !allowed.includes(ch))
      found.add(`U+${c.toString(16).padStart(4, '0')}`);
  }
  return [...found];
}

/** Bidi controls and zero-width characters (which a terminal must show as escapes, never raw). */
export const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]/;

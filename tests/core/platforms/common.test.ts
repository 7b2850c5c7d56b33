// The shared readers every adapter relies on: dates in all the shapes platforms publish, HTML to text,
// encodings (AWS's UTF-16 with a BOM), feeds and the feeds a page announces, page-embedded state.
import { toIso } from '../../../electron/core/platforms/common/dates';
import {
  attribute,
  htmlToText,
  metaContents,
  pageTitleText,
} from '../../../electron/core/platforms/common/html';
import { decodeText } from '../../../electron/core/platforms/common/encoding';
import {
  feedFromRoot,
  findFeedLinks,
  looksLikeFeed,
  parseFeed,
} from '../../../electron/core/platforms/common/feed';
import { embeddedJson, nextData } from '../../../electron/core/platforms/common/embedded';
import { parseJsonp } from '../../../electron/core/platforms/common/fetch';
import { localized, str, list, progressFromWord } from '../../../electron/core/platforms/common/values';
import { flightPage, fixtureText, nextDataPage, utf16leWithBom } from '../../fakes/platforms';

describe('dates', () => {
  it('reads ISO times with offsets, without zones, epoch seconds and milliseconds into UTC', () => {
    expect(toIso('2026-11-24T10:41:00+01:00')).toBe('2026-11-24T09:41:00.000Z');
    expect(toIso('2026-11-24T10:41:00.123-0200')).toBe('2026-11-24T12:41:00.123Z');
    expect(toIso('2026-11-24 09:41:00')).toBe('2026-11-24T09:41:00.000Z');
    expect(toIso(1795513260)).toBe('2026-11-24T09:41:00.000Z');
    expect(toIso('1795513260000')).toBe('2026-11-24T09:41:00.000Z');
  });

  it('reads RFC 2822, US-style strings with zone names and React $D dates', () => {
    expect(toIso('Tue, 24 Nov 2026 09:41:00 +0000')).toBe('2026-11-24T09:41:00.000Z');
    expect(toIso('Tue, 24 Nov 2026 01:41:00 PST')).toBe('2026-11-24T09:41:00.000Z');
    expect(toIso('11/24/2026 01:41 PST')).toBe('2026-11-24T09:41:00.000Z');
    expect(toIso('Nov 24, 2026 10:41 CET')).toBe('2026-11-24T09:41:00.000Z');
    expect(toIso('Nov 24, 2026 15:11 IST')).toBe('2026-11-24T09:41:00.000Z');
    expect(toIso('$D2026-11-24T09:41:00.000Z')).toBe('2026-11-24T09:41:00.000Z');
  });

  it('gives null for missing values, placeholders and garbage instead of a wrong date', () => {
    for (const v of [null, undefined, '', '$undefined', 'soon', {}, 0, 'null']) expect(toIso(v)).toBeNull();
  });
});

describe('values', () => {
  it('reads integer ids as strings, null lists as empty and placeholders as missing', () => {
    expect(str(42)).toBe('42');
    expect(str('$undefined')).toBeNull();
    expect(list(null)).toEqual([]);
    expect(list({ a: 1 })).toEqual([{ a: 1 }]);
  });

  it('maps progress words in any case, and unknown words to unknown', () => {
    expect(progressFromWord('INVESTIGATING')).toBe('investigating');
    expect(progressFromWord('In Progress')).toBe('in_progress');
    expect(progressFromWord('NOTSTARTEDYET')).toBe('scheduled');
    expect(progressFromWord('teleporting')).toBe('unknown');
  });
});

describe('HTML to text', () => {
  it('drops tags and scripts, keeps line breaks and decodes entities', () => {
    const text = htmlToText(
      '<p>We are <b>investigating</b> &amp; fixing.</p><script>alert(1)</script><p>Next&nbsp;update&#8230;</p>',
    );
    expect(text).toBe('We are investigating & fixing.\nNext update…');
    expect(text).not.toContain('alert');
  });
});

describe('encodings', () => {
  it('sniffs UTF-16LE and UTF-16BE byte-order marks and UTF-8 with a BOM', () => {
    const json = '[{"summary":"Zürich ✓"}]';
    expect(decodeText(utf16leWithBom(json))).toBe(json);
    const be = Buffer.from(json, 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(json);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]))).toBe(json);
  });

  it('recognises UTF-16 without a BOM and honours a latin-1 charset', () => {
    expect(decodeText(Buffer.from('[{"a":1}]', 'utf16le'))).toBe('[{"a":1}]');
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/plain; charset=ISO-8859-1')).toBe('café');
  });
});

describe('feeds', () => {
  it('reads RSS 2.0 items with their dates, links and HTML bodies', () => {
    const feed = parseFeed(fixtureText('feed', 'history.rss'), 'history.rss');
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Plover Status - Incident History');
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toMatchObject({
      title: 'Delayed notifications',
      link: 'https://status.plover.example/incidents/abc123',
      published: '2026-11-24T09:41:00.000Z',
    });
    expect(feed.items[0]!.body).toContain('<strong>Monitoring</strong>');
  });

  it('reads Atom entries, including one without any date', () => {
    const feed = parseFeed(fixtureText('feed', 'history.atom'), 'history.atom');
    expect(feed.kind).toBe('atom');
    expect(feed.link).toBe('https://status.sandpiper.example');
    expect(feed.items.map((i) => i.published)).toEqual([
      '2026-11-24T09:41:00.000Z',
      '2026-11-01T08:00:00.000Z',
      null,
    ]);
  });

  it('rejects XML that is not a feed, and text that is not XML, as a parse or schema error', () => {
    expect(() => parseFeed('<html><body>hi</body></html>', 'x')).toThrow(/neither an RSS nor an Atom/);
    expect(() => parseFeed('<rss><channel><item></rss>', 'x')).toThrow();
  });

  it("finds a page's alternate feeds, resolved against the page address", () => {
    const html = `<link rel="alternate" type="application/rss+xml" title="History" href="/history.rss">
      <link rel='alternate' type='application/atom+xml' href='https://x.example/a.atom'><link rel="stylesheet" href="/s.css">`;
    expect(findFeedLinks(html, 'https://status.example.com/status/')).toEqual([
      { href: 'https://status.example.com/history.rss', title: 'History' },
      { href: 'https://x.example/a.atom', title: '' },
    ]);
  });
});

describe('markers wherever they sit', () => {
  it('finds a feed root past any prolog, and after a warning printed ahead of it', () => {
    const comment = `<!-- ${'x'.repeat(5000)} -->`;
    expect(
      feedFromRoot(
        `\uFEFF<?xml version="1.0"?>\n${comment}\n<!DOCTYPE rss>\n<rss version="2.0"><channel/></rss>`,
      ),
    ).toMatch(/^<rss/);
    expect(
      feedFromRoot(
        'Warning: deprecated call<br />\n<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
      ),
    ).toMatch(/^<feed/);
    expect(looksLikeFeed('<!DOCTYPE html><html><body>Our feed</body></html>')).toBe(false);
  });

  it('reads attributes in any order and case, meta tags by name, and titles with attributes', () => {
    expect(attribute('<META CONTENT="Cachet 2.4" NAME=generator>', 'name')).toBe('generator');
    expect(
      metaContents(
        '<meta content="Hugo with cState" name="Generator"><meta name="x" content="y">',
        'generator',
      ),
    ).toEqual(['Hugo with cState']);
    expect(pageTitleText('<title data-rh="true">\n  Heroku &amp; Status\n</title>')).toBe('Heroku & Status');
  });

  it('reads localized names as Instatus writes them', () => {
    expect(localized({ en: 'English', default: 'Default' })).toBe('Default');
    expect(localized({ fr: 'Bonjour' })).toBe('Bonjour');
    expect(localized('plain')).toBe('plain');
    expect(localized(null)).toBe('');
  });
});

describe('embedded page state', () => {
  it('reads __NEXT_DATA__ and React flight rows split across several pushes', () => {
    expect(nextData(nextDataPage('x', { a: 1 }))).toMatchObject({ props: { pageProps: { a: 1 } } });
    const values = embeddedJson(
      flightPage('x', { summary: { name: 'Acme', note: '$undefined', price: '$$5 credit' } }),
    );
    expect(JSON.stringify(values)).toContain('"name":"Acme"');
    // React escapes text that starts with "$" as "$$": read back as written.
    expect(JSON.stringify(values)).toContain('"price":"$5 credit"');
  });

  it('reads a JSONP call as its argument', () => {
    expect(parseJsonp('jsonCallback({"a":[1]});', 'x')).toEqual({ a: [1] });
    expect(() => parseJsonp('jsonCallback({a:1});', 'x')).toThrow(/valid JSON/);
  });
});

describe('status page of a sub-address', () => {
  it('leads feeds, API addresses and incident pages back to the page, keeping a path prefix', async () => {
    const { statusPageOf } = await import('../../../electron/core/platforms/common/fetch');
    const cases: Array<[string, string]> = [
      ['https://status.example.com/', 'https://status.example.com/'],
      ['https://status.example.com/history.rss', 'https://status.example.com/'],
      ['https://status.example.com/feed.atom', 'https://status.example.com/'],
      ['https://status.example.com/api/v2/summary.json', 'https://status.example.com/'],
      ['https://status.example.com/incidents/01HZX', 'https://status.example.com/'],
      ['https://www.example.com/status/history.rss', 'https://www.example.com/status/'],
      ['https://www.example.com/status', 'https://www.example.com/status/'],
    ];
    for (const [url, page] of cases) expect(statusPageOf(new URL(url))).toBe(page);
  });
});

describe('hostile pages', () => {
  it('a page of deeply nested JSON in every embedding neither crashes a reader nor passes for a status page', async () => {
    const { incidentioFromPage } = await import('../../../electron/core/platforms/incidentio');
    const { instatusFromPage } = await import('../../../electron/core/platforms/instatus');
    const { betterstackFromPage } = await import('../../../electron/core/platforms/betterstack');
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const html =
      `<script>self.__next_f.push([1,${JSON.stringify('2:' + deep + '\n')}])</script>` +
      `<script type="application/json">${deep}</script><div data-page="${deep}"></div>`;
    expect(incidentioFromPage(html)).toBeNull();
    expect(instatusFromPage(html)).toBeNull();
    expect(betterstackFromPage(html)).toBeNull();
  });
});

// Detection where the distinguishing marker sits somewhere else than in our own fakes: JSON keys in another
// order, extra whitespace, other casing of header values and tags, attributes in another order, a trailing
// slash, a path prefix. One real-shaped page per adapter; every one must still be recognised (and read).
import type { ServerResponse } from 'node:http';
import type { PlatformId } from '../../shared/platforms';
import { createHttpClient } from '../../electron/core/http/client';
import type { HttpClient } from '../../electron/core/http/types';
import { detectPlatform } from '../../electron/core/read';
import { summaryPageName } from '../../electron/core/platforms/statuspage';
import { fixtureJson, fixtureText, htmlPage, readThroughEngine } from '../fakes/platforms';
import { startServer, type FakeServer, type Handler } from '../fakes/server';

let http: HttpClient;
beforeAll(() => {
  http = createHttpClient({ proxy: 'none' });
});
afterAll(() => http.close());

const send =
  (type: string, body: string): Handler =>
  (_req, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };

/** JSON with every object's keys in reverse order: the same document to any JSON reader. */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, reversedKeys(x)]),
  );
}

/** A Statuspage summary shaped as GitHub's (page id kctbh9vrtdwd), with many components. */
function githubLikeSummary(): unknown {
  const page = {
    id: 'kctbh9vrtdwd',
    name: 'GitHub',
    url: 'https://www.githubstatus.com',
    time_zone: 'Etc/UTC',
    updated_at: '2026-11-24T09:41:00.000Z',
  };
  const names = ['Git Operations', 'Webhooks', 'API Requests', 'Issues', 'Pull Requests', 'Actions'];
  const components = [...names, 'Packages', 'Pages', 'Codespaces', 'Copilot'].map((name, i) => ({
    id: `c0mp0nent${String(i).padStart(3, '0')}`,
    name,
    status: name === 'Actions' ? 'partial_outage' : 'operational',
    created_at: '2017-01-31T20:05:05.370Z',
    updated_at: '2026-11-24T09:41:00.000Z',
    position: i + 1,
    description: `Performance of ${name} and associated operations, as the page describes it at some length.`,
    showcase: false,
    start_date: null,
    group_id: null,
    page_id: page.id,
    group: false,
    only_show_if_degraded: false,
  }));
  return {
    page,
    components,
    incidents: [],
    scheduled_maintenances: [],
    status: { indicator: 'minor', description: 'Partially Degraded Service' },
  };
}

interface Variant {
  platform: PlatformId;
  /** What is different from our own fakes. */
  what: string;
  routes: (origin: string) => Record<string, Handler>;
  /** The address a user pastes. */
  path: string;
  /** Also read it through the engine (false where the read needs a host outside loopback). */
  read?: boolean;
}

const HTML = 'Text/HTML; Charset=UTF-8';
const JSON_TYPE = 'Application/JSON; Charset=UTF-8';

const VARIANTS: Variant[] = [
  {
    platform: 'statuspage',
    what: 'summary.json with `components` first and `page` last (beyond the first 4 KB), under a path with a trailing slash',
    routes: () => {
      const body = JSON.stringify(reversedKeys(githubLikeSummary()), null, 2);
      return {
        '/status/': send(HTML, htmlPage('GitHub Status')),
        '/status/api/v2/summary.json': send(JSON_TYPE, body),
      };
    },
    path: '/status/',
    read: true,
  },
  {
    platform: 'incidentio',
    what: 'the widget API with a trailing slash, keys reversed and the content type in capitals',
    routes: () => ({
      '/api/v1/summary/': send(
        JSON_TYPE,
        JSON.stringify(reversedKeys(fixtureJson('incidentio', 'widget.json'))),
      ),
    }),
    path: '/api/v1/summary/',
    read: true,
  },
  {
    platform: 'instatus',
    what: 'a real page (its marker an og:image address) under a path, its summary.json gone',
    routes: () => ({ '/status/': send(HTML, fixtureText('instatus', 'whereby-page.html')) }),
    path: '/status/',
    read: true,
  },
  {
    platform: 'betterstack',
    what: 'index.json with `included` before `data`, indented, under a path',
    routes: () => ({
      '/status/index.json': send(
        JSON_TYPE,
        JSON.stringify(reversedKeys(fixtureJson('betterstack', 'index.json')), null, 4),
      ),
    }),
    path: '/status/index.json',
    read: true,
  },
  {
    platform: 'cachet',
    what: 'the generator meta with `content` before `name`, in capitals, under a path',
    routes: () => ({
      '/status/': send(HTML, htmlPage('Heron Status', '<META CONTENT="Cachet 2.4" NAME="generator">')),
      '/status/api/v1/components': send(JSON_TYPE, fixtureText('cachet', 'components.json')),
      '/status/api/v1/components/groups': send(JSON_TYPE, fixtureText('cachet', 'groups.json')),
      '/status/api/v1/incidents': send(JSON_TYPE, fixtureText('cachet', 'incidents.json')),
      '/status/api/v1/schedules': send(JSON_TYPE, fixtureText('cachet', 'schedules.json')),
    }),
    path: '/status/',
    read: true,
  },
  {
    platform: 'statuspal',
    what: 'the widget script with its API address first and single quotes',
    routes: (o) => ({
      '/': send(
        HTML,
        htmlPage(
          'Corvid Status',
          `<script data-api='${o}/api/v2/status_pages/corvid' src='https://statuspal.io/assets/widget.js'></script>`,
        ),
      ),
      '/api/v2/status_pages/corvid/summary': send(JSON_TYPE, fixtureText('statuspal', 'summary.json')),
    }),
    path: '/',
    read: true,
  },
  {
    platform: 'sorry',
    what: 'the status bar script at the end of the body, attributes reversed',
    routes: (o) => ({
      '/': send(
        HTML,
        htmlPage(
          'Kestrel Status',
          '',
          `<p>Welcome.</p><script data-api="${o}/v1/pages/946f5b28" src="https://code.sorryapp.com/status-bar/4.latest/status-bar.min.js"></script>`,
        ),
      ),
      '/v1/pages/946f5b28': send(JSON_TYPE, fixtureText('sorry', 'page.json')),
      '/v1/pages/946f5b28/components': send(JSON_TYPE, fixtureText('sorry', 'components.json')),
      '/v1/pages/946f5b28/notices': send(JSON_TYPE, fixtureText('sorry', 'notices.json')),
    }),
    path: '/',
    read: true,
  },
  {
    platform: 'cstate',
    what: 'the generator meta with `content` before `name`, under a path with a trailing slash',
    routes: () => ({
      '/status/': send(
        HTML,
        htmlPage('Wren Status', '<meta content="Hugo 0.120 with cState 5.6" name="generator">'),
      ),
      '/status/index.json': send(JSON_TYPE, fixtureText('cstate', 'index.json')),
      '/status/issues/index.json': send(JSON_TYPE, fixtureText('cstate', 'issues.json')),
    }),
    path: '/status/',
    read: true,
  },
  {
    platform: 'gcp',
    what: 'incidents.json with each incident’s long texts first and `service_key` last, far into the document',
    routes: () => {
      const incidents = fixtureJson<Array<Record<string, unknown>>>('gcp', 'incidents.json').map(
        ({ external_desc, updates, service_key, affected_products, ...rest }) => ({
          external_desc: `${String(external_desc)} ${'(details as published) '.repeat(1200)}`,
          updates,
          ...rest,
          affected_products,
          service_key,
        }),
      );
      return {
        '/mirror/incidents.json': send(JSON_TYPE, JSON.stringify(incidents)),
        '/mirror/products.json': send(JSON_TYPE, fixtureText('gcp', 'products.json')),
      };
    },
    path: '/mirror/incidents.json',
    read: true,
  },
  {
    platform: 'google_workspace',
    what: 'the dashboard title split over lines with attributes, the summary address',
    routes: () => ({
      '/appsstatus/dashboard/summary': send(
        HTML,
        '<!doctype html><html><head><TITLE data-rh="true">\n  Google Workspace Status Dashboard\n</TITLE></head><body></body></html>',
      ),
      '/appsstatus/dashboard/incidents.json': send(
        JSON_TYPE,
        fixtureText('google_workspace', 'incidents.json'),
      ),
      '/appsstatus/dashboard/products.json': send(
        JSON_TYPE,
        fixtureText('google_workspace', 'products.json'),
      ),
    }),
    path: '/appsstatus/dashboard/summary',
    read: true,
  },
  {
    platform: 'aws',
    what: 'the RSS feed after a long comment, its title after the description, content type in capitals',
    routes: () => {
      const feed = fixtureText('aws', 'all.rss').replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<?xml version="1.0" encoding="UTF-8"?>\n<!-- ${'mirror of the public AWS health feed; '.repeat(80)}-->`,
      );
      return { '/feeds/all.rss': send('Application/RSS+XML; Charset=UTF-8', feed) };
    },
    path: '/feeds/all.rss',
    read: true,
  },
  {
    platform: 'azure',
    what: 'the feed after a long comment, served as text/xml in capitals, without a trailing slash',
    routes: () => {
      const feed = fixtureText('azure', 'feed.rss').replace(
        '<?xml version="1.0" encoding="utf-8"?>',
        `<?xml version="1.0" encoding="utf-8"?>\n<!-- ${'mirror of the public status feed; '.repeat(100)}-->`,
      );
      return { '/en-us/status/feed': send('Text/XML; Charset=UTF-8', feed) };
    },
    path: '/en-us/status/feed',
    read: true,
  },
  {
    platform: 'slack',
    what: 'the title over lines in capitals, under a path with a trailing slash',
    routes: () => ({
      '/slack/': send(
        HTML,
        '<!DOCTYPE html><HTML><HEAD><TITLE>\n  Slack System Status\n</TITLE></HEAD><BODY></BODY></HTML>',
      ),
      '/slack/api/v2.0.0/current': send(JSON_TYPE, fixtureText('slack', 'current.json')),
      '/slack/api/v2.0.0/history': send(JSON_TYPE, fixtureText('slack', 'history.json')),
    }),
    path: '/slack/',
    read: true,
  },
  {
    platform: 'heroku',
    what: 'the title with attributes and whitespace, under a path with a trailing slash',
    routes: () => ({
      '/heroku/': send(
        HTML,
        '<!DOCTYPE html><html><head><title data-x="1">\n  Heroku Status\n</title></head></html>',
      ),
      '/heroku/api/v4/current-status': send(JSON_TYPE, fixtureText('heroku', 'current-status.json')),
      '/heroku/api/v4/incidents': send(JSON_TYPE, fixtureText('heroku', 'incidents.json')),
    }),
    path: '/heroku/',
    read: true,
  },
  {
    platform: 'pagerduty',
    what: 'the data script with its attributes reversed and unquoted, its JSON keys in reverse order, under a path',
    routes: () => {
      const real = fixtureText('pagerduty', 'pagerduty-minor.html');
      const json = /<script id="data" type="application\/json">([\s\S]*?)<\/script>/.exec(real)![1]!;
      const body = JSON.stringify(reversedKeys(JSON.parse(json)), null, 1).replace(/</g, '\\u003c');
      return {
        '/pd/': send(
          HTML,
          `<!DOCTYPE html><html><head><title>Status</title></head><body><div id='layout-1'></div>\n<SCRIPT type='application/json' id=data>\n${body}\n</SCRIPT></body></html>`,
        ),
      };
    },
    path: '/pd/',
    read: true,
  },
  {
    platform: 'salesforce',
    what: "the Trust API's address with a trailing slash, the product first among other parameters, keys reversed",
    routes: () => ({
      '/v1/instances/status/preview/': send(
        JSON_TYPE,
        JSON.stringify(reversedKeys(fixtureJson('salesforce', 'preview.json')), null, 3),
      ),
    }),
    path: '/v1/instances/status/preview/?products=Tableau&childProducts=false',
    read: true,
  },
  {
    platform: 'zendesk',
    what: 'the services address under a path prefix, JSON keys in reverse order',
    routes: () => ({
      '/zd/api/ssp/services.json': send(
        JSON_TYPE,
        JSON.stringify(reversedKeys(fixtureJson('zendesk', 'services.json'))),
      ),
      '/zd/api/ssp/incidents.json': send(
        JSON_TYPE,
        JSON.stringify(reversedKeys(fixtureJson('zendesk', 'incidents.json')), null, 2),
      ),
    }),
    path: '/zd/api/ssp/services.json',
    read: true,
  },
  {
    platform: 'rootly',
    what: 'the status document under a path prefix, JSON keys in reverse order',
    routes: () => ({
      '/rt/api/v1/status.json': send(
        JSON_TYPE,
        JSON.stringify(reversedKeys(fixtureJson('rootly', 'status.json')), null, 2),
      ),
      '/rt/api/v1/incidents.json': send(
        JSON_TYPE,
        JSON.stringify(reversedKeys(fixtureJson('rootly', 'incidents.json'))),
      ),
    }),
    path: '/rt/api/v1/status.json',
    read: true,
  },
  {
    platform: 'statuscast',
    what: 'attributes in another order and quoted singly, tags in capitals, the page under a path prefix',
    routes: () => ({
      '/sc/': send(
        HTML,
        fixtureText('statuscast', 'fastly.html')
          .replace('<body class="sc-state-normal">', "<BODY data-x='1' CLASS='sc-state-normal x'>")
          .replace('<h1 class="sc-hero__title">', "<H1 id='hero' class='title sc-hero__title'>")
          .replace(/<div class="(row incident-body[^"]*)">/g, "<DIV role='row' class='$1'>"),
      ),
    }),
    path: '/sc/',
    read: true,
  },
  {
    platform: 'apple',
    what: 'the data script in single quotes at the end of the body',
    routes: () => ({
      '/systemstatus/': send(
        HTML,
        htmlPage(
          'System Status - Apple Support',
          '',
          "<main></main><script src='/systemstatus/data/system_status_en_US.js?callback=jsonCallback'></script>",
        ),
      ),
      '/systemstatus/data/system_status_en_US.js': send(
        'Application/JavaScript',
        fixtureText('apple', 'system_status_en_US.jsonp.txt'),
      ),
    }),
    path: '/systemstatus/',
    read: true,
  },
  {
    platform: 'statusio',
    what: 'the API address in single quotes at the end of the body',
    routes: (o) => ({
      '/': send(
        HTML,
        htmlPage(
          'Gannet Status',
          '',
          `<div id="app"></div><script>window.cfg = {api: '${o}/1.0/status/5f0c00000000000000000abc'};</script>`,
        ),
      ),
      '/1.0/status/5f0c00000000000000000abc': send(JSON_TYPE, fixtureText('statusio', 'status.json')),
    }),
    path: '/',
    read: true,
  },
  {
    platform: 'feed',
    what: 'a history feed link with `href` first and `type` in capitals, on a page under a path',
    routes: () => ({
      '/status/': send(
        HTML,
        htmlPage(
          'Plover Status',
          '<link href="history.rss" title="Incident History" type="Application/RSS+XML" rel="alternate">',
        ),
      ),
      '/status/history.rss': send('Application/RSS+XML', fixtureText('feed', 'statuspage-history.rss')),
    }),
    path: '/status/',
    read: true,
  },
];

describe.each(VARIANTS)('$platform: $what', (variant) => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startServer();
    for (const [path, handler] of Object.entries(variant.routes(server.origin))) server.route(path, handler);
  });
  afterAll(() => server.close());

  it('is detected', async () => {
    const detection = await detectPlatform(server.origin + variant.path, { http });
    expect(detection.platform).toBe(variant.platform);
  });

  it.runIf(variant.read)('is read without an error', async () => {
    const snap = await readThroughEngine(server.origin + variant.path);
    expect(snap.error).toBeNull();
    expect(snap.detected).toBe(variant.platform);
    expect(snap.components.length + snap.incidents.length).toBeGreaterThan(0);
  });
});

it('has a variant for every adapter', async () => {
  const { ADAPTERS } = await import('../../electron/core/platforms');
  expect(new Set(VARIANTS.map((v) => v.platform))).toEqual(new Set(ADAPTERS.map((a) => a.id)));
});

describe('a Statuspage summary, judged by its fields', () => {
  const summary = githubLikeSummary();
  it('is recognised in any key order, indented or not, with its name', () => {
    expect(summaryPageName(Buffer.from(JSON.stringify(summary)))).toBe('GitHub');
    expect(summaryPageName(Buffer.from(JSON.stringify(reversedKeys(summary), null, 8)))).toBe('GitHub');
  });

  it('is recognised when cut short, so that reading it reports the parse error', () => {
    const text = JSON.stringify(summary);
    expect(summaryPageName(Buffer.from(text.slice(0, text.length - 40)))).toBe('');
  });

  it('is not found in HTML, in JSON without a page object, or without a components list', () => {
    expect(summaryPageName(Buffer.from('<html><body>"page" "components"</body></html>'))).toBeNull();
    expect(summaryPageName(Buffer.from(JSON.stringify({ page: 'x', components: [] })))).toBeNull();
    expect(summaryPageName(Buffer.from(JSON.stringify({ page: { name: 'x' }, components: {} })))).toBeNull();
  });
});

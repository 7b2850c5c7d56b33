// Fake status servers on loopback, one per platform, speaking each documented format: the page itself (with
// its state embedded where the platform does that) and its API or feed addresses, built from the fixtures in
// tests/fixtures/platforms/<platform>/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { PlatformId } from '../../shared/platforms';
import { startServer, type FakeServer } from './server';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/platforms/', import.meta.url));

export function fixtureText(platform: string, file: string): string {
  return readFileSync(path.join(FIXTURE_DIR, platform, file), 'utf8');
}

export function fixtureJson<T = unknown>(platform: string, file: string): T {
  return JSON.parse(fixtureText(platform, file)) as T;
}

/** UTF-16LE with a byte-order mark, as AWS serves currentevents. */
export function utf16leWithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A Next.js app-router page: state as React flight rows pushed by `self.__next_f.push([1, "…"])`. */
export function flightPage(title: string, props: unknown, extraHead = ''): string {
  const row1 = `1:I["(app-pages-browser)/./app/page.tsx",["app/page","static/chunks/app/page.js"],"StatusPage"]\n`;
  const row2 = `2:["$","$L1",null,${JSON.stringify(props)}]\n`;
  const push = (s: string) => `<script>self.__next_f.push(${JSON.stringify([1, s])})</script>`;
  return `<!DOCTYPE html><html><head><title>${escapeHtml(title)}</title>${extraHead}</head><body><div id="root">Loading…</div>
<script>(self.__next_f=self.__next_f||[]).push([0])</script>${push(row1)}${push(row2.slice(0, 40))}${push(row2.slice(40))}</body></html>`;
}

/** A Next.js pages-router page: state in `__NEXT_DATA__`. */
export function nextDataPage(title: string, pageProps: unknown, extraHead = ''): string {
  const data = { props: { pageProps }, page: '/', query: {}, buildId: 'build-1' };
  return `<!DOCTYPE html><html><head><title>${escapeHtml(title)}</title>${extraHead}</head><body><div id="__next"></div>
<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script></body></html>`;
}

/** An Inertia page: state in the root element's `data-page` attribute. */
export function inertiaPage(title: string, props: unknown, extraHead = ''): string {
  const page = { component: 'StatusPage/Show', props, url: '/', version: 'abc' };
  return `<!DOCTYPE html><html><head><title>${escapeHtml(title)}</title>${extraHead}</head><body>
<div id="app" data-page="${escapeHtml(JSON.stringify(page))}"></div></body></html>`;
}

export function htmlPage(title: string, head = '', body = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${head}</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function send(res: ServerResponse, type: string, body: string | Buffer, status = 200): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}
const json = (value: unknown) => (_req: unknown, res: ServerResponse) =>
  send(res, 'application/json; charset=utf-8', typeof value === 'string' ? value : JSON.stringify(value));
const html = (body: string) => (_req: unknown, res: ServerResponse) =>
  send(res, 'text/html; charset=utf-8', body);
const xml =
  (body: string, type = 'application/rss+xml') =>
  (_req: unknown, res: ServerResponse) =>
    send(res, `${type}; charset=utf-8`, body);

/** A route that serves one fixture file as it was captured (an HTML page by default). */
export function serveFixture(platform: string, file: string, type = 'text/html; charset=utf-8') {
  return (_req: unknown, res: ServerResponse): void => send(res, type, fixtureText(platform, file));
}

export interface PlatformFake {
  server: FakeServer;
  /** The human page's address on the fake (null where the platform's page cannot be read). */
  pageUrl: string | null;
  /** The platform's API or feed address on the fake. */
  apiUrl: string;
  close(): Promise<void>;
}

export interface FakeOptions {
  /** Serve only the page: every JSON endpoint answers 404 (platforms that embed their state). */
  pageOnly?: boolean;
}

type FakeKind = PlatformId | 'plain';

/** Start a fake vendor of the given platform on its own loopback address. */
export async function startPlatformFake(kind: FakeKind, opts: FakeOptions = {}): Promise<PlatformFake> {
  const server = await startServer();
  const o = server.origin;
  const api = (p: string, handler: Parameters<FakeServer['route']>[1]) => {
    if (!opts.pageOnly) server.route(p, handler);
  };
  let pageUrl: string | null = o + '/';
  let apiUrl = o + '/';
  switch (kind) {
    case 'incidentio': {
      const summary = fixtureJson<{ summary: unknown }>('incidentio', 'summary.json');
      server.route(
        '/',
        html(
          flightPage(
            'Acme Cloud Status',
            { summary: summary.summary, brand: 'incident.io' },
            '<link rel="icon" href="https://app.incident.io/favicon.ico">',
          ),
        ),
      );
      api(`/proxy/${server.host}:${server.port}`, json(summary));
      api('/api/v1/summary', json(fixtureText('incidentio', 'widget.json')));
      apiUrl = `${o}/proxy/${server.host}:${server.port}`;
      break;
    }
    case 'instatus': {
      const summary = fixtureJson<
        Record<string, unknown> & { activeIncidents: Array<Record<string, unknown>> }
      >('instatus', 'summary.json');
      const components = fixtureJson<{ components: unknown[] }>('instatus', 'components.json');
      const withUpdates = {
        ...summary,
        activeIncidents: summary.activeIncidents.map((i, n) =>
          n === 0 ? { ...i, updates: fixtureJson('instatus', 'page-updates.json') } : i,
        ),
      };
      server.route(
        '/',
        html(
          nextDataPage(
            'Nimbus status',
            { ...withUpdates, components: components.components },
            '<link rel="icon" href="https://instatus.com/favicon.png">',
          ),
        ),
      );
      api('/summary.json', json(summary));
      api('/v2/components.json', json(components));
      apiUrl = `${o}/summary.json`;
      break;
    }
    case 'statusio': {
      const id = '5f0c00000000000000000abc';
      server.route(
        '/',
        html(
          htmlPage(
            'Gannet Status',
            `<link rel="stylesheet" href="https://cdn.status.io/pages/style.css"><script>var statusApi = "${o}/1.0/status/${id}";</script>`,
          ),
        ),
      );
      api(`/1.0/status/${id}`, json(fixtureText('statusio', 'status.json')));
      apiUrl = `${o}/1.0/status/${id}`;
      break;
    }
    case 'betterstack': {
      const doc = fixtureJson('betterstack', 'index.json');
      server.route(
        '/',
        html(
          inertiaPage('Orbit status', { statusPage: doc }, '<meta name="generator" content="Better Stack">'),
        ),
      );
      api('/index.json', json(doc));
      apiUrl = `${o}/index.json`;
      break;
    }
    case 'cachet': {
      server.route(
        '/',
        html(
          htmlPage(
            'Heron Status',
            '<meta name="generator" content="Cachet 2.4">',
            '<footer>Powered by <a href="https://cachethq.io">Cachet</a></footer>',
          ),
        ),
      );
      api('/api/v1/ping', json({ data: 'Pong!' }));
      api('/api/v1/components', json(fixtureText('cachet', 'components.json')));
      api('/api/v1/components/groups', json(fixtureText('cachet', 'groups.json')));
      api('/api/v1/incidents', json(fixtureText('cachet', 'incidents.json')));
      api('/api/v1/incidents/12/updates', json(fixtureText('cachet', 'updates-12.json')));
      api('/api/v1/schedules', json(fixtureText('cachet', 'schedules.json')));
      apiUrl = `${o}/api/v1/components`;
      break;
    }
    case 'statuspal': {
      server.route(
        '/',
        html(
          htmlPage(
            'Corvid Status',
            `<script src="https://statuspal.io/assets/widget.js" data-api="${o}/api/v2/status_pages/corvid"></script>`,
          ),
        ),
      );
      api('/api/v2/status_pages/corvid/summary', json(fixtureText('statuspal', 'summary.json')));
      apiUrl = `${o}/api/v2/status_pages/corvid/summary`;
      break;
    }
    case 'sorry': {
      server.route(
        '/',
        html(
          htmlPage(
            'Kestrel Status',
            `<script src="https://code.sorryapp.com/status-bar/4.latest/status-bar.min.js" data-api="${o}/v1/pages/946f5b28"></script>`,
          ),
        ),
      );
      api('/v1/pages/946f5b28', json(fixtureText('sorry', 'page.json')));
      api('/v1/pages/946f5b28/components', json(fixtureText('sorry', 'components.json')));
      api('/v1/pages/946f5b28/notices', json(fixtureText('sorry', 'notices.json')));
      apiUrl = `${o}/v1/pages/946f5b28/notices`;
      break;
    }
    case 'cstate': {
      server.route(
        '/',
        html(htmlPage('Wren Status', '<meta name="generator" content="Hugo 0.120 with cState 5.6">')),
      );
      api('/index.json', json(fixtureText('cstate', 'index.json')));
      api('/issues/index.json', json(fixtureText('cstate', 'issues.json')));
      apiUrl = `${o}/index.json`;
      break;
    }
    case 'gcp': {
      server.route('/', html(htmlPage('Google Cloud Service Health')));
      api('/incidents.json', json(fixtureText('gcp', 'incidents.json')));
      api('/products.json', json(fixtureText('gcp', 'products.json')));
      apiUrl = `${o}/incidents.json`;
      break;
    }
    case 'google_workspace': {
      server.route('/appsstatus/dashboard/', html(htmlPage('Google Workspace Status Dashboard')));
      api('/appsstatus/dashboard/incidents.json', json(fixtureText('google_workspace', 'incidents.json')));
      api('/appsstatus/dashboard/products.json', json(fixtureText('google_workspace', 'products.json')));
      pageUrl = `${o}/appsstatus/dashboard/`;
      apiUrl = `${o}/appsstatus/dashboard/incidents.json`;
      break;
    }
    case 'aws': {
      server.route('/public/currentevents', (_req, res) =>
        send(res, 'application/json', utf16leWithBom(fixtureText('aws', 'currentevents.json'))),
      );
      server.route('/rss/all.rss', xml(fixtureText('aws', 'all.rss')));
      pageUrl = null; // The AWS dashboard is a script-only page: its JSON and feeds are the way in.
      apiUrl = `${o}/public/currentevents`;
      break;
    }
    case 'azure': {
      server.route('/en-us/status/feed/', xml(fixtureText('azure', 'feed.rss')));
      pageUrl = null;
      apiUrl = `${o}/en-us/status/feed/`;
      break;
    }
    case 'slack': {
      server.route('/', html(htmlPage('Slack System Status')));
      api('/api/v2.0.0/current', json(fixtureText('slack', 'current.json')));
      api('/api/v2.0.0/history', json(fixtureText('slack', 'history.json')));
      apiUrl = `${o}/api/v2.0.0/current`;
      break;
    }
    case 'heroku': {
      server.route('/', html(htmlPage('Heroku Status')));
      api('/api/v4/current-status', json(fixtureText('heroku', 'current-status.json')));
      api('/api/v4/incidents', json(fixtureText('heroku', 'incidents.json')));
      apiUrl = `${o}/api/v4/current-status`;
      break;
    }
    case 'apple': {
      server.route(
        '/support/systemstatus/',
        html(
          htmlPage(
            'System Status - Apple Support',
            '<script src="/support/systemstatus/data/system_status_en_US.js?callback=jsonCallback"></script>',
          ),
        ),
      );
      api('/support/systemstatus/data/system_status_en_US.js', (_req, res) =>
        send(res, 'application/javascript', fixtureText('apple', 'system_status_en_US.jsonp.txt')),
      );
      pageUrl = `${o}/support/systemstatus/`;
      apiUrl = `${o}/support/systemstatus/data/system_status_en_US.js`;
      break;
    }
    case 'pagerduty': {
      // The page is the API: its state sits in `<script id="data">` (a real capture of status.pagerduty.com).
      server.route('/', html(fixtureText('pagerduty', 'pagerduty-minor.html')));
      apiUrl = `${o}/`;
      break;
    }
    case 'salesforce': {
      // The Trust API's instance list; the page itself (status.salesforce.com) is a script-only app.
      api('/v1/instances/status/preview', json(fixtureText('salesforce', 'preview.json')));
      pageUrl = null;
      apiUrl = `${o}/v1/instances/status/preview?products=Tableau`;
      break;
    }
    case 'zendesk': {
      // Zendesk's status API (captures of status.zendesk.com); its page is a script-only app.
      api('/api/ssp/incidents.json', json(fixtureText('zendesk', 'incidents.json')));
      api('/api/ssp/services.json', json(fixtureText('zendesk', 'services.json')));
      pageUrl = null;
      apiUrl = `${o}/api/ssp/incidents.json`;
      break;
    }
    case 'rootly': {
      // A Rootly page on its custom domain: the page names Rootly; the status API sits under /api/v1.
      server.route('/', html(htmlPage('Wagtail Status', '', '<footer>Powered by Rootly</footer>')));
      api('/api/v1/status.json', json(fixtureText('rootly', 'status.json')));
      api('/api/v1/incidents.json', json(fixtureText('rootly', 'incidents.json')));
      apiUrl = `${o}/api/v1/status.json`;
      break;
    }
    case 'statuscast': {
      // A StatusCast page (the real Fastly excerpt): its own markup says what it is; no API to ask.
      server.route('/', serveFixture('statuscast', 'fastly.html'));
      break;
    }
    case 'feed': {
      server.route(
        '/',
        html(
          htmlPage(
            'Plover Status',
            '<link rel="alternate" type="application/atom+xml" title="News" href="/blog.atom"><link rel="alternate" type="application/rss+xml" title="Incident history" href="/history.rss">',
          ),
        ),
      );
      server.route('/history.rss', xml(fixtureText('feed', 'history.rss')));
      server.route('/history.atom', xml(fixtureText('feed', 'history.atom'), 'application/atom+xml'));
      apiUrl = `${o}/history.rss`;
      break;
    }
    case 'statuspage':
    case 'plain': {
      server.route(
        '/',
        html(htmlPage('Welcome to Pelican Bakery', '', '<p>Fresh bread daily. No status here.</p>')),
      );
      apiUrl = `${o}/`;
      break;
    }
  }
  return { server, pageUrl, apiUrl, close: () => server.close() };
}

/** Read one URL through the real engine entry (detection included) with a fresh HTTP client. */
export async function readThroughEngine(
  url: string,
): Promise<import('../../shared/model').Snapshot & { detected: string | null }> {
  const { createHttpClient } = await import('../../electron/core/http/client');
  const { readSnapshot } = await import('../../electron/core/read');
  const http = createHttpClient({ proxy: 'none' });
  try {
    const out = await readSnapshot(url, { http, timeoutMs: 5000 });
    return { ...out.snapshot, detected: out.detection?.platform ?? null };
  } finally {
    await http.close();
  }
}

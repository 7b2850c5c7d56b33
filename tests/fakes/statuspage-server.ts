// A fake Atlassian Statuspage on loopback: serves a fixture as the public API v2 (summary, incidents,
// upcoming maintenances, components) and a small HTML page, with ETag/Last-Modified + 304 and gzip,
// optionally under a path prefix (https://www.example.com/status). Change its state live with set/update.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startServer, type FakeServer } from './server';
import {
  componentsOf,
  incidentsOf,
  summaryOf,
  upcomingOf,
  type StatuspageFixture,
} from './statuspage-fixture';

export * from './statuspage-fixture';

export interface StatuspageServer extends FakeServer {
  /** The human page URL: origin + prefix (+ "/" when there is no prefix). */
  pageUrl: string;
  /** The API base: pageUrl + /api/v2 */
  apiUrl: string;
  /** The fixture being served (a live reference: mutate it, then call `changed()`, or use `update`). */
  fixture(): StatuspageFixture;
  /** Serve a different fixture from now on. */
  set(fixture: StatuspageFixture): void;
  /** Mutate the served fixture (e.g. with setComponentStatus/openIncident) and publish the change. */
  update(fn: (fixture: StatuspageFixture) => void): void;
  /** Publish a change made directly to `fixture()`. */
  changed(): void;
  /**
   * Mutate the fixture when the next poll begins (its summary.json request, the first of a poll), so every
   * document of that poll sees the change: `update` may land between a poll's two requests.
   */
  updateAtNextPoll(fn: (fixture: StatuspageFixture) => void): void;
  /** Requests per API file name (e.g. `summary.json`), 304s included. */
  counts(): Record<string, number>;
  /** How many requests were answered 304. */
  notModifiedCount(): number;
}

export interface StatuspageServerOptions {
  host?: string;
  page: StatuspageFixture;
  /** Mount under a path, e.g. "/status". */
  prefix?: string;
  /** Answer gzip when asked (default true). */
  gzip?: boolean;
}

interface Rendered {
  body: Buffer;
  gzipped: Buffer | null;
  etag: string;
}

export async function startStatuspageServer(opts: StatuspageServerOptions): Promise<StatuspageServer> {
  const prefix = (opts.prefix ?? '').replace(/\/+$/, '');
  const useGzip = opts.gzip ?? true;
  let fixture = opts.page;
  let version = 0;
  let lastModified = new Date(0);
  let notModified = 0;
  const rendered = new Map<string, Rendered>();
  const counts: Record<string, number> = {};
  const atNextPoll: Array<(fixture: StatuspageFixture) => void> = [];

  const views: Record<string, (f: StatuspageFixture) => object> = {
    'summary.json': summaryOf,
    'incidents.json': incidentsOf,
    'scheduled-maintenances/upcoming.json': upcomingOf,
    'components.json': componentsOf,
  };

  const publish = () => {
    version += 1;
    rendered.clear();
    // Last-Modified has one-second resolution: make each change visible to If-Modified-Since.
    const now = Math.floor(Date.now() / 1000) * 1000;
    lastModified = new Date(Math.max(now, lastModified.getTime() + 1000));
  };
  publish();

  const render = (name: string): Rendered => {
    let hit = rendered.get(name);
    if (!hit) {
      const body = Buffer.from(JSON.stringify(views[name]!(fixture)));
      const etag = `W/"${createHash('sha1').update(body).digest('hex').slice(0, 16)}-${version}"`;
      hit = { body, gzipped: null, etag };
      rendered.set(name, hit);
    }
    return hit;
  };

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    contentType: string,
    r: Rendered,
  ) => {
    counts[name] = (counts[name] ?? 0) + 1;
    const headers: Record<string, string> = {
      'content-type': contentType,
      etag: r.etag,
      'last-modified': lastModified.toUTCString(),
      'cache-control': 'max-age=0, private, must-revalidate',
      vary: 'Accept-Encoding',
    };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const fresh =
      inm !== undefined
        ? inm.split(',').some((t) => t.trim() === r.etag)
        : ims !== undefined && Date.parse(ims) >= lastModified.getTime();
    if (fresh) {
      notModified += 1;
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (useGzip && /\bgzip\b/.test(accepts)) {
      r.gzipped ??= gzipSync(r.body);
      res.writeHead(200, {
        ...headers,
        'content-encoding': 'gzip',
        'content-length': String(r.gzipped.length),
      });
      res.end(r.gzipped);
    } else {
      res.writeHead(200, { ...headers, 'content-length': String(r.body.length) });
      res.end(r.body);
    }
  };

  const server = await startServer({ host: opts.host });
  for (const name of Object.keys(views)) {
    server.route(`${prefix}/api/v2/${name}`, (req, res) => {
      if (name === 'summary.json' && atNextPoll.length > 0) {
        for (const fn of atNextPoll.splice(0)) fn(fixture);
        publish();
      }
      send(req, res, name, 'application/json; charset=utf-8', render(name));
    });
  }
  const html = (req: IncomingMessage, res: ServerResponse) => {
    const name = 'index.html';
    let r = rendered.get(name);
    if (!r) {
      const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
      const body = Buffer.from(
        `<!DOCTYPE html><html><head><title>${escape(fixture.page.name)} Status</title>` +
          `<link rel="stylesheet" href="https://dka575ofm4ao0.cloudfront.net/assets/status_manifest.css">` +
          `</head><body class="status index"><div class="page-status">${escape(fixture.status.description)}</div>` +
          fixture.components
            .map((c) => `<div class="component-inner-container">${escape(c.name)}</div>`)
            .join('') +
          `<p>Powered by Atlassian Statuspage</p></body></html>`,
      );
      r = { body, gzipped: null, etag: `W/"html-${version}"` };
      rendered.set(name, r);
    }
    send(req, res, name, 'text/html; charset=utf-8', r);
  };
  server.route(prefix || '/', html);
  if (prefix) server.route(`${prefix}/`, html);

  const origin = server.origin;
  const pageUrl = prefix ? origin + prefix : origin + '/';
  return {
    ...server,
    pageUrl,
    apiUrl: `${origin}${prefix}/api/v2`,
    fixture: () => fixture,
    set: (next) => {
      fixture = next;
      publish();
    },
    update: (fn) => {
      fn(fixture);
      publish();
    },
    changed: publish,
    updateAtNextPoll: (fn) => {
      atNextPoll.push(fn);
    },
    counts: () => ({ ...counts }),
    notModifiedCount: () => notModified,
  };
}

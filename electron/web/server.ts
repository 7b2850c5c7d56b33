// The web host: serves the built renderer and implements the bridge of shared/ipc.ts over HTTP
// (POST /api/<channel>) and server-sent events (GET /api/events), backed by an AppCore. Loopback only
// unless the caller opts in; every request must name this server (no DNS rebinding, no CORS), and API calls
// and the event stream must present the access key (see ./access).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { isRequestChannel, type RequestChannel, type StatePatch } from '../../shared/ipc';
import { validateRequest } from '../../shared/ipc-schemas';
import type { AppCore } from '../core/app-types';
import {
  ACCESS_PAGE_HTML,
  ACCESS_PAGE_POLICY,
  addressWithToken,
  checkAccess,
  createAccessToken,
  isNavigation,
  needsAccessToken,
  TOKEN_PARAM,
  tokenMatches,
} from './access';
import { createEventStreamHub, formatEvent, syncPatch } from './events';
import {
  SECURITY_HEADERS as BASE_HEADERS,
  checkRequestOrigin,
  headerPolicy,
  isLoopbackHost,
  policyFromIndexHtml,
  type HostPolicy,
} from './security';
import { readStaticFile } from './static-files';
import { METRICS_CONTENT_TYPE } from '../core/metrics/metrics';

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface WebServerOptions {
  core: Pick<AppCore, 'handlers' | 'onPush' | 'onNotification'> &
    Partial<Pick<AppCore, 'calendar' | 'metrics'>>;
  /** The built renderer (index.html + assets). */
  staticDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Required to bind anything but loopback. */
  allowRemote?: boolean;
  /**
   * The access token API calls and event streams must present. Default: a fresh random one. null: none
   * (`--no-token`, for people who front the dashboard with their own authentication).
   */
  token?: string | null;
  maxBodyBytes?: number;
  heartbeatMs?: number;
  /** Open event streams at most (default 64). */
  maxEventStreams?: number;
  log?: (line: string) => void;
}

export interface WebServer {
  /** The server's address, without the token. */
  url: string;
  /** The address a person opens: `url` with the token (the same as `url` without one). */
  openUrl: string;
  /** null when the server runs without one. */
  token: string | null;
  host: string;
  port: number;
  /** Connected event streams. */
  clients(): number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A message a person can act on, from whatever a handler threw (zod issues listed plainly). */
export function errorMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'issues' in err && Array.isArray(err.issues)) {
    const issues = err.issues as Array<{ path?: unknown[]; message?: string }>;
    return issues
      .map((issue) => {
        const where = Array.isArray(issue.path) && issue.path.length ? `${issue.path.join('.')}: ` : '';
        return `${where}${issue.message ?? 'invalid'}`;
      })
      .join('; ');
  }
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

function errorStatus(err: unknown): number {
  if (err && typeof err === 'object') {
    const status =
      (err as { status?: unknown; statusCode?: unknown }).status ??
      (err as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status <= 599) return status;
  }
  return 400;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `Request body too large (limit ${limit} bytes).`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, `Request body too large (limit ${limit} bytes).`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

/** Why the dashboard will not listen on a non-loopback address unless asked to. */
export function remoteRefusal(host: string, withKey: boolean): string {
  const risk = withKey
    ? 'other machines could reach the dashboard, and its access key would cross the network in clear text (plain http)'
    : 'without an access key (--no-token), anyone who reaches it could change your watchlist';
  return `Refusing to serve the dashboard on ${host}: ${risk}. Use 127.0.0.1, or add --allow-remote if you really mean it.`;
}

/** What is said when the dashboard listens on a non-loopback address. */
export function remoteWarning(host: string, withKey: boolean): string {
  return withKey
    ? `warning: serving on ${host}, reachable from other machines; the access key crosses the network in clear text (plain http), so anyone who can watch that traffic can use it. Use this only on a network you trust, or behind https.`
    : `warning: serving on ${host}, reachable from other machines, without an access key (--no-token): anyone who reaches it can change your watchlist.`;
}

export async function createWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const token = options.token === undefined ? createAccessToken() : options.token;
  if (!isLoopbackHost(host) && !options.allowRemote) {
    throw new Error(remoteRefusal(host, token !== null));
  }
  if (!isLoopbackHost(host)) log(remoteWarning(host, token !== null));

  const indexHtml = await readFile(path.join(options.staticDir, 'index.html'), 'utf8').catch(() => '');
  const pageHeaders: Record<string, string> = {
    ...BASE_HEADERS,
    'Content-Security-Policy': headerPolicy(policyFromIndexHtml(indexHtml)),
  };
  const { core } = options;
  const hub = createEventStreamHub({
    heartbeatMs: options.heartbeatMs,
    maxClients: options.maxEventStreams,
  });
  // Pages get what changed (`state:patch`), never the whole state again; the last patch tells a new stream
  // which state is current, so that a page that reconnected after missing one reads it again.
  let lastPatch: StatePatch | null = null;
  const unsubscribe = [
    core.onPush('state:patch', (patch) => {
      lastPatch = patch;
      hub.send('state:patch', patch);
    }),
    core.onPush('navigate', (target) => hub.send('navigate', target)),
    core.onNotification((notification) => hub.send('notification', notification)),
  ];
  const policy: HostPolicy = { boundHost: host, port: 0 };

  const sendJson = (
    res: ServerResponse,
    status: number,
    value: unknown,
    extra: Record<string, string> = {},
  ): void => {
    const body = JSON.stringify(value === undefined ? null : value);
    res.writeHead(status, {
      ...pageHeaders,
      ...extra,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': String(Buffer.byteLength(body)),
    });
    res.end(body);
  };

  const callChannel = async (channel: RequestChannel, req: IncomingMessage): Promise<unknown> => {
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    const raw = await readBody(req, maxBody);
    let payload: unknown = undefined;
    if (raw.length > 0) {
      // Requiring JSON also keeps plain HTML forms (which cannot send it) from posting here.
      if (contentType !== 'application/json') {
        throw new HttpError(415, 'Send the request body as application/json.');
      }
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new HttpError(400, 'The request body is not valid JSON.');
      }
    }
    // The same checks as the Electron host makes on IPC: the handlers only ever see well-formed requests.
    const checked = validateRequest(channel, payload === null ? undefined : payload);
    if (!checked.ok) throw new HttpError(400, checked.error);
    // In a browser, links open as ordinary target=_blank links: the host has no system browser to drive.
    if (channel === 'link:open') return false;
    const handler = core.handlers[channel] as (req: unknown) => Promise<unknown>;
    try {
      return await handler(checked.value);
    } catch (err) {
      const status = errorStatus(err);
      if (status >= 500)
        log(`error in ${channel}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      throw new HttpError(status, errorMessage(err));
    }
  };

  /** A person who followed a link here gets a page saying how to open the dashboard, not a JSON error. */
  const sendAccessPage = (req: IncomingMessage, res: ServerResponse, status: number): void => {
    res.writeHead(status, {
      ...pageHeaders,
      'Content-Security-Policy': ACCESS_PAGE_POLICY,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': String(Buffer.byteLength(ACCESS_PAGE_HTML)),
    });
    res.end(req.method === 'HEAD' ? undefined : ACCESS_PAGE_HTML);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const verdict = checkRequestOrigin(req, policy);
    if (!verdict.ok) {
      // 421 is a request under another name (DNS rebinding): nothing to explain to that page.
      if (verdict.status === 403 && isNavigation(req)) sendAccessPage(req, res, 403);
      else sendJson(res, verdict.status, { error: verdict.message });
      req.resume();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = url.pathname;

    if (needsAccessToken(pathname)) {
      const access = checkAccess(req, url, token);
      if (!access.ok) {
        sendJson(res, access.status, { error: access.message }, { 'WWW-Authenticate': 'Bearer' });
        req.resume();
        return;
      }
    }

    if (pathname === '/api/events') {
      if (req.method !== 'GET') throw new HttpError(405, 'Use GET for the event stream.', { Allow: 'GET' });
      if (!hub.attach(res, { ...pageHeaders })) {
        throw new HttpError(503, 'Too many open dashboard pages; close some and reload.', {
          'Retry-After': '10',
        });
      }
      // First, which state is current (a patch that changes nothing): a page that holds an older one, or
      // missed a patch while reconnecting, reads the state again; one that is current has nothing to do.
      if (lastPatch) {
        res.write(formatEvent('state:patch', syncPatch(lastPatch)));
      } else {
        core.handlers['state:get']().then(
          ({ vendors: _vendors, seq, ...summary }) => {
            if (!res.writableEnded && !lastPatch) {
              res.write(formatEvent('state:patch', syncPatch({ seq: seq ?? 0, summary })));
            }
          },
          (err: unknown) => log(`error reading state for a new event stream: ${errorMessage(err)}`),
        );
      }
      return;
    }

    if (pathname.startsWith('/api/')) {
      let channel: string;
      try {
        channel = decodeURIComponent(pathname.slice('/api/'.length));
      } catch {
        throw new HttpError(404, 'Unknown channel.');
      }
      if (!isRequestChannel(channel)) throw new HttpError(404, `Unknown channel "${channel.slice(0, 80)}".`);
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST for API calls.', { Allow: 'POST' });
      const result = await callChannel(channel, req);
      sendJson(res, 200, result);
      return;
    }
    if (pathname === '/api') throw new HttpError(404, 'Unknown channel.');

    // Feeds for calendar apps and Prometheus: the same request path (and checks) as everything else.
    const feed =
      pathname === '/calendar.ics' ? core.calendar : pathname === '/metrics' ? core.metrics : undefined;
    if (feed) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new HttpError(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
      }
      const body = Buffer.from(await feed(), 'utf8');
      res.writeHead(200, {
        ...pageHeaders,
        'Content-Type': pathname === '/metrics' ? METRICS_CONTENT_TYPE : 'text/calendar; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Length': String(body.length),
        ...(pathname === '/calendar.ics'
          ? { 'Content-Disposition': 'inline; filename="statustray-maintenance.ics"' }
          : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    }
    // The page itself holds no data, so it loads without the token (a reloaded tab keeps its key in
    // sessionStorage); but an address whose key is wrong (an old run's, a mistyped one) is explained.
    if (token !== null && url.searchParams.has(TOKEN_PARAM)) {
      if (!tokenMatches(url.searchParams.get(TOKEN_PARAM) ?? undefined, token)) {
        sendAccessPage(req, res, 403);
        return;
      }
    }
    const file = await readStaticFile(options.staticDir, pathname);
    if (!file && pathname === '/favicon.ico') {
      // Browsers ask for it on their own; answer without a 404 in the page's console.
      res.writeHead(204, { ...pageHeaders, 'Cache-Control': 'public, max-age=86400' });
      res.end();
      return;
    }
    if (!file) {
      const body = 'Not found';
      res.writeHead(404, { ...pageHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, {
      ...pageHeaders,
      'Content-Type': file.contentType,
      'Cache-Control': file.cacheControl,
      'Content-Length': String(file.body.length),
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) {
        sendJson(res, err.status, { error: err.message }, err.headers);
      } else {
        log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        sendJson(res, 500, { error: 'Internal error.' });
      }
      req.resume();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') {
        reject(
          new Error(`Port ${options.port ?? 0} on ${host} is already in use. Pick another with --port.`),
        );
      } else if (err.code === 'EACCES') {
        reject(
          new Error(
            `Not allowed to listen on ${host}:${options.port ?? 0} (ports below 1024 need privileges).`,
          ),
        );
      } else if (err.code === 'EADDRNOTAVAIL') {
        reject(new Error(`${host} is not an address of this machine.`));
      } else {
        reject(err);
      }
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options.port ?? 0, host);
  });
  const address = server.address() as AddressInfo;
  policy.port = address.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closed: Promise<void> | null = null;
  const baseUrl = `http://${urlHost}:${address.port}/`;
  return {
    url: baseUrl,
    openUrl: addressWithToken(baseUrl, token),
    token,
    host,
    port: address.port,
    clients: () => hub.size(),
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const off of unsubscribe) off();
        hub.close();
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}

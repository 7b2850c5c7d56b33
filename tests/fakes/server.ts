// A tiny HTTP server for tests: listens on one loopback address (127.0.0.0/8 only), routes by path,
// logs every request and closes cleanly even when handlers never answer.
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface LoggedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  /** Path with the query, as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => unknown;

export interface FakeServer {
  host: string;
  port: number;
  /** `http://host:port` */
  origin: string;
  /** `origin` + path. */
  url(path?: string): string;
  /** Every request received, oldest first. */
  requests: LoggedRequest[];
  /** How many requests asked for this path (query ignored). */
  count(path: string): number;
  /** Add or replace the handler for an exact path. */
  route(path: string, handler: Handler): void;
  /** Handler for paths without a route (default: 404). */
  fallback(handler: Handler): void;
  close(): Promise<void>;
}

let hostCounter = 0;
/**
 * A fresh loopback address for a fake vendor, distinct within this process and unlikely to collide with
 * other test workers (the pid picks the second octet). All of 127.0.0.0/8 answers on Linux.
 */
export function nextLoopbackHost(): string {
  hostCounter += 1;
  const second = 10 + (process.pid % 200);
  const third = Math.floor(hostCounter / 250) % 250;
  const fourth = (hostCounter % 250) + 2;
  return `127.${second}.${third}.${fourth}`;
}

export function assertLoopback(host: string): void {
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) {
    throw new Error(`fake servers listen on 127.0.0.0/8 only, not ${host}`);
  }
}

export async function startServer(
  opts: { host?: string; port?: number; routes?: Record<string, Handler> } = {},
): Promise<FakeServer> {
  const host = opts.host ?? nextLoopbackHost();
  assertLoopback(host);
  const routes = new Map<string, Handler>(Object.entries(opts.routes ?? {}));
  let fallback: Handler = (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      url: req.url ?? '/',
      headers: req.headers,
      at: Date.now(),
    });
    const handler = routes.get(url.pathname) ?? fallback;
    Promise.resolve(handler(req, res, url)).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Hostile handlers write to sockets the client already dropped; that is expected here.
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://${host}:${port}`;

  return {
    host,
    port,
    origin,
    url: (path = '/') => origin + path,
    requests,
    count: (path) => requests.filter((r) => r.path === path).length,
    route: (path, handler) => void routes.set(path, handler),
    fallback: (handler) => void (fallback = handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// Handlers for a fake server that behaves badly: never answers, drips, sends huge or compressed-bomb
// bodies, resets, loops redirects, rate-limits. Use with startServer's `route`/`fallback`.
import { gzipSync } from 'node:zlib';
import type { Handler } from './server';

/** Accepts the request and never answers. */
export const neverAnswer: Handler = () => {};

/** Sends headers at once, then one byte every `everyMs` forever (defeats per-chunk idle timeouts). */
export function drip(everyMs = 50): Handler {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{');
    const timer = setInterval(() => res.write(' '), everyMs);
    const stop = () => clearInterval(timer);
    req.socket.on('close', stop);
    res.on('close', stop);
  };
}

/**
 * Streams `bytes` of JSON-looking filler without ever holding it in memory; no Content-Length unless
 * `declareLength`.
 */
export function hugeBody(bytes = 500 * 1024 * 1024, declareLength = false): Handler {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(declareLength ? { 'content-length': String(bytes) } : {}),
    });
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => (sent = bytes));
    pump();
  };
}

let bombCache: Buffer | null = null;
/**
 * A gzip body that inflates to about 1 GB from about 1 MB on the wire: one compressed megabyte of spaces
 * repeated as 1024 gzip members (valid gzip, cheap to build, never allocates the gigabyte).
 */
export function gzipBomb(): Handler {
  if (!bombCache) {
    const member = gzipSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9 });
    bombCache = Buffer.concat(Array.from({ length: 1024 }, () => member));
  }
  const body = bombCache;
  return (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': String(body.length),
    });
    res.end(body);
  };
}

/** Fixed status and body. */
export function respond(
  status: number,
  body: string | Buffer = '',
  headers: Record<string, string> = {},
): Handler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

/** A Cloudflare-style HTML challenge where JSON should be. */
export const htmlChallenge: Handler = respond(
  200,
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser before accessing.</body></html>',
  { 'content-type': 'text/html; charset=UTF-8' },
);

/** Destroys the connection as soon as the request arrives (ECONNRESET on the client). */
export const resetConnection: Handler = (req) => {
  req.socket.resetAndDestroy();
};

/** Redirects to itself forever (with a changing query so that no client short-circuits it). */
export const redirectLoop: Handler = (req, res, url) => {
  const n = Number(url.searchParams.get('n') ?? '0') + 1;
  res.writeHead(302, { location: `${url.pathname}?n=${n}` });
  res.end();
};

/** Deterministic binary garbage. */
export function binaryGarbage(bytes = 4096): Handler {
  const body = Buffer.alloc(bytes);
  let x = 0x9e3779b9;
  for (let i = 0; i < bytes; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    body[i] = x >>> 24;
  }
  return respond(200, body, { 'content-type': 'application/octet-stream' });
}

/**
 * Makes a Statuspage fixture's published text enormous: the page's name (`nameChars`, 3,000,000 as
 * reported in issue #10), a group's and a component's names, and the newest incident's title and update
 * bodies (`chars` each; the whole still fits the client's 10 MB body cap, so it is read, not refused).
 */
export function floodStatuspageText(
  fixture: {
    page: { name: string };
    components: Array<{ name: string; group: boolean }>;
    incidents: Array<{ name: string; incident_updates: Array<{ body: string }> }>;
  },
  nameChars = 3_000_000,
  chars = 1_000_000,
): void {
  const huge = (letter: string) => letter.repeat(chars);
  fixture.page.name = 'N'.repeat(nameChars);
  const group = fixture.components.find((c) => c.group);
  const leaf = fixture.components.find((c) => !c.group);
  if (group) group.name = huge('G');
  if (leaf) leaf.name = huge('C');
  const incident = fixture.incidents[0];
  if (incident) {
    incident.name = huge('T');
    for (const update of incident.incident_updates) update.body = huge('B');
  }
}

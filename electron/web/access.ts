// Who holds the dashboard's key: a token (kept across runs by ./access-key) that the printed address
// carries, that API calls and event streams must present, and the page a person sees without it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestVerdict } from './security';

/** The header a script sends the token in (a custom header also keeps plain cross-site forms out). */
export const TOKEN_HEADER = 'x-statustray-token';
/** The query parameter that carries it where no header can be set: the opened address, EventSource, a calendar app. */
export const TOKEN_PARAM = 'token';

/** 32 random bytes, URL-safe. */
export function createAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The token a request presents: the header, `Authorization: Bearer`, or `?token=`. */
export function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && header) return header;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (bearer?.[1]) return bearer[1];
  return url.searchParams.get(TOKEN_PARAM) ?? undefined;
}

/** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The one check every route that reads or changes the user's data applies (the API, the event stream,
 * and any feed such as /metrics or /calendar.ics). `expected` null means the server runs with
 * `--no-token`: someone in front of it does the checking.
 */
export function checkAccess(req: IncomingMessage, url: URL, expected: string | null): RequestVerdict {
  if (expected === null || tokenMatches(presentedToken(req, url), expected)) return { ok: true };
  return {
    ok: false,
    status: 401,
    message:
      'This needs the dashboard\'s access key. Open the address "statustray web" printed when it started ' +
      '(it ends in ?token=…); scripts send the key in the X-StatusTray-Token header.',
  };
}

/**
 * The routes that read or change the user's data, and so need the token: the API, its event stream, and
 * the feeds (`/metrics`, `/calendar.ics`). The page and its assets hold no data and load without it.
 */
export function needsAccessToken(pathname: string): boolean {
  return (
    pathname === '/api' ||
    pathname.startsWith('/api/') ||
    pathname === '/metrics' ||
    pathname === '/calendar.ics'
  );
}

/** The address to print and open: the server's address with the token. */
export function addressWithToken(baseUrl: string, token: string | null): string {
  if (token === null) return baseUrl;
  const url = new URL(baseUrl);
  url.searchParams.set(TOKEN_PARAM, token);
  return url.href;
}

/** Whether a request is a browser loading a page (a link followed, an address typed), not a script. */
export function isNavigation(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const mode = req.headers['sec-fetch-mode'];
  if (typeof mode === 'string') return mode === 'navigate';
  return (req.headers.accept ?? '').includes('text/html');
}

export const ACCESS_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** What a person sees who reached the dashboard from another site or with a wrong key: how to open it. */
export const ACCESS_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Open StatusTray from its own address</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:38rem;margin:4rem auto;padding:0 1rem}code{background:#8882;padding:0 .25em;border-radius:3px}</style>
</head>
<body>
<h1>Open StatusTray from its own address</h1>
<p>This dashboard only opens from the address it printed when it started, because that address
carries its access key. A link from another site, or a mistyped address or one from before the key
was replaced (<code>--new-token</code>), does not have it.</p>
<p>In the terminal where you ran <code>statustray web</code>, find the line
<code>StatusTray dashboard: http://127.0.0.1:…/?token=…</code> and open that address. The page keeps
the key for as long as its tab is open.</p>
</body>
</html>
`;

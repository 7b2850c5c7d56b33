// Who may talk to the web dashboard: loopback binding, Host/Origin checks against DNS rebinding and
// cross-site requests, and the response headers every answer carries.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The page's Content-Security-Policy when the built index.html declares none: the renderer's policy
 * (scripts and styles from the app only, no frames, no plugins), `connect-src 'self'` for /api.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy the renderer's index.html declares in its meta tag, so that the header says exactly the same
 * (plus `frame-ancestors`, which only a header can carry). Null when there is none.
 */
export function policyFromIndexHtml(html: string): string | null {
  const meta = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html);
  if (!meta) return null;
  const content = /\scontent=(?:"([^"]*)"|'([^']*)')/i.exec(meta[0]);
  const policy = (content?.[1] ?? content?.[2] ?? '').trim();
  return policy || null;
}

/** The header value for a page: its own policy, never framed by another site. */
export function headerPolicy(pagePolicy: string | null): string {
  const policy = (pagePolicy ?? CONTENT_SECURITY_POLICY).replace(/;\s*$/, '');
  return /(^|;)\s*frame-ancestors\s/.test(policy) ? policy : `${policy}; frame-ancestors 'none'`;
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** True for 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
  return false;
}

function isWildcard(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === '0.0.0.0' || bare === '::';
}

/** Splits a Host header value ("127.0.0.1:8080", "[::1]:80", "localhost") into name and port. */
export function parseHostHeader(value: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!match || !match[1]) return null;
  return { name: match[1].replace(/^\[|\]$/g, '').toLowerCase(), port: match[2] ? Number(match[2]) : 80 };
}

export interface HostPolicy {
  /** The address the server is bound to. */
  boundHost: string;
  port: number;
}

/**
 * Accepts a Host (or Origin's host) only when it names this server by an address, or as localhost.
 * A DNS-rebinding page reaches us under its own domain name, which is refused. When bound to a wildcard
 * address (explicit opt-in), any IP literal is accepted, still no names other than localhost.
 */
export function isAllowedHost(value: string | undefined, policy: HostPolicy): boolean {
  if (!value) return false;
  const parsed = parseHostHeader(value);
  if (!parsed || parsed.port !== policy.port) return false;
  const { name } = parsed;
  if (name === policy.boundHost.replace(/^\[|\]$/g, '').toLowerCase()) return true;
  if (isLoopbackHost(policy.boundHost) || isWildcard(policy.boundHost)) {
    if (isLoopbackHost(name)) return true;
  }
  if (isWildcard(policy.boundHost)) return isIP(name) !== 0;
  return false;
}

export type RequestVerdict = { ok: true } | { ok: false; status: number; message: string };

/** Host must name us; a cross-origin browser request is refused (there is no CORS here, on purpose). */
export function checkRequestOrigin(req: IncomingMessage, policy: HostPolicy): RequestVerdict {
  if (!isAllowedHost(req.headers.host, policy)) {
    return { ok: false, status: 421, message: 'This dashboard only answers to its own address.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost: string;
    try {
      const url = new URL(origin);
      if (url.protocol !== 'http:') throw new Error('scheme');
      originHost = url.host;
    } catch {
      return { ok: false, status: 403, message: 'Cross-origin requests are not allowed.' };
    }
    if (!isAllowedHost(originHost, policy) || originHost !== req.headers.host) {
      return { ok: false, status: 403, message: 'Cross-origin requests are not allowed.' };
    }
  }
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return { ok: false, status: 403, message: 'Cross-origin requests are not allowed.' };
  }
  return { ok: true };
}

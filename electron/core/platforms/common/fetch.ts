// Reading a platform's documents through the shared HTTP client: text with the encoding sniffed, JSON and
// JSONP parsed, failures classified (`parse` for unreadable bodies, `schema` for a wrong shape).
import { FetchError } from '../../http/types';
import type { ReadContext } from '../types';
import { decodeText } from './encoding';

export interface TextDocument {
  url: string;
  finalUrl: string;
  text: string;
  contentType: string;
  notModified: boolean;
}

export async function getText(ctx: ReadContext, url: string, accept?: string): Promise<TextDocument> {
  const res = await ctx.http.get(url, {
    timeoutMs: ctx.timeoutMs,
    maxBytes: ctx.maxBytes,
    signal: ctx.signal,
    headers: accept ? { accept } : undefined,
  });
  const contentType = res.headers['content-type'] ?? '';
  return {
    url,
    finalUrl: res.finalUrl,
    text: decodeText(res.body, contentType),
    contentType,
    notModified: res.notModified,
  };
}

export async function getJson(ctx: ReadContext, url: string): Promise<{ data: unknown; doc: TextDocument }> {
  const doc = await getText(ctx, url, 'application/json');
  return { data: parseJson(doc.text, url), doc };
}

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new FetchError('parse', `${where} did not answer with valid JSON.`, { cause: err });
  }
}

/** The argument of a JSONP call such as `jsonCallback({...});`. */
export function parseJsonp(text: string, where: string): unknown {
  const start = text.indexOf('(');
  const end = text.lastIndexOf(')');
  if (start < 0 || end <= start) return parseJson(text, where);
  return parseJson(text.slice(start + 1, end), where);
}

export function schemaError(what: string): FetchError {
  return new FetchError('schema', what);
}

/** Resolve `path` against a base URL, keeping the base's path prefix (`/status` + `api/x` → `/status/api/x`). */
export function under(base: string, path: string): string {
  const u = new URL(base);
  u.search = '';
  u.hash = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return new URL(path.replace(/^\//, ''), u).toString();
}

/** The origin plus any path prefix before one of the given API suffixes. */
export function baseBefore(url: URL, marker: RegExp): string {
  const m = marker.exec(url.pathname);
  const prefix = m ? url.pathname.slice(0, m.index) : url.pathname;
  return `${url.origin}${prefix.replace(/\/+$/, '')}`;
}

/**
 * The status page a sub-address belongs to: its feed, its API, or one incident's page all lead back to the
 * page itself (keeping a path prefix: example.com/status/history.rss → example.com/status/).
 */
export function statusPageOf(url: URL): string {
  const m =
    /\/(?:[\w.-]*\.(?:rss|atom|xml)|feed|rss|atom|api\/.*|proxy\/.*|incidents?\/.*|maintenances?\/.*|history)\/?$/i.exec(
      url.pathname,
    );
  const path = m ? url.pathname.slice(0, m.index) : url.pathname;
  return `${url.origin}${path.replace(/\/*$/, '/')}`;
}

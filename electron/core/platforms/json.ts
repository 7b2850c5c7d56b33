// Turning an HTTP body into validated data, with errors that say what the page sent instead.
import type { z } from 'zod';
import { FetchError, type HttpResponse } from '../http/types';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** JSON.parse with a parse FetchError naming what arrived instead (nothing, HTML, binary, cut-off JSON). */
export function parseJsonBody(res: HttpResponse): unknown {
  const host = hostOf(res.finalUrl);
  const text = res.body.toString('utf8');
  const start = text.trimStart();
  if (start.length === 0) {
    throw new FetchError('parse', `${host} sent an empty answer where JSON was expected`);
  }
  if (start[0] === '<') {
    throw new FetchError(
      'parse',
      `${host} sent an HTML page where JSON was expected (a login, bot check or error page?)`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    // eslint-disable-next-line no-control-regex
    const binary = /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(start.slice(0, 512));
    throw new FetchError(
      'parse',
      binary
        ? `${host} sent binary data where JSON was expected`
        : `${host} sent JSON that is cut off or corrupt`,
      { cause: err },
    );
  }
}

/** Validate with a schema; a mismatch is a `schema` error naming the first wrong field. */
export function validate<T extends z.ZodType>(
  schema: T,
  data: unknown,
  res: HttpResponse,
  what: string,
): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : '';
  throw new FetchError('schema', `${hostOf(res.finalUrl)} answered JSON that is not ${what}${where}`);
}

const parsedCache = new WeakMap<Buffer, unknown>();

/**
 * Parse and validate, remembering the result per body buffer: a 304 hands back the very same cached
 * Buffer, so an unchanged page is not parsed again.
 */
export function readJson<T extends z.ZodType>(schema: T, res: HttpResponse, what: string): z.output<T> {
  const hit = parsedCache.get(res.body);
  if (hit !== undefined) return hit as z.output<T>;
  const value = validate(schema, parseJsonBody(res), res, what);
  if (res.body.length > 0) parsedCache.set(res.body, value);
  return value;
}

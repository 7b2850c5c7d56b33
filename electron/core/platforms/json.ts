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
/** What a probe parsed, handed once to the read of the very same response (then forgotten). */
const parsedByProbe = new WeakMap<Buffer, unknown>();

/**
 * JSON.parse for a probe (a byte-order mark tolerated); throws on broken JSON. The read of the same
 * response (a probe's answer serves the read too) takes the result instead of parsing the body again.
 */
export function parseForProbe(body: Buffer): unknown {
  // Several probes may look at one answer (is it another platform's? is it a summary?): parsed once.
  if (parsedByProbe.has(body)) return parsedByProbe.get(body);
  const text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) return JSON.parse(text.slice(1));
  const data: unknown = JSON.parse(text);
  // Only what the read itself would have parsed the same way: an object (the read's checks on empty,
  // HTML or binary answers all concern bodies JSON.parse refuses or that are not objects).
  if (typeof data === 'object' && data !== null) parsedByProbe.set(body, data);
  return data;
}

/**
 * Parse and validate, remembering the result per body buffer when it came from a 304: the client hands
 * back the very same cached Buffer each time, so an unchanged page is not parsed again and again. `fast`, when given, is a non-copying check that
 * accepts only what the schema accepts: data that passes it is used as parsed (the schema's copy costs
 * as much as JSON.parse itself on big pages); data that fails it goes through the schema for its error.
 */
export function readJson<T extends z.ZodType>(
  schema: T,
  res: HttpResponse,
  what: string,
  fast?: (data: unknown) => boolean,
): z.output<T> {
  const hit = parsedCache.get(res.body);
  if (hit !== undefined) return hit as z.output<T>;
  let data: unknown;
  if (parsedByProbe.has(res.body)) {
    data = parsedByProbe.get(res.body);
    parsedByProbe.delete(res.body);
  } else {
    data = parseJsonBody(res);
  }
  const value = fast?.(data) ? (data as z.output<T>) : validate(schema, data, res, what);
  // Only a 304 hands back a buffer seen before; remembering every fresh parse would keep big trees alive
  // through garbage collections for nothing (it cost a third of the CPU of a 2,000-page check).
  if (res.notModified && res.body.length > 0) parsedCache.set(res.body, value);
  return value;
}

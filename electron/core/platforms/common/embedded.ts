// State that pages embed in their own HTML: Next.js `__NEXT_DATA__` (pages router), React server component
// flight chunks (`self.__next_f.push([1,"…"])`, app router) and other JSON script tags. Placeholders such as
// `"$undefined"` are read as missing values.
import { decodeEntities } from './html';
import { isObject, type Json } from './values';

/** The JSON of `<script id="__NEXT_DATA__" type="application/json">`, or null. */
export function nextData(html: string): unknown {
  const m = /<script[^>]*\bid=["']__NEXT_DATA__["'][^>]*>([\s\S]*?)<\/script>/i.exec(html);
  return m?.[1] ? tryJson(m[1]) : null;
}

/** Every JSON value found in the page: __NEXT_DATA__, JSON script tags and flight rows. */
export function embeddedJson(html: string): unknown[] {
  const out: unknown[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const body = m[2] ?? '';
    if (/type=["']application\/(ld\+)?json["']/i.test(attrs)) {
      const v = tryJson(body) ?? tryJson(decodeEntities(body));
      if (v !== null) out.push(v);
    }
  }
  // `self.__next_f.push([1,"<escaped flight text>"])`: the pushed strings concatenated form the flight.
  let flight = '';
  for (const m of html.matchAll(/self\.__next_f\.push\((\[[\s\S]*?\])\)\s*(?:;|<\/script>)/g)) {
    const arr = tryJson(m[1] ?? '');
    if (Array.isArray(arr) && arr[0] === 1 && typeof arr[1] === 'string') flight += arr[1];
  }
  for (const line of flight.split('\n')) {
    const row = /^[0-9a-f]+:(?:[A-Z]{1,2})?(.*)$/.exec(line);
    if (!row?.[1]) continue;
    const v = tryJson(row[1]);
    if (v !== null) out.push(unescapeFlight(v, 0));
  }
  return out;
}

/** Depth-first search for objects matching a test, across any number of roots. */
export function findObjects(roots: unknown[], test: (o: Json) => boolean, limit = 50): Json[] {
  const found: Json[] = [];
  const seen = new Set<unknown>();
  const stack = [...roots];
  let steps = 0;
  while (stack.length > 0 && found.length < limit && steps++ < 500_000) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (isObject(v)) {
      if (test(v)) found.push(v);
      for (const k of Object.keys(v).reverse()) stack.push(v[k]);
    }
  }
  return found;
}

/** React flight escapes a text starting with "$" as "$$"; "$undefined" and "$D…" are read where used. */
function unescapeFlight(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return v.startsWith('$$') ? v.slice(1) : v;
  if (depth > 200 || typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => unescapeFlight(x, depth + 1));
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) o[k] = unescapeFlight(x, depth + 1);
  return o;
}

function tryJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

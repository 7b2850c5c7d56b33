// Catalog search: exact and prefix matches on names and aliases first, then typo-tolerant matches (fuse.js).
import Fuse from 'fuse.js';
import type { CatalogEntry } from '../catalog-types';
import { CATEGORY_LABEL } from './categories';

/** Lower case, accents removed, every run of other characters turned into one space. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const compact = (text: string): string => normalize(text).replace(/ /g, '');

interface Indexed {
  entry: CatalogEntry;
  order: number;
  /** Name, aliases and id, in that order, compacted: "Customer.io" → "customerio". */
  keys: string[];
  /** Every word of the name and aliases. */
  words: string[];
  /** Keys and words together: what a typo is measured against. */
  texts: string[];
  category: string;
}

// Tiers, best first. Within a tier: vendors before their sub-pages, then shorter names, then catalog order.
const EXACT = 0;
const EXACT_ALIAS = 1;
const PREFIX = 2;
const ALIAS_PREFIX = 3;
const WORD_PREFIX = 4;
const CATEGORY = 5;
const FUZZY = 6;

/** Typo budget: edits per character of the query ("kustmer" → Kustomer is 1 edit in 7). */
const MAX_TYPO_RATIO = 0.34;

export type CatalogSearch = (query: string, limit?: number) => CatalogEntry[];

export function createCatalogSearch(entries: readonly CatalogEntry[]): CatalogSearch {
  const indexed: Indexed[] = entries.map((entry, order) => {
    const names = [entry.name, ...(entry.aliases ?? [])];
    const keys = [...names.map(compact), compact(entry.id)];
    const words = names.flatMap((n) => normalize(n).split(' ')).filter(Boolean);
    return { entry, order, keys, words, texts: [...new Set([...keys, ...words])], category: entry.category };
  });
  // A category answers to its id and to every word of its label ("monitoring", "observability").
  const categoryWords = new Map<string, Set<string>>();
  for (const [id, label] of Object.entries(CATEGORY_LABEL)) {
    categoryWords.set(id, new Set([id, ...normalize(label).split(' ')]));
  }
  // Typo tolerance, word by word: fuse.js proposes names and words close to each query word, then an edit
  // distance keeps those within the typo budget and ranks them, so that a short name one typo away
  // ("slak" → Slack) beats a long one that merely contains similar letters.
  const terms = new Set<string>();
  for (const item of indexed) for (const t of [...item.keys, ...item.words]) if (t.length >= 3) terms.add(t);
  const termList = [...terms];
  let fuse: Fuse<string> | null = null;
  const getFuse = (): Fuse<string> =>
    (fuse ??= new Fuse(termList, {
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
      minMatchCharLength: 2,
    }));
  // Typing a query fires one search per keystroke; the words before the last one come back each time.
  const nearCache = new Map<string, Map<string, number>>();
  const nearTerms = (word: string): Map<string, number> => {
    const cached = nearCache.get(word);
    if (cached) return cached;
    const near = new Map<string, number>();
    if (nearCache.size >= 500) nearCache.clear();
    nearCache.set(word, near);
    if (word.length < 3) return near;
    for (const { item: term } of getFuse().search(word)) {
      const ratio = typoRatio(word, term);
      if (ratio <= MAX_TYPO_RATIO) near.set(term, ratio);
    }
    return near;
  };

  return (query, limit) => {
    const q = normalize(query);
    if (!q) return limit === undefined ? [...entries] : entries.slice(0, limit);
    const max = limit ?? 50;
    const qc = q.replace(/ /g, '');
    const qWords = q.split(' ');
    const tier = new Map<Indexed, number>();
    const typos = new Map<Indexed, number>();

    for (const item of indexed) {
      let t: number | undefined;
      if (item.keys[0] === qc || item.keys[item.keys.length - 1] === qc) t = EXACT;
      else if (item.keys.includes(qc)) t = EXACT_ALIAS;
      else if (item.keys[0]!.startsWith(qc)) t = PREFIX;
      else if (item.keys.some((k) => k.startsWith(qc))) t = ALIAS_PREFIX;
      else if (qWords.every((w) => item.words.some((word) => word.startsWith(w)))) t = WORD_PREFIX;
      else if (categoryWords.get(item.category)?.has(q)) t = CATEGORY;
      if (t !== undefined) tier.set(item, t);
    }
    // Every query word must start a word of the entry or be within the typo budget of one of its names or
    // words; the whole query, run together, may also be one typo away from a name ("new relc" → New Relic).
    // A word that starts some name or word in the catalog is being typed, not mistyped: no typo search for it.
    const near = qWords.map((w) =>
      termList.some((t) => t.startsWith(w)) ? new Map<string, number>() : nearTerms(w),
    );
    const nearWhole = qWords.length > 1 && qc.length <= 16 ? nearTerms(qc) : new Map<string, number>();
    for (const item of indexed) {
      if (tier.has(item)) continue;
      let total = 0;
      let matched = true;
      for (let i = 0; i < qWords.length && matched; i++) {
        const w = qWords[i]!;
        if (item.words.some((word) => word.startsWith(w))) continue;
        let best = Infinity;
        for (const t of item.texts) best = Math.min(best, near[i]!.get(t) ?? Infinity);
        if (best === Infinity) matched = false;
        else total += best;
      }
      if (!matched) {
        total = Math.min(...item.keys.map((k) => nearWhole.get(k) ?? Infinity));
        matched = total !== Infinity;
      }
      if (matched) {
        tier.set(item, FUZZY);
        typos.set(item, total);
      }
    }
    const ranked = [...tier.entries()].sort(([a, ta], [b, tb]) => {
      if (ta !== tb) return ta - tb;
      if (ta === FUZZY) {
        const d = (typos.get(a) ?? 0) - (typos.get(b) ?? 0);
        if (d !== 0) return d;
      }
      const pa = a.entry.parent ? 1 : 0;
      const pb = b.entry.parent ? 1 : 0;
      if (pa !== pb) return pa - pb;
      if (ta === CATEGORY) return a.entry.name.localeCompare(b.entry.name);
      if (a.entry.name.length !== b.entry.name.length) return a.entry.name.length - b.entry.name.length;
      return a.order - b.order;
    });
    return ranked.slice(0, max).map(([item]) => item.entry);
  };
}

/** Edits per query character between the query and a name or word, or the start of a longer one. */
function typoRatio(qc: string, text: string): number {
  const whole = editDistance(qc, text);
  // A typo in the first letters of a longer name ("kustmr" for Kustomer) counts a little more than a whole match.
  const start = text.length > qc.length ? editDistance(qc, text.slice(0, qc.length)) + 0.5 : Infinity;
  return Math.min(whole, start) / qc.length;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length || !b.length) return a.length + b.length;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length]!;
}

// Catalog search: exact and prefix matches on names and aliases first, then typo-tolerant matches (fuse.js).
import Fuse from 'fuse.js';
import type { CatalogEntry } from '../catalog-types';
import { CATEGORY_LABEL, type CatalogCategory } from './categories';

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
  /** Name, aliases and id, compacted: "Customer.io" → "customerio". */
  keys: string[];
  /** Every word of the name and aliases. */
  words: string[];
  category: string;
}

interface Term {
  text: string;
  item: Indexed;
}

// Tiers, best first. Within a tier: vendors before their sub-pages, then shorter names, then catalog order.
const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIX = 2;
const CATEGORY = 3;
const FUZZY = 4;

/** Typo budget: edits per character of the query ("kustmer" → Kustomer is 1 edit in 7). */
const MAX_TYPO_RATIO = 0.34;

export type CatalogSearch = (query: string, limit?: number) => CatalogEntry[];

export function createCatalogSearch(entries: readonly CatalogEntry[]): CatalogSearch {
  const indexed: Indexed[] = entries.map((entry, order) => {
    const names = [entry.name, ...(entry.aliases ?? [])];
    return {
      entry,
      order,
      keys: [...names.map(compact), compact(entry.id)],
      words: names.flatMap((n) => normalize(n).split(' ')).filter(Boolean),
      category: entry.category,
    };
  });
  // Typo tolerance: fuse.js finds candidate names and words, then an edit distance ranks them, so that a
  // short name one typo away ("slak" → Slack) beats a long one that merely contains similar letters.
  const terms: Term[] = indexed.flatMap((item) =>
    [...new Set([...item.keys, ...item.words.filter((w) => w.length >= 3)])].map((text) => ({ text, item })),
  );
  let fuse: Fuse<Term> | null = null;
  const getFuse = (): Fuse<Term> =>
    (fuse ??= new Fuse(terms, {
      keys: ['text'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.45,
      minMatchCharLength: 2,
    }));

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
      if (item.keys.includes(qc)) t = EXACT;
      else if (item.keys.some((k) => k.startsWith(qc))) t = PREFIX;
      else if (qWords.every((w) => item.words.some((word) => word.startsWith(w)))) t = WORD_PREFIX;
      else if (matchesCategory(item.category, q)) t = CATEGORY;
      if (t !== undefined) tier.set(item, t);
    }
    if (qc.length >= 3) {
      for (const { item: term } of getFuse().search(qc)) {
        const item = term.item;
        if (tier.has(item)) continue;
        const ratio = typoRatio(qc, item);
        if (ratio <= MAX_TYPO_RATIO) {
          tier.set(item, FUZZY);
          typos.set(item, ratio);
        }
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

/** The fewest edits per query character between the query and a name, alias or word (or its start). */
function typoRatio(qc: string, item: Indexed): number {
  let best = Infinity;
  for (const text of [...item.keys, ...item.words]) {
    const whole = editDistance(qc, text);
    // A typo in the first letters of a longer name ("kustmr" for Kustomer) counts a little more than a whole match.
    const start = text.length > qc.length ? editDistance(qc, text.slice(0, qc.length)) + 0.5 : Infinity;
    best = Math.min(best, whole, start);
  }
  return best / qc.length;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  const row0 = rows[0]!;
  for (let j = 0; j <= b.length; j++) row0[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    const prev = rows[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

function matchesCategory(category: string, q: string): boolean {
  if (normalize(category) === q) return true;
  const label = CATEGORY_LABEL[category as CatalogCategory];
  return label !== undefined && normalize(label).split(' ').includes(q);
}

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
  /** The provider: the parent's id, or the entry's own for a top-level entry. */
  family: string;
  /** Words of the provider's name and aliases ("AWS", "Amazon" for every AWS product). */
  familyWords: string[];
  /** Name, aliases and id, in that order, compacted: "Customer.io" → "customerio". */
  keys: string[];
  /** Name, aliases and id, normalized (words kept apart), in the order of `keys`. */
  spaced: string[];
  /** Every word of the name and aliases. */
  words: string[];
  /** Keys and words together: what a typo is measured against. */
  texts: string[];
  category: string;
}

// Tiers, best first. Within a tier: vendors (shorter names first), then their products and regions grouped
// under their provider (see `rank`).
const EXACT = 0;
const EXACT_ALIAS = 1;
const PREFIX = 2;
const ALIAS_PREFIX = 3;
const WORD_PREFIX = 4;
/** The query's words split over entries of one provider: "EC2 us-east-1" → EC2 and the us-east-1 region. */
const ACROSS_FAMILY = 5;
const CATEGORY = 6;
const FUZZY = 7;

/**
 * Typo budget, in edits: none under 4 characters, one up to 7 ("kustmer" → Kustomer), two from 8. A wrong
 * first result is worse than none: a person picks it and watches the wrong vendor.
 */
const maxEdits = (length: number): number => (length < 4 ? 0 : length <= 7 ? 1 : 2);
/** Typo-tolerant matches that name more vendors than this, all equally close, say nothing: none is shown. */
const MAX_AMBIGUOUS = 2;

export type CatalogSearch = (query: string, limit?: number) => CatalogEntry[];

/** A widely used vendor the catalog does not list (no platform we read serves its page), by the names people type. */
export interface NotListed {
  name: string;
  aliases?: string[];
}

/**
 * `notListed`: vendors known to be absent. A query naming one of them exactly finds nothing (unless an entry
 * has that very name or alias), rather than whatever else resembles the name: "teams" is not TeamSupport.
 */
export function createCatalogSearch(
  entries: readonly CatalogEntry[],
  notListed: readonly NotListed[] = [],
): CatalogSearch {
  const absent = new Set(notListed.flatMap((v) => [v.name, ...(v.aliases ?? [])]).map(compact));
  const wordsOf = (entry: CatalogEntry): string[] =>
    [entry.name, ...(entry.aliases ?? [])].flatMap((n) => normalize(n).split(' ')).filter(Boolean);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const indexed: Indexed[] = entries.map((entry, order) => {
    const names = [entry.name, ...(entry.aliases ?? [])];
    const spaced = [...names.map(normalize), normalize(entry.id)];
    const keys = spaced.map((n) => n.replace(/ /g, ''));
    const words = wordsOf(entry);
    const parent = entry.parent ? byId.get(entry.parent) : undefined;
    return {
      entry,
      order,
      family: entry.parent ?? entry.id,
      familyWords: parent ? wordsOf(parent) : [],
      keys,
      spaced,
      words,
      texts: [...new Set([...keys, ...words])],
      category: entry.category,
    };
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
      if (ratio !== null) near.set(term, ratio);
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
      else if (item.keys.includes(qc) || (item.entry.parent && label(item).replace(/ /g, '') === qc))
        // A product's name without its provider's words counts as an alias: "bigquery" is Google BigQuery.
        t = EXACT_ALIAS;
      else if (startsName(item.spaced[0]!, qc)) t = PREFIX;
      else if (item.spaced.some((n) => startsName(n, qc))) t = ALIAS_PREFIX;
      else if (wordsMatch(item, qWords)) t = WORD_PREFIX;
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
    if (absent.has(qc) && ![...tier.values()].some((t) => t <= EXACT_ALIAS)) return [];
    if (qWords.length > 1) combineAcrossFamily(indexed, qWords, tier);
    keepOnlyClearTypos(tier, typos);
    return rank(tier, typos).slice(0, max);
  };
}

/**
 * The query, run together, starts the name ("kustom" → Kustomer, "newrel" → New Relic), without stopping one
 * letter into a later word of it: "teams" is not the start of "Team Support".
 */
function startsName(name: string, qc: string): boolean {
  let at = 0;
  for (const word of name.split(' ')) {
    if (qc.length <= at + word.length) {
      const inWord = qc.length - at;
      return (at === 0 || inWord !== 1) && name.replace(/ /g, '').startsWith(qc);
    }
    at += word.length;
  }
  return false;
}

/**
 * Typo-tolerant matches are shown only when nothing matched as typed, and then only the closest, and only
 * when they point at one or two vendors: "cloudfare" finds Cloudflare alone, a word a dozen names resemble
 * finds nothing.
 */
function keepOnlyClearTypos(tier: Map<Indexed, number>, typos: Map<Indexed, number>): void {
  const fuzzy = [...tier].filter(([, t]) => t === FUZZY).map(([item]) => item);
  if (fuzzy.length === 0) return;
  const drop = (items: Indexed[]) => items.forEach((item) => (tier.delete(item), typos.delete(item)));
  if (fuzzy.length < tier.size) return drop(fuzzy);
  const best = Math.min(...fuzzy.map((item) => typos.get(item) ?? Infinity));
  const far = fuzzy.filter((item) => (typos.get(item) ?? Infinity) > best + 1e-9);
  drop(far);
  const families = new Set(fuzzy.filter((item) => !far.includes(item)).map((item) => item.family));
  if (families.size > MAX_AMBIGUOUS) drop(fuzzy);
}

const startsOne = (words: string[], w: string): boolean => words.some((word) => word.startsWith(w));

/**
 * Every query word starts a word of the entry, or of its provider ("aws lambda", "amazon lambda"), as long as
 * one of them is the entry's own.
 */
function wordsMatch(item: Indexed, qWords: string[]): boolean {
  let own = false;
  for (const w of qWords) {
    if (startsOne(item.words, w)) own = true;
    else if (!startsOne(item.familyWords, w)) return false;
  }
  return own;
}

/**
 * A query whose words no single entry holds, but entries of one provider do between them ("EC2 us-east-1":
 * the EC2 product and the us-east-1 region): the fewest entries that cover every word, each covering most of
 * what is left (an exact name or alias wins a tie), at most three per provider.
 */
function combineAcrossFamily(indexed: Indexed[], qWords: string[], tier: Map<Indexed, number>): void {
  const families = new Map<string, Indexed[]>();
  for (const item of indexed) {
    const list = families.get(item.family);
    if (list) list.push(item);
    else families.set(item.family, [item]);
  }
  for (const members of families.values()) {
    if (
      members.length < 2 ||
      members.some((m) => (tier.get(m) ?? FUZZY) <= WORD_PREFIX && wordsMatch(m, qWords))
    )
      continue;
    const covers = (m: Indexed, words: string[]) =>
      words.filter((w) => startsOne(m.words, w) || startsOne(m.familyWords, w));
    let left = qWords;
    const chosen: Indexed[] = [];
    while (left.length > 0 && chosen.length < 3) {
      let best: Indexed | null = null;
      let bestScore = 0;
      for (const m of members) {
        if (chosen.includes(m)) continue;
        const own = left.filter((w) => startsOne(m.words, w));
        if (own.length === 0) continue;
        const exact = m.keys.includes(own.join('')) ? 0.5 : 0;
        const score = covers(m, left).length + exact;
        if (score > bestScore) [best, bestScore] = [m, score];
      }
      if (!best) break;
      chosen.push(best);
      const covered = new Set(covers(best, left));
      left = left.filter((w) => !covered.has(w));
    }
    if (left.length > 0 || chosen.length < 2) continue;
    for (const m of chosen) if (!tier.has(m) || tier.get(m)! > ACROSS_FAMILY) tier.set(m, ACROSS_FAMILY);
  }
}

/**
 * Best first: by tier; within a tier, top-level vendors first (shorter names, then catalog order), then the
 * products and regions of each provider together, after their provider (a product ranks with its provider's
 * tier when the provider matched too), in the catalog's order — not scattered by the length of their names.
 */
function rank(tier: Map<Indexed, number>, typos: Map<Indexed, number>): CatalogEntry[] {
  const parentTier = new Map<string, number>();
  for (const [item, t] of tier) if (!item.entry.parent) parentTier.set(item.entry.id, t);
  const groupTier = (item: Indexed, t: number): number =>
    item.entry.parent ? Math.min(t, parentTier.get(item.family) ?? t) : t;
  const topKey = (item: Indexed, t: number): number[] => [
    t === FUZZY ? (typos.get(item) ?? 0) : 0,
    t === CATEGORY ? 0 : item.entry.name.length,
    item.order,
  ];
  // Where a provider's products go among the others of their tier: by the provider when it matched, else
  // by its best product.
  const familyKey = new Map<string, number[]>();
  for (const [item, t] of tier) if (!item.entry.parent) familyKey.set(item.entry.id, [t, ...topKey(item, t)]);
  for (const [item, t] of tier) {
    if (!item.entry.parent || parentTier.has(item.family)) continue;
    const key = [groupTier(item, t), ...topKey(item, t)];
    const seen = familyKey.get(item.family);
    if (!seen || compareKeys(key, seen) < 0) familyKey.set(item.family, key);
  }
  const sortKey = (item: Indexed, t: number): number[] => {
    const g = groupTier(item, t);
    if (!item.entry.parent) return [g, 0, ...topKey(item, t), 0, 0];
    // Under a provider that matched, its products are one alphabetical list, however each matched.
    const own = parentTier.has(item.family) ? 0 : t;
    return [g, 1, ...familyKey.get(item.family)!.slice(1), own, REGION.test(item.entry.id) ? 1 : 0];
  };
  const keyed = [...tier.entries()].map(([item, t]) => ({ item, key: sortKey(item, t), label: label(item) }));
  keyed.sort(
    (a, b) =>
      compareKeys(a.key, b.key) ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : a.item.order - b.item.order),
  );
  return keyed.map(({ item }) => item.entry);
}

/** A provider's regions come after its products. */
const REGION = /^[a-z0-9]+-region-/;

/** What sorts a product among its provider's: its name without the provider's words ("AWS Lambda" → "lambda"). */
function label(item: Indexed): string {
  if (!item.entry.parent) return normalize(item.entry.name);
  const words = normalize(item.entry.name).split(' ');
  let i = 0;
  while (i < words.length - 1 && item.familyWords.includes(words[i]!)) i++;
  return words.slice(i).join(' ');
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Edits per query character between the query and a name or word, or the start of a longer one; null when
 * that is not a typo a person makes: over the budget, a different first letter ("xbox" is not Box), or other
 * digits ("auth0" is not Authentic8, "365" is not "360": numbers are typed on purpose).
 */
function typoRatio(qc: string, text: string): number | null {
  const budget = maxEdits(qc.length);
  if (budget === 0 || digits(qc) !== digits(text)) return null;
  if (qc[0] !== text[0] && !(qc[0] === text[1] && qc[1] === text[0])) return null;
  const whole = editDistance(qc, text);
  // A typo in the first letters of a longer name ("kustomr" for Kustomer) counts a little more than a whole
  // match, and only in a query long enough to say which name it starts.
  const start =
    text.length > qc.length && qc.length >= 6 ? editDistance(qc, text.slice(0, qc.length)) : Infinity;
  // The start of a longer name forgives one slip only: "servicenow" is not the start of "ServiceRocket".
  if (whole > budget && start > 1) return null;
  // Letters left out are the commonest typo: "slak" is Slack before Slab.
  const leftOut = isSubsequence(qc, text) ? 0.1 : 0;
  return (Math.min(whole, start + 0.5) - leftOut) / qc.length;
}

const digits = (text: string): string => text.replace(/[^0-9]/g, '');

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
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

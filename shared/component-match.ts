// The one rule for which of a page's components a watchlist names, used by the engine's status rollup,
// the notification policy and the window alike: "Group/Component", a bare component name (in any group),
// a whole group, or a component id; case, spacing and the spaces around the group's "/" do not matter.
// A watched name that matches nothing is told with the page's nearest name, so that a typo is fixable.
import type { Component } from './model';

type Named = Pick<Component, 'name' | 'group'> & { id?: string | undefined };

/** Names seen recently, normalized: a page's names repeat every poll (bounded: cleared when full). */
const normalized = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

/** A name as compared: Unicode-normalized, lower case, runs of spaces as one, none around "/". */
export function normalizeComponentName(text: string): string {
  const known = normalized.get(text);
  if (known !== undefined) return known;
  const value = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?\/ ?/g, '/')
    .trim();
  if (normalized.size >= MAX_REMEMBERED) normalized.clear();
  if (text.length <= 300) normalized.set(text, value);
  return value;
}

/** The name a watchlist uses for a component: "Group/Component", or the bare name when standalone. */
export function componentPath(component: Pick<Component, 'name' | 'group'>): string {
  return component.group ? `${component.group}/${component.name}` : component.name;
}

/** A watch list compiled once: the normalized names to compare a page's components with. */
export interface WatchMatcher {
  /** True when nothing in particular is watched (then every component counts). */
  all: boolean;
  names: ReadonlySet<string>;
  ids: ReadonlySet<string>;
}

const matchers = new WeakMap<readonly string[], WatchMatcher>();

export function watchMatcher(watched: readonly string[] | undefined): WatchMatcher {
  if (!watched || watched.length === 0) return { all: true, names: new Set(), ids: new Set() };
  const cached = matchers.get(watched);
  if (cached) return cached;
  const matcher = {
    all: false,
    names: new Set(watched.map(normalizeComponentName)),
    ids: new Set(watched),
  };
  matchers.set(watched, matcher);
  return matcher;
}

/** Whether `component` is one the watch list names; an empty or missing list watches every component. */
export function isWatched(component: Named, watched: readonly string[] | undefined): boolean {
  const m = watchMatcher(watched);
  if (m.all) return true;
  return (
    m.names.has(normalizeComponentName(componentPath(component))) ||
    m.names.has(normalizeComponentName(component.name)) ||
    (component.group !== null && m.names.has(normalizeComponentName(component.group))) ||
    (component.id !== undefined && m.ids.has(component.id))
  );
}

/** The components a watch list names; all of them when it names none. */
export function selectWatched<C extends Named>(components: readonly C[], watched?: readonly string[]): C[] {
  if (!watched || watched.length === 0) return [...components];
  return components.filter((c) => isWatched(c, watched));
}

/** A watched name the page lacks, with the page's nearest name when one is close enough to be a slip. */
export interface UnmatchedComponent {
  name: string;
  suggestion: string | null;
}

/** Levenshtein distance, bounded: stops counting past `max` (returns max + 1). */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Candidates checked for a suggestion: enough for any real page, bounded for a hostile one. */
const MAX_CANDIDATES = 5_000;

/**
 * The page's name nearest to `name`: a component's "Group/Name", its bare name or a group, whichever is
 * closest (ties: the shorter). Names within about a third of the name's length (a slip), or containing it
 * ("Email" → "Channel - Email"), come first; failing those, the nearest of all. Null only for a page
 * without components.
 */
export function nearestComponentName(
  name: string,
  components: readonly Pick<Component, 'name' | 'group'>[],
): string | null {
  const wanted = normalizeComponentName(name);
  if (!wanted) return null;
  const candidates = new Map<string, string>();
  for (const c of components) {
    if (candidates.size >= MAX_CANDIDATES) break;
    for (const text of [componentPath(c), c.name, c.group]) {
      if (text && !candidates.has(normalizeComponentName(text)))
        candidates.set(normalizeComponentName(text), text);
    }
  }
  const max = Math.max(1, Math.floor(wanted.length / 3));
  let best: { text: string; score: number } | null = null;
  for (const [norm, text] of candidates) {
    let score = distance(wanted, norm, max);
    if (score > max && wanted.length >= 3 && (norm.includes(wanted) || wanted.includes(norm))) score = max;
    if (score > max) continue;
    if (!best || score < best.score || (score === best.score && text.length < best.text.length))
      best = { text, score };
  }
  if (best) return best.text;
  // Nothing close: still the nearest, so that a person sees what the page calls things (bounded work).
  let nearest: { text: string; score: number } | null = null;
  let looked = 0;
  for (const [norm, text] of candidates) {
    if (looked++ >= 1_000) break;
    const score = distance(wanted.slice(0, 64), norm.slice(0, 64), 64);
    if (!nearest || score < nearest.score || (score === nearest.score && text.length < nearest.text.length))
      nearest = { text, score };
  }
  return nearest?.text ?? null;
}

/** Watched names that match no component of the page (a typo, or renamed or removed by the vendor). */
export function unmatchedNames(
  components: readonly Named[],
  watched: readonly string[] | undefined,
): string[] {
  if (!watched || watched.length === 0 || components.length === 0) return [];
  // Every name a component answers to, normalized once: then each watched name is one look-up.
  const known = new Set<string>();
  const ids = new Set<string>();
  for (const c of components) {
    known.add(normalizeComponentName(componentPath(c)));
    known.add(normalizeComponentName(c.name));
    if (c.group !== null) known.add(normalizeComponentName(c.group));
    if (c.id !== undefined) ids.add(c.id);
  }
  return watched.filter((name) => !known.has(normalizeComponentName(name)) && !ids.has(name));
}

/** The same, each with the page's nearest name as a suggestion. */
export function unmatchedComponents(
  components: readonly Named[],
  watched: readonly string[] | undefined,
): UnmatchedComponent[] {
  return unmatchedNames(components, watched).map((name) => ({
    name,
    suggestion: nearestComponentName(name, components),
  }));
}

/** "'api' is not on this page — did you mean 'API'?" (or "… is not on this page."). */
export function unmatchedSentence(u: UnmatchedComponent): string {
  const quoted = (s: string): string => `'${s}'`;
  return u.suggestion
    ? `${quoted(u.name)} is not on this page — did you mean ${quoted(u.suggestion)}?`
    : `${quoted(u.name)} is not on this page.`;
}

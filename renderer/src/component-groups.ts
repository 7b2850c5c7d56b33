// Components grouped exactly as the vendor groups them (groups in page order, standalone components in
// their own place), and the watchlist's way of naming them ("Group/Component" or "Component").
import type { Component } from '../../shared/model';
import { isWatched } from '../../shared/component-match';

export interface ComponentGroup<C> {
  /** null for a standalone component (then `items` holds just it). */
  group: string | null;
  items: C[];
}

export function groupComponents<C extends Pick<Component, 'group'>>(
  components: readonly C[],
): ComponentGroup<C>[] {
  const out: ComponentGroup<C>[] = [];
  const byName = new Map<string, ComponentGroup<C>>();
  for (const c of components) {
    if (!c.group) {
      out.push({ group: null, items: [c] });
      continue;
    }
    let entry = byName.get(c.group);
    if (!entry) {
      entry = { group: c.group, items: [] };
      byName.set(c.group, entry);
      out.push(entry);
    }
    entry.items.push(c);
  }
  return out;
}

/** The name a watchlist uses for a component: "Group/Component", or the bare name when standalone. */
export { componentPath } from '../../shared/component-match';

/**
 * Whether the user named this component in the watchlist: the engine's own rule (shared/component-match.ts:
 * a bare name matches that component in any group, a group name every component of the group; case and
 * spacing do not matter). Display only: the host computes every status. An empty list means the whole
 * page is watched; callers show that as such.
 */
export function isNamedInWatchlist(
  c: Pick<Component, 'name' | 'group'> & { id?: string },
  watched: readonly string[],
): boolean {
  return watched.length > 0 && isWatched(c, watched);
}

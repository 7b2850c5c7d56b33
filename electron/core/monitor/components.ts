// Matching the user's watched components ("Group/Component" or "Component") against a page's components.
import type { Component } from '../../../shared/model';

/** The name a person writes for a component in the watchlist: "Group/Component", or the bare name. */
export function componentPath(component: Pick<Component, 'name' | 'group'>): string {
  return component.group ? `${component.group}/${component.name}` : component.name;
}

function norm(s: string): string {
  return s
    .trim()
    .replace(/\s*\/\s*/g, '/')
    .toLowerCase();
}

/**
 * True when `component` is one of `watched` (or when nothing in particular is watched). A bare name
 * matches that component in any group; a group name alone matches every component of the group.
 */
export function isWatchedComponent(
  component: Pick<Component, 'name' | 'group'>,
  watched: readonly string[] | undefined,
): boolean {
  if (!watched || watched.length === 0) return true;
  const full = norm(componentPath(component));
  const name = norm(component.name);
  const group = component.group ? norm(component.group) : null;
  return watched.some((w) => {
    const x = norm(w);
    return x === full || x === name || (group !== null && x === group);
  });
}

// Matching the user's watched components ("Group/Component" or "Component") against a page's components,
// with the same rule the engine's status rollup uses (electron/core/rollup.ts), so that what counts for
// the status is exactly what is announced.
import type { Component } from '../../../shared/model';
import { componentKey } from '../rollup';

/** True when `component` is one of `watched` (or when nothing in particular is watched). */
export function isWatchedComponent(
  component: Pick<Component, 'name' | 'group'> & { id?: string | undefined },
  watched: readonly string[] | undefined,
): boolean {
  if (!watched || watched.length === 0) return true;
  return (
    watched.includes(componentKey(component)) ||
    watched.includes(component.name) ||
    (component.id !== undefined && watched.includes(component.id))
  );
}

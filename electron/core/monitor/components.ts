// Matching the user's watched components ("Group/Component" or "Component") against a page's components,
// with the one rule of shared/component-match.ts that the status rollup and the window use too, so that
// what counts for the status is exactly what is announced and shown.
import { isWatched } from '../../../shared/component-match';

/** True when `component` is one of `watched` (or when nothing in particular is watched). */
export const isWatchedComponent = isWatched;

// Matching the user's watched components ("Group/Component" or "Component") against a page's components,
// with the same rule the engine's status rollup uses (electron/core/rollup.ts), so that what counts for
// the status is exactly what is announced.
import { isWatched } from '../rollup';

/** True when `component` is one of `watched` (or when nothing in particular is watched). */
export const isWatchedComponent = isWatched;

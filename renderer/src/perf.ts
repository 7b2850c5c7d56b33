// First paint measurement: from the moment the host's state arrives to the first view rendered with it.
// Exposed for the end-to-end tests as window.__statusTrayFirstViewMs (and performance marks).

declare global {
  interface Window {
    /** Milliseconds from receiving the host's state to the first view with data committed to the DOM. */
    __statusTrayFirstViewMs?: number;
    /** performance.now() when that first view was committed (time since the page started loading). */
    __statusTrayFirstViewAt?: number;
    /** Patches applied so far, and how long the slowest and the last took (receipt to rendered), in ms. */
    __statusTrayPatches?: { count: number; lastMs: number; maxMs: number; totalMs: number };
  }
}

/**
 * Measures one applied patch: from its receipt (`since`, performance.now()) to the moment after the store
 * changed and React rendered it (a task after the update, so the synchronous render is included).
 */
export function markPatchApplied(since: number): void {
  if (typeof window === 'undefined' || typeof performance === 'undefined') return;
  setTimeout(() => {
    const ms = performance.now() - since;
    const seen = (window.__statusTrayPatches ??= { count: 0, lastMs: 0, maxMs: 0, totalMs: 0 });
    seen.count += 1;
    seen.lastMs = ms;
    seen.maxMs = Math.max(seen.maxMs, ms);
    seen.totalMs += ms;
  }, 0);
}

let stateReceivedAt: number | null = null;
let firstViewDone = false;

export function markStateReceived(): void {
  if (stateReceivedAt !== null || typeof performance === 'undefined') return;
  stateReceivedAt = performance.now();
  performance.mark?.('state-received');
}

/** Call once the first view with data has been committed; later calls do nothing. */
export function markFirstView(): void {
  if (firstViewDone || stateReceivedAt === null || typeof performance === 'undefined') return;
  firstViewDone = true;
  const at = performance.now();
  performance.mark?.('first-view');
  try {
    performance.measure?.('first-view-from-state', 'state-received', 'first-view');
  } catch {
    // A missing mark (cleared by someone else) is no reason to fail the window.
  }
  if (typeof window !== 'undefined') {
    window.__statusTrayFirstViewMs = at - stateReceivedAt;
    window.__statusTrayFirstViewAt = at;
  }
}

export function resetPerfForTests(): void {
  stateReceivedAt = null;
  firstViewDone = false;
}

// The first read of the host's state, started by the entry script before the app's code has loaded: on a
// large watchlist the host's answer and the app's bundle then arrive side by side instead of one after
// the other. The app store takes the read over once (see stores/app-store.ts); later reads are its own.
import type { AppState, Bridge } from '../../shared/ipc';

let early: { bridge: Bridge; answer: Promise<AppState> } | null = null;

/** Starts reading the state now, for the first `connectAppState` on this bridge to take over. */
export function readStateEarly(bridge: Bridge): void {
  const answer = bridge.invoke('state:get');
  // Its failure is handled by whoever takes it; until then it must not count as unhandled.
  answer.catch(() => {});
  early = { bridge, answer };
}

/** The read started early on this bridge, once (null when none, or already taken). */
export function takeEarlyState(bridge: Bridge): Promise<AppState> | null {
  if (!early || early.bridge !== bridge) return null;
  const { answer } = early;
  early = null;
  return answer;
}

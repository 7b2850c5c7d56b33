// What the monitor needs from the outside world, injected so that tests and benchmarks run on a fake
// clock with stub reads: the read function of the engine (electron/core/read.ts), timers, and a clock.

export type { ReadOptions, ReadOutcome } from '../read';
import type { ReadOptions, ReadOutcome } from '../read';

/** The engine's `readSnapshot`: never throws; failures are snapshots with `error` set. */
export type ReadFn = (url: string, options: ReadOptions) => Promise<ReadOutcome>;

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node fires a timer armed past 2^31-1 ms at once (and warns): a far-away time must be waited for in steps. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, Math.min(Math.max(0, ms), MAX_TIMER_MS));
    // Never keep a process alive just for the next poll: the host decides when to exit.
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

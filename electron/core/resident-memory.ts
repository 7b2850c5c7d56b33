// Keeps the resident memory of the processes that run for days (watch, web, the desktop app) small, with
// V8 settings that can still change once the process runs (set before the app's code is loaded: see
// electron/cli.ts and electron/keep-memory-small.ts):
// - the young generation stays at its starting size: after a burst of allocation (loading the code, the
//   first reads) V8 grows it from 2 MB to 32 MB and, since a program at rest allocates next to nothing,
//   keeps that garbage resident for good (about 25 MB). Held small, a burst costs a few more small
//   collections instead. Only the growth factor can change once the heap exists (sizes are read at start).
// - WebAssembly stays on its baseline compiler: undici's HTTP parser (llhttp) is WebAssembly, and V8's
//   background recompilation of it with its optimising compiler, seconds after the first requests,
//   raised RSS by about 35 MB at its peak and 10 MB for good. The baseline code parses the few headers
//   of a poll just as well.
// - JavaScript stays on the interpreter and the baseline compiler (Sparkplug), without the optimising
//   compilers (TurboFan; Maglev where V8 has it, as in Electron): their compilations, in background
//   threads, raised the peak by 10 to 15 MB while polling, and a poll a minute leaves no code hot enough
//   to repay them (CPU per unchanged request measured the same or lower without them; with 400 vendors
//   polled every 10 s, 1.66 ms against 1.24 ms).
// - V8 favours size over speed (--optimize-for-size): a smaller growth of the old generation between full
//   collections. Each poll's short-lived objects that outlive two young collections (requests in flight)
//   are promoted, about 2 MB a round of 40 vendors, and RSS climbed by that much a poll until the next
//   full collection (to 105-118 MB polling every 5 s).
import { setFlagsFromString } from 'node:v8';

export function keepResidentMemorySmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--liftoff-only');
  setFlagsFromString('--no-turbofan');
  setFlagsFromString('--no-maglev');
  setFlagsFromString('--optimize-for-size');
}

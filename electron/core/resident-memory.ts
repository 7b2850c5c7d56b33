// Keeps the resident memory of the processes that run for days (watch, web, the desktop app) small, with
// two V8 settings that can still change once the process runs (called before the first request):
// - the young generation stays at its starting size: after a burst of allocation (the first reads) V8
//   grows it from 2 MB to 32 MB and, since a program at rest allocates next to nothing, keeps that garbage
//   resident for good (about 25 MB). Held small, a burst costs a few more small collections instead.
//   Only the growth factor can change once the heap exists (the sizes are read when V8 starts).
// - WebAssembly stays on its baseline compiler: undici's HTTP parser (llhttp) is WebAssembly, and V8's
//   background recompilation of it with its optimising compiler, seconds after the first requests,
//   raised RSS by about 35 MB at its peak and 10 MB for good. The baseline code parses the few headers
//   of a poll just as well.
import { setFlagsFromString } from 'node:v8';

export function keepResidentMemorySmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--liftoff-only');
}

// Keeps V8's young generation at its starting size in the processes that run for days (watch, web, the
// desktop app). After a burst of allocation (the first reads at start) V8 grows it from 2 MB to 32 MB and,
// since a program at rest allocates next to nothing, keeps that garbage resident for good: about 25 MB of
// RSS. Held small, a burst costs a few more (small) collections instead. Only the growth factor can still
// change once the heap exists (the sizes themselves are read when V8 starts), hence this flag.
import { setFlagsFromString } from 'node:v8';

export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

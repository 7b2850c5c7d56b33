// Loaded with `--import` into each process the footprint benchmark measures: on SIGUSR2 it collects the
// garbage and writes process.memoryUsage() to FOOTPRINT_HEAP_FILE. It does nothing else, at no cost at rest.
import { writeFileSync } from 'node:fs';

const file = process.env.FOOTPRINT_HEAP_FILE;
if (file && typeof globalThis.gc === 'function') {
  process.on('SIGUSR2', () => {
    globalThis.gc();
    writeFileSync(file, JSON.stringify({ ...process.memoryUsage(), at: Date.now() }));
  });
}

// Child process for the crash test: saves bigger and bigger documents in a loop until killed.
import { createFileStore } from '../../../electron/core/storage/file-store';

const file = process.argv[2];
if (!file) throw new Error('usage: store-writer <file>');
const store = createFileStore<{ n: number; items: string[] }>(file);

let n = 0;
for (;;) {
  n++;
  // Vary the size so a torn write would be visible as truncated JSON.
  const items = Array.from({ length: 200 + (n % 50) * 40 }, (_, i) => `item ${n}-${i} ${'x'.repeat(i % 17)}`);
  await store.save({ n, items });
  // Ready once a first save is on disk: a kill before it would find, rightly, nothing saved yet.
  if (n === 1) process.stdout.write('ready\n');
}

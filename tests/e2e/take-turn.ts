// Setup file of the e2e project: this file runs its hooks and tests only while it holds its turn at the
// shared browser (see ./turns.ts: one seat, or both for a file that needs the browser alone); its imports
// load before, in parallel with the files whose turn it is.
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { seatsFor, takeTurn } from './turns';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let giveBack: (() => Promise<void>) | undefined;

// Waiting for a turn can last as long as the other e2e files together take on a loaded machine.
// vitest reads a hook's first parameter as the fixtures it asks for: an empty pattern asks for none.
// eslint-disable-next-line no-empty-pattern
beforeAll(async ({}, suite) => {
  const file = path.relative(ROOT, suite.file.filepath).split(path.sep).join('/');
  giveBack = await takeTurn(inject('e2eTurnPort'), seatsFor(file));
}, 1_200_000);

// Registered before the file's own hooks, so it runs after its last afterAll.
afterAll(async () => {
  await giveBack?.();
});

// Setup file of the e2e project: this file runs its hooks and tests only while it holds the one turn at
// the shared browser (see ./turns.ts); its imports load before, in parallel with the file whose turn it is.
import { afterAll, beforeAll, inject } from 'vitest';
import { takeTurn } from './turns';

let giveBack: (() => Promise<void>) | undefined;

// Waiting for a turn can last as long as the other e2e files together take on a loaded machine.
beforeAll(async () => {
  giveBack = await takeTurn(inject('e2eTurnPort'));
}, 1_200_000);

// Registered before the file's own hooks, so it runs after its last afterAll.
afterAll(async () => {
  await giveBack?.();
});

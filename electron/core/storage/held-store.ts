// A store whose saves wait for something to be kept safe first: when what a store could not use could
// not be kept aside, a save would replace the only copy of it, so each save tries again and is refused
// (with the reason, told by whoever saves) until keeping it aside has worked.
import type { DocumentStore } from './types';

export function holdSavesUntil<T>(
  store: DocumentStore<T>,
  keepSafe: () => Promise<unknown>,
  what: string,
): DocumentStore<T> {
  let safe = false;
  return {
    ...store,
    async save(value: T): Promise<void> {
      if (!safe) {
        try {
          await keepSafe();
          safe = true;
        } catch (err) {
          throw new Error(
            `keeping aside ${what} failed (${(err as Error).message}), and saving now would replace it`,
          );
        }
      }
      return store.save(value);
    },
  };
}

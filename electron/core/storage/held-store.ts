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
    location: store.location,
    load: () => store.load(),
    async save(value: T): Promise<void> {
      if (!safe) {
        try {
          await keepSafe();
          safe = true;
        } catch (err) {
          throw new Error(
            `not saved, so as not to lose ${what}, which could not be kept aside (${(err as Error).message})`,
          );
        }
      }
      return store.save(value);
    },
  };
}

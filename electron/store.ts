// The app's persistence: the engine's DocumentStore interface backed by electron-store (atomic writes,
// JSON-schema-checked envelope), with an unreadable file kept aside and reported, never silently cleared.
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import Store from 'electron-store';
import type { DocumentStore, LoadResult } from './core/storage/types';
import type { WindowBounds } from './core/window-policy';

interface Envelope {
  schemaVersion: number;
  savedAt: string;
  data: unknown;
}

/** The schema every document file must meet; the document's own shape is the engine's to check. */
const ENVELOPE_SCHEMA = {
  schemaVersion: { type: 'integer', minimum: 1 },
  savedAt: { type: 'string' },
  data: {},
} as const;

export interface ElectronStoreOptions {
  /** Folder of the store files (the app's userData folder). */
  dir: string;
  now?: () => number;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

/** `openStore` for createAppCore: one JSON file per name under `dir`. */
export function electronStoreOpener(options: ElectronStoreOptions): <T>(name: string) => DocumentStore<T> {
  return <T>(name: string) => createElectronStore<T>(name, options);
}

export function createElectronStore<T>(name: string, options: ElectronStoreOptions): DocumentStore<T> {
  const now = options.now ?? Date.now;
  const safeName = name.replace(/[^A-Za-z0-9._-]/g, '_');
  const location = join(options.dir, `${safeName}.json`);
  let store: Store<Envelope> | null = null;

  const open = (): Store<Envelope> =>
    new Store<Envelope>({
      name: safeName,
      cwd: options.dir,
      schema: ENVELOPE_SCHEMA,
      // The user's watchlist must never be replaced by defaults because one read failed.
      clearInvalidConfig: false,
      configFileMode: 0o600,
      watch: false,
    });

  return {
    location,
    async load(): Promise<LoadResult<T>> {
      try {
        store ??= open();
        const envelope = store.store;
        if (envelope.schemaVersion === undefined) return { value: null };
        return { value: envelope.data as T };
      } catch (error) {
        store = null;
        const aside = join(options.dir, `${safeName}.corrupt-${stamp(now())}.json`);
        try {
          renameSync(location, aside);
        } catch {
          return { value: null, notice: `${safeName}.json could not be read (${describe(error)}).` };
        }
        return {
          value: null,
          notice: `${safeName}.json could not be read (${describe(error)}); it was kept aside as ${aside}.`,
        };
      }
    },
    async save(value: T): Promise<void> {
      store ??= open();
      store.store = { schemaVersion: 1, savedAt: new Date(now()).toISOString(), data: value };
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return 'not valid JSON';
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 160) ?? 'unreadable';
}

/** Where the window was: small, unimportant, so an unreadable file is simply started over. */
export function windowBoundsMemory(dir: string): { load(): unknown; save(bounds: WindowBounds): void } {
  let store: Store<{ bounds?: WindowBounds }> | null = null;
  const open = (): Store<{ bounds?: WindowBounds }> => {
    store ??= new Store<{ bounds?: WindowBounds }>({
      name: 'window-state',
      cwd: dir,
      clearInvalidConfig: true,
      watch: false,
    });
    return store;
  };
  return {
    load: () => open().get('bounds'),
    save: (bounds) => open().set('bounds', bounds),
  };
}

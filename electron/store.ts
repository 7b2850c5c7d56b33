// The app's persistence: the engine's DocumentStore interface backed by electron-store (atomic writes,
// JSON-schema-checked envelope, the same envelope as the engine's file store), a backup of the previous
// version, and an unreadable file kept aside and reported, never silently cleared.
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
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
  const backup = `${location}.bak`;
  let store: Store<Envelope> | null = null;
  // True once the file on disk is known to be a complete, valid document (loaded or written by us).
  let fileIsGood = false;

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

  /** The previous version, written as the backup before each save; null when missing or unreadable. */
  const readBackup = (): { data: unknown } | null => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(backup, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && 'data' in parsed && 'schemaVersion' in parsed) {
        return { data: (parsed as Envelope).data };
      }
    } catch {
      // missing or unreadable: no backup to offer
    }
    return null;
  };

  return {
    location,
    async load(): Promise<LoadResult<T>> {
      try {
        store ??= open();
        const envelope = store.store;
        if (envelope.schemaVersion === undefined) {
          // No document: a crash between writing the backup and the new file leaves only the backup.
          const previous = existsSync(location) ? null : readBackup();
          return { value: previous ? (previous.data as T) : null };
        }
        fileIsGood = true;
        return { value: envelope.data as T };
      } catch (error) {
        store = null;
        const aside = join(options.dir, `${safeName}.corrupt-${stamp(now())}.json`);
        let where: string;
        try {
          renameSync(location, aside);
          where = `it was kept aside as ${aside}`;
        } catch {
          where = 'it was left in place';
        }
        const problem = `${safeName}.json could not be read (${describe(error)}); ${where}.`;
        const previous = readBackup();
        if (previous)
          return { value: previous.data as T, notice: `${problem} The previous version was restored.` };
        return { value: null, notice: problem };
      }
    },
    async save(value: T): Promise<void> {
      store ??= open();
      // Keep the last good version as the backup before replacing it (the write itself is atomic).
      if (fileIsGood) copyFileSync(location, backup);
      store.store = { schemaVersion: 1, savedAt: new Date(now()).toISOString(), data: value };
      fileIsGood = true;
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

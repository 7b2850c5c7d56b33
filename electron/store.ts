// The app's persistence: the engine's DocumentStore interface backed by electron-store (atomic writes,
// JSON-schema-checked envelope, the same envelope as the engine's file store), a backup of the previous
// version, and an unreadable file kept aside and reported, never silently cleared.
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
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

  /** Moves `file` to `<name>.<label>-<time>.json`; returns the new path, or null when it could not. */
  const moveAside = (file: string, label: string): string | null => {
    const aside = join(options.dir, `${safeName}.${label}-${stamp(now())}.json`);
    try {
      renameSync(file, aside);
      return aside;
    } catch {
      return null;
    }
  };

  /** A backup that exists but cannot be read is moved out of the way of the next saves, which would replace it. */
  const keepUnreadableBackup = (): string | null =>
    existsSync(backup) && readBackup() === null ? moveAside(backup, 'backup-corrupt') : null;

  return {
    location,
    async load(): Promise<LoadResult<T>> {
      try {
        store ??= open();
        const envelope = store.store;
        if (envelope.schemaVersion === undefined) {
          // No document: a crash between writing the backup and the new file leaves only the backup.
          if (existsSync(location)) return { value: null };
          const previous = readBackup();
          if (previous) return { value: previous.data as T };
          const kept = keepUnreadableBackup();
          return kept
            ? {
                value: null,
                notice: `${safeName}.json is missing and its backup could not be read; the backup was kept aside as ${kept}.`,
              }
            : { value: null };
        }
        fileIsGood = true;
        return { value: envelope.data as T };
      } catch (error) {
        store = null;
        const aside = moveAside(location, 'unusable');
        const where = aside ? `it was kept aside as ${aside}` : 'it was left in place';
        const problem = `${safeName}.json could not be read (${describe(error)}); ${where}.`;
        const previous = readBackup();
        if (previous)
          return { value: previous.data as T, notice: `${problem} The previous version was restored.` };
        const backupKept = keepUnreadableBackup();
        const also = backupKept ? ` Its backup could not be read either; kept aside as ${backupKept}.` : '';
        return { value: null, notice: problem + also };
      }
    },
    async save(value: T): Promise<void> {
      store ??= open();
      // Keep the last good version as the backup before replacing it; both writes are atomic (a copy
      // renamed into place, electron-store's own write), so a crash leaves a whole file or the old one.
      if (fileIsGood) {
        const temp = `${backup}.tmp-${process.pid}`;
        copyFileSync(location, temp);
        chmodSync(temp, 0o600);
        renameSync(temp, backup);
      }
      store.store = { schemaVersion: 1, savedAt: new Date(now()).toISOString(), data: value };
      fileIsGood = true;
    },
    async setAside(): Promise<string | null> {
      // Loaded fine but the app cannot use it: keep it whole rather than let the next save replace it.
      store = null;
      fileIsGood = false;
      return existsSync(location) ? moveAside(location, 'unusable') : null;
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

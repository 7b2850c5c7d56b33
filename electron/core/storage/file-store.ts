// A DocumentStore on one JSON file: atomic writes, a backup of the previous version, a schema version
// with a migration hook, and a corrupt file kept aside (`<name>.unusable-<time>.json`) and reported, never
// silently replaced.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-dir';
import type { DocumentStore, LoadResult } from './types';

export interface FileStoreOptions<T> {
  /** Schema version written with the data. Default 1. */
  version?: number;
  /** Turns data written by an older version into the current shape. Throwing counts as unreadable. */
  migrate?: (data: unknown, fromVersion: number) => T;
  /** Checks loaded data; throwing counts as unreadable (the file is kept aside). */
  validate?: (data: unknown) => T;
  /** Injectable clock for the name of the kept-aside file. */
  now?: () => number;
}

interface Envelope {
  schemaVersion: number;
  savedAt: string;
  data: unknown;
}

function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Envelope).schemaVersion === 'number' &&
    'data' in value
  );
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

let tempCounter = 0;

/** Opens (lazily) a JSON document at `file`. The directory is created on first save. */
export function createFileStore<T>(file: string, options: FileStoreOptions<T> = {}): DocumentStore<T> {
  const version = options.version ?? 1;
  const now = options.now ?? Date.now;
  const backup = file + '.bak';
  // Serialize saves: two overlapping writes must not interleave their renames.
  let queue: Promise<void> = Promise.resolve();
  // True once we know `file` holds a complete document (we loaded or wrote it), so saves skip re-reading it.
  let fileIsGood = false;

  function decode(text: string): T {
    const parsed: unknown = JSON.parse(text);
    if (!isEnvelope(parsed)) throw new Error('not a StatusTray document');
    let data: unknown = parsed.data;
    if (parsed.schemaVersion > version) {
      throw new Error(`written by a newer version (schema ${parsed.schemaVersion})`);
    }
    if (parsed.schemaVersion < version) {
      if (!options.migrate) throw new Error(`schema ${parsed.schemaVersion} has no migration`);
      data = options.migrate(data, parsed.schemaVersion);
    }
    return options.validate ? options.validate(data) : (data as T);
  }

  async function readText(p: string): Promise<string | null> {
    try {
      return await fs.readFile(p, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async function moveAside(p: string, label = 'unusable'): Promise<string> {
    const ext = path.extname(file) || '.json';
    const base = file.slice(0, file.length - ext.length);
    let target = `${base}.${label}-${stamp(now())}.json`;
    for (let i = 1; await exists(target); i++) target = `${base}.${label}-${stamp(now())}-${i}.json`;
    await fs.rename(p, target);
    return target;
  }

  async function load(): Promise<LoadResult<T>> {
    let text: string | null;
    let readError: string | null = null;
    try {
      text = await readText(file);
    } catch (err) {
      text = null;
      readError = (err as Error).message;
    }
    if (text === null && readError === null) {
      // No main file: a crash between the two renames of a save leaves only the backup.
      const fromBackup = await readText(backup).catch(() => null);
      if (fromBackup !== null) {
        try {
          return { value: decode(fromBackup) };
        } catch (err) {
          // Keep the torn backup out of the way of the next saves, which would replace it.
          const keptAs = await moveAside(backup, 'backup-corrupt').catch(() => null);
          const where = keptAs ? `kept aside as ${path.basename(keptAs)}` : 'left in place';
          return {
            value: null,
            notice: `${path.basename(file)} is missing and its backup could not be read (${(err as Error).message}); ${where}.`,
          };
        }
      }
      return { value: null };
    }
    if (text !== null) {
      try {
        const value = decode(text);
        fileIsGood = true;
        await removeLeftoverTemps();
        return { value };
      } catch (err) {
        readError = (err as Error).message;
      }
    }
    // Unreadable: keep it aside so nothing is lost, then fall back to the previous version if we can.
    let keptAs: string | null = null;
    try {
      keptAs = await moveAside(file);
    } catch {
      keptAs = null;
    }
    const name = path.basename(file);
    const where = keptAs ? `kept aside as ${path.basename(keptAs)}` : 'left in place';
    const fromBackup = await readText(backup).catch(() => null);
    if (fromBackup !== null) {
      try {
        const value = decode(fromBackup);
        return {
          value,
          notice: `${name} could not be read (${readError}); ${where}. The previous version was restored.`,
        };
      } catch (err) {
        // The backup is no better: keep it aside too, or the second save would replace it.
        const backupKept = await moveAside(backup, 'backup-corrupt').catch(() => null);
        const alsoBackup = backupKept
          ? ` Its backup could not be used either (${(err as Error).message}); kept aside as ${path.basename(backupKept)}.`
          : '';
        return { value: null, notice: `${name} could not be read (${readError}); ${where}.${alsoBackup}` };
      }
    }
    return { value: null, notice: `${name} could not be read (${readError}); ${where}.` };
  }

  async function writeAtomically(value: T): Promise<void> {
    // The user's data is theirs alone (a rename keeps the temp file's mode).
    await ensurePrivateDir(path.dirname(file));
    const envelope: Envelope = {
      schemaVersion: version,
      savedAt: new Date(now()).toISOString(),
      data: value,
    };
    const text = JSON.stringify(envelope);
    const temp = `${file}.tmp-${process.pid}-${++tempCounter}`;
    const handle = await fs.open(temp, 'w', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Keep the current (known good) version as the backup: a hard link leaves `file` in place, so that
    // at every instant either `file` or the backup holds a complete document.
    if (fileIsGood || (await isReadableDocument(file))) {
      await fs.rm(backup, { force: true });
      await fs.link(file, backup).catch(() => copyAtomically(file, backup));
    }
    await fs.rename(temp, file);
    fileIsGood = true;
    await syncDir(path.dirname(file));
  }

  /** A process killed mid-write leaves its temp file behind: never loaded, removed here. */
  async function removeLeftoverTemps(): Promise<void> {
    const dir = path.dirname(file);
    const prefix = path.basename(file) + '.tmp-';
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      names.filter((n) => n.startsWith(prefix)).map((n) => fs.rm(path.join(dir, n), { force: true })),
    );
  }

  async function isReadableDocument(p: string): Promise<boolean> {
    const text = await readText(p).catch(() => null);
    if (text === null) return false;
    try {
      decode(text);
      return true;
    } catch {
      return false;
    }
  }

  return {
    location: file,
    load,
    save(value: T): Promise<void> {
      const next = queue.then(() => writeAtomically(value));
      queue = next.catch(() => undefined);
      return next;
    },
    async setAside(): Promise<string | null> {
      await queue;
      if (!(await exists(file))) return null;
      fileIsGood = false;
      return moveAside(file, 'unusable');
    },
  };
}

/** Where hard links are not possible: a copy that is either complete or absent. */
async function copyAtomically(from: string, to: string): Promise<void> {
  const temp = `${to}.tmp-${process.pid}-${++tempCounter}`;
  await fs.copyFile(from, temp);
  await fs.chmod(temp, PRIVATE_FILE_MODE).catch(() => undefined);
  await fs.rename(temp, to);
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not every platform can fsync a directory (Windows); the rename is still atomic there.
  }
}

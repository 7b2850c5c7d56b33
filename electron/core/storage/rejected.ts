// Keeps aside what a store could not use (one vendor, one setting), in `<name>.rejected.json` beside the
// store, so that a later save of the rest never loses it. Appends; the same item twice is kept once.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-dir';

/** One thing that could not be used, as it was stored, and why. */
export interface RejectedItem {
  /** Which one, for people: "vendor #3 (https://…)", "setting \"theme\"". */
  what: string;
  reason: string;
  data: unknown;
}

interface RejectedFile {
  /** What this file is, for whoever opens it. */
  about: string;
  items: Array<RejectedItem & { at: string; from: string }>;
}

/** At most this many items are kept; the oldest go first (a loop must not fill the disk). */
export const MAX_REJECTED_ITEMS = 1000;

export function rejectedFileFor(storeLocation: string): string {
  const ext = path.extname(storeLocation) || '.json';
  return storeLocation.slice(0, storeLocation.length - ext.length) + '.rejected.json';
}

let tempCounter = 0;

/** Appends `items` to the store's rejected file (created 0600, written atomically); returns its path. */
export async function keepAside(
  storeLocation: string,
  items: readonly RejectedItem[],
  now: () => number = Date.now,
): Promise<string> {
  const file = rejectedFileFor(storeLocation);
  let current: RejectedFile = {
    about: `What StatusTray could not use from ${path.basename(storeLocation)}, kept so that nothing is lost. Fix an item and add it again, or delete this file.`,
    items: [],
  };
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<RejectedFile>;
    if (Array.isArray(parsed.items)) current = { ...current, items: parsed.items };
  } catch (err) {
    // A rejected file that is itself unreadable is kept under another name rather than replaced.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      await fs.rename(file, `${file}.unreadable-${now()}`).catch(() => undefined);
    }
  }
  const seen = new Set(current.items.map((i) => JSON.stringify([i.what, i.data])));
  for (const item of items) {
    const key = JSON.stringify([item.what, item.data]);
    if (seen.has(key)) continue;
    seen.add(key);
    current.items.push({ ...item, at: new Date(now()).toISOString(), from: path.basename(storeLocation) });
  }
  current.items = current.items.slice(-MAX_REJECTED_ITEMS);
  await ensurePrivateDir(path.dirname(file));
  const temp = `${file}.tmp-${process.pid}-${++tempCounter}`;
  await fs.writeFile(temp, JSON.stringify(current, null, 2) + '\n', { mode: PRIVATE_FILE_MODE });
  await fs.rename(temp, file);
  return file;
}

// Keeps aside what a store could not use (one vendor, one setting), in `<name>.rejected.json` beside the
// store, so that a later save of the rest never loses it. Appends; the same item twice is kept once; what
// is already kept is never pushed out: an item that does not fit is returned as not kept, for the caller
// to keep some other way or name. Credentials in addresses are taken out before anything is written.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { redactCredentials } from '../../../shared/url-credentials';
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

/** What keepAside did: where, which items are in the file, which did not fit, what it had to tell. */
export interface KeptAside {
  file: string;
  /** Items of this call that are in the file now (written now or already there). */
  kept: RejectedItem[];
  /** Items of this call the file had no room for: not kept, the caller must keep them another way. */
  notKept: RejectedItem[];
  /** Sentences for the user (e.g. a rejected file that was not one, kept aside itself). */
  notes: string[];
}

/** At most this many items are kept (a loop must not fill the disk); what is kept is never pushed out. */
export const MAX_REJECTED_ITEMS = 1000;

export function rejectedFileFor(storeLocation: string): string {
  const ext = path.extname(storeLocation) || '.json';
  return storeLocation.slice(0, storeLocation.length - ext.length) + '.rejected.json';
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

/** `<dir>/<base>.unusable-<time>.json` for `<dir>/<base>.json`, not taken yet. */
export async function unusableNameFor(file: string, now: () => number): Promise<string> {
  const ext = path.extname(file) || '.json';
  const base = file.slice(0, file.length - ext.length);
  let target = `${base}.unusable-${stamp(now())}.json`;
  for (
    let i = 1;
    await fs.access(target).then(
      () => true,
      () => false,
    );
    i++
  )
    target = `${base}.unusable-${stamp(now())}-${i}.json`;
  return target;
}

/** The data with every credential in an address replaced by `***` (strings at any depth, bounded). */
export function withoutCredentials(data: unknown, depth = 0): unknown {
  if (typeof data === 'string') return redactCredentials(data);
  if (depth > 20 || typeof data !== 'object' || data === null) return data;
  if (Array.isArray(data)) return data.map((d) => withoutCredentials(d, depth + 1));
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, withoutCredentials(v, depth + 1)]));
}

let tempCounter = 0;

/**
 * Appends `items` to the store's rejected file (created 0600, written atomically). A rejected file that
 * is not one (not JSON, no list of items) is itself kept aside as `<name>.rejected.unusable-<time>.json`
 * and told; one that cannot be read at all (permissions) throws, so that nothing replaces it.
 */
export async function keepAside(
  storeLocation: string,
  items: readonly RejectedItem[],
  now: () => number = Date.now,
): Promise<KeptAside> {
  const file = rejectedFileFor(storeLocation);
  const name = path.basename(file);
  const notes: string[] = [];
  let current: RejectedFile = {
    about: `What StatusTray could not use from ${path.basename(storeLocation)}, kept so that nothing is lost. Fix an item and add it again, or delete this file.`,
    items: [],
  };
  let text: string | null = null;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new Error(`${name} cannot be read (${code ?? (err as Error).message})`);
  }
  if (text !== null) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    const list = (parsed as Partial<RejectedFile> | null)?.items;
    if (parsed !== null && typeof parsed === 'object' && Array.isArray(list)) {
      current = { ...current, items: list };
    } else {
      const aside = await unusableNameFor(file, now);
      await fs.rename(file, aside);
      notes.push(
        `${name} did not hold a list of kept items; it was kept aside itself as ${path.basename(aside)}`,
      );
    }
  }
  const seen = new Set(current.items.map((i) => JSON.stringify([i.what, i.data])));
  const kept: RejectedItem[] = [];
  const notKept: RejectedItem[] = [];
  let added = 0;
  for (const item of items) {
    const safe = { ...item, what: redactCredentials(item.what), data: withoutCredentials(item.data) };
    const key = JSON.stringify([safe.what, safe.data]);
    if (seen.has(key)) {
      kept.push(item);
      continue;
    }
    if (current.items.length >= MAX_REJECTED_ITEMS) {
      notKept.push(item);
      continue;
    }
    seen.add(key);
    current.items.push({ ...safe, at: new Date(now()).toISOString(), from: path.basename(storeLocation) });
    kept.push(item);
    added++;
  }
  if (added > 0) {
    await ensurePrivateDir(path.dirname(file));
    const temp = `${file}.tmp-${process.pid}-${++tempCounter}`;
    await fs.writeFile(temp, JSON.stringify(current, null, 2) + '\n', { mode: PRIVATE_FILE_MODE });
    await fs.rename(temp, file);
  }
  return { file, kept, notKept, notes };
}

// The one schema of a watched vendor: what the API accepts (shared/ipc-schemas.ts), what a watchlist
// file may hold (electron/core/watchlist.ts) and what the stored watchlist holds, with messages a
// person can act on. Stored entries are read forward-compatibly: fields this version does not know are
// kept and written back, and an unknown `notify` or `platform` falls back for this run but survives.
import { z } from 'zod';
import type { NotifyLevel, WatchEntry } from './model';
import { PLATFORM_IDS } from './platforms';
import { hasCredentials } from './url-credentials';

export const MAX_URL_LENGTH = 2048;
export const NOTIFY_LEVELS = ['all', 'outages', 'muted'] as const satisfies readonly NotifyLevel[];

/** Sentences shown to people; validation errors made of these read without any field jargon. */
export const ENTRY_MESSAGES = {
  url: 'Enter an address that starts with https:// (or http://), e.g. https://status.example.com',
  urlMissing: 'The status page address is missing: add "url" with it, e.g. "https://status.example.com"',
  urlTooLong: `That address is too long (at most ${MAX_URL_LENGTH} characters)`,
  apiUrl: 'The cached "apiUrl" must be an address that starts with https:// (or http://)',
  credentials:
    'Leave the user name and password out of the address: StatusTray never stores or sends credentials in an address',
  name: 'A name can have at most 200 characters',
  componentEmpty:
    'A component name cannot be empty: pick components from the list, or none to watch the whole page',
  componentTooLong: 'A component name can have at most 300 characters',
  componentsTooMany: 'At most 1,000 components can be watched per vendor',
  components: 'The watched components must be a list of names, e.g. ["API", "Dashboard"]',
  notify: 'Choose how to be notified: "all", "outages" or "muted"',
  platform: `The cached "platform" must be one StatusTray reads (${PLATFORM_IDS.join(', ')})`,
  text: 'This must be text',
} as const;

const PLAIN_MESSAGES = new Set<string>(Object.values(ENTRY_MESSAGES));

/**
 * The one rule for an address given without its scheme ("status.kustomer.com", on the command line or
 * in a watchlist): it is read as https://. Returns the address with https:// added, or null when it
 * already has a scheme (or is not an address at all): the caller says so once when it adds one.
 */
export function withHttpsAdded(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /\s/.test(trimmed)) return null;
  try {
    const url = new URL(`https://${trimmed}`);
    return url.hostname ? `https://${trimmed}` : null;
  } catch {
    return null;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** A status page address: http(s) with a host. Handlers trim it. */
export const pageUrlField = z
  .string({ error: (i) => (i.input === undefined ? ENTRY_MESSAGES.urlMissing : ENTRY_MESSAGES.url) })
  .max(MAX_URL_LENGTH, ENTRY_MESSAGES.urlTooLong)
  .refine(isHttpUrl, ENTRY_MESSAGES.url)
  .refine((value) => !hasCredentials(value), ENTRY_MESSAGES.credentials);

export const apiUrlField = z
  .string({ error: ENTRY_MESSAGES.apiUrl })
  .max(MAX_URL_LENGTH, ENTRY_MESSAGES.urlTooLong)
  .refine(isHttpUrl, ENTRY_MESSAGES.apiUrl)
  .refine((value) => !hasCredentials(value), ENTRY_MESSAGES.credentials);

/** A name the user gave the vendor; blank means "no name of my own". */
export const vendorNameField = z.string({ error: ENTRY_MESSAGES.text }).max(200, ENTRY_MESSAGES.name);

export const componentsField = z
  .array(
    z
      .string({ error: ENTRY_MESSAGES.components })
      .max(300, ENTRY_MESSAGES.componentTooLong)
      .refine((s) => s.trim().length > 0, ENTRY_MESSAGES.componentEmpty),
    { error: ENTRY_MESSAGES.components },
  )
  .max(1000, ENTRY_MESSAGES.componentsTooMany);

export const notifyField = z.enum(NOTIFY_LEVELS, { error: ENTRY_MESSAGES.notify });
export const platformField = z.enum(PLATFORM_IDS, { error: ENTRY_MESSAGES.platform });

/** A watch entry as the API accepts it (vendors:add) and as it is valid to store. */
export const watchEntrySchema = z.strictObject({
  url: pageUrlField,
  name: vendorNameField.optional(),
  components: componentsField.optional(),
  notify: notifyField.optional(),
  platform: platformField.optional(),
  apiUrl: apiUrlField.optional(),
});

const KNOWN_FIELDS = new Set(Object.keys(watchEntrySchema.shape));

/**
 * Fields of a stored entry this version cannot use, kept with the entry so that a save writes them
 * back. A symbol key: object spread copies it (entries are copied on update) while JSON never sees it.
 */
export const KEPT_FIELDS: unique symbol = Symbol('statustray.keptFields');
type WithKept = WatchEntry & { [KEPT_FIELDS]?: Record<string, unknown> };

/** The sentences of a validation error: ours as they are, zod's own with the field they concern. */
export function plainIssues(error: z.ZodError): { sentences: string[]; allPlain: boolean } {
  let allPlain = true;
  const sentences: string[] = [];
  for (const issue of error.issues) {
    if (PLAIN_MESSAGES.has(issue.message)) {
      if (!sentences.includes(issue.message)) sentences.push(issue.message);
      continue;
    }
    allPlain = false;
    if (issue.code === 'unrecognized_keys') {
      sentences.push(`unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`);
      continue;
    }
    const where = issue.path.length ? `"${issue.path.join('.')}" ` : '';
    sentences.push(`${where}${issue.message}`);
  }
  return { sentences, allPlain };
}

export type EntryReading = { ok: true; entry: WatchEntry; notes: string[] } | { ok: false; reason: string };

/**
 * Reads one stored or imported entry. Unknown fields are kept (and noted); an unknown `notify` or
 * `platform` value falls back to the default for this run and is kept; anything else wrong refuses
 * the entry with a reason in plain words.
 */
export function readWatchEntry(raw: unknown): EntryReading {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'not a vendor: each vendor is an object with at least "url"' };
  }
  const record = raw as Record<string, unknown>;
  const known: Record<string, unknown> = {};
  const kept: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (KNOWN_FIELDS.has(key)) known[key] = value;
    else kept[key] = value;
  }
  const unknownKeys = Object.keys(kept);
  if (unknownKeys.length) {
    notes.push(`unknown field(s) ${unknownKeys.map((k) => `"${k}"`).join(', ')} kept as they are`);
  }
  if (typeof known.url === 'string') {
    const added = withHttpsAdded(known.url);
    if (added) {
      notes.push(`"${known.url.trim()}" has no scheme: read as ${added}`);
      known.url = added;
    }
  }
  if (known.notify !== undefined && !notifyField.safeParse(known.notify).success) {
    notes.push(
      `"notify" ${JSON.stringify(known.notify)} is not known to this version: "all" is used, the value is kept`,
    );
    kept.notify = known.notify;
    delete known.notify;
  }
  if (known.platform !== undefined && !platformField.safeParse(known.platform).success) {
    // The cached detection is only a shortcut: without it the page is detected again.
    kept.platform = known.platform;
    if (known.apiUrl !== undefined) kept.apiUrl = known.apiUrl;
    delete known.platform;
    delete known.apiUrl;
  }
  const parsed = watchEntrySchema.safeParse(known);
  if (!parsed.success) return { ok: false, reason: plainIssues(parsed.error).sentences.join('; ') };
  const entry: WithKept = { ...parsed.data } as WatchEntry;
  if (entry.name !== undefined) {
    const name = entry.name.trim();
    if (name) entry.name = name;
    else delete entry.name;
  }
  if (Object.keys(kept).length) entry[KEPT_FIELDS] = kept;
  return { ok: true, entry, notes };
}

/** The fields kept from a newer version (or a hand edit); empty for most entries. */
export function keptFieldsOf(entry: WatchEntry): Record<string, unknown> {
  return (entry as WithKept)[KEPT_FIELDS] ?? {};
}

/** The entry as written to disk or a file: its known fields over the ones kept from a newer version. */
export function storedWatchEntry(entry: WatchEntry): Record<string, unknown> {
  const kept = keptFieldsOf(entry);
  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) if (value !== undefined) known[key] = value;
  return { ...kept, ...known };
}

/** The user chose a new value for `field`: the kept one from a newer version no longer applies. */
export function forgetKeptField(entry: WatchEntry, field: string): void {
  const kept = (entry as WithKept)[KEPT_FIELDS];
  if (!kept || !(field in kept)) return;
  const rest = { ...kept };
  delete rest[field];
  (entry as WithKept)[KEPT_FIELDS] = rest;
}

// What the user does to the watched vendors: detect a page, add it (or widen what is watched), remove,
// change what is watched and how loudly, snooze, refresh, and bring a watchlist file in or out.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type {
  DetectResult,
  ImportResult,
  RequestHandlers,
  VendorDetail,
  VendorSummary,
} from '../../../shared/ipc';
import type { WatchEntry } from '../../../shared/model';
import { forgetKeptField } from '../../../shared/watch-entry';
import type { Detection } from '../platforms/types';
import { snooze, snoozedUntil } from '../policy/policy';
import { normalizeUrl, parseWatchlist, serializeWatchlist, vendorIdFor } from '../watchlist';
import type { AppContext } from './context';
import { applyInterval } from './settings';
import { entryId, summaryOf } from './state';
import { MAX_WATCHED_VENDORS, MIN_APP_INTERVAL_SECONDS } from './stores';
import { check } from './validate';

/** How long a detection from a preview is reused when the user then adds the page. */
const DETECTION_REUSE_MS = 10 * 60_000;

/**
 * What a vendor watches after the same page is added again: the union of both choices; the whole page
 * (undefined) when either asks for it. Returns `current` itself when nothing changes.
 */
export function mergeWatched(
  current: readonly string[] | undefined,
  added: readonly string[] | undefined,
): string[] | undefined {
  if (!current || current.length === 0) return current as string[] | undefined;
  if (!added || added.length === 0) return undefined;
  const extra = added.filter((c) => !current.includes(c));
  return extra.length === 0 ? (current as string[]) : [...current, ...extra];
}

export function findEntry(ctx: AppContext, id: string): WatchEntry | undefined {
  return ctx.entries.find((e) => entryId(e) === id);
}

export function vendorSummary(ctx: AppContext, entry: WatchEntry): VendorSummary {
  const id = entryId(entry);
  return summaryOf(entry, ctx.monitor.view(id), snoozedUntil(ctx.policyState, id, ctx.now()));
}

function summaryById(ctx: AppContext, id: string): VendorSummary {
  const entry = findEntry(ctx, id);
  if (!entry) throw new Error(`No watched vendor with id ${id}`);
  return vendorSummary(ctx, entry);
}

/** Appends the entries whose page is not watched yet; the caller saves. */
export function addNewEntries(
  ctx: AppContext,
  vendors: readonly WatchEntry[],
): { added: number; skipped: number } {
  const known = new Set(ctx.entries.map((e) => normalizeUrl(e.url)));
  let added = 0;
  let skipped = 0;
  for (const v of vendors) {
    // What storage keeps, the API accepts: no more than a watchlist may hold (counted as skipped).
    if (known.has(normalizeUrl(v.url)) || ctx.entries.length >= MAX_WATCHED_VENDORS) {
      skipped++;
      continue;
    }
    ctx.entries.push(v);
    known.add(normalizeUrl(v.url));
    added++;
  }
  return { added, skipped };
}

/** The watchlist file given at start (web `--config`): its new vendors join the stored ones. */
export async function importWatchlistFile(ctx: AppContext, file: string): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    ctx.notices.add(`Could not read the watchlist ${file}: ${(err as Error).message}`);
    return;
  }
  const { watchlist, problems } = parseWatchlist(text);
  for (const p of problems) ctx.notices.add(`${path.basename(file)}: ${p}`);
  const newTargets = (watchlist?.forward ?? []).filter(
    (t) => !ctx.forward.some((f) => f.type === t.type && f.url === t.url),
  );
  ctx.forward = [...ctx.forward, ...newTargets];
  if (addNewEntries(ctx, watchlist?.vendors ?? []).added || newTargets.length > 0) await ctx.saveWatchlist();
}

async function detect(
  ctx: AppContext,
  url: string,
): Promise<{ result: DetectResult; detection: Detection | null }> {
  const outcome = await ctx.read(url, { http: ctx.http, timeoutMs: 15_000, now: ctx.now });
  const snap = outcome.snapshot;
  if (outcome.detection)
    ctx.detections.set(normalizeUrl(url), { detection: outcome.detection, at: ctx.now() });
  return {
    detection: outcome.detection,
    result: {
      url,
      platform: outcome.detection?.platform ?? 'unknown',
      name: snap.error ? (outcome.detection?.name ?? null) : snap.vendor.name,
      componentCount: snap.components.length,
      components: snap.components.map((c) => ({ id: c.id, name: c.name, group: c.group })),
      error: snap.error,
    },
  };
}

/** After any change to the list: save it, tell the monitor, redraw. */
async function changed(ctx: AppContext): Promise<void> {
  await ctx.saveWatchlist();
  ctx.syncMonitor();
  ctx.push.changed();
}

export type VendorChannel =
  | 'vendor:get'
  | 'vendors:detect'
  | 'vendors:add'
  | 'vendors:remove'
  | 'vendors:update'
  | 'vendors:snooze'
  | 'vendors:refresh'
  | 'watchlist:export'
  | 'watchlist:import';

export function vendorHandlers(ctx: AppContext): Pick<RequestHandlers, VendorChannel> {
  return {
    async 'vendor:get'(arg) {
      const { id } = check('vendor:get', arg);
      const entry = findEntry(ctx, id);
      if (!entry) return null;
      const view = ctx.monitor.view(id);
      const detail: VendorDetail = {
        summary: vendorSummary(ctx, entry),
        snapshot: view?.lastGood ?? null,
        uptime: ctx.history.uptimeDays(id, ctx.now(), 90),
      };
      return detail;
    },
    async 'vendors:detect'(arg) {
      const { url } = check('vendors:detect', arg);
      return (await detect(ctx, url.trim())).result;
    },
    async 'vendors:add'(arg) {
      const req = check('vendors:add', arg);
      const url = req.url.trim();
      const id = vendorIdFor(url);
      const existing = findEntry(ctx, id);
      if (existing) {
        // One vendor per status page: adding the same page again (another AWS service from the catalog,
        // say) widens what is watched instead of being ignored.
        const merged = mergeWatched(existing.components, req.components);
        if (merged !== existing.components) {
          if (merged) existing.components = merged;
          else delete existing.components;
          await changed(ctx);
        }
        return summaryById(ctx, id);
      }
      if (ctx.entries.length >= MAX_WATCHED_VENDORS)
        throw new Error(
          `A watchlist holds at most ${MAX_WATCHED_VENDORS.toLocaleString('en-US')} vendors; remove one to add another`,
        );
      const entry: WatchEntry = { url };
      if (req.name?.trim()) entry.name = req.name.trim();
      if (req.components?.length) entry.components = [...req.components];
      if (req.notify) entry.notify = req.notify;
      if (req.platform && req.apiUrl) {
        entry.platform = req.platform;
        entry.apiUrl = req.apiUrl;
      } else {
        // Detect once now and keep it, so that polling costs no probes.
        const cached = ctx.detections.get(normalizeUrl(url));
        const detection =
          cached && ctx.now() - cached.at < DETECTION_REUSE_MS
            ? cached.detection
            : (await detect(ctx, url)).detection;
        if (detection) {
          entry.platform = detection.platform;
          entry.apiUrl = detection.apiUrl;
        }
      }
      // Added meanwhile (two adds of one page while detecting): the first one stands.
      if (findEntry(ctx, id)) return summaryById(ctx, id);
      ctx.entries.push(entry);
      await changed(ctx);
      return summaryById(ctx, id);
    },
    async 'vendors:remove'(arg) {
      const { id } = check('vendors:remove', arg);
      const before = ctx.entries.length;
      ctx.entries = ctx.entries.filter((e) => entryId(e) !== id);
      if (ctx.entries.length === before) return;
      ctx.history.remove(id);
      ctx.policyState = snooze(ctx.policyState, id, 'off', ctx.now());
      await changed(ctx);
    },
    async 'vendors:update'(arg) {
      const req = check('vendors:update', arg);
      const current = findEntry(ctx, req.id);
      if (!current) throw new Error(`No watched vendor with id ${req.id}`);
      // A new object, so that the monitor sees what changed (it re-reads when the components do).
      const entry: WatchEntry = { ...current };
      ctx.entries = ctx.entries.map((e) => (e === current ? entry : e));
      // A field the user sets anew replaces any value a newer version had stored there.
      if (req.components !== undefined) {
        forgetKeptField(entry, 'components');
        if (req.components.length) entry.components = [...req.components];
        else delete entry.components;
      }
      if (req.notify !== undefined) {
        forgetKeptField(entry, 'notify');
        if (req.notify === 'all') delete entry.notify;
        else entry.notify = req.notify;
      }
      if (req.name !== undefined) {
        forgetKeptField(entry, 'name');
        if (req.name.trim()) entry.name = req.name.trim();
        else delete entry.name;
      }
      await changed(ctx);
      return summaryById(ctx, req.id);
    },
    async 'vendors:snooze'(arg) {
      const { id, choice } = check('vendors:snooze', arg);
      if (!findEntry(ctx, id)) throw new Error(`No watched vendor with id ${id}`);
      ctx.policyState = snooze(ctx.policyState, id, choice, ctx.now());
      ctx.savePolicySoon();
      ctx.push.changed();
      return summaryById(ctx, id);
    },
    async 'vendors:refresh'(arg) {
      const { id } = check('vendors:refresh', arg ?? {});
      ctx.monitor.refresh(id);
    },
    async 'watchlist:export'(arg) {
      const { includeForward = false } = check('watchlist:export', arg) ?? {};
      return serializeWatchlist(
        {
          version: 1,
          vendors: ctx.entries,
          intervalSeconds: ctx.settings.intervalSeconds,
          ...(ctx.forward.length > 0 ? { forward: ctx.forward } : {}),
        },
        { includeForward },
      );
    },
    async 'watchlist:import'(arg) {
      const { text } = check('watchlist:import', arg);
      const { watchlist, problems } = parseWatchlist(text);
      const result: ImportResult = { added: 0, skipped: 0, errors: [...problems] };
      if (!watchlist) return result;
      const room = MAX_WATCHED_VENDORS - ctx.entries.length;
      Object.assign(result, addNewEntries(ctx, watchlist.vendors));
      if (watchlist.vendors.length > room && room >= 0 && result.added === room)
        result.errors.push(
          `a watchlist holds at most ${MAX_WATCHED_VENDORS.toLocaleString('en-US')} vendors: the ones beyond were not added`,
        );
      if (watchlist.intervalSeconds !== undefined) {
        if (watchlist.intervalSeconds < MIN_APP_INTERVAL_SECONDS) {
          result.errors.push(
            `"intervalSeconds" ${watchlist.intervalSeconds} is below the app's minimum of ${MIN_APP_INTERVAL_SECONDS} s (kept ${ctx.settings.intervalSeconds} s)`,
          );
        } else if (!Number.isInteger(watchlist.intervalSeconds)) {
          // The stored settings take whole seconds: a fraction accepted here would be refused at the next start.
          result.errors.push(
            `"intervalSeconds" must be a whole number of seconds (kept ${ctx.settings.intervalSeconds} s)`,
          );
        } else {
          await applyInterval(ctx, watchlist.intervalSeconds);
        }
      }
      if (result.added) {
        await ctx.saveWatchlist();
        ctx.syncMonitor();
      }
      ctx.push.changed();
      return result;
    },
  };
}

// Remembers the maintenances a long-running host (web, the desktop app) has put in its calendar, so that
// one the vendor removes before it ended stays in the feed as cancelled instead of silently vanishing
// (a calendar app that subscribed would otherwise keep the stale copy). Pure: state in, state out.
import type { Incident } from '../../../shared/model';
import { calendarMaintenances, type CalendarVendor, type VanishedMaintenance } from './calendar';

export interface MaintenanceMemory {
  /** uid-like key "vendorId maintenanceId" → what was last seen. */
  seen: Record<string, VanishedMaintenance & { gone: boolean }>;
}

/** Forget a cancelled one this long after its planned end. */
const KEEP_MS = 7 * 24 * 3600_000;

export function emptyMaintenanceMemory(): MaintenanceMemory {
  return { seen: {} };
}

export function rememberMaintenances(
  memory: MaintenanceMemory,
  vendors: readonly CalendarVendor[],
  now: number,
): { memory: MaintenanceMemory; vanished: VanishedMaintenance[] } {
  const seen: MaintenanceMemory['seen'] = {};
  const readable = new Set(vendors.filter((v) => v.snapshot && !v.snapshot.error).map((v) => v.id));
  const watched = new Set(vendors.map((v) => v.id));
  for (const v of vendors) {
    for (const m of calendarMaintenances(v.snapshot)) {
      seen[`${v.id} ${m.id}`] = {
        vendorId: v.id,
        vendorName: v.snapshot?.vendor.name || v.name,
        maintenance: m,
        gone: false,
      };
    }
  }
  const all: Incident[][] = vendors.map((v) => v.snapshot?.incidents ?? []);
  const onPage = new Set(vendors.flatMap((v, i) => all[i]!.map((m) => `${v.id} ${m.id}`)));
  for (const [key, entry] of Object.entries(memory.seen)) {
    if (seen[key] || !watched.has(entry.vendorId)) continue;
    // A page we could not read tells nothing; one still listing it as completed finished normally.
    if (!readable.has(entry.vendorId)) {
      seen[key] = entry;
      continue;
    }
    if (onPage.has(key)) continue;
    const end = Date.parse(entry.maintenance.scheduledUntil ?? entry.maintenance.scheduledFor ?? '') || 0;
    if (now - end < KEEP_MS) seen[key] = { ...entry, gone: true };
  }
  const vanished = Object.values(seen)
    .filter((e) => e.gone)
    .map(({ vendorId, vendorName, maintenance }) => ({ vendorId, vendorName, maintenance }));
  return { memory: { seen }, vanished };
}

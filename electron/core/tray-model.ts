// The tray's decisions as plain data: which icon file, what tooltip, which menu items with which actions.
// No electron import: electron/tray.ts only renders what this returns.
import type { AppState, VendorSummary } from '../../shared/ipc';
import { compareWorstFirst, isProblem, type TrayState, type VendorStatus } from '../../shared/status';
import { trayLabel, trayTooltipText } from './text/desktop-text';

/** Short, lower-case status words for sentences ("GitHub — degraded"). */
const STATUS_WORDS: Record<VendorStatus, string> = {
  operational: 'operational',
  maintenance: 'under maintenance',
  degraded: 'degraded',
  partial_outage: 'partial outage',
  major_outage: 'major outage',
  unknown: 'no data',
};

/** Windows truncates tray tooltips at 127 characters; the others take more but stay readable at this. */
const TOOLTIP_MAX: Partial<Record<NodeJS.Platform, number>> = { win32: 127 };
const TOOLTIP_DEFAULT_MAX = 255;

/** How many vendors the menu lists before "N more…" (a tray menu is not a scrolling list). */
export const MENU_VENDOR_LIMIT = 15;
/** Characters of a vendor's name in a menu label: a page's name is untrusted and may be any length. */
export const MENU_NAME_MAX = 60;

export type TrayAction =
  | { kind: 'open-vendor'; vendorId: string }
  | { kind: 'open-window' }
  | { kind: 'refresh' }
  | { kind: 'pause'; until: string | null }
  | { kind: 'ack-group'; groupId: string }
  | { kind: 'quit' };

export type TrayMenuItem =
  | { type: 'separator' }
  | {
      type: 'item';
      label: string;
      enabled: boolean;
      action: TrayAction | null;
      /** A status icon next to the label (vendors). */
      status?: TrayState;
      checked?: boolean;
    }
  | { type: 'submenu'; label: string; enabled: boolean; items: TrayMenuItem[] };

export interface TrayTextOptions {
  platform: NodeJS.Platform;
  now: number;
  /** Formats the pause end for people; injected so tests do not depend on the machine's locale and zone. */
  formatTime?: (iso: string) => string;
}

function defaultFormatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Problems first (worst first), keeping the user's order among equals. */
export function vendorsWorstFirst(vendors: readonly VendorSummary[]): VendorSummary[] {
  return vendors
    .map((vendor, index) => ({ vendor, index }))
    .sort((a, b) => compareWorstFirst(a.vendor.status, b.vendor.status) || a.index - b.index)
    .map(({ vendor }) => vendor);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Joins "Name — status" parts, ending in "and N more" when they do not all fit in `room`. */
function listWithinRoom(parts: string[], room: number): string {
  for (let shown = parts.length; shown >= 1; shown--) {
    const rest = parts.length - shown;
    const text = parts.slice(0, shown).join('; ') + (rest > 0 ? `; and ${rest} more` : '');
    if (text.length <= room) return text;
  }
  return parts.length > 1 ? `${parts.length} vendors` : truncate(parts[0] ?? '', room);
}

/** Paused while `pausedUntil` is ahead of now, or when the engine itself shows the paused state. */
export function isPaused(state: Pick<AppState, 'tray' | 'settings'>, now: number): boolean {
  const until = state.settings.pausedUntil;
  if (until !== null && Date.parse(until) > now) return true;
  return state.tray === 'paused';
}

/**
 * The tooltip: what is wrong, worst first ("2 vendors with problems: Kustomer — major outage; GitHub —
 * degraded"), or that all is well ("All 12 vendors operational") — never "operational" for vendors
 * without data.
 */
export function trayTooltip(
  state: Pick<AppState, 'vendors' | 'tray' | 'offline' | 'settings' | 'failingFeeds' | 'sharedCause'>,
  options: TrayTextOptions,
): string {
  const max = TOOLTIP_MAX[options.platform] ?? TOOLTIP_DEFAULT_MAX;
  const formatTime = options.formatTime ?? defaultFormatTime;
  const prefix: string[] = [];
  if (state.offline) prefix.push('Offline: statuses will update when the network is back.');
  const paused = isPaused(state, options.now);
  if (paused && state.settings.pausedUntil) {
    prefix.push(`Notifications paused until ${formatTime(state.settings.pausedUntil)}.`);
  } else if (paused) {
    prefix.push('Notifications paused.');
  }
  const group = sharedCauseLine(state);
  if (group) prefix.push(`${group}.`);
  const feeds = state.failingFeeds ?? [];
  // A team channel that hears nothing is news too (its target's name is shortened, secret-free).
  if (feeds.length === 1) prefix.push(`Team feed failing: ${truncate(feeds[0]!, 60)}.`);
  else if (feeds.length > 1) prefix.push(`${feeds.length} team feeds failing.`);
  const head = prefix.length > 0 ? `${prefix.join(' ')} ` : '';

  const vendors = state.vendors;
  let body: string;
  if (vendors.length === 0) {
    body = 'StatusTray: no vendors watched yet';
  } else {
    const sorted = vendorsWorstFirst(vendors);
    const problems = sorted.filter((v) => isProblem(v.status));
    const unknown = sorted.filter((v) => v.status === 'unknown');
    if (problems.length > 0) {
      const lead = `${plural(problems.length, 'vendor')} with problems: `;
      // Vendor names go through desktop-text: one line, no control character.
      const parts = problems.map((v) => `${trayTooltipText(v.name)} — ${STATUS_WORDS[v.status]}`);
      body = lead + listWithinRoom(parts, max - head.length - lead.length);
    } else if (unknown.length > 0) {
      const operational = vendors.length - unknown.length;
      const lead = `${operational} of ${plural(vendors.length, 'vendor')} operational; no data for `;
      body =
        lead +
        listWithinRoom(
          unknown.map((v) => trayTooltipText(v.name)),
          max - head.length - lead.length,
        );
    } else {
      body =
        vendors.length === 1
          ? `${trayTooltipText(vendors[0]?.name ?? 'Vendor')} operational`
          : `All ${vendors.length} vendors operational`;
    }
  }
  return truncate(head + body, max);
}

export interface TrayIconChoice {
  /** File name inside build/icons/tray/ (its @2x sibling is picked up by the OS where it has one). */
  file: string;
  /** macOS template image: black glyph the menu bar tints for light and dark. */
  template: boolean;
}

/**
 * Which icon file shows a tray state on a platform. macOS: the monochrome template image while all is
 * well (a permanently green dot in the menu bar is noise) and the colored one as soon as something is
 * wrong, or always the template when the user asked for monochrome. Linux panels draw 22 px, macOS 16 px
 * (each with a @2x sibling for high-density screens), Windows an .ico with 16–48 px.
 */
export function trayIconFile(
  state: TrayState,
  platform: NodeJS.Platform,
  options: { monochrome?: boolean } = {},
): TrayIconChoice {
  if (platform === 'darwin' && (options.monochrome === true || state === 'operational')) {
    return { file: `tray-${state}Template.png`, template: true };
  }
  // Windows draws tray icons best from an .ico holding every size it may scale to.
  if (platform === 'win32') return { file: `tray-${state}.ico`, template: false };
  const size = platform === 'linux' ? 22 : 16;
  return { file: `tray-${state}-${size}.png`, template: false };
}

/** The small status icon next to a vendor in the menu. */
export function menuIconFile(status: TrayState): string {
  return `tray-${status}-16.png`;
}

/** Local 08:00 of the day after `now`: "until tomorrow" means until the user's next morning. */
export function tomorrowMorning(now: number): Date {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 8, 0, 0, 0);
}

/**
 * Several vendors failing together in one line: "4 vendors in trouble, possibly Cloudflare" (and "— got it"
 * once acknowledged: acknowledged is not fine, so the colour stays and the mark says so).
 */
export function sharedCauseLine(state: Pick<AppState, 'sharedCause'>): string | null {
  const g = state.sharedCause;
  if (!g || g.vendors.length === 0) return null;
  const cause = g.cause ? `, possibly ${trayLabel(truncate(g.cause.vendor, MENU_NAME_MAX))}` : '';
  return `${plural(g.vendors.length, 'vendor')} in trouble${cause}${g.acknowledgedAt ? ' — got it' : ''}`;
}

/** The menu as data. `now` decides the pause end times. */
export function trayMenuModel(
  state: Pick<AppState, 'vendors' | 'tray' | 'offline' | 'settings' | 'sharedCause' | 'acks'>,
  options: { now: number; formatTime?: (iso: string) => string },
): TrayMenuItem[] {
  const formatTime = options.formatTime ?? defaultFormatTime;
  const items: TrayMenuItem[] = [];
  const sorted = vendorsWorstFirst(state.vendors);
  // First line: the group of vendors failing together, and "Got it" for it.
  const group = sharedCauseLine(state);
  if (group && state.sharedCause) {
    items.push({ type: 'item', label: group, enabled: true, action: { kind: 'open-window' } });
    if (!state.sharedCause.acknowledgedAt)
      items.push({
        type: 'item',
        label: 'Got it (stop updates about these)',
        enabled: true,
        action: { kind: 'ack-group', groupId: state.sharedCause.id },
      });
    items.push({ type: 'separator' });
  }
  const acked = new Set((state.acks ?? []).filter((a) => a.kind === 'incident').map((a) => a.vendorId));
  if (sorted.length === 0) {
    items.push({ type: 'item', label: 'No vendors watched yet', enabled: false, action: null });
    items.push({ type: 'item', label: 'Add a vendor…', enabled: true, action: { kind: 'open-window' } });
  } else {
    for (const vendor of sorted.slice(0, MENU_VENDOR_LIMIT)) {
      items.push({
        type: 'item',
        // Vendor names go through desktop-text: one line, `&` not read as a mnemonic.
        label: `${trayLabel(truncate(vendor.name, MENU_NAME_MAX))} — ${STATUS_WORDS[vendor.status]}${vendor.stale ? ' (stale)' : ''}${acked.has(vendor.id) ? ' (got it)' : ''}`,
        enabled: true,
        action: { kind: 'open-vendor', vendorId: vendor.id },
        status: vendor.status,
      });
    }
    const hidden = sorted.length - MENU_VENDOR_LIMIT;
    if (hidden > 0) {
      items.push({
        type: 'item',
        label: `${hidden} more…`,
        enabled: true,
        action: { kind: 'open-window' },
      });
    }
  }
  items.push({ type: 'separator' });
  items.push({
    type: 'item',
    label: state.offline ? 'Refresh now (offline)' : 'Refresh now',
    enabled: !state.offline && sorted.length > 0,
    action: { kind: 'refresh' },
  });

  const paused = isPaused(state, options.now);
  const pausedUntil = state.settings.pausedUntil;
  const pauseItems: TrayMenuItem[] = [];
  if (paused) {
    pauseItems.push({
      type: 'item',
      label: pausedUntil ? `Paused until ${formatTime(pausedUntil)}` : 'Paused',
      enabled: false,
      action: null,
    });
    pauseItems.push({ type: 'separator' });
  }
  pauseItems.push({
    type: 'item',
    label: 'For 1 hour',
    enabled: true,
    action: { kind: 'pause', until: new Date(options.now + 3_600_000).toISOString() },
  });
  pauseItems.push({
    type: 'item',
    label: 'Until tomorrow',
    enabled: true,
    action: { kind: 'pause', until: tomorrowMorning(options.now).toISOString() },
  });
  pauseItems.push({
    type: 'item',
    label: 'Off (notify again)',
    enabled: paused,
    action: { kind: 'pause', until: null },
  });
  items.push({ type: 'submenu', label: 'Pause notifications', enabled: true, items: pauseItems });
  items.push({ type: 'separator' });
  items.push({ type: 'item', label: 'Open StatusTray', enabled: true, action: { kind: 'open-window' } });
  items.push({ type: 'item', label: 'Quit StatusTray', enabled: true, action: { kind: 'quit' } });
  return items;
}

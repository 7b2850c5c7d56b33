// The window's decisions, free of Electron: which links may leave the app, which page is ours, the
// Content-Security-Policy, the route a target opens, and where a remembered window may reappear.
import type { NavigateTarget } from '../../shared/ipc';

/** Only http(s) links with a host open in the system browser; javascript:, file:, data: and the rest never. */
export function isExternalHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // No credentials smuggled in links ("https://bank.example@evil.example").
  return url.hostname !== '' && url.username === '' && url.password === '';
}

/**
 * The policy for our page: scripts and styles only from the app, no frames, no plugins, no network but
 * the app itself. The dev server (never in a packaged build) needs Vite's inline preamble and websocket.
 */
export function contentSecurityPolicy(dev: boolean): string {
  const policy = [
    "default-src 'none'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];
  return policy.join('; ');
}

/**
 * Is this URL the page we loaded? For a file it must be the same file (any hash/query); for the dev server
 * the same origin. Everything else — another file, another site, about:blank — is not ours.
 */
export function isSamePage(loaded: string, candidate: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(loaded);
    b = new URL(candidate);
  } catch {
    return false;
  }
  if (a.protocol === 'file:') return b.protocol === 'file:' && a.pathname === b.pathname;
  return (a.protocol === 'http:' || a.protocol === 'https:') && a.origin === b.origin;
}

/**
 * The window's route for a target, in the renderer's hash router (#/vendor/<id>,
 * #/vendor/<id>/incident/<incidentId>), without the '#': a new window opens straight on it.
 */
export function routeHash(target: NavigateTarget | undefined): string {
  if (!target) return '/';
  const vendor = `/vendor/${encodeURIComponent(target.vendorId)}`;
  return target.incidentId ? `${vendor}/incident/${encodeURIComponent(target.incidentId)}` : vendor;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 960, height: 680 } as const;
export const MIN_WINDOW_SIZE = { width: 520, height: 400 } as const;

/** Parses stored bounds; anything malformed gives the default size, centered. */
export function parseBounds(value: unknown): WindowBounds {
  const fallback: WindowBounds = { ...DEFAULT_WINDOW_SIZE };
  if (typeof value !== 'object' || value === null) return fallback;
  const v = value as Record<string, unknown>;
  const num = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (!num(v.width) || !num(v.height)) return fallback;
  const bounds: WindowBounds = {
    width: Math.max(MIN_WINDOW_SIZE.width, Math.round(v.width)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.round(v.height)),
  };
  if (num(v.x) && num(v.y)) {
    bounds.x = Math.round(v.x);
    bounds.y = Math.round(v.y);
  }
  if (v.maximized === true) bounds.maximized = true;
  return bounds;
}

/**
 * Where the window reopens: its remembered place when enough of its title bar is on a screen that still
 * exists (a monitor may have been unplugged), otherwise centered by the OS at the remembered size, shrunk
 * to fit the primary work area.
 */
export function restoreBounds(saved: WindowBounds, workAreas: Rect[]): WindowBounds {
  const primary = workAreas[0];
  const fit = (b: WindowBounds): WindowBounds =>
    primary
      ? { ...b, width: Math.min(b.width, primary.width), height: Math.min(b.height, primary.height) }
      : b;
  if (saved.x === undefined || saved.y === undefined) return fit(saved);
  const { x, y } = saved;
  // The top 32 px strip (title bar) must overlap a work area by at least 64 x 16 px to be grabbable.
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(x + saved.width, area.x + area.width) - Math.max(x, area.x);
    const overlapY = Math.min(y + 32, area.y + area.height) - Math.max(y, area.y);
    return overlapX >= 64 && overlapY >= 16;
  });
  if (visible) return saved;
  const { x: _x, y: _y, ...size } = saved;
  return fit(size);
}

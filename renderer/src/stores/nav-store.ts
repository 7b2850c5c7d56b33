// Where the window is: a tiny router kept in zustand and mirrored in the location hash, so that the web
// mode can deep link (#/vendor/<id>, #/vendor/<id>/incident/<incidentId>, #/add, #/settings).
import { create } from 'zustand';

export type Route =
  | { name: 'overview' }
  | { name: 'vendor'; vendorId: string }
  | { name: 'incident'; vendorId: string; incidentId: string }
  | { name: 'add' }
  | { name: 'settings' };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, id, third, incident] = parts;
  if (first === 'add' && parts.length === 1) return { name: 'add' };
  if (first === 'settings' && parts.length === 1) return { name: 'settings' };
  if (first === 'vendor' && id) {
    const vendorId = decode(id);
    if (vendorId === null) return { name: 'overview' };
    if (parts.length === 2) return { name: 'vendor', vendorId };
    if (third === 'incident' && incident && parts.length === 4) {
      const incidentId = decode(incident);
      if (incidentId !== null) return { name: 'incident', vendorId, incidentId };
    }
  }
  return { name: 'overview' };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'overview':
      return '#/';
    case 'add':
      return '#/add';
    case 'settings':
      return '#/settings';
    case 'vendor':
      return `#/vendor/${encodeURIComponent(route.vendorId)}`;
    case 'incident':
      return `#/vendor/${encodeURIComponent(route.vendorId)}/incident/${encodeURIComponent(route.incidentId)}`;
  }
}

interface NavStore {
  route: Route;
  navigate(route: Route): void;
}

export const useNav = create<NavStore>()((set) => ({
  route: { name: 'overview' },
  navigate: (route) => {
    set({ route });
    const hash = routeToHash(route);
    if (typeof window !== 'undefined' && window.location.hash !== hash) window.location.hash = hash;
  },
}));

/** Follows the hash (back/forward, deep links); returns the unsubscribe. */
export function connectHashRouting(win: Window = window): () => void {
  const sync = (): void => {
    const route = parseHash(win.location.hash);
    if (routeToHash(route) !== routeToHash(useNav.getState().route)) useNav.setState({ route });
  };
  sync();
  win.addEventListener('hashchange', sync);
  return () => win.removeEventListener('hashchange', sync);
}

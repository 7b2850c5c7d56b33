// Which vendor and incident a notification is about, from the monitor's view of the vendor it points at:
// what a forwarded message carries besides the notification's own text.
import type { Snapshot } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import { sameHost, type ForwardContext } from './message';

export interface VendorLookup {
  (vendorId: string): { id: string; name: string; entry: { url: string }; lastGood: Snapshot | null } | null;
}

export function forwardContextOf(notification: AppNotification, lookup: VendorLookup): ForwardContext {
  const target = notification.target;
  const view = target ? lookup(target.vendorId) : null;
  if (!target || !view) return { vendor: null, incident: null };
  // The page's own address only when it is on the watched host: the engine links to what the user watches.
  const published = view.lastGood?.vendor.pageUrl;
  const pageUrl = published && sameHost(published, view.entry.url) ? published : view.entry.url;
  const found = target.incidentId
    ? view.lastGood?.incidents.find((i) => i.id === target.incidentId)
    : undefined;
  return {
    vendor: { id: view.id, name: view.name, pageUrl },
    incident: found ? { id: found.id, title: found.title, url: found.url } : null,
  };
}

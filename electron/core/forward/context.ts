// Which vendor and incident a notification is about, from the monitor's view of the vendor it points at:
// what a forwarded message carries besides the notification's own text.
import type { Snapshot } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import type { ForwardContext } from './message';

export interface VendorLookup {
  (vendorId: string): { id: string; name: string; entry: { url: string }; lastGood: Snapshot | null } | null;
}

export function forwardContextOf(notification: AppNotification, lookup: VendorLookup): ForwardContext {
  const target = notification.target;
  const view = target ? lookup(target.vendorId) : null;
  if (!target || !view) return { vendor: null, incident: null };
  const pageUrl = view.lastGood?.vendor.pageUrl || view.entry.url;
  const found = target.incidentId
    ? view.lastGood?.incidents.find((i) => i.id === target.incidentId)
    : undefined;
  return {
    vendor: { id: view.id, name: view.name, pageUrl },
    incident: found ? { id: found.id, title: found.title, url: found.url } : null,
  };
}

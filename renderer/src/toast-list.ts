// Which in-page notifications stay on screen: a vendor's newer notification replaces its older ones (so a
// recovery closes that vendor's outage toasts, and it fades in turn), a digest stays beside them, and the
// list is bounded. Pure, so that the rule is tested without a DOM.
import type { AppNotification } from '../../shared/notification';

/** Kept at most; the oldest beyond it go. */
export const MAX_KEPT = 8;

/** The vendor a notification is about, or null for a digest over several vendors. */
export function toastVendor(n: AppNotification): string | null {
  return n.target?.vendorId ?? null;
}

/** The list after `n` arrives: newest first, one toast per vendor, no repeated key. */
export function addToast(list: readonly AppNotification[], n: AppNotification): AppNotification[] {
  const vendor = toastVendor(n);
  const rest = list.filter((x) => x.key !== n.key && (vendor === null || toastVendor(x) !== vendor));
  return [n, ...rest].slice(0, MAX_KEPT);
}

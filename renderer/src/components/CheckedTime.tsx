// "Checked 1 min ago" for a vendor. The host pushes a vendor only when what it shows changes, so a vendor
// whose polls keep finding the page as it was keeps the check time of its last push: the window derives
// the latest check from the interval (see checkedAtOf in stores/app-store.ts).
import { useNow } from '../hooks/useNow';
import { checkedAtOf, useAppStore } from '../stores/app-store';
import type { VendorSummary } from '../../../shared/ipc';
import { RelativeTime } from './RelativeTime';

export function CheckedTime({ vendor }: { vendor: VendorSummary }) {
  const now = useNow();
  const state = useAppStore((s) => s.state);
  return <RelativeTime iso={state ? checkedAtOf(vendor, state, now) : vendor.lastCheckedAt} />;
}

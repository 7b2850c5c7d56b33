// What the window says about a vendor with no open incident: "No open incident" only when the last read
// succeeded; after a failed read, what it last knew and when, or that it does not know.
import type { VendorSummary } from '../../../shared/ipc';
import { RelativeTime } from './RelativeTime';

export function NothingOpen({ vendor }: { vendor: Pick<VendorSummary, 'error' | 'lastGoodAt'> }) {
  if (!vendor.error) return <>No open incident</>;
  if (!vendor.lastGoodAt) return <>Not known: the page has not been read successfully yet</>;
  return (
    <>
      No incident was open at the last good read, <RelativeTime iso={vendor.lastGoodAt} />
    </>
  );
}

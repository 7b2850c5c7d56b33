// Says plainly when a vendor's data cannot be trusted: unreachable (with the reason), stale, or a failed
// last check on otherwise fresh data.
import type { VendorSummary } from '../../../shared/ipc';
import { LongText } from './LongText';
import { RelativeTime } from './RelativeTime';

export function vendorWarningKind(
  v: Pick<VendorSummary, 'stale' | 'error'>,
): 'unreachable' | 'stale' | 'failed' | null {
  if (v.error && v.stale) return 'unreachable';
  if (v.stale) return 'stale';
  if (v.error) return 'failed';
  return null;
}

export function VendorWarning({ vendor, inline = false }: { vendor: VendorSummary; inline?: boolean }) {
  const kind = vendorWarningKind(vendor);
  if (!kind) return null;
  const Tag = inline ? 'span' : 'p';
  // In a one-line row the row ellipsizes it (the tooltip has it all); on its own it may be cut and opened.
  const text = vendor.error?.message ?? '';
  const message = inline ? text : <LongText text={text} />;
  const lastGood = (
    <>
      {' '}
      {vendor.lastGoodAt ? (
        <>
          Last good data: <RelativeTime iso={vendor.lastGoodAt} />.
        </>
      ) : (
        'No good data yet.'
      )}
    </>
  );
  return (
    <Tag className={`warning warning--${kind}`} title={inline ? vendor.error?.message : undefined}>
      <span aria-hidden="true" className="warning__icon">
        ⚠
      </span>{' '}
      {kind === 'unreachable' ? (
        <>
          <strong>Unreachable:</strong> {message}
          {lastGood}
        </>
      ) : kind === 'stale' ? (
        <>
          <strong>Stale data.</strong>
          {lastGood}
        </>
      ) : (
        <>
          <strong>Last check failed:</strong> {message}
        </>
      )}
    </Tag>
  );
}

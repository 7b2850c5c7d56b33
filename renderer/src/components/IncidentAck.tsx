// "Got it" for one open incident: its further updates stop notifying until it ends or its impact gets
// worse (the engine's rule); acknowledged is not fine, so the vendor keeps its status and this says since
// when the incident is acknowledged, with a way to take it back.
import { useState } from 'react';
import type { AckView } from '../../../shared/ipc';
import { useBridge } from '../bridge';
import { useAppStore } from '../stores/app-store';
import { plainError } from '../plain-error';
import { RelativeTime } from './RelativeTime';

const NO_ACKS: AckView[] = [];

export function IncidentAck({ vendorId, incidentId }: { vendorId: string; incidentId: string }) {
  const bridge = useBridge();
  const pushed = useAppStore((s) => s.state?.acks ?? NO_ACKS);
  // The answer of our own call, until the engine's next push says the same.
  const [answered, setAnswered] = useState<AckView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const acks = answered ?? pushed;
  const ack = acks.find(
    (a) => a.kind === 'incident' && a.vendorId === vendorId && a.incidentId === incidentId,
  );

  const call = (run: () => Promise<AckView[]>): void => {
    setError(null);
    run().then(setAnswered, (err: unknown) => setError(plainError(err)));
  };

  return (
    <div className="incident-ack">
      {ack ? (
        <p role="status">
          Got it <RelativeTime iso={ack.at} />: its updates stay quiet until it ends or gets worse.{' '}
          <button type="button" onClick={() => call(() => bridge.invoke('ack:remove', { key: ack.key }))}>
            Notify me again
          </button>
        </p>
      ) : (
        <button
          type="button"
          title="Stop notifications about this incident's updates until it ends or gets worse"
          onClick={() => call(() => bridge.invoke('incident:ack', { vendorId, incidentId }))}
        >
          Got it
        </button>
      )}
      {error ? <p className="error">Not saved: {error}</p> : null}
    </div>
  );
}

// Several watched vendors failing together, said once at the top of the overview: how many and since
// when, the possible cause with its evidence (never a guess), each vendor a link to its own detail, and
// "Got it" for the group. Acknowledged incidents are listed with when they were acknowledged.
import { useState } from 'react';
import type { AckView, SharedCauseView } from '../../../shared/ipc';
import { useBridge } from '../bridge';
import { NavLink } from './NavLink';
import { RelativeTime } from './RelativeTime';
import { plural } from '../format';

export function SharedCauseBanner({ group, acks }: { group: SharedCauseView | null; acks: AckView[] }) {
  const bridge = useBridge();
  const [error, setError] = useState<string | null>(null);
  const incidents = acks.filter((a) => a.kind === 'incident');
  if (!group && incidents.length === 0) return null;
  const gotIt = (): void => {
    if (!group) return;
    setError(null);
    bridge.invoke('group:ack', { groupId: group.id }).catch((e: unknown) => setError(String(e)));
  };
  return (
    <div className="shared-cause" role="region" aria-label="Vendors failing together">
      {group && group.vendors.length > 0 ? (
        <>
          <p className="shared-cause__title">
            <strong>{plural(group.vendors.length, 'vendor')} in trouble</strong> since{' '}
            <RelativeTime iso={group.since} />
            {group.cause ? <>, possibly because of {group.cause.vendor}</> : null}
          </p>
          {group.cause ? (
            <ul className="shared-cause__evidence" aria-label="Evidence">
              {group.cause.evidence.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p className="shared-cause__evidence">No common cause is known.</p>
          )}
          <ul className="shared-cause__vendors" aria-label="Vendors in trouble">
            {group.vendors.map((v) => (
              <li key={v.id}>
                <NavLink route={{ name: 'vendor', vendorId: v.id }}>{v.name}</NavLink>
              </li>
            ))}
          </ul>
          {group.acknowledgedAt ? (
            <p className="shared-cause__ack">
              Got it <RelativeTime iso={group.acknowledgedAt} />: updates about these stay quiet until they
              recover.
            </p>
          ) : (
            <button type="button" className="button" onClick={gotIt}>
              Got it
            </button>
          )}
          {error ? <p role="alert">{error}</p> : null}
        </>
      ) : null}
      {incidents.length > 0 ? (
        <ul className="shared-cause__acks" aria-label="Acknowledged incidents">
          {incidents.map((a) => (
            <li key={a.key}>
              {a.title} — got it <RelativeTime iso={a.at} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

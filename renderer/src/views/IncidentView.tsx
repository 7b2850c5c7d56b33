// One incident: title, impact, progress, affected components by name, start and end (local time and
// relative), and every update in order with its body as sanitized markdown. "Copy as text" for chat.
import { useEffect, useState } from 'react';
import { impactToStatus, INCIDENT_STATUS_LABEL, isResolvedStatus } from '../../../shared/status';
import { useBridge } from '../bridge';
import { useAppStore } from '../stores/app-store';
import { useDetailEntry, useDetailStore } from '../stores/detail-store';
import { NavLink } from '../components/NavLink';
import { StatusBadge } from '../components/StatusBadge';
import { RelativeTime } from '../components/RelativeTime';
import { ExternalLink, isWebUrl } from '../components/ExternalLink';
import { Markdown } from '../components/Markdown';
import { IncidentAck } from '../components/IncidentAck';
import { impactBadgeText } from '../components/IncidentList';
import { formatDuration, formatLocal, formatStarts, parseTime } from '../format';
import { useNow } from '../hooks/useNow';
import { affectedNames, incidentAsText } from '../incident-text';

function OngoingFor({ since }: { since: string | null }) {
  const now = useNow();
  const t = parseTime(since);
  return <>{t === null ? 'Ongoing' : `Ongoing, for ${formatDuration(now - t)}`}</>;
}

export function IncidentView({ vendorId, incidentId }: { vendorId: string; incidentId: string }) {
  const bridge = useBridge();
  const vendor = useAppStore((s) => s.state?.vendors.find((v) => v.id === vendorId) ?? null);
  const entry = useDetailEntry(vendorId);
  const load = useDetailStore((s) => s.load);
  const [copied, setCopied] = useState<string | null>(null);
  const now = useNow();

  const version = vendor
    ? `${vendor.revision ?? vendor.lastCheckedAt}|${vendor.open.map((o) => `${o.id}:${o.status}`).join(',')}`
    : '';
  // "Not found" only after a load made since this view opened: a cached detail may predate the incident.
  const [fresh, setFresh] = useState(false);
  useEffect(() => {
    if (version) void load(bridge, vendorId).then(() => setFresh(true));
  }, [bridge, vendorId, version, load]);

  const back = (
    <NavLink route={{ name: 'vendor', vendorId }} className="back">
      ← {vendor?.name ?? 'Vendor'}
    </NavLink>
  );
  const snapshot = entry.detail?.snapshot ?? null;
  const incident = snapshot?.incidents.find((i) => i.id === incidentId) ?? null;

  if (!vendor || (fresh && !entry.loading && !incident)) {
    return (
      <section className="view">
        {vendor ? back : null}
        <h1 tabIndex={-1}>Incident not found</h1>
        <p>
          {!vendor
            ? 'This vendor is not in your watchlist (any more).'
            : entry.error
              ? `Could not load the vendor's details: ${entry.error}`
              : 'The vendor no longer lists this incident.'}
        </p>
      </section>
    );
  }
  if (!incident || !snapshot) {
    return (
      <section className="view">
        {back}
        <p className="loading" role="status">
          Loading the incident…
        </p>
      </section>
    );
  }

  const names = affectedNames(incident, snapshot.components);
  const resolved = isResolvedStatus(incident.status);
  const start = parseTime(incident.startedAt);
  // A maintenance that has not begun: its window is ahead, so nothing about it is "ongoing" yet.
  const planned = incident.kind === 'maintenance' && incident.startedAt === null && !resolved;
  const end = parseTime(incident.resolvedAt);
  const copy = async (): Promise<void> => {
    const text = incidentAsText(vendor.name, incident, snapshot.components);
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('The clipboard is not available here.');
    }
  };

  return (
    <article className="view view--incident" aria-labelledby="incident-title">
      {back}
      <header className="view__head">
        <h1 id="incident-title" tabIndex={-1}>
          {incident.title}
        </h1>
        <div className="badges">
          <StatusBadge status={impactToStatus(incident.impact)} label={impactBadgeText(incident)} />
          <span className={`pill pill--progress${resolved ? ' pill--resolved' : ''}`}>
            {INCIDENT_STATUS_LABEL[incident.status]}
          </span>
        </div>
        {!resolved && incident.kind !== 'maintenance' ? (
          <IncidentAck vendorId={vendorId} incidentId={incident.id} />
        ) : null}
      </header>
      <dl className="facts">
        <div>
          <dt>Vendor</dt>
          <dd>{vendor.name}</dd>
        </div>
        {planned ? (
          <div>
            <dt>Planned</dt>
            <dd>{formatStarts(incident.scheduledFor, now)}</dd>
          </div>
        ) : (
          <div>
            <dt>Started</dt>
            <dd>
              {formatLocal(incident.startedAt)} (<RelativeTime iso={incident.startedAt} />)
            </dd>
          </div>
        )}
        <div>
          <dt>Ended</dt>
          <dd>
            {incident.resolvedAt ? (
              <>
                {formatLocal(incident.resolvedAt)} (<RelativeTime iso={incident.resolvedAt} />)
                {start !== null && end !== null ? <>, after {formatDuration(end - start)}</> : null}
              </>
            ) : resolved ? (
              'Resolved (end time not published)'
            ) : planned ? (
              'Not started yet'
            ) : (
              <OngoingFor since={incident.startedAt} />
            )}
          </dd>
        </div>
        {incident.scheduledFor ? (
          <div>
            <dt>Scheduled</dt>
            <dd>
              {formatLocal(incident.scheduledFor)}
              {incident.scheduledUntil ? ` to ${formatLocal(incident.scheduledUntil)}` : ''}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Affected components</dt>
          <dd>
            {names.length > 0 ? (
              <ul className="inline-list">
                {names.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : (
              <span className="muted">Not stated by the vendor</span>
            )}
          </dd>
        </div>
      </dl>
      <div className="buttons">
        <button type="button" onClick={() => void copy()}>
          Copy as text
        </button>
        {incident.url && isWebUrl(incident.url) ? (
          <ExternalLink href={incident.url}>Open on the vendor's page ↗</ExternalLink>
        ) : null}
        <span role="status" className="muted">
          {copied}
        </span>
      </div>
      <section className="card" aria-labelledby="updates-title">
        <h2 id="updates-title">Updates</h2>
        {incident.updates.length === 0 ? (
          <p className="muted">The vendor published no updates for this incident.</p>
        ) : (
          <ol className="updates">
            {incident.updates.map((u, i) => (
              <li key={`${u.at}-${i}`} className="update">
                <h3 className="update__head">
                  <span className="pill">{INCIDENT_STATUS_LABEL[u.status]}</span>{' '}
                  <time dateTime={u.at}>{formatLocal(u.at)}</time>
                </h3>
                <Markdown text={u.body} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

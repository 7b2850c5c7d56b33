// A list of incidents, each openable: title, impact, progress, when it started and how long it lasted.
import type { Incident } from '../../../shared/model';
import {
  IMPACT_LABEL,
  impactToStatus,
  INCIDENT_STATUS_LABEL,
  isResolvedStatus,
  STATUS_LABEL,
} from '../../../shared/status';
import { formatDuration, formatLocal, formatStarts, parseTime } from '../format';
import { useNow } from '../hooks/useNow';
import { NavLink } from './NavLink';
import { StatusGlyph } from './StatusBadge';
import { RelativeTime } from './RelativeTime';

/**
 * An incident's badge in the words of the status it counts as, with the vendor's own word for its impact
 * ("Partial outage · major impact"), so that a "Major outage" header never sits above a "Major impact"
 * badge of another colour.
 */
export function impactBadgeText(incident: Pick<Incident, 'impact' | 'kind'>): string {
  if (incident.kind === 'maintenance' || incident.impact === 'maintenance') return 'Maintenance';
  if (incident.impact === 'none') return 'No impact';
  if (incident.impact === 'unknown') return 'Impact not published';
  return `${STATUS_LABEL[impactToStatus(incident.impact)]} · ${IMPACT_LABEL[incident.impact].toLowerCase()} impact`;
}

export function incidentDuration(incident: Incident): string | null {
  const start = parseTime(incident.startedAt);
  const end = parseTime(incident.resolvedAt);
  return start !== null && end !== null ? formatDuration(end - start) : null;
}

export function IncidentList({
  vendorId,
  incidents,
  label,
}: {
  vendorId: string;
  incidents: Incident[];
  label: string;
}) {
  const now = useNow();
  return (
    <ul className="incidents" aria-label={label}>
      {incidents.map((incident) => {
        const lasted = incidentDuration(incident);
        const maintenance = incident.kind === 'maintenance' || incident.impact === 'maintenance';
        const planned = maintenance && incident.startedAt === null && !isResolvedStatus(incident.status);
        return (
          <li key={incident.id} className="incident-item">
            <StatusGlyph status={impactToStatus(incident.impact)} />
            <div className="incident-item__body">
              <NavLink
                route={{ name: 'incident', vendorId, incidentId: incident.id }}
                className="incident-item__title"
              >
                {incident.title}
              </NavLink>
              <div className="incident-item__meta muted">
                <span className={`pill pill--${impactToStatus(incident.impact)}`}>
                  {impactBadgeText(incident)}
                </span>{' '}
                <span className="pill">{INCIDENT_STATUS_LABEL[incident.status]}</span> ·{' '}
                {planned ? (
                  <span title={formatLocal(incident.scheduledFor)}>
                    {formatStarts(incident.scheduledFor, now)}
                  </span>
                ) : (
                  <span title={formatLocal(incident.startedAt)}>{formatLocal(incident.startedAt)}</span>
                )}
                {planned ? null : isResolvedStatus(incident.status) ? (
                  lasted ? (
                    <> · lasted {lasted}</>
                  ) : null
                ) : (
                  <>
                    {' '}
                    · started <RelativeTime iso={incident.startedAt} />
                  </>
                )}
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

// An incident as plain text, for pasting into a team chat.
import type { Component, Incident } from '../../shared/model';
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL } from '../../shared/status';
import { formatLocal } from './format';

export function incidentAsText(
  vendorName: string,
  incident: Incident,
  components: readonly Component[],
): string {
  const names = affectedNames(incident, components);
  const lines = [
    `${vendorName}: ${incident.title}`,
    `Impact: ${IMPACT_LABEL[incident.impact]} · Status: ${INCIDENT_STATUS_LABEL[incident.status]}`,
    incident.startedAt === null && incident.scheduledFor
      ? `Planned: ${formatLocal(incident.scheduledFor)}`
      : `Started: ${formatLocal(incident.startedAt)}`,
    `Ended: ${incident.resolvedAt ? formatLocal(incident.resolvedAt) : 'not yet'}`,
  ];
  if (names.length > 0) lines.push(`Affected: ${names.join(', ')}`);
  if (incident.url) lines.push(incident.url);
  for (const u of incident.updates) {
    lines.push('', `${INCIDENT_STATUS_LABEL[u.status]} — ${formatLocal(u.at)}`, u.body.trim());
  }
  return lines.join('\n');
}

export function affectedNames(incident: Incident, components: readonly Component[]): string[] {
  const byId = new Map(components.map((c) => [c.id, c]));
  return incident.components.flatMap((id) => {
    const c = byId.get(id);
    return c ? [c.group ? `${c.name} (${c.group})` : c.name] : [];
  });
}

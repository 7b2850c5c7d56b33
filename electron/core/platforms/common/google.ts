// The incidents.json shared by Google Cloud and Google Workspace status dashboards: every incident (open ones
// have no `end`) with its updates, impact and affected products; `products.json` lists every product, so
// products without an open incident are shown as available, as the dashboard shows them.
import type { Component, Incident } from '../../../../shared/model';
import type { ComponentStatus, IncidentImpact, IncidentStatus } from '../../../../shared/status';
import { impactToStatus, worstOf } from '../../../../shared/status';
import type { PlatformId } from '../../../../shared/platforms';
import { FetchError } from '../../http/types';
import type { PlatformRead } from '../types';
import { toIso } from './dates';
import { htmlToText } from './html';
import { isObject, objects, sortIncidents, sortUpdates, str, text, type Json } from './values';

export function googleImpact(statusImpact: unknown, severity: unknown): IncidentImpact {
  switch (text(statusImpact).toUpperCase()) {
    case 'SERVICE_OUTAGE':
      return 'critical';
    case 'SERVICE_DISRUPTION':
      return 'major';
    case 'SERVICE_INFORMATION':
      // An information notice (the dashboard's "i"): the product keeps working, as the dashboard shows it.
      return 'none';
  }
  switch (text(severity).toLowerCase()) {
    case 'high':
      return 'critical';
    case 'medium':
      return 'major';
    case 'low':
      return 'minor';
  }
  return 'unknown';
}

function updateStatus(v: unknown): IncidentStatus {
  if (text(v).toUpperCase() === 'AVAILABLE') return 'resolved';
  // Updates tell impact, not progress: an update before the incident ended is read as under investigation.
  return 'investigating';
}

/**
 * The incident's title: Google writes `external_desc` in Markdown, often opening with a `**Title:**` label
 * (seen on a live Gmail incident); the label and the emphasis marks are not part of it.
 */
export function googleTitle(desc: unknown): string {
  return htmlToText(text(desc))
    .replace(/^\s*\*\*\s*title\s*:?\s*\*\*\s*:?\s*/i, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .trim();
}

export function parseGoogleIncidents(
  incidentsJson: unknown,
  productsJson: unknown,
  opts: { platform: PlatformId; name: string; pageUrl: string },
): Omit<PlatformRead, 'notModified'> {
  if (!Array.isArray(incidentsJson)) {
    throw new FetchError('schema', `${opts.name}'s incidents.json is not a list of incidents.`);
  }
  const base = opts.pageUrl.replace(/\/$/, '');
  const incidents: Incident[] = objects(incidentsJson).map((i: Json) => {
    const end = toIso(i.end);
    const open = end === null;
    const updates = sortUpdates(
      objects(i.updates).map((u) => ({
        status: updateStatus(u.status),
        body: text(u.text),
        at: toIso(u.created ?? u.when) ?? '',
      })),
    ).filter((u) => u.at);
    if (!open && updates.length > 0) updates[updates.length - 1]!.status = 'resolved';
    const startedAt = toIso(i.begin ?? i.created) ?? updates[0]?.at ?? '';
    const uri = text(i.uri);
    return {
      id: str(i.id) ?? str(i.number) ?? `${text(i.external_desc)}@${startedAt}`,
      title: googleTitle(i.external_desc) || text(i.service_name),
      impact: googleImpact(i.status_impact, i.severity),
      status: open ? (updates[updates.length - 1]?.status ?? 'investigating') : 'resolved',
      startedAt,
      resolvedAt: end,
      url: uri ? `${base}/${uri.replace(/^\//, '')}` : null,
      components: productIds(i),
      updates,
      kind: 'incident' as const,
    };
  });
  const products = new Map<string, string>();
  const productList = isObject(productsJson) ? productsJson.products : productsJson;
  for (const p of objects(productList)) {
    const id = str(p.id);
    if (id) products.set(id, text(p.title ?? p.name));
  }
  // Products named by incidents but missing from products.json are still shown.
  for (const i of objects(incidentsJson)) {
    for (const p of objects(i.affected_products)) {
      const id = str(p.id);
      if (id && !products.has(id)) products.set(id, text(p.title));
    }
    const key = str(i.service_key);
    if (key && !products.has(key) && objects(i.affected_products).length === 0)
      products.set(key, text(i.service_name));
  }
  const openImpacts = new Map<string, ComponentStatus[]>();
  for (const inc of incidents) {
    if (inc.resolvedAt !== null) continue;
    for (const id of inc.components)
      openImpacts.set(id, [...(openImpacts.get(id) ?? []), impactToStatus(inc.impact)]);
  }
  const haveList = productList !== undefined && productList !== null;
  const components: Component[] = [...products].map(([id, name]) => ({
    id,
    name,
    group: null,
    status: worstOf(openImpacts.get(id) ?? (haveList ? ['operational'] : ['unknown'])),
  }));
  return {
    vendor: {
      name: opts.name,
      platform: opts.platform,
      pageUrl: opts.pageUrl,
      ...(haveList ? {} : { lacks: ['components' as const] }),
    },
    components: haveList ? components : components.filter((c) => openImpacts.has(c.id)),
    incidents: sortIncidents(incidents),
  };
}

function productIds(i: Json): string[] {
  const ids = objects(i.affected_products)
    .map((p) => str(p.id))
    .filter((x): x is string => x !== null);
  const key = str(i.service_key);
  return ids.length ? ids : key ? [key] : [];
}

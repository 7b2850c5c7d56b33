// Salesforce Trust (status.salesforce.com and its product pages: Tableau, MuleSoft, Marketing Cloud, …): the
// public Trust API's instance list, `api.status.salesforce.com/v1/instances/status/preview?products=<key>`,
// one entry per instance (NA135, EU42, …) with its region, its status (`OK`, `MINOR_INCIDENT_CORE`, …) and
// the open incidents on it (`Incidents`: impacts with a type, a severity and times; the instances they touch).
// One request. The preview tells no incident's updates nor past incidents.
import { z } from 'zod';
import type { Component, Incident } from '../../../shared/model';
import type { ComponentStatus, IncidentImpact } from '../../../shared/status';
import { toIso } from './common/dates';
import { getJson, schemaError } from './common/fetch';
import { sortIncidents } from './common/values';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

const PAGE = 'https://status.salesforce.com';
const API = 'https://api.status.salesforce.com';
const PREVIEW = '/v1/instances/status/preview';

const text = z.string().nullish();
const ImpactSchema = z.object({ startTime: text, endTime: text, type: text, severity: text });
const TrustIncidentSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  isCore: z.boolean().nullish(),
  createdAt: text,
  IncidentImpacts: z.array(ImpactSchema).nullish(),
  instanceKeys: z.array(z.string()).nullish(),
});
const InstanceSchema = z.object({
  key: z.string(),
  location: text,
  environment: text,
  status: text,
  isActive: z.boolean().nullish(),
  // Each incident is checked on its own: one of a shape we do not know is left out, not the whole answer.
  Incidents: z.array(z.unknown()).nullish(),
});
type TrustIncident = z.infer<typeof TrustIncidentSchema>;
export const TrustPreviewSchema = z.array(InstanceSchema);

/**
 * Trust's status words: `_CORE` when the instance's core service is affected, `_NONCORE` when a feature is.
 * Informational notices leave an instance working.
 */
const STATUS: Record<string, ComponentStatus> = {
  OK: 'operational',
  INFORMATIONAL_NONCORE: 'operational',
  INFORMATIONAL_CORE: 'operational',
  MAINTENANCE_NONCORE: 'maintenance',
  MAINTENANCE_CORE: 'maintenance',
  MINOR_INCIDENT_NONCORE: 'degraded',
  MINOR_INCIDENT_CORE: 'degraded',
  MAJOR_INCIDENT_NONCORE: 'partial_outage',
  MAJOR_INCIDENT_CORE: 'major_outage',
};

export function trustStatus(v: string | null | undefined): ComponentStatus {
  const key = (v ?? '').trim().toUpperCase();
  return Object.prototype.hasOwnProperty.call(STATUS, key) ? STATUS[key]! : 'unknown';
}

/** Trust's product keys under the names Salesforce shows for them (as stts names its product pages). */
const PRODUCT_NAME: Record<string, string> = {
  Salesforce_Services: 'Salesforce',
  Community_Cloud: 'Salesforce Experience Cloud',
  B2C_Commerce_Cloud: 'Salesforce B2C Commerce Cloud',
  Marketing_Cloud: 'Salesforce Marketing Cloud',
  MCAccountEngagement: 'Marketing Cloud Account Engagement',
  MCPersonalization: 'Marketing Cloud Personalization',
  Mulesoft: 'MuleSoft',
};

/** The product's name; a key we do not know is shown as written, underscores as spaces. */
function productName(key: string | null): string {
  if (!key) return 'Salesforce';
  return Object.prototype.hasOwnProperty.call(PRODUCT_NAME, key)
    ? PRODUCT_NAME[key]!
    : key.replace(/_/g, ' ');
}

/** `performanceDegradationAsynchronousProcessingSubset` → "Performance degradation asynchronous processing subset". */
function impactTitle(type: string | null | undefined): string {
  const words = (type ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Salesforce incident';
}

function incidentOf(i: TrustIncident, pageUrl: string): Incident {
  const impacts = i.IncidentImpacts ?? [];
  const starts = impacts
    .map((x) => toIso(x.startTime))
    .filter((x): x is string => !!x)
    .sort();
  const ends = impacts.map((x) => toIso(x.endTime));
  // Over when every impact has ended; the latest end is when.
  const over = impacts.length > 0 && ends.every((x) => !!x);
  const severity = impacts.map((x) => (x.severity ?? '').toLowerCase());
  const impact: IncidentImpact = severity.includes('major')
    ? 'major'
    : severity.includes('minor')
      ? 'minor'
      : 'unknown';
  return {
    id: i.id,
    title: impactTitle(impacts[0]?.type),
    impact,
    status: over ? 'resolved' : 'unknown',
    startedAt: starts[0] ?? toIso(i.createdAt) ?? null,
    resolvedAt: over ? ([...ends].sort().at(-1) ?? null) : null,
    // The API names no incident address and we confirmed none the page answers to: the page itself.
    url: pageUrl,
    components: [...new Set(i.instanceKeys ?? [])],
    updates: [],
    kind: 'incident',
  };
}

function productOf(url: URL): string | null {
  const fromQuery = url.searchParams.get('products');
  if (fromQuery) return fromQuery;
  const m = /^\/products\/([A-Za-z0-9_]+)/.exec(url.pathname);
  return m ? m[1]! : null;
}

function detectionFor(product: string | null, apiBase: string): Detection {
  const query = product ? `?products=${encodeURIComponent(product)}` : '';
  return {
    platform: 'salesforce',
    pageUrl: product ? `${PAGE}/products/${encodeURIComponent(product)}` : PAGE,
    apiUrl: `${apiBase}${PREVIEW}${query}`,
    name: productName(product),
  };
}

export function parseTrustPreview(
  data: unknown,
  detection: Pick<Detection, 'pageUrl' | 'apiUrl'>,
): Omit<PlatformRead, 'notModified'> {
  const parsed = TrustPreviewSchema.safeParse(data);
  if (!parsed.success || parsed.data.length === 0)
    throw schemaError('The Salesforce Trust answer is not a list of instances with their status.');
  const components: Component[] = parsed.data
    .filter((i) => i.isActive !== false)
    .map((i) => ({
      id: i.key,
      name: i.key,
      group: i.location || null,
      status: trustStatus(i.status),
    }));
  const byId = new Map<string, Incident>();
  for (const instance of parsed.data)
    for (const raw of instance.Incidents ?? []) {
      const i = TrustIncidentSchema.safeParse(raw);
      if (i.success && !byId.has(i.data.id)) byId.set(i.data.id, incidentOf(i.data, detection.pageUrl));
    }
  return {
    vendor: {
      name: productName(productOf(new URL(detection.apiUrl))),
      platform: 'salesforce',
      pageUrl: detection.pageUrl,
      lacks: ['history', 'updates'],
    },
    components,
    incidents: sortIncidents([...byId.values()]),
  };
}

export const salesforceAdapter: PlatformAdapter = {
  id: 'salesforce',
  matchUrl(url) {
    const host = url.hostname.toLowerCase();
    if (
      host === 'status.salesforce.com' ||
      host === 'trust.salesforce.com' ||
      host === 'api.status.salesforce.com'
    )
      return detectionFor(productOf(url), API);
    // The Trust API's own address, wherever it is served (a proxy, a mirror, a test).
    if (url.pathname.replace(/\/+$/, '') === PREVIEW) {
      // Kept as given (path and parameters): it is the address the user chose to read.
      const d = detectionFor(productOf(url), url.origin);
      const asGiven = new URL(url.href);
      asGiven.hash = '';
      return { ...d, pageUrl: `${url.origin}/`, apiUrl: asGiven.href };
    }
    return null;
  },
  async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
    const { data, doc } = await getJson(ctx, detection.apiUrl);
    return { ...parseTrustPreview(data, detection), notModified: doc.notModified };
  },
};

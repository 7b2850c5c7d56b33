// Salesforce Trust (status.salesforce.com and its product pages: Tableau, MuleSoft, Marketing Cloud, …): the
// public Trust API's instance list, `api.status.salesforce.com/v1/instances/status/preview?products=<key>`,
// one entry per instance (NA135, EU42, …) with its region and its status (`OK`, `MINOR_INCIDENT_CORE`, …).
// One request. The preview tells each instance's state, not the incidents behind it.
import { z } from 'zod';
import type { Component } from '../../../shared/model';
import type { ComponentStatus } from '../../../shared/status';
import { getJson, schemaError } from './common/fetch';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from './types';

const PAGE = 'https://status.salesforce.com';
const API = 'https://api.status.salesforce.com';
const PREVIEW = '/v1/instances/status/preview';

const InstanceSchema = z.object({
  key: z.string(),
  location: z.string().nullish(),
  environment: z.string().nullish(),
  status: z.string().nullish(),
  isActive: z.boolean().nullish(),
});
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
  return {
    vendor: {
      name: productName(productOf(new URL(detection.apiUrl))),
      platform: 'salesforce',
      pageUrl: detection.pageUrl,
      lacks: ['incidents', 'history', 'updates'],
    },
    components,
    incidents: [],
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

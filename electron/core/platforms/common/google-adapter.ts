// One adapter factory for the two Google dashboards that share incidents.json and products.json.
import type { PlatformId } from '../../../../shared/platforms';
import type { Detection, PlatformAdapter, PlatformRead, ReadContext } from '../types';
import { baseBefore, getJson } from './fetch';
import { parseGoogleIncidents } from './google';

export interface GoogleDashboard {
  id: PlatformId;
  name: string;
  hosts: string[];
  /** Where the dashboard lives on its host (Workspace: /appsstatus/dashboard). */
  pathPrefix?: string;
  /** Tested against the page's <title>. */
  marker: RegExp;
}

const FILE = /\/(incidents|products)\.json$/;

const WORKSPACE_PRODUCTS = /^(Gmail|Google (Drive|Calendar|Meet|Chat|Docs|Sheets|Slides))$/;

/** Which dashboard an incidents.json array comes from, by its incidents' fields; null when it is neither. */
function googleFileKind(body: string): 'cloud' | 'workspace' | null {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  if (!Array.isArray(data)) return null;
  const incidents = data
    .slice(0, 200)
    .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null && !Array.isArray(i));
  const google = incidents.filter((i) => 'affected_products' in i || 'service_key' in i);
  if (google.length === 0 || google.length < incidents.length / 2) return null;
  const products = google.flatMap((i) => (Array.isArray(i.affected_products) ? i.affected_products : []));
  const workspace = products.some(
    (p) =>
      typeof p === 'object' &&
      p !== null &&
      WORKSPACE_PRODUCTS.test(String((p as { title?: unknown }).title)),
  );
  // Only Cloud's incidents carry locations; Workspace's name a service_key too (seen on a live Gmail incident).
  const cloud = google.some(
    (i) =>
      'currently_affected_locations' in i ||
      'previously_affected_locations' in i ||
      typeof i.service_key === 'string',
  );
  return cloud && !workspace ? 'cloud' : 'workspace';
}

export function googleAdapter(d: GoogleDashboard): PlatformAdapter {
  const prefix = d.pathPrefix ?? '';
  const onHost = (url: URL) => d.hosts.includes(url.hostname) && url.pathname.startsWith(prefix);
  return {
    id: d.id,
    matchUrl(url) {
      if (!onHost(url)) return null;
      // Sub-dashboards (status.cloud.google.com/maps-platform) keep their path; a page inside a dashboard
      // (an incident, the summary, a region) reads the dashboard's own file.
      const page = url.pathname.replace(
        /\/(incidents\/[^/]+|summary|regional(\/.*)?|products(\/.*)?|index\.html?)\/?$/,
        '',
      );
      const base = FILE.test(url.pathname)
        ? baseBefore(url, FILE)
        : `${url.origin}${page.replace(/\/+$/, '')}`;
      return { platform: d.id, pageUrl: base, apiUrl: `${base}/incidents.json` };
    },
    async probe(url, _ctx, page) {
      if (!page) return null;
      // incidents.json served elsewhere (a mirror, a test server): recognised by the shape of its incidents,
      // wherever their fields sit; Cloud's incidents name locations, Workspace's products by name.
      if (FILE.test(url.pathname) && /^\s*\[/.test(page.body)) {
        const kind = googleFileKind(page.body);
        if (kind === null) return null;
        if ((d.id === 'gcp') !== (kind === 'cloud')) return null;
        const base = baseBefore(url, FILE);
        return { platform: d.id, pageUrl: base, apiUrl: `${base}/incidents.json` };
      }
      // The dashboard's own title, not a page that merely links to it.
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(page.body.slice(0, 100_000))?.[1] ?? '';
      if (!d.marker.test(title)) return null;
      const base = `${url.origin}${url.pathname.replace(/\/(index\.html?|summary)?$/, '')}`;
      return { platform: d.id, pageUrl: url.toString(), apiUrl: `${base}/incidents.json` };
    },
    async read(detection: Detection, ctx: ReadContext): Promise<PlatformRead> {
      const base = baseBefore(new URL(detection.apiUrl), FILE);
      const [incidents, products] = await Promise.all([
        getJson(ctx, `${base}/incidents.json`),
        getJson(ctx, `${base}/products.json`).catch(() => null),
      ]);
      return {
        ...parseGoogleIncidents(incidents.data, products?.data, {
          platform: d.id,
          name: d.name,
          pageUrl: detection.pageUrl,
        }),
        notModified: incidents.doc.notModified && (products?.doc.notModified ?? true),
      };
    },
  };
}

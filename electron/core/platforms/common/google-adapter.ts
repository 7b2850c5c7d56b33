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
      // incidents.json served elsewhere (a mirror, a test server): recognised by its shape and name.
      if (
        FILE.test(url.pathname) &&
        /^\s*\[/.test(page.body) &&
        /"service_key"|"affected_products"/.test(page.body.slice(0, 20_000))
      ) {
        const base = baseBefore(url, FILE);
        const isCloud =
          /"service_key"\s*:\s*"[a-z0-9-]*"/.test(page.body) &&
          !/Gmail|Google Drive|Google Calendar|Google Meet/.test(page.body.slice(0, 50_000));
        if ((d.id === 'gcp') !== isCloud) return null;
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

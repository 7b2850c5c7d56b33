// The catalog's category of a watched vendor, for the overview's "group by category": found by the status
// page's address (exact page first, then its host), since a watch entry keeps only its URL.
import { CATALOG, CATEGORY_LABEL, type CatalogCategory } from '../../shared/catalog';

import { UNCATALOGED } from './uncataloged';

export { UNCATALOGED };

function pageKey(url: string): { page: string; host: string } | null {
  try {
    const u = new URL(url.trim());
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    return { page: `${host}${u.pathname.replace(/\/+$/, '')}`, host };
  } catch {
    return null;
  }
}

let index: { byPage: Map<string, string>; byHost: Map<string, string> } | null = null;

function catalogIndex(): NonNullable<typeof index> {
  if (index) return index;
  const byPage = new Map<string, string>();
  const byHost = new Map<string, string>();
  for (const entry of CATALOG) {
    const key = pageKey(entry.url);
    if (!key) continue;
    const label = CATEGORY_LABEL[entry.category as CatalogCategory] ?? entry.category;
    if (!byPage.has(key.page)) byPage.set(key.page, label);
    if (!byHost.has(key.host)) byHost.set(key.host, label);
  }
  index = { byPage, byHost };
  return index;
}

/** The category label a person reads ("Cloud & hosting"), or UNCATALOGED. */
export function vendorCategory(url: string): string {
  const key = pageKey(url);
  if (!key) return UNCATALOGED;
  const { byPage, byHost } = catalogIndex();
  return byPage.get(key.page) ?? byHost.get(key.host) ?? UNCATALOGED;
}

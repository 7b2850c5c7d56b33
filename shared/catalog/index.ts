// The built-in vendor catalog (plain data, bundled into the renderer too) and its search.
// Where each batch of entries comes from, and how it was checked, is in ./README.md.
import type { CatalogEntry } from '../catalog-types';
import { createCatalogSearch, type CatalogSearch } from './search';
import ai from './data/ai.json';
import analytics from './data/analytics.json';
import apple from './data/apple.json';
import atlassian from './data/atlassian.json';
import aws from './data/aws.json';
import cloud from './data/cloud.json';
import collaboration from './data/collaboration.json';
import communication from './data/communication.json';
import crm from './data/crm.json';
import data from './data/data.json';
import design from './data/design.json';
import devtools from './data/devtools.json';
import ecommerce from './data/ecommerce.json';
import email from './data/email.json';
import finance from './data/finance.json';
import google from './data/google.json';
import hr from './data/hr.json';
import identity from './data/identity.json';
import marketing from './data/marketing.json';
import media from './data/media.json';
import monitoring from './data/monitoring.json';
import morePlatforms from './data/more-platforms.json';
import moreVendors from './data/more-vendors.json';
import networking from './data/networking.json';
import other from './data/other.json';
import payments from './data/payments.json';
import security from './data/security.json';
import support from './data/support.json';
import notListed from './not-listed.json';

export { CATALOG_CATEGORIES, CATEGORY_LABEL, type CatalogCategory } from './categories';

// JSON modules type their fields as string; the catalog tests check every platform and category.
export const CATALOG: readonly CatalogEntry[] = [
  ...ai,
  ...analytics,
  ...apple,
  ...atlassian,
  ...aws,
  ...cloud,
  ...collaboration,
  ...communication,
  ...crm,
  ...data,
  ...design,
  ...devtools,
  ...ecommerce,
  ...email,
  ...finance,
  ...google,
  ...hr,
  ...identity,
  ...marketing,
  ...media,
  ...monitoring,
  ...morePlatforms,
  ...networking,
  ...other,
  ...payments,
  ...security,
  ...support,
  // Last: the long tail from public lists; on a tie in search, the curated vendors above come first.
  ...moreVendors,
] as CatalogEntry[];

// Built at the first search, not at load: the long-running hosts (watch, web, the desktop main) load the
// catalog to recognise known hosts, and most never search it; the index cost them several MB resident.
let search: CatalogSearch | null = null;

/**
 * Entries matching `query` by name, alias or category, best first: exact names, then name prefixes, then
 * words of a name, then a category, then typo-tolerant matches. An empty query returns the whole catalog
 * (or its first `limit` entries); otherwise at most `limit` (default 50) entries.
 */
export function searchCatalog(query: string, limit?: number): CatalogEntry[] {
  search ??= createCatalogSearch(CATALOG, notListed);
  return search(query, limit);
}

/** The entry with this id, if any. */
export function catalogEntry(id: string): CatalogEntry | undefined {
  return byId.get(id);
}

const byId = new Map(CATALOG.map((entry) => [entry.id, entry]));

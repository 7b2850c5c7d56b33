// The built-in vendor catalog and its search (placeholder until the catalog lands).
import type { CatalogEntry } from '../catalog-types';

export const CATALOG: readonly CatalogEntry[] = [];

export function searchCatalog(_query: string, _limit = 50): CatalogEntry[] {
  return [];
}

// The catalog's category of a vendor, loaded only when the overview is grouped by category: the catalog is
// a third of the window's code, and the first view of a large watchlist must not wait for it.
import { useEffect, useState } from 'react';

export type CategoryOf = (url: string) => string;

let loaded: CategoryOf | null = null;
let loading: Promise<CategoryOf> | null = null;

export function loadVendorCategory(): Promise<CategoryOf> {
  loading ??= import('../vendor-category').then(
    (m) => (loaded = m.vendorCategory),
    (err: unknown) => {
      loading = null; // a later wish tries again
      throw err;
    },
  );
  return loading;
}

/** The category lookup when `wanted` (null until the catalog has loaded, and when not wanted). */
export function useVendorCategory(wanted: boolean): CategoryOf | null {
  const [categoryOf, setCategoryOf] = useState<CategoryOf | null>(() => loaded);
  useEffect(() => {
    if (!wanted || categoryOf) return;
    let live = true;
    loadVendorCategory().then(
      (f) => {
        if (live) setCategoryOf(() => f);
      },
      () => {
        // Without the catalog the list stays ungrouped.
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, categoryOf]);
  return wanted ? categoryOf : null;
}

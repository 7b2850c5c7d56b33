// The group of vendors the catalog does not list (apart from ./vendor-category.ts, which brings the catalog).
export const UNCATALOGED = 'Not in the catalog';

// The shape of one vendor catalog entry.
import type { PlatformId } from './platforms';

export interface CatalogEntry {
  /** Unique, kebab-case: "aws-us-east-1", "kustomer". */
  id: string;
  name: string;
  category: string;
  /** The status page a person would open. */
  url: string;
  platform: PlatformId;
  aliases?: string[];
  /** For vendors split by product or region: the parent entry's id. */
  parent?: string;
  /** Components of the page this entry stands for (e.g. a region), "Group/Component" or "Component". */
  components?: string[];
}

// Hosts whose platform the built-in catalog already knows (status.openai.com runs incident.io, …), so that
// their addresses are recognised without a request — including a Statuspage-shaped /api/v2 address on a
// host that only imitates Statuspage's API.
import { CATALOG } from '../../../../shared/catalog';
import type { PlatformId } from '../../../../shared/platforms';

let byHost: Map<string, PlatformId> | null = null;

function index(): Map<string, PlatformId> {
  const map = new Map<string, PlatformId>();
  const conflicted = new Set<string>();
  for (const entry of CATALOG) {
    let host: string;
    try {
      host = new URL(entry.url).hostname.toLowerCase();
    } catch {
      continue;
    }
    const seen = map.get(host);
    if (seen && seen !== entry.platform) conflicted.add(host);
    else map.set(host, entry.platform);
  }
  // A host the catalog lists under two platforms says nothing certain.
  for (const host of conflicted) map.delete(host);
  return map;
}

/** The platform the catalog names for this host, or null when it does not know (or is not sure). */
export function knownPlatform(hostname: string): PlatformId | null {
  byHost ??= index();
  return byHost.get(hostname.toLowerCase()) ?? null;
}

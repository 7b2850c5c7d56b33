// Which platform published a JSON document, judged by its fields alone, never by the path it was found at
// nor by the order of its keys: an Instatus summary served at Statuspage's /api/v2/summary.json is Instatus's.
import type { PlatformId } from '../../../shared/platforms';
import { isBetterstackDocument } from './betterstack';
import { statusPageOf } from './common/fetch';
import { isObject, obj, text } from './common/values';
import { isInstatusSummary } from './instatus';
import type { Detection } from './types';

/** The detection for a document found at `found`, or null when no platform's fields are recognised. */
export function recognizeDocument(data: unknown, found: URL): Detection | null {
  if (!isObject(data)) return null;
  if (isInstatusSummary(data)) {
    const name = text(obj(data.page).name);
    return {
      platform: 'instatus',
      pageUrl: statusPageOf(found),
      apiUrl: found.href,
      ...(name ? { name } : {}),
    };
  }
  if (isBetterstackDocument(data)) {
    const name = text(obj(obj(data.data).attributes).company_name);
    return {
      platform: 'betterstack',
      pageUrl: statusPageOf(found),
      apiUrl: statusPageOf(found),
      ...(name ? { name } : {}),
    };
  }
  return null;
}

/** A recognised document of a platform other than `expected`, or null. */
export function otherPlatformDocument(data: unknown, found: URL, expected: PlatformId): Detection | null {
  const hit = recognizeDocument(data, found);
  return hit && hit.platform !== expected ? hit : null;
}

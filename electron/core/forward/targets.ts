// Forwarding targets of a watchlist ("forward": [...]): their schema, a stable id that names a target
// without its URL (the URL is a secret), and the shortened form under which a URL may be shown.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { httpUrl } from '../url-schema';
import { FORWARD_TYPES, type ForwardTarget } from '../../../shared/model';
import { isOutage, type VendorStatus } from '../../../shared/status';

export { FORWARD_TYPES } from '../../../shared/model';
export type { ForwardTarget, ForwardType } from '../../../shared/model';

export const forwardTargetSchema = z
  .object({
    type: z.enum(FORWARD_TYPES),
    url: httpUrl,
    /** "outages": only notifications about a partial or major outage (and their recovery). */
    level: z.enum(['all', 'outages']).optional(),
    /** Only these vendors (by name or page URL); all when absent. */
    vendors: z.array(z.string().min(1).max(300)).max(1000).optional(),
  })
  .strict() satisfies z.ZodType<ForwardTarget>;

export const MAX_FORWARD_TARGETS = 20;

/** Names a target in file names and notices without revealing its URL: type + hash of type and URL. */
export function targetId(target: Pick<ForwardTarget, 'type' | 'url'>): string {
  const hash = createHash('sha256').update(`${target.type}\n${target.url}`).digest('hex').slice(0, 12);
  return `${target.type}-${hash}`;
}

/**
 * How a target URL may be shown: scheme and host, and only the last 4 characters of the rest, so that
 * a person can tell two targets apart without the URL's secret part being readable.
 */
export function shortenUrl(url: string): string {
  try {
    const u = new URL(url);
    const rest = `${u.pathname}${u.search}`.replace(/^\/$/, '');
    const tail = rest.length > 4 ? `/…${rest.slice(-4)}` : rest.length > 0 ? '/…' : '';
    return `${u.protocol}//${u.host}${tail}`;
  } catch {
    return '(invalid URL)';
  }
}

/** A target named for a person: "slack https://hooks.slack.com/…3Tz9". */
export function describeTarget(target: Pick<ForwardTarget, 'type' | 'url'>): string {
  return `${target.type} ${shortenUrl(target.url)}`;
}

/** Whether a notification about `vendor` at `severity` goes to this target (its level and vendor filters). */
export function targetWants(
  target: ForwardTarget,
  vendor: { name: string; pageUrl: string } | null,
  severity: VendorStatus,
): boolean {
  // The policy gives a recovery the severity of what ended, so "outages" also hears that one ended.
  if (target.level === 'outages' && !isOutage(severity)) return false;
  if (target.vendors && target.vendors.length > 0) {
    if (!vendor) return false;
    const wanted = target.vendors.map((v) => v.trim().toLowerCase().replace(/\/+$/, ''));
    const names = [vendor.name.toLowerCase(), vendor.pageUrl.toLowerCase().replace(/\/+$/, '')];
    if (!names.some((n) => wanted.includes(n))) return false;
  }
  return true;
}

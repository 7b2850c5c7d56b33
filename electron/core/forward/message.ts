// What is forwarded: a notification the policy decided to show, with the vendor and incident it is
// about (the webhook body of DESIGN.md). Built once, then formatted for each target.
import type { AppNotification } from '../../../shared/notification';
import type { VendorStatus } from '../../../shared/status';

export interface ForwardMessage {
  key: string;
  title: string;
  body: string;
  severity: VendorStatus;
  vendor: { id: string; name: string; pageUrl: string } | null;
  incident: { id: string; title: string; url: string | null } | null;
  /** Several vendors failing together: the group, its vendors (names) and its possible cause. */
  group?: { id: string; vendors: string[]; cause: { vendor: string; evidence: string[] } | null } | null;
  at: string;
}

/** What a host knows about the vendor and incident a notification points at. */
export interface ForwardContext {
  vendor: ForwardMessage['vendor'];
  incident: ForwardMessage['incident'];
}

export function forwardMessage(notification: AppNotification, context: ForwardContext): ForwardMessage {
  return {
    key: notification.key,
    title: notification.title,
    body: notification.body,
    severity: notification.severity,
    vendor: context.vendor,
    incident: context.incident,
    group: notification.group
      ? {
          id: notification.group.id,
          vendors: [...notification.group.vendors],
          cause: notification.group.cause
            ? { vendor: notification.group.cause.vendor, evidence: [...notification.group.cause.evidence] }
            : null,
        }
      : null,
    at: notification.at,
  };
}

function httpUrl(link: string | null | undefined): URL | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Whether `link` is an http(s) address on the same host as `base` (a page's own link). */
export function sameHost(link: string | null | undefined, base: string | null | undefined): boolean {
  const a = httpUrl(link);
  const b = httpUrl(base);
  return a !== null && b !== null && a.hostname === b.hostname;
}

/**
 * The link a message offers, and the host to name beside it: the incident's page when it is on the status
 * page's own host, else the status page. A link the page published to another site is never offered:
 * a chat shows the engine's links only.
 */
export function messageLink(message: ForwardMessage): { url: string; host: string } | null {
  const page = httpUrl(message.vendor?.pageUrl);
  const incident = httpUrl(message.incident?.url);
  const url = incident && (!page || incident.hostname === page.hostname) ? incident : page;
  if (!url) return null;
  // As published when it is plain printable ASCII; else in the form the URL parser normalised it to.
  const given = url === incident ? message.incident!.url! : message.vendor!.pageUrl;
  return { url: /^[\x21-\x7e]+$/.test(given) ? given : url.href, host: url.host };
}

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

/** The link a message offers: the incident's page, else the vendor's status page. */
export function messageLink(message: ForwardMessage): string | null {
  const link = message.incident?.url ?? message.vendor?.pageUrl ?? null;
  return link && /^https?:\/\//i.test(link) ? link : null;
}

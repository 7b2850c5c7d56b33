// Shows the notifications the engine's policy decided on as native ones; a click opens the window on the
// vendor or incident. Whether to notify at all (off globally, per vendor, quiet hours) is the policy's call.
import { Notification } from 'electron';
import type { NavigateTarget } from '../shared/ipc';
import type { AppNotification } from '../shared/notification';
import { isOutage } from '../shared/status';
import { notificationBody, notificationTitle } from './core/text/desktop-text';

/** Notifications kept alive for their click handlers; the oldest are let go beyond this. */
const MAX_KEPT = 50;

export interface NotifierOptions {
  /** Open the window; on a target, or on the overview for a digest. */
  open(target: NavigateTarget | null): void;
  iconPath?: string;
  platform: NodeJS.Platform;
  /** "Got it" from the notification, where the OS offers actions (macOS): acknowledge what it is about. */
  acknowledge?(notification: AppNotification): void;
}

/** Whether a notification is about something that can be acknowledged: an open incident or a group. */
function canAcknowledge(n: AppNotification): boolean {
  if (n.group) return n.group.stage !== 'closed';
  return n.target?.incidentId !== undefined && n.severity !== 'operational';
}

export class Notifier {
  /**
   * Electron drops a Notification's click handler when the object is garbage collected, while the OS may
   * still show it: keep a reference until it is clicked, closed or pushed out by newer ones.
   */
  private readonly live = new Map<string, Notification>();
  /** The shown notification of each tag (a group's), replaced in place by its next stage. */
  private readonly tagged = new Map<string, { key: string; native: Notification }>();

  constructor(private readonly options: NotifierOptions) {}

  get keptCount(): number {
    return this.live.size;
  }

  show(notification: AppNotification): void {
    if (!Notification.isSupported()) return;
    this.forget(notification.key);
    const outage = isOutage(notification.severity);
    const previous = notification.tag ? this.tagged.get(notification.tag) : undefined;
    if (previous) {
      previous.native.close();
      this.forget(previous.key);
    }
    const ackable =
      this.options.platform === 'darwin' && !!this.options.acknowledge && canAcknowledge(notification);
    const native = new Notification({
      // Vendor text goes through desktop-text: no control character, and no markup on Linux.
      title: notificationTitle(notification.title),
      body: notificationBody(notification.body, this.options.platform),
      ...(this.options.iconPath ? { icon: this.options.iconPath } : {}),
      // Linux: outages stay until seen; everything else is normal.
      ...(this.options.platform === 'linux' ? { urgency: outage ? 'critical' : 'normal' } : {}),
      // A later stage of a group replaces the one shown without a second sound.
      silent: notification.silent === true,
      ...(ackable ? { actions: [{ type: 'button' as const, text: 'Got it' }] } : {}),
    });
    if (notification.tag) {
      this.tagged.delete(notification.tag);
      this.tagged.set(notification.tag, { key: notification.key, native });
      const oldest = this.tagged.keys().next().value;
      if (this.tagged.size > MAX_KEPT && oldest !== undefined) this.tagged.delete(oldest);
    }
    if (ackable) native.on('action', () => this.options.acknowledge?.(notification));
    native.on('click', () => {
      this.forget(notification.key);
      this.options.open(notification.target);
    });
    native.on('close', () => this.forget(notification.key));
    native.on('failed', () => this.forget(notification.key));
    this.live.set(notification.key, native);
    while (this.live.size > MAX_KEPT) {
      const oldest = this.live.keys().next().value;
      if (oldest === undefined) break;
      this.live.delete(oldest);
    }
    native.show();
  }

  private forget(key: string): void {
    this.live.delete(key);
  }
}

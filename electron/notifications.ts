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
}

export class Notifier {
  /**
   * Electron drops a Notification's click handler when the object is garbage collected, while the OS may
   * still show it: keep a reference until it is clicked, closed or pushed out by newer ones.
   */
  private readonly live = new Map<string, Notification>();

  constructor(private readonly options: NotifierOptions) {}

  get keptCount(): number {
    return this.live.size;
  }

  show(notification: AppNotification): void {
    if (!Notification.isSupported()) return;
    this.forget(notification.key);
    const outage = isOutage(notification.severity);
    const native = new Notification({
      // Vendor text goes through desktop-text: no control character, and no markup on Linux.
      title: notificationTitle(notification.title),
      body: notificationBody(notification.body, this.options.platform),
      ...(this.options.iconPath ? { icon: this.options.iconPath } : {}),
      // Linux: outages stay until seen; everything else is normal.
      ...(this.options.platform === 'linux' ? { urgency: outage ? 'critical' : 'normal' } : {}),
      silent: false,
    });
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

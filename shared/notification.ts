// A notification the monitor's policy decided to show: hosts only display it (OS notification, web toast).
import type { NavigateTarget } from './ipc';
import type { SharedCause } from './model';
import type { VendorStatus } from './status';

export interface AppNotification {
  /** Stable key, so the same thing is never announced twice (also across restarts). */
  key: string;
  title: string;
  body: string;
  severity: VendorStatus;
  /** Where a click takes the user; null for a digest that spans vendors (opens the overview). */
  target: NavigateTarget | null;
  at: string;
  /**
   * Notifications with one tag replace each other in place (a group's later stages); an update that only
   * replaces is `silent`. Absent for ordinary notifications.
   */
  tag?: string;
  silent?: boolean;
  /** Set when it speaks for several vendors failing together. */
  group?: NotificationGroup;
}

export interface NotificationGroup {
  id: string;
  stage: 'opened' | 'updated' | 'closed';
  /** The vendors in trouble (names). */
  vendors: string[];
  cause: SharedCause | null;
}

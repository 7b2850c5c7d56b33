// A notification the monitor's policy decided to show: hosts only display it (OS notification, web toast).
import type { NavigateTarget } from './ipc';
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
}

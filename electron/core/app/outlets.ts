// Where a notification the policy decided on goes: every outlet in the list receives each one (the OS
// notification of the desktop, the web mode's push, a forwarding outbox). Add an outlet here; nothing
// else in the core needs to change.
import type { AppNotification } from '../../../shared/notification';

/** One destination of notifications. `deliver` must not block: queue slow work (network) yourself. */
export interface NotificationOutlet {
  /** Shown in the log when the outlet fails, e.g. "OS notification", "web push", "forwarding". */
  readonly name: string;
  deliver(notification: AppNotification): void;
}

export interface Outlets {
  /** Adds an outlet; returns the function that removes it. */
  add(outlet: NotificationOutlet): () => void;
  /** Hands one notification to every outlet; an outlet that throws does not stop the others. */
  deliver(notification: AppNotification): void;
  readonly size: number;
}

export function createOutlets(initial: readonly NotificationOutlet[] = []): Outlets {
  const outlets = new Set<NotificationOutlet>(initial);
  return {
    add(outlet) {
      outlets.add(outlet);
      return () => void outlets.delete(outlet);
    },
    deliver(notification) {
      for (const outlet of [...outlets]) {
        try {
          outlet.deliver(notification);
        } catch (err) {
          console.error(`statustray: the ${outlet.name} outlet failed:`, err);
        }
      }
    },
    get size() {
      return outlets.size;
    },
  };
}

/** A host's listener as an outlet (the AppCore.onNotification of hosts that only display). */
export function listenerOutlet(
  name: string,
  listener: (notification: AppNotification) => void,
): NotificationOutlet {
  return { name, deliver: listener };
}

// In-page notifications, for hosts that have no OS notifications (the web mode's bridge offers
// `onNotification`); Electron shows them as OS notifications instead, so there this renders nothing.
import { useEffect, useState } from 'react';
import type { Bridge } from '../../../shared/ipc';
import type { AppNotification } from '../../../shared/notification';
import { STATUS_LABEL } from '../../../shared/status';
import { useBridge } from '../bridge';
import { useNav } from '../stores/nav-store';
import { StatusGlyph } from './StatusBadge';

const SHOWN_MS = 15_000;
const MAX_SHOWN = 3;

interface NotificationSource {
  onNotification(listener: (notification: AppNotification) => void): () => void;
}

function hasNotifications(bridge: Bridge): bridge is Bridge & NotificationSource {
  return typeof (bridge as Partial<NotificationSource>).onNotification === 'function';
}

export function Toasts() {
  const bridge = useBridge();
  const navigate = useNav((s) => s.navigate);
  const [items, setItems] = useState<AppNotification[]>([]);

  useEffect(() => {
    if (!hasNotifications(bridge)) return;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const off = bridge.onNotification((n) => {
      setItems((list) => [n, ...list.filter((x) => x.key !== n.key)].slice(0, MAX_SHOWN));
      const timer = setTimeout(() => {
        timers.delete(timer);
        setItems((list) => list.filter((x) => x.key !== n.key));
      }, SHOWN_MS);
      timers.add(timer);
    });
    return () => {
      off();
      for (const t of timers) clearTimeout(t);
    };
  }, [bridge]);

  const dismiss = (key: string): void => setItems((list) => list.filter((x) => x.key !== key));
  return (
    <section className="toasts" aria-label="Notifications" aria-live="polite">
      <ul>
        {items.map((n) => (
          <li key={n.key} className={`toast toast--${n.severity}`}>
            <StatusGlyph status={n.severity} size={18} />
            <div className="toast__body">
              <strong>
                <span className="visually-hidden">{STATUS_LABEL[n.severity]}: </span>
                {n.title}
              </strong>
              <p>{n.body}</p>
              <div className="buttons">
                {n.target ? (
                  <button
                    type="button"
                    onClick={() => {
                      const t = n.target;
                      if (!t) return;
                      navigate(
                        t.incidentId
                          ? { name: 'incident', vendorId: t.vendorId, incidentId: t.incidentId }
                          : { name: 'vendor', vendorId: t.vendorId },
                      );
                      dismiss(n.key);
                    }}
                  >
                    Open
                  </button>
                ) : null}
                <button type="button" onClick={() => dismiss(n.key)}>
                  Dismiss
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

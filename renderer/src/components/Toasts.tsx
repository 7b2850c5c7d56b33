// In-page notifications, for hosts that have no OS notifications (the web mode's bridge offers
// `onNotification`); Electron shows them as OS notifications instead, so there this renders nothing.
// A toast about an outage stays until dismissed (it is news a person must not miss); others fade. With
// the user's opt-in, a tab in the background also shows them as browser notifications.
import { useEffect, useState } from 'react';
import type { AppNotification } from '../../../shared/notification';
import { isOutage, STATUS_LABEL } from '../../../shared/status';
import { useBridge } from '../bridge';
import { useNav, type Route } from '../stores/nav-store';
import { isWebBridge } from '../web-bridge';
import { StatusGlyph } from './StatusBadge';
import { showBrowserNotification } from './BrowserNotifications';

const SHOWN_MS = 15_000;
const MAX_SHOWN = 3;

function routeOf(n: AppNotification): Route {
  const t = n.target;
  if (!t) return { name: 'overview' };
  return t.incidentId
    ? { name: 'incident', vendorId: t.vendorId, incidentId: t.incidentId }
    : { name: 'vendor', vendorId: t.vendorId };
}

export function Toasts() {
  const bridge = useBridge();
  const navigate = useNav((s) => s.navigate);
  const [items, setItems] = useState<AppNotification[]>([]);

  useEffect(() => {
    if (!isWebBridge(bridge)) return;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const off = bridge.onNotification((n) => {
      setItems((list) => [n, ...list.filter((x) => x.key !== n.key)].slice(0, MAX_SHOWN));
      showBrowserNotification(n, () => navigate(routeOf(n)));
      if (isOutage(n.severity)) return;
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
  }, [bridge, navigate]);

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
                      navigate(routeOf(n));
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

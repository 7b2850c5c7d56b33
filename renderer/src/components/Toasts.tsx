// In-page notifications, for hosts that have no OS notifications (the web mode's bridge offers
// `onNotification`); Electron shows them as OS notifications instead, so there this renders nothing.
// They have a region of their own above the view, never over it. A vendor's newer notification replaces
// its older ones (a recovery closes its outage toasts); a toast about an outage stays until dismissed or
// replaced (it is news a person must not miss); others fade. The newest few show, the rest behind a count.
// With the user's opt-in, a tab in the background also shows them as browser notifications.
import { useEffect, useState } from 'react';
import type { AppNotification } from '../../../shared/notification';
import { isOutage, STATUS_LABEL } from '../../../shared/status';
import { useBridge } from '../bridge';
import { useNav, type Route } from '../stores/nav-store';
import { isWebBridge } from '../web-bridge';
import { StatusGlyph } from './StatusBadge';
import { showBrowserNotification } from './BrowserNotifications';
import { addToast } from '../toast-list';

const SHOWN_MS = 15_000;
/** Toasts shown before the "N more" button: the region stays short, the view keeps the screen. */
const MAX_SHOWN = 2;

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
  const [expanded, setExpanded] = useState(false);

  useEffect(() => {
    if (!isWebBridge(bridge)) return;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const off = bridge.onNotification((n) => {
      setItems((list) => addToast(list, n));
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
  const shown = expanded ? items : items.slice(0, MAX_SHOWN);
  const hidden = items.length - shown.length;
  return (
    <section
      className={`toasts${items.length ? '' : ' toasts--empty'}`}
      aria-label="Notifications"
      aria-live="polite"
    >
      <ul>
        {shown.map((n) => (
          <li key={n.key} className={`toast toast--${n.severity}`}>
            <StatusGlyph status={n.severity} size={18} />
            <div className="toast__body">
              <strong>
                <span className="visually-hidden">{STATUS_LABEL[n.severity]}: </span>
                {n.title}
              </strong>
              <p>{n.body}</p>
            </div>
            <div className="buttons toast__buttons">
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
          </li>
        ))}
      </ul>
      {hidden > 0 || (expanded && items.length > MAX_SHOWN) ? (
        <div className="toasts__more">
          <button type="button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer notifications' : `${hidden} more notification${hidden === 1 ? '' : 's'}`}
          </button>
          <button type="button" onClick={() => setItems([])}>
            Dismiss all
          </button>
        </div>
      ) : null}
    </section>
  );
}

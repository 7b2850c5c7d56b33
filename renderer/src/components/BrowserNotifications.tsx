// Web mode's opt-in to the browser's own notifications (Notification API), for the same notifications the
// desktop app would show: they reach the user while the dashboard's tab is in the background.
import { useState } from 'react';
import type { AppNotification } from '../../../shared/notification';
import { statusIconDataUrl } from '../../../shared/status-icon';

export const BROWSER_NOTIFY_KEY = 'statustray.browserNotifications';

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/** The user asked for browser notifications here, and the browser allows them. */
export function browserNotificationsOn(): boolean {
  try {
    return (
      supported() &&
      Notification.permission === 'granted' &&
      localStorage.getItem(BROWSER_NOTIFY_KEY) === 'on'
    );
  } catch {
    return false;
  }
}

/** Shows one notification through the browser when the tab is not in view (in view, the toast says it). */
export function showBrowserNotification(n: AppNotification, onOpen: () => void): boolean {
  // Visibility first: asking for the permission is a round trip to the browser, for nothing when in view.
  if (document.visibilityState === 'visible' || !browserNotificationsOn()) return false;
  const shown = new Notification(n.title, { body: n.body, tag: n.key, icon: statusIconDataUrl(n.severity) });
  shown.onclick = () => {
    window.focus();
    onOpen();
    shown.close();
  };
  return true;
}

export function BrowserNotificationsField() {
  const [on, setOn] = useState(browserNotificationsOn);
  const [message, setMessage] = useState<string | null>(
    supported() ? null : 'This browser cannot show notifications; StatusTray shows them in the page.',
  );
  const change = async (wanted: boolean): Promise<void> => {
    if (!wanted) {
      localStorage.setItem(BROWSER_NOTIFY_KEY, 'off');
      setOn(false);
      setMessage(null);
      return;
    }
    const permission = await Notification.requestPermission();
    if (permission === 'granted') {
      localStorage.setItem(BROWSER_NOTIFY_KEY, 'on');
      setOn(true);
      setMessage('Browser notifications are on for this tab while it is in the background.');
    } else {
      setOn(false);
      setMessage(
        permission === 'denied'
          ? 'The browser blocks notifications from this page: allow them in its site settings, then try again.'
          : 'Notifications were not allowed.',
      );
    }
  };
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          disabled={!supported()}
          onChange={(e) => void change(e.target.checked)}
        />
        <span>Show browser notifications when this tab is in the background</span>
      </label>
      <p className="muted" role="status">
        {message ?? 'The same notifications the desktop app shows; in the open tab they appear in the page.'}
      </p>
    </>
  );
}

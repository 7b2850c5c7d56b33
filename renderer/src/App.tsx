// The window's frame: connects to the host, follows the hash router and 'navigate' pushes, applies the
// theme, shows the host's banners (offline, paused, notices) and the current view.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useBridge } from './bridge';
import { connectAppState, useAppStore } from './stores/app-store';
import { connectHashRouting, routeToHash, useNav, type Route } from './stores/nav-store';
import { markFirstView } from './perf';
import { StatusGlyph } from './components/StatusBadge';
import { COMPONENT_STATUSES, STATUS_LABEL, STATUS_LOOK } from '../../shared/status';
import { formatLocal } from './format';
import { OverviewView } from './views/OverviewView';
import { VendorView } from './views/VendorView';
import { AddVendorView } from './views/AddVendorView';
import { SettingsView } from './views/SettingsView';
import { NavLink } from './components/NavLink';
import { Toasts } from './components/Toasts';
import { useTabStatus } from './hooks/useTabStatus';
import { THEME_KEY } from './theme';

export { THEME_KEY, applyRememberedTheme } from './theme';

// The incident view brings the markdown renderer, a fifth of the window's code: loaded when first opened.
const IncidentView = lazy(() => import('./views/IncidentView').then((m) => ({ default: m.IncidentView })));

function CurrentView({ route }: { route: Route }) {
  switch (route.name) {
    case 'overview':
      return <OverviewView />;
    case 'vendor':
      return <VendorView key={route.vendorId} vendorId={route.vendorId} />;
    case 'incident':
      return (
        <Suspense
          fallback={
            <p className="loading" role="status">
              Loading the incident…
            </p>
          }
        >
          <IncidentView
            key={`${route.vendorId}/${route.incidentId}`}
            vendorId={route.vendorId}
            incidentId={route.incidentId}
          />
        </Suspense>
      );
    case 'add':
      return <AddVendorView />;
    case 'settings':
      return <SettingsView />;
  }
}

/** The host's refusal without its first sentence when that only repeats the heading ("needs its key"). */
export function withoutKeyHeadline(message: string): string {
  const rest = message.replace(/^[^.]*access key\.\s*/i, '');
  return rest || message;
}

export function App() {
  const bridge = useBridge();
  const state = useAppStore((s) => s.state);
  const loadError = useAppStore((s) => s.loadError);
  const loadErrorNeedsKey = useAppStore((s) => s.loadErrorNeedsKey);
  const route = useNav((s) => s.route);
  const navigate = useNav((s) => s.navigate);
  const mainRef = useRef<HTMLElement>(null);
  const lastRoute = useRef<string | null>(null);

  useEffect(() => connectAppState(bridge), [bridge]);
  useTabStatus(state);
  useEffect(() => connectHashRouting(window), []);
  useEffect(
    () =>
      bridge.on('navigate', (target) =>
        navigate(
          target.incidentId
            ? { name: 'incident', vendorId: target.vendorId, incidentId: target.incidentId }
            : { name: 'vendor', vendorId: target.vendorId },
        ),
      ),
    [bridge, navigate],
  );

  useEffect(() => {
    // One source for status colors: shared/status, exposed to the stylesheet as --s-<status>.
    for (const status of COMPONENT_STATUSES) {
      document.documentElement.style.setProperty(`--s-${status}`, STATUS_LOOK[status].hex);
    }
  }, []);

  const theme = state?.settings.theme ?? 'system';
  const hasState = state !== null;
  useEffect(() => {
    if (!hasState) return; // until then, the remembered theme (applyRememberedTheme) stays
    document.documentElement.dataset.theme = theme;
    // Remembered for the next start, so the window opens in the right theme before the state arrives.
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage may be unavailable (private mode); the theme then follows the state alone.
    }
  }, [theme, hasState]);

  useEffect(() => {
    if (state) markFirstView();
  }, [state]);

  // After moving to another view, put keyboard and screen reader focus on its heading.
  const hash = routeToHash(route);
  useEffect(() => {
    const moved = lastRoute.current !== null && lastRoute.current !== hash;
    lastRoute.current = hash;
    const main = mainRef.current;
    if (!moved || !main) return;
    const focusHeading = (): boolean => {
      const heading = main.querySelector<HTMLElement>('h1');
      heading?.focus();
      return heading !== null;
    };
    if (focusHeading()) return;
    // A view still loading has no heading yet: focus it when it appears, unless the user moved on.
    const observer = new MutationObserver(() => {
      const idle = document.activeElement === null || document.activeElement === document.body;
      if (!idle || focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    // Bounded, but long enough for a view whose code loads late on a slow machine (a test with both cores
    // busy took over 5 s); anything the user focuses meanwhile ends it anyway.
    const timer = setTimeout(() => observer.disconnect(), 30_000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [hash, hasState]);

  const tray = state?.tray ?? 'unknown';
  const paused = state?.settings.pausedUntil ?? null;
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#content"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand" title={`Overall: ${STATUS_LABEL[tray]}`}>
          <StatusGlyph status={tray} size={20} />
          <span className="brand__name">StatusTray</span>
          <span className="visually-hidden">, overall {STATUS_LABEL[tray]}</span>
        </div>
        {/* Without the state (no access key, no monitor) the other views cannot work: no links to them. */}
        {state ? (
          <nav aria-label="Main">
            <ul className="topnav">
              <li>
                <NavLink route={{ name: 'overview' }} current={route.name === 'overview'}>
                  Vendors
                </NavLink>
              </li>
              <li>
                <NavLink route={{ name: 'add' }} current={route.name === 'add'}>
                  Add vendor
                </NavLink>
              </li>
              <li>
                <NavLink route={{ name: 'settings' }} current={route.name === 'settings'}>
                  Settings
                </NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
      </header>
      {state?.offline ? (
        <p className="banner banner--offline" role="status">
          This computer is offline. Statuses below are from before; nothing will be announced until it is
          back.
        </p>
      ) : null}
      {paused ? (
        <p className="banner banner--paused" role="status">
          Checks and notifications are paused until {formatLocal(paused)}.
        </p>
      ) : null}
      {state && state.notices.length > 0 ? (
        <div className="banner banner--notice" role="alert">
          <ul>
            {state.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Toasts />
      <main id="content" ref={mainRef}>
        {state ? (
          <CurrentView route={route} />
        ) : loadError ? (
          <div className="locked" role="alert">
            <h1 tabIndex={-1}>
              {loadErrorNeedsKey
                ? 'This dashboard needs its access key'
                : 'StatusTray cannot reach its monitor'}
            </h1>
            <p>{loadErrorNeedsKey ? withoutKeyHeadline(loadError) : loadError}</p>
            {loadErrorNeedsKey ? null : (
              <button type="button" onClick={() => window.location.reload()}>
                Try again
              </button>
            )}
          </div>
        ) : (
          <p className="loading" role="status">
            Loading your vendors…
          </p>
        )}
      </main>
    </div>
  );
}

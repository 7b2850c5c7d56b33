// App states for the Electron glue tests: what the engine would push after reading some vendors.
import type { AppState, Settings, VendorSummary } from '../../shared/ipc';
import type { TrayState, VendorStatus } from '../../shared/status';

export function vendor(
  name: string,
  status: VendorStatus,
  extra: Partial<VendorSummary> = {},
): VendorSummary {
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    id,
    url: `https://status.${id}.example`,
    name,
    platform: 'statuspage',
    pageUrl: `https://status.${id}.example`,
    status,
    open: [],
    lastCheckedAt: '2026-11-24T10:00:00.000Z',
    lastGoodAt: '2026-11-24T10:00:00.000Z',
    stale: false,
    error: null,
    watchedComponents: [],
    notify: 'all',
    snoozedUntil: null,
    ...extra,
  };
}

export const DEFAULT_SETTINGS: Settings = {
  intervalSeconds: 120,
  notificationsEnabled: true,
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  launchAtLogin: false,
  theme: 'system',
  pausedUntil: null,
};

export function appState(
  vendors: VendorSummary[],
  tray: TrayState,
  extra: Partial<Omit<AppState, 'settings'>> & { settings?: Partial<Settings> } = {},
): AppState {
  const { settings, ...rest } = extra;
  return {
    vendors,
    tray,
    offline: false,
    dataDir: '/home/user/.config/StatusTray',
    notices: [],
    ...rest,
    settings: { ...DEFAULT_SETTINGS, ...settings },
  };
}

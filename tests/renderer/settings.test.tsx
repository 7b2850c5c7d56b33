import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/ipc';
import { createFakeBridge } from './fake-bridge';
import { appState, DEFAULT_SETTINGS, mixedVendors } from './fixtures';
import { renderApp } from './render-app';

const EXPORTED = JSON.stringify(
  {
    version: 1,
    vendors: [
      { url: 'https://status.kustomer.com', name: 'Kustomer', components: ['Prod2 (EU)/Channel - Email'] },
    ],
  },
  null,
  2,
);

function settingsBridge() {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  return createFakeBridge({
    'state:get': async () => appState(mixedVendors()),
    'settings:update': async (patch) => (settings = { ...settings, ...patch }),
    'watchlist:export': async () => EXPORTED,
    'watchlist:import': async ({ text }) =>
      text.includes('"version": 1')
        ? { added: 2, skipped: 1, errors: ['vendors[3]: url is not a web address'] }
        : { added: 0, skipped: 0, errors: ['Not a watchlist file'] },
  });
}

async function openSettings(bridge = settingsBridge()) {
  renderApp(bridge, '#/settings');
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
  return bridge;
}

describe('settings', () => {
  it('refuses a poll interval under 30 seconds and saves a valid one', async () => {
    const user = userEvent.setup();
    const bridge = await openSettings();
    const interval = screen.getByRole('spinbutton', { name: 'Check every (seconds)' });
    expect(interval).toHaveValue(120);
    await user.clear(interval);
    await user.type(interval, '10{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('at least 30');
    expect(bridge.callsTo('settings:update')).toEqual([]);
    await user.clear(interval);
    await user.type(interval, '45{Enter}');
    expect(bridge.callsTo('settings:update')).toEqual([{ intervalSeconds: 45 }]);
  });

  it('says when the command line sets the interval for this run', async () => {
    renderApp(
      createFakeBridge({
        'state:get': async () => ({ ...appState(mixedVendors()), intervalOverrideSeconds: 5 }),
      }),
      '#/settings',
    );
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(screen.getByText(/command line checks every 5 s/)).toBeInTheDocument();
  });

  it('says nothing of the command line when it set no interval', async () => {
    await openSettings();
    expect(screen.queryByText(/command line checks every/)).not.toBeInTheDocument();
  });

  it('turns notifications, quiet hours and launch at login on and off', async () => {
    const user = userEvent.setup();
    const bridge = await openSettings();
    await user.click(screen.getByRole('checkbox', { name: 'Hold notifications during quiet hours' }));
    expect(bridge.callsTo('settings:update')).toEqual([
      { quietHours: { enabled: true, start: '22:00', end: '07:00' } },
    ]);
    await waitFor(() => expect(screen.getByLabelText('From')).toBeEnabled());
    await user.click(screen.getByRole('checkbox', { name: 'Start StatusTray when I log in' }));
    await user.click(screen.getByRole('checkbox', { name: 'Show desktop notifications' }));
    expect(bridge.callsTo('settings:update').slice(1)).toEqual([
      { launchAtLogin: true },
      { notificationsEnabled: false },
    ]);
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Show desktop notifications' })).not.toBeChecked(),
    );
  });

  it('switches the theme and applies it to the page', async () => {
    const user = userEvent.setup();
    await openSettings();
    expect(document.documentElement.dataset.theme).toBe('system');
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
  });

  it('exports the watchlist as text and as a download', async () => {
    const user = userEvent.setup();
    URL.createObjectURL = () => 'blob:statustray/1';
    URL.revokeObjectURL = () => undefined;
    await openSettings();
    await user.click(screen.getByRole('button', { name: 'Export watchlist' }));
    expect(await screen.findByRole('textbox', { name: 'Exported watchlist' })).toHaveValue(EXPORTED);
    const download = screen.getByRole('link', { name: 'Download statustray-watchlist.json' });
    expect(download).toHaveAttribute('download', 'statustray-watchlist.json');
    expect(download).toHaveAttribute('href', 'blob:statustray/1');
  });

  it('leaves forwarding targets out of an export unless the user ticks the box', async () => {
    const user = userEvent.setup();
    URL.createObjectURL = () => 'blob:statustray/1';
    URL.revokeObjectURL = () => undefined;
    const withTargets = JSON.stringify({ version: 1, vendors: [], forward: [{ type: 'ntfy', url: 'x' }] });
    const bridge = createFakeBridge({
      'state:get': async () => appState(mixedVendors()),
      'watchlist:export': async (req) => (req?.includeForward ? withTargets : EXPORTED),
    });
    await openSettings(bridge);
    const include = screen.getByRole('checkbox', {
      name: 'Include forwarding targets (their addresses are secrets)',
    });
    expect(include).not.toBeChecked();
    const exportButton = screen.getByRole('button', { name: 'Export watchlist' });
    await user.click(exportButton);
    const exported = await screen.findByRole('textbox', { name: 'Exported watchlist' });
    expect(exported).toHaveValue(EXPORTED);
    await user.click(include);
    await user.click(exportButton);
    await waitFor(() => expect(exported).toHaveValue(withTargets));
    expect(bridge.callsTo('watchlist:export')).toEqual([undefined, { includeForward: true }]);
  });

  it('imports a watchlist from a file and reports what was added, skipped and wrong', async () => {
    const user = userEvent.setup();
    const bridge = await openSettings();
    const file = new File([EXPORTED], 'watchlist.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Watchlist file'), file);
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Or paste a watchlist' })).toHaveValue(EXPORTED),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(bridge.callsTo('watchlist:import')).toEqual([{ text: EXPORTED }]);
    const watchlist = screen.getByRole('region', { name: 'Watchlist' });
    expect(
      await within(watchlist).findByText('Added 2 vendors, skipped 1 already watched.'),
    ).toBeInTheDocument();
    expect(within(watchlist).getByText('vendors[3]: url is not a web address')).toBeInTheDocument();
  });

  it('says an import of invalid JSON added nothing, without "Added 0 vendors"', async () => {
    const user = userEvent.setup();
    await openSettings();
    await user.type(screen.getByRole('textbox', { name: 'Or paste a watchlist' }), 'not json at all');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const watchlist = screen.getByRole('region', { name: 'Watchlist' });
    expect(await within(watchlist).findByText('Nothing was imported:')).toBeInTheDocument();
    expect(within(watchlist).getByText('Not a watchlist file')).toBeInTheDocument();
    expect(within(watchlist).queryByText(/Added 0/)).toBeNull();
  });

  it('offers "Start StatusTray when I log in" on the desktop only; the browser gets notifications instead', async () => {
    const { unmount } = renderApp(settingsBridge(), '#/settings');
    expect(
      await screen.findByRole('checkbox', { name: 'Start StatusTray when I log in' }),
    ).toBeInTheDocument();
    unmount();
    const web = Object.assign(settingsBridge(), { onNotification: () => () => undefined });
    renderApp(web, '#/settings');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(screen.queryByRole('checkbox', { name: 'Start StatusTray when I log in' })).toBeNull();
    expect(
      screen.getByRole('checkbox', { name: 'Show browser notifications when this tab is in the background' }),
    ).toBeInTheDocument();
  });

  it('shows where the data lives', async () => {
    await openSettings();
    expect(screen.getByText('/home/ada/.config/StatusTray')).toBeInTheDocument();
  });
});

describe('settings answer at once', () => {
  it('shows a choice before the host confirms it, and takes it back when the host refuses', async () => {
    const user = userEvent.setup();
    let settle: (ok: boolean) => void = () => undefined;
    const bridge = createFakeBridge({
      'state:get': async () => appState(mixedVendors()),
      'settings:update': () =>
        new Promise<Settings>((resolve, reject) => {
          settle = (ok) =>
            ok ? resolve({ ...DEFAULT_SETTINGS, theme: 'dark' }) : reject(new Error('disk full'));
        }),
    });
    await openSettings(bridge);
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(document.documentElement.dataset.theme).toBe('dark');
    settle(false);
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Same as the system' })).toBeChecked());
    expect(screen.getByText('Not saved: disk full')).toBeInTheDocument();
  });
});

describe('theme across restarts', () => {
  it('remembers the theme so that the next start opens in it before the state arrives', async () => {
    const { applyRememberedTheme } = await import('../../renderer/src/App');
    const bridge = createFakeBridge({
      'state:get': async () => appState(mixedVendors(), { settings: { ...DEFAULT_SETTINGS, theme: 'dark' } }),
    });
    await openSettings(bridge);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    document.documentElement.dataset.theme = '';
    applyRememberedTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});

// The app as a user meets it, with a fake engine behind it: the tray's icon, tooltip and menu follow the
// monitor; menu items and notifications open the window where they should; lifecycle and machine signals.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import {
  app,
  defaultSession,
  FakeBrowserWindow,
  FakeEvent,
  FakeWebContents,
  FakeMenu,
  FakeNotification,
  FakeTray,
  ipcMain,
  net,
  powerMonitor,
  resetElectronMock,
} from './electron-mock';
import { startApp, type Host, type HostOptions } from '../../electron/app-host';
import type { AppCoreOptions } from '../../electron/core/app-types';
import type { MenuItemConstructorOptions } from 'electron';
import { FakeCore } from './fake-core';
import { appState, vendor } from './fixtures';

const NOW = Date.parse('2026-11-24T10:00:00.000Z');

let core: FakeCore | null = null;

async function start(overrides: Partial<HostOptions> = {}): Promise<{ host: Host; core: FakeCore }> {
  const host = await startApp({
    createCore: (options: AppCoreOptions) => (core = new FakeCore(options)),
    paths: {
      preload: '/app/out/preload/index.cjs',
      rendererFile: '/app/out/renderer/index.html',
      trayIcons: '/app/build/icons/tray',
    },
    argv: ['electron', '.', '--hidden'],
    platform: 'linux',
    log: () => {},
    now: () => NOW,
    env: {},
    ...overrides,
  });
  if (!host || !core) throw new Error('the app did not start');
  return { host, core };
}

function tray(): FakeTray {
  expect(FakeTray.instances).toHaveLength(1);
  return FakeTray.instances[0]!;
}

function menuItems(): MenuItemConstructorOptions[] {
  const menu = tray().menu;
  expect(menu).toBeInstanceOf(FakeMenu);
  return menu!.template;
}

function menuItem(label: string, items = menuItems()): MenuItemConstructorOptions {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no menu item "${label}" in ${items.map((i) => i.label).join(', ')}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  if (!item.click) throw new Error(`"${item.label}" does nothing`);
  (item.click as () => void)();
}

function onlyWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

beforeEach(() => {
  resetElectronMock();
  core = null;
});

describe('the tray', () => {
  it('shows the worst status and names the problems once the monitor reports', async () => {
    const { core } = await start();
    expect(tray().image.path).toBe('/app/build/icons/tray/tray-unknown-22.png');
    core.report(
      appState(
        [vendor('GitHub', 'degraded'), vendor('Slack', 'operational'), vendor('Kustomer', 'major_outage')],
        'major_outage',
      ),
    );
    expect(tray().image.path).toBe('/app/build/icons/tray/tray-major_outage-22.png');
    expect(tray().tooltip).toBe('2 vendors with problems: Kustomer — major outage; GitHub — degraded');
    core.report(appState([vendor('GitHub', 'operational'), vendor('Slack', 'operational')], 'operational'));
    expect(tray().image.path).toBe('/app/build/icons/tray/tray-operational-22.png');
    expect(tray().tooltip).toBe('All 2 vendors operational');
    // The image is only set when it changes (each set redraws the icon in the panel).
    const calls = tray().setImageCalls;
    core.report(appState([vendor('GitHub', 'operational'), vendor('Slack', 'operational')], 'operational'));
    expect(tray().setImageCalls).toBe(calls);
  });

  it('uses a template image on macOS while all is well, and color when not', async () => {
    const { core } = await start({ platform: 'darwin' });
    core.report(appState([vendor('GitHub', 'operational')], 'operational'));
    expect(tray().image).toMatchObject({
      path: '/app/build/icons/tray/tray-operationalTemplate.png',
      template: true,
    });
    core.report(appState([vendor('GitHub', 'partial_outage')], 'partial_outage'));
    expect(tray().image).toMatchObject({
      path: '/app/build/icons/tray/tray-partial_outage-16.png',
      template: false,
    });
  });

  it('always has its menu attached on Linux', async () => {
    await start({ platform: 'linux' });
    expect(tray().menu).not.toBeNull();
    expect(tray().listenerCount('click')).toBe(0);
  });

  it('lists vendors in the menu; clicking one opens the window on that vendor', async () => {
    const { core } = await start();
    core.report(
      appState([vendor('GitHub', 'operational'), vendor('Kustomer', 'major_outage')], 'major_outage'),
    );
    expect(menuItems().map((i) => i.label ?? i.type)).toEqual([
      'Kustomer — major outage',
      'GitHub — operational',
      'separator',
      'Refresh now',
      'Pause notifications',
      'separator',
      'Open StatusTray',
      'Quit StatusTray',
    ]);
    expect(menuItem('Kustomer — major outage').icon).toMatchObject({
      path: '/app/build/icons/tray/tray-major_outage-16.png',
    });
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    click(menuItem('Kustomer — major outage'));
    const window = onlyWindow();
    window.finishLoad();
    expect(window.visible).toBe(true);
    expect(window.webContents.send).toHaveBeenCalledWith('navigate', { vendorId: 'kustomer' });
  });

  it('refreshes now and opens the window from the menu', async () => {
    const { core } = await start();
    core.report(appState([vendor('GitHub', 'operational')], 'operational'));
    click(menuItem('Refresh now'));
    expect(core.handlers['vendors:refresh']).toHaveBeenCalledWith({});
    click(menuItem('Open StatusTray'));
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('pauses notifications for an hour and resumes them', async () => {
    const { core } = await start();
    core.report(appState([vendor('GitHub', 'operational')], 'operational'));
    const pause = menuItem('Pause notifications').submenu as MenuItemConstructorOptions[];
    click(menuItem('For 1 hour', pause));
    expect(core.handlers['settings:update']).toHaveBeenCalledWith({
      pausedUntil: '2026-11-24T11:00:00.000Z',
    });
    await vi.waitFor(() => expect(tray().tooltip).toMatch(/^Notifications paused until /), {
      timeout: 15_000,
    });
    const paused = menuItem('Pause notifications').submenu as MenuItemConstructorOptions[];
    const off = menuItem('Off (notify again)', paused);
    expect(off.enabled).toBe(true);
    click(off);
    expect(core.handlers['settings:update']).toHaveBeenLastCalledWith({ pausedUntil: null });
  });

  it('stops saying "paused" when the pause runs out, without waiting for the monitor', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      let clock = NOW;
      const { core } = await start({ now: () => clock });
      core.report(
        appState([vendor('GitHub', 'operational')], 'operational', {
          settings: { pausedUntil: '2026-11-24T11:00:00.000Z' },
        }),
      );
      expect(tray().tooltip).toMatch(/^Notifications paused until /);
      clock = NOW + 3_601_000;
      vi.advanceTimersByTime(3_601_000);
      expect(tray().tooltip).toBe('GitHub operational');
    } finally {
      vi.useRealTimers();
    }
  });

  it('quits from the menu only after the monitor has stopped and flushed', async () => {
    const { core } = await start();
    core.holdStop = true;
    click(menuItem('Quit StatusTray'));
    expect(app.quitted).toBe(false);
    expect(tray().destroyed).toBe(false);
    core.releaseStop();
    await vi.waitFor(() => expect(app.quitted).toBe(true), { timeout: 15_000 });
    expect(core.stopped).toBe(true);
    expect(tray().destroyed).toBe(true);
  });
});

describe('notifications', () => {
  const notification = {
    key: 'kustomer:inc-1:opened',
    title: 'Kustomer — Major outage',
    body: 'Email delivery delayed (Investigating)',
    severity: 'major_outage' as const,
    target: { vendorId: 'kustomer', incidentId: 'inc-1' },
    at: '2026-11-24T10:00:00.000Z',
  };

  it('shows what the monitor decided, and a click opens the window on that incident', async () => {
    const { core, host } = await start();
    core.notify(notification);
    expect(FakeNotification.instances).toHaveLength(1);
    const shown = FakeNotification.instances[0]!;
    expect(shown.shown).toBe(true);
    expect(shown.options).toMatchObject({
      title: 'Kustomer — Major outage',
      body: 'Email delivery delayed (Investigating)',
    });
    expect(shown.options.urgency).toBe('critical');
    expect(host.notifier.keptCount).toBe(1);
    shown.emit('click');
    const window = onlyWindow();
    window.finishLoad();
    expect(window.webContents.send).toHaveBeenCalledWith('navigate', {
      vendorId: 'kustomer',
      incidentId: 'inc-1',
    });
    expect(host.notifier.keptCount).toBe(0);
  });

  it('opens the overview for a digest that spans vendors', async () => {
    const { core } = await start();
    core.notify({ ...notification, key: 'digest', target: null, severity: 'degraded' });
    const shown = FakeNotification.instances[0]!;
    expect(shown.options.urgency).toBe('normal');
    shown.emit('click');
    onlyWindow().finishLoad();
    expect(onlyWindow().webContents.send).not.toHaveBeenCalledWith('navigate', expect.anything());
  });

  it('keeps references until clicked or closed, and bounds how many', async () => {
    const { core, host } = await start();
    for (let i = 0; i < 60; i++) core.notify({ ...notification, key: `k${i}` });
    expect(host.notifier.keptCount).toBe(50);
    FakeNotification.instances.at(-1)!.emit('close');
    expect(host.notifier.keptCount).toBe(49);
  });

  it('shows nothing where the system has no notifications', async () => {
    const { core } = await start();
    FakeNotification.supported = false;
    core.notify(notification);
    expect(FakeNotification.instances).toHaveLength(0);
  });
});

describe('lifecycle', () => {
  it('lets a second launch focus the first instead of starting again', async () => {
    app.singleInstance = false;
    const created = vi.fn();
    const host = await startApp({
      createCore: created,
      paths: { preload: 'p', rendererFile: 'r', trayIcons: 't' },
      platform: 'linux',
    });
    expect(host).toBeNull();
    expect(created).not.toHaveBeenCalled();
    expect(app.quitted).toBe(true);
  });

  it('focuses the window when the app is launched a second time', async () => {
    await start();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    app.emit('second-instance');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    onlyWindow().finishLoad();
    app.emit('second-instance');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(onlyWindow().focus).toHaveBeenCalled();
  });

  it('opens the window on a normal launch, only the tray on a launch at login', async () => {
    await start({ argv: ['StatusTray'] });
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it("keeps the user's data in electron-store in the app's folder by default", async () => {
    const { core } = await start();
    expect(core.options.dataDir).toBe(app.getPath('userData'));
    expect(core.options.openStore).toBeTypeOf('function');
    expect(core.options.watchlistPath).toBeUndefined();
  });

  it("runs the demo's watchlist in the demo's own folder, never in the user's data", async () => {
    const { core } = await start({
      env: {
        STATUSTRAY_DATA_DIR: '/tmp/demo/data',
        STATUSTRAY_DEMO_WATCHLIST: '/tmp/demo/demo-watchlist.json',
        STATUSTRAY_DEMO_INTERVAL: '5',
      },
    });
    expect(core.options.dataDir).toBe('/tmp/demo/data');
    expect(core.options.openStore).toBeUndefined();
    expect(core.options.watchlistPath).toBe('/tmp/demo/demo-watchlist.json');
    expect(core.options.intervalSeconds).toBe(5);
  });

  it('keeps running in the tray when the window is closed', async () => {
    await start({ argv: ['StatusTray'] });
    onlyWindow().close();
    app.emit('window-all-closed');
    expect(app.quitted).toBe(false);
    expect(tray().destroyed).toBe(false);
  });

  it('hides the macOS dock icon while only the tray runs', async () => {
    await start({ platform: 'darwin' });
    expect(app.dock.hide).toHaveBeenCalledTimes(1);
    app.emit('activate');
    expect(app.dock.show).toHaveBeenCalledTimes(1);
    onlyWindow().close();
    expect(app.dock.hide).toHaveBeenCalledTimes(2);
  });

  it('guards any web contents the app creates: no navigation, no new windows, no webviews', async () => {
    await start();
    const contents = new FakeWebContents(defaultSession);
    app.emit('web-contents-created', new FakeEvent(), contents);
    const navigation = new FakeEvent('https://evil.example/');
    contents.emit('will-navigate', navigation);
    const webview = new FakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(navigation.defaultPrevented).toBe(true);
    expect(webview.defaultPrevented).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('sandboxes every renderer and sets the Windows app id for notifications', async () => {
    await start({ platform: 'win32' });
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.setAppUserModelId).toHaveBeenCalledWith('dev.statustray.app');
  });

  it('gives the engine the user data folder, electron-store and the safe link opener', async () => {
    const { core } = await start();
    expect(core.options.dataDir).toBe(app.userData);
    const store = core.options.openStore!<{ n: number }>('settings');
    await store.save({ n: 1 });
    expect(await store.load()).toEqual({ value: { n: 1 } });
    expect(await core.options.openExternal!('javascript:alert(1)')).toBe(false);
    expect(core.started).toBe(true);
  });

  it('follows the launch-at-login setting', async () => {
    const { core } = await start({ platform: 'darwin' });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false, args: ['--hidden'] });
    await core.handlers['settings:update']({ launchAtLogin: true });
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true, args: ['--hidden'] });
    core.report(core.state);
    expect(app.setLoginItemSettings).toHaveBeenCalledTimes(2);
  });

  it('tells the engine when the machine wakes or the network changes', async () => {
    const { core, host } = await start();
    powerMonitor.emit('resume');
    expect(core.signals).toEqual(['wake']);
    net.isOnline.mockReturnValue(false);
    host.checkOnline();
    host.checkOnline();
    net.isOnline.mockReturnValue(true);
    host.checkOnline();
    expect(core.signals).toEqual(['wake', 'offline', 'online']);
  });

  it('sends the open window what changed (a patch), never the whole state again', async () => {
    const { core } = await start({ argv: ['StatusTray'] });
    const state = appState([vendor('GitHub', 'degraded')], 'degraded');
    core.report(state);
    const { vendors, ...summary } = state;
    const patch = { seq: 1, since: 0, vendors, removed: [], summary };
    core.emit('state:patch', patch);
    const send = onlyWindow().webContents.send;
    expect(send).toHaveBeenCalledWith('state:patch', patch);
    expect(send).not.toHaveBeenCalledWith('state:changed', expect.anything());
  });

  it('answers IPC from its own window only', async () => {
    const { core } = await start({ argv: ['StatusTray'] });
    const contents = onlyWindow().webContents;
    const ours = { sender: contents, senderFrame: contents.mainFrame };
    await expect(ipcMain.invoke('state:get', ours)).resolves.toBe(core.state);
    const other = new FakeBrowserWindow({});
    await other.loadFile('/app/out/renderer/index.html');
    const theirs = { sender: other.webContents, senderFrame: other.webContents.mainFrame };
    await expect(ipcMain.invoke('state:get', theirs)).rejects.toThrow(/Refused/);
    onlyWindowClosed();
    await expect(ipcMain.invoke('state:get', ours)).rejects.toThrow(/Refused/);
  });
});

function onlyWindowClosed(): void {
  FakeBrowserWindow.instances[0]!.close();
}

// The desktop glue with the real engine behind it (only `electron` is mocked): a vendor added through the
// window's IPC is polled from a fake Statuspage on loopback, and an outage there turns the tray red, names
// the vendor in the tooltip, raises a notification whose click opens the window on that vendor.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import {
  app,
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  ipcMain,
  resetElectronMock,
} from './electron-mock';
import { startApp, type Host } from '../../electron/app-host';
import { createAppCore } from '../../electron/core/app';
import type { VendorSummary } from '../../shared/ipc';
import {
  buildFixture,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';

let vendor: StatuspageServer;
let host: Host;

beforeAll(async () => {
  resetElectronMock();
  vendor = await startStatuspageServer({
    page: buildFixture({
      name: 'Acme Cloud',
      groups: [{ name: 'US East', components: ['API', 'Dashboard'] }],
    }),
  });
  const started = await startApp({
    // Poll every second and announce after 50 ms, so the test sees a change quickly.
    createCore: (options) => createAppCore({ ...options, intervalSeconds: 1, coalesceMs: 50 }),
    paths: {
      preload: '/app/out/preload/index.cjs',
      rendererFile: '/app/out/renderer/index.html',
      trayIcons: '/app/build/icons/tray',
    },
    argv: ['StatusTray'],
    platform: 'linux',
    log: () => {},
  });
  if (!started) throw new Error('the app did not start');
  host = started;
});

afterAll(async () => {
  app.quit();
  await vi.waitFor(() => expect(app.quitted).toBe(true), { timeout: 10_000 });
  await vendor?.close();
});

describe('the desktop app with the real engine', () => {
  it('follows a vendor added from the window into the tray and notifications', async () => {
    const window = FakeBrowserWindow.instances[0]!;
    window.finishLoad();
    const ours = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const added = (await ipcMain.invoke('vendors:add', ours, {
      url: vendor.pageUrl,
      name: 'Acme Cloud',
    })) as VendorSummary;
    expect(added.name).toBe('Acme Cloud');

    const tray = FakeTray.instances[0]!;
    await vi.waitFor(() => expect(tray.tooltip).toBe('Acme Cloud operational'), { timeout: 15_000 });
    expect(tray.image.path).toBe('/app/build/icons/tray/tray-operational-22.png');
    // The window is sent what changed (the vendor, the tray summary), never the whole state again.
    await vi.waitFor(
      () =>
        expect(window.webContents.send).toHaveBeenCalledWith(
          'state:patch',
          expect.objectContaining({
            summary: expect.objectContaining({ tray: 'operational' }),
            vendors: [expect.objectContaining({ id: added.id, status: 'operational' })],
          }),
        ),
      { timeout: 15_000 },
    );
    expect(window.webContents.send).not.toHaveBeenCalledWith('state:changed', expect.anything());

    vendor.update((f) => setComponentStatus(f, 'US East/API', 'major_outage'));
    await vi.waitFor(() => expect(tray.image.path).toBe('/app/build/icons/tray/tray-major_outage-22.png'), {
      timeout: 15_000,
    });
    expect(tray.tooltip).toBe('1 vendor with problems: Acme Cloud — major outage');
    const menu = tray.menu!.template;
    expect(menu[0]?.label).toBe('Acme Cloud — major outage');

    await vi.waitFor(() => expect(FakeNotification.instances.length).toBeGreaterThan(0), { timeout: 15_000 });
    const notification = FakeNotification.instances.at(-1)!;
    expect(`${notification.options.title} ${notification.options.body}`).toContain('Acme Cloud');
    expect(notification.shown).toBe(true);

    window.close();
    expect(host.window.isOpen).toBe(false);
    notification.emit('click');
    const reopened = FakeBrowserWindow.instances.at(-1)!;
    expect(reopened).not.toBe(window);
    expect(reopened.loadedHash).toBe(`/vendor/${encodeURIComponent(added.id)}`);
  });
});

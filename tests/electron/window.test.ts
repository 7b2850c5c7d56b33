// The window as a user and an attacker meet it: sandboxed options, destroyed on close, links only to the
// system browser and only for http(s), no navigation, no permissions, size and place remembered.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import { FakeBrowserWindow, FakeEvent, defaultSession, resetElectronMock, shell } from './electron-mock';
import { MainWindow, openExternalSafely } from '../../electron/window';
import type { WindowBounds } from '../../electron/core/window-policy';

function makeWindow(saved: unknown = undefined) {
  const log = vi.fn();
  const stored: WindowBounds[] = [];
  const created: number[] = [];
  const closed: number[] = [];
  const window = new MainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    page: { file: '/app/out/renderer/index.html' },
    dev: false,
    bounds: { load: () => saved, save: (b) => stored.push(b) },
    log,
    onCreated: (c) => created.push(c.id),
    onClosed: (id) => closed.push(id),
  });
  return { window, log, stored, created, closed };
}

function only(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

beforeEach(() => resetElectronMock());

describe('the window', () => {
  it('is not created until asked for, then sandboxed with context isolation and no Node', () => {
    const { window } = makeWindow();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    window.open();
    const prefs = only().options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/out/preload/index.cjs',
      partition: 'persist:window',
    });
    expect(only().loadedFile).toBe('/app/out/renderer/index.html');
    expect(only().loadedHash).toBe('/');
    expect(only().visible).toBe(false);
    only().finishLoad();
    expect(only().visible).toBe(true);
  });

  it('is destroyed when closed, and a new one is made next time', () => {
    const { window, created, closed } = makeWindow();
    window.open();
    const first = only();
    first.close();
    expect(first.isDestroyed()).toBe(true);
    expect(window.isOpen).toBe(false);
    expect(window.webContents).toBeNull();
    expect(closed).toEqual([first.webContents.id]);
    window.open();
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    expect(created).toEqual([first.webContents.id, FakeBrowserWindow.instances[1]!.webContents.id]);
  });

  it('focuses the existing window instead of opening a second', () => {
    const { window } = makeWindow();
    window.open();
    only().finishLoad();
    window.open();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(only().focus).toHaveBeenCalled();
  });

  it('opens on a vendor: a new window starts on its route, and gets the target once loaded', () => {
    const { window } = makeWindow();
    window.open({ vendorId: 'kustomer', incidentId: 'inc 1' });
    const win = only();
    expect(win.loadedHash).toBe('/vendor/kustomer/incident/inc%201');
    expect(win.webContents.send).not.toHaveBeenCalled();
    win.finishLoad();
    expect(win.webContents.send).toHaveBeenCalledWith('navigate', {
      vendorId: 'kustomer',
      incidentId: 'inc 1',
    });
    window.open({ vendorId: 'github' });
    expect(win.webContents.send).toHaveBeenLastCalledWith('navigate', { vendorId: 'github' });
  });

  it('remembers its size and place, and reopens there', () => {
    const { window, stored } = makeWindow();
    window.open();
    only().bounds = { x: 300, y: 200, width: 1000, height: 700 };
    only().close();
    expect(stored).toEqual([{ x: 300, y: 200, width: 1000, height: 700, maximized: false }]);

    resetElectronMock();
    const again = makeWindow(stored[0]);
    again.window.open();
    expect(only().options).toMatchObject({ x: 300, y: 200, width: 1000, height: 700 });
  });

  it('does not reopen on a screen that is gone', () => {
    const { window } = makeWindow({ x: 5000, y: 3000, width: 900, height: 600 });
    window.open();
    expect(only().options.x).toBeUndefined();
    expect(only().options).toMatchObject({ center: true, width: 900, height: 600 });
  });
});

describe('links and navigation', () => {
  it('opens http(s) links from window.open in the system browser and never a new window', () => {
    const { window } = makeWindow();
    window.open();
    const handler = only().webContents.openHandler!;
    expect(handler({ url: 'https://status.example.com/incidents/1' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://status.example.com/incidents/1');
  });

  it('never opens javascript:, file:, data: or other schemes', () => {
    const { window, log } = makeWindow();
    window.open();
    const handler = only().webContents.openHandler!;
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'smb://host/share',
      'https://user:pass@evil.example/',
    ]) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Refused to open'));
  });

  it('blocks navigation away from our page (an http link goes to the browser instead)', () => {
    const { window } = makeWindow();
    window.open();
    const contents = only().webContents;
    const toFile = new FakeEvent('file:///etc/passwd');
    contents.emit('will-navigate', toFile);
    expect(toFile.defaultPrevented).toBe(true);
    const toSite = new FakeEvent('https://evil.example/');
    contents.emit('will-navigate', toSite);
    expect(toSite.defaultPrevented).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://evil.example/');
    const webview = new FakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('answers link:open through the same guard', async () => {
    const log = vi.fn();
    expect(await openExternalSafely('javascript:alert(1)', log)).toBe(false);
    expect(await openExternalSafely({ url: 'https://x.example' }, log)).toBe(false);
    expect(await openExternalSafely('https://status.example.com', log)).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('the session', () => {
  it('denies every permission request and check', () => {
    makeWindow().window.open();
    const granted: boolean[] = [];
    const request = defaultSession.permissionRequest!;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal'] as const) {
      request(only().webContents as never, permission, (ok) => granted.push(ok), {} as never);
    }
    expect(granted).toEqual([false, false, false, false]);
    expect(defaultSession.permissionCheck!(null, 'clipboard-read', 'file://', {} as never)).toBe(false);
  });

  it('adds a strict Content-Security-Policy to every response, replacing the server one', () => {
    makeWindow().window.open();
    let headers: Record<string, string[]> = {};
    defaultSession.headersReceived!(
      {
        url: 'file:///app/out/renderer/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'] },
      },
      (r) => {
        headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders;
      },
    );
    expect(Object.keys(headers)).toEqual(['Content-Security-Policy']);
    const policy = headers['Content-Security-Policy']![0]!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("object-src 'none'");
  });

  it('lets the page load its own files and nothing from the network', () => {
    makeWindow().window.open();
    const cancelled = (url: string): boolean | undefined => {
      let result: boolean | undefined;
      defaultSession.beforeRequest!({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancelled('file:///app/out/renderer/index.html')).toBe(false);
    expect(cancelled('file:///app/out/renderer/assets/index-abc.js')).toBe(false);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('https://tracker.example/pixel.gif')).toBe(true);
  });
});

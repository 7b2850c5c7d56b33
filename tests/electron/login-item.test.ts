// Launch at login on each platform: the OS login item on macOS and Windows (starting hidden), an XDG
// autostart entry on Linux for the packaged app.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import { app, resetElectronMock } from './electron-mock';
import { applyLaunchAtLogin, launchedAtLogin } from '../../electron/login-item';

beforeEach(() => resetElectronMock());

describe('launch at login', () => {
  it('registers the login item with --hidden on macOS and Windows', () => {
    applyLaunchAtLogin(true, 'win32');
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true, args: ['--hidden'] });
    applyLaunchAtLogin(false, 'darwin');
    expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false, args: ['--hidden'] });
  });

  it('writes and removes an XDG autostart entry for the packaged Linux app', () => {
    app.isPackaged = true;
    const config = mkdtempSync(join(tmpdir(), 'xdg-'));
    const env = { XDG_CONFIG_HOME: config, APPIMAGE: '/home/me/Apps/Status "Tray".AppImage' };
    applyLaunchAtLogin(true, 'linux', env);
    const file = join(config, 'autostart', 'statustray.desktop');
    const entry = readFileSync(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/home/me/Apps/Status \\"Tray\\".AppImage" --hidden');
    applyLaunchAtLogin(false, 'linux', env);
    expect(existsSync(file)).toBe(false);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('does not register a bare Electron binary when running from source', () => {
    const config = mkdtempSync(join(tmpdir(), 'xdg-'));
    applyLaunchAtLogin(true, 'linux', { XDG_CONFIG_HOME: config });
    expect(existsSync(join(config, 'autostart', 'statustray.desktop'))).toBe(false);
  });

  it('starts with only the tray when launched at login', () => {
    expect(launchedAtLogin(['StatusTray', '--hidden'], 'linux')).toBe(true);
    expect(launchedAtLogin(['StatusTray'], 'linux')).toBe(false);
  });
});

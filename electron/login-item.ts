// "Launch at login": the OS login item on macOS and Windows, an XDG autostart entry on Linux (where
// Electron has none). A launch at login starts with only the tray (`--hidden`).
import { app } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const HIDDEN_FLAG = '--hidden';

/** Whether this launch came from the login item (then no window opens, only the tray). */
export function launchedAtLogin(argv: readonly string[], platform: NodeJS.Platform): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}

function linuxAutostartFile(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'autostart', 'statustray.desktop');
}

/** Quotes an Exec argument as the Desktop Entry spec asks. */
function execArg(value: string): string {
  return `"${value.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function applyLaunchAtLogin(
  enabled: boolean,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (platform === 'darwin' || platform === 'win32') {
    app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] });
    return;
  }
  // An unpackaged run would register the bare Electron binary, which cannot start the app on its own.
  if (platform !== 'linux' || !app.isPackaged) return;
  const file = linuxAutostartFile(env);
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  const executable = env.APPIMAGE || process.execPath;
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(
    file,
    [
      '[Desktop Entry]',
      'Type=Application',
      'Name=StatusTray',
      'Comment=Vendor status pages in your tray',
      `Exec=${execArg(executable)} ${HIDDEN_FLAG}`,
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'),
  );
}

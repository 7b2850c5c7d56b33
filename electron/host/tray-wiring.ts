// What the tray's menu does (open, refresh, pause, quit) and what follows the engine's state besides the
// tray itself: launch at login, and the redraw when a pause ends.
import { app } from 'electron';
import type { AppState } from '../../shared/ipc';
import type { AppCore } from '../core/app-types';
import type { TrayAction } from '../core/tray-model';
import { applyLaunchAtLogin } from '../login-item';
import type { Log } from '../ipc-main';
import type { StatusTray } from '../tray';
import type { MainWindow } from '../window';

/** The tray menu's actions, carried out on the window and the engine. */
export function trayActions(
  core: Pick<AppCore, 'handlers'>,
  window: Pick<MainWindow, 'open'>,
  log: Log,
): (action: TrayAction) => void {
  return (action) => {
    switch (action.kind) {
      case 'open-vendor':
        window.open({ vendorId: action.vendorId });
        return;
      case 'open-window':
        window.open();
        return;
      case 'refresh':
        void core.handlers['vendors:refresh']({}).catch((e: unknown) => log(`Refresh failed: ${String(e)}`));
        return;
      case 'pause':
        void core.handlers['settings:update']({ pausedUntil: action.until }).catch((e: unknown) =>
          log(`Pausing notifications failed: ${String(e)}`),
        );
        return;
      case 'ack-group':
        void core.handlers['group:ack']({ groupId: action.groupId }).catch((e: unknown) =>
          log(`"Got it" failed: ${String(e)}`),
        );
        return;
      case 'quit':
        app.quit();
        return;
    }
  };
}

export interface StateFollower {
  follow(state: AppState): void;
  stop(): void;
}

/** Applies launch at login when the setting changes, and redraws the tray's "paused until…" when it ends. */
export function followSettings(options: {
  tray: Pick<StatusTray, 'current' | 'update'>;
  platform: NodeJS.Platform;
  now: () => number;
  log: Log;
}): StateFollower {
  const { tray, platform, now, log } = options;
  let launchAtLogin: boolean | null = null;
  let pauseTimer: ReturnType<typeof setTimeout> | null = null;
  return {
    follow(state) {
      if (state.settings.launchAtLogin !== launchAtLogin) {
        launchAtLogin = state.settings.launchAtLogin;
        try {
          applyLaunchAtLogin(launchAtLogin, platform);
        } catch (error) {
          log(`Could not change launch at login: ${String(error)}`);
        }
      }
      // The menu and tooltip say "paused until…": redraw them when that time comes.
      if (pauseTimer) clearTimeout(pauseTimer);
      pauseTimer = null;
      const until = state.settings.pausedUntil ? Date.parse(state.settings.pausedUntil) - now() : NaN;
      if (until > 0 && until < 2 ** 31 - 1) {
        pauseTimer = setTimeout(() => {
          const current = tray.current;
          if (current) tray.update(current);
        }, until + 1000);
        pauseTimer.unref?.();
      }
    },
    stop() {
      if (pauseTimer) clearTimeout(pauseTimer);
      pauseTimer = null;
    },
  };
}

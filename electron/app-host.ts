// The app's lifecycle around the engine: one instance, the tray, notifications, the window on demand, IPC,
// machine signals (wake, network) and a quit that waits for the engine to flush. main.ts passes the real
// engine; tests pass a fake one.
import { app, ipcMain, net, powerMonitor } from 'electron';
import type { AppState } from '../shared/ipc';
import type { AppCore, AppCoreOptions } from './core/app-types';
import type { TrayAction } from './core/tray-model';
import { isSamePage } from './core/window-policy';
import { push, registerRequestHandlers, TrustedSenders, type Log } from './ipc-main';
import { applyLaunchAtLogin, launchedAtLogin } from './login-item';
import { Notifier } from './notifications';
import { electronStoreOpener, windowBoundsMemory } from './store';
import { StatusTray } from './tray';
import { MainWindow, openExternalSafely } from './window';

export const APP_ID = 'dev.statustray.app';
/** How often the main process asks the OS whether the machine is online (it offers no event). */
export const ONLINE_POLL_MS = 15_000;

export interface HostOptions {
  createCore(options: AppCoreOptions): AppCore;
  paths: {
    preload: string;
    /** The built renderer page. */
    rendererFile: string;
    /** Tray icons (build/icons/tray, or resources/tray when packaged). */
    trayIcons: string;
    appIcon?: string;
  };
  /** The dev server of `electron-vite dev`; used only when not packaged. */
  devServerUrl?: string;
  argv?: readonly string[];
  platform?: NodeJS.Platform;
  log?: Log;
  now?: () => number;
  /** Environment overrides (the demo's): defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * What the environment may override, for `npm run demo` and for people who keep a watchlist file:
 * STATUSTRAY_DATA_DIR (then plain file stores there, so a demo never touches the user's own data),
 * STATUSTRAY_DEMO_WATCHLIST (a watchlist file loaded at start) and STATUSTRAY_DEMO_INTERVAL (seconds).
 */
export function envOverrides(env: NodeJS.ProcessEnv): {
  dataDir?: string;
  watchlistPath?: string;
  intervalSeconds?: number;
} {
  const out: { dataDir?: string; watchlistPath?: string; intervalSeconds?: number } = {};
  if (env.STATUSTRAY_DATA_DIR) out.dataDir = env.STATUSTRAY_DATA_DIR;
  if (env.STATUSTRAY_DEMO_WATCHLIST) out.watchlistPath = env.STATUSTRAY_DEMO_WATCHLIST;
  const interval = Number(env.STATUSTRAY_DEMO_INTERVAL);
  if (env.STATUSTRAY_DEMO_INTERVAL && Number.isFinite(interval) && interval >= 1)
    out.intervalSeconds = interval;
  return out;
}

export interface Host {
  core: AppCore;
  tray: StatusTray;
  window: MainWindow;
  notifier: Notifier;
  /** Runs one online check now (the poll does this every ONLINE_POLL_MS). */
  checkOnline(): void;
}

/** Starts the app; resolves to null when another instance already runs (it was asked to show itself). */
export async function startApp(options: HostOptions): Promise<Host | null> {
  const platform = options.platform ?? process.platform;
  const log = options.log ?? ((message: string) => console.warn(`[StatusTray] ${message}`));
  const now = options.now ?? Date.now;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox();
  if (platform === 'win32') app.setAppUserModelId(APP_ID);

  let window: MainWindow | null = null;
  app.on('second-instance', () => window?.open());
  // Closing the window leaves the app in the tray.
  app.on('window-all-closed', () => {});
  app.on('activate', () => window?.open());
  // Belt and braces for any web contents, including ones we never meant to create.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  await app.whenReady();
  if (platform === 'darwin') app.dock?.hide();

  const overrides = envOverrides(options.env ?? process.env);
  const dataDir = overrides.dataDir ?? app.getPath('userData');
  const core = options.createCore({
    dataDir,
    // With a data dir from the environment the engine's own file stores are used there.
    ...(overrides.dataDir ? {} : { openStore: electronStoreOpener({ dir: dataDir }) }),
    ...(overrides.watchlistPath ? { watchlistPath: overrides.watchlistPath } : {}),
    ...(overrides.intervalSeconds ? { intervalSeconds: overrides.intervalSeconds } : {}),
    openExternal: (url) => openExternalSafely(url, log),
  });

  const dev = !app.isPackaged && Boolean(options.devServerUrl);
  const trusted = new TrustedSenders((url) => isSamePage(mainWindow.pageUrl, url));
  const mainWindow: MainWindow = new MainWindow({
    preloadPath: options.paths.preload,
    page: dev && options.devServerUrl ? { url: options.devServerUrl } : { file: options.paths.rendererFile },
    dev,
    ...(options.paths.appIcon ? { iconPath: options.paths.appIcon } : {}),
    bounds: windowBoundsMemory(dataDir),
    log,
    onCreated: (contents) => {
      trusted.add(contents);
      if (platform === 'darwin') void app.dock?.show();
    },
    onClosed: (id) => {
      trusted.delete({ id });
      if (platform === 'darwin') app.dock?.hide();
    },
  });
  window = mainWindow;
  registerRequestHandlers(ipcMain, core.handlers, trusted, log);

  const notifier = new Notifier({
    open: (target) => mainWindow.open(target ?? undefined),
    platform,
    ...(options.paths.appIcon ? { iconPath: options.paths.appIcon } : {}),
  });
  core.onNotification((notification) => notifier.show(notification));

  await core.start();
  const initial = await core.handlers['state:get']();

  const act = (action: TrayAction): void => {
    switch (action.kind) {
      case 'open-vendor':
        mainWindow.open({ vendorId: action.vendorId });
        return;
      case 'open-window':
        mainWindow.open();
        return;
      case 'refresh':
        void core.handlers['vendors:refresh']({}).catch((e: unknown) => log(`Refresh failed: ${String(e)}`));
        return;
      case 'pause':
        void core.handlers['settings:update']({ pausedUntil: action.until }).catch((e: unknown) =>
          log(`Pausing notifications failed: ${String(e)}`),
        );
        return;
      case 'quit':
        app.quit();
        return;
    }
  };
  const tray = new StatusTray(initial, { iconsDir: options.paths.trayIcons, platform, now, act });

  let launchAtLogin: boolean | null = null;
  let pauseTimer: ReturnType<typeof setTimeout> | null = null;
  const follow = (state: AppState): void => {
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
  };
  follow(initial);
  core.onPush('state:changed', (state) => {
    tray.update(state);
    push(mainWindow.webContents, 'state:changed', state);
    follow(state);
  });
  core.onPush('navigate', (target) => mainWindow.open(target));

  powerMonitor.on('resume', () => core.signal('wake'));
  let online = net.isOnline();
  if (!online) core.signal('offline');
  const checkOnline = (): void => {
    const next = net.isOnline();
    if (next !== online) {
      online = next;
      core.signal(next ? 'online' : 'offline');
    }
  };
  const onlineTimer = setInterval(checkOnline, ONLINE_POLL_MS);
  onlineTimer.unref?.();

  // Quit cleanly: hold the quit until the engine has stopped its timers and flushed its state.
  let stopped = false;
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    clearInterval(onlineTimer);
    if (pauseTimer) clearTimeout(pauseTimer);
    core
      .stop()
      .catch((error: unknown) => log(`Stopping the monitor failed: ${String(error)}`))
      .finally(() => {
        stopped = true;
        tray.destroy();
        app.quit();
      });
  });

  if (!launchedAtLogin(options.argv ?? process.argv, platform)) mainWindow.open();
  return { core, tray, window: mainWindow, notifier, checkOnline };
}

// The app around the engine: composes the lifecycle (one instance, a quit that waits for the engine to
// flush; host/lifecycle.ts), the window and IPC, notifications, the tray (host/tray-wiring.ts) and machine
// signals (host/signals.ts). main.ts passes the real engine; tests pass a fake one.
import { app, dialog, ipcMain } from 'electron';
import type { AppCore, AppCoreOptions } from './core/app-types';
import { isSamePage } from './core/window-policy';
import { withCalendarSaveDialog } from './host/calendar-export';
import { claimApp, quitAfterFlush } from './host/lifecycle';
import { forwardMachineSignals } from './host/signals';
import { followSettings, trayActions } from './host/tray-wiring';
import { push, registerRequestHandlers, TrustedSenders, type Log } from './ipc-main';
import { launchedAtLogin } from './login-item';
import { Notifier } from './notifications';
import { electronStoreOpener, windowBoundsMemory } from './store';
import { StatusTray } from './tray';
import { MainWindow, openExternalSafely } from './window';

export { APP_ID } from './host/lifecycle';
export { ONLINE_POLL_MS } from './host/signals';

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

/** The engine for this run: electron-store in userData, or file stores where the environment says. */
function createEngine(options: HostOptions, log: Log): { core: AppCore; dataDir: string } {
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
  return { core, dataDir };
}

/** The window on demand, and the IPC that only it (by its page) may use. */
function createWindowWithIpc(
  options: HostOptions,
  core: AppCore,
  dataDir: string,
  platform: NodeJS.Platform,
  log: Log,
): MainWindow {
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
  const askSavePath = async (defaultPath: string): Promise<string | null> => {
    const chosen = await dialog.showSaveDialog({
      defaultPath,
      filters: [{ name: 'iCalendar', extensions: ['ics'] }],
    });
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  };
  registerRequestHandlers(ipcMain, withCalendarSaveDialog(core.handlers, askSavePath), trusted, log);
  return mainWindow;
}

/** Starts the app; resolves to null when another instance already runs (it was asked to show itself). */
export async function startApp(options: HostOptions): Promise<Host | null> {
  const platform = options.platform ?? process.platform;
  const log = options.log ?? ((message: string) => console.warn(`[StatusTray] ${message}`));
  const now = options.now ?? Date.now;

  let window: MainWindow | null = null;
  if (!claimApp(platform, () => window?.open())) return null;

  await app.whenReady();
  if (platform === 'darwin') app.dock?.hide();

  const { core, dataDir } = createEngine(options, log);
  const mainWindow = createWindowWithIpc(options, core, dataDir, platform, log);
  window = mainWindow;

  const notifier = new Notifier({
    open: (target) => mainWindow.open(target ?? undefined),
    platform,
    ...(options.paths.appIcon ? { iconPath: options.paths.appIcon } : {}),
    acknowledge: (n) => {
      const done = n.group
        ? core.handlers['group:ack']({ groupId: n.group.id })
        : n.target?.incidentId
          ? core.handlers['incident:ack']({ vendorId: n.target.vendorId, incidentId: n.target.incidentId })
          : Promise.resolve([]);
      void done.catch((e: unknown) => log(`"Got it" failed: ${String(e)}`));
    },
  });
  core.onNotification((notification) => notifier.show(notification));

  await core.start();
  const initial = await core.handlers['state:get']();

  const act = trayActions(core, mainWindow, log);
  const tray = new StatusTray(initial, { iconsDir: options.paths.trayIcons, platform, now, act });
  const settings = followSettings({ tray, platform, now, log });
  settings.follow(initial);
  // The tray (in this process) takes the whole state; the window only what changed, as a patch.
  core.onPush('state:changed', (state) => {
    tray.update(state);
    settings.follow(state);
  });
  core.onPush('state:patch', (patch) => push(mainWindow.webContents, 'state:patch', patch));
  core.onPush('navigate', (target) => mainWindow.open(target));

  const signals = forwardMachineSignals(core);
  quitAfterFlush({
    cleanUp: () => {
      signals.stop();
      settings.stop();
    },
    stopEngine: () => core.stop(),
    afterStop: () => tray.destroy(),
    log,
  });

  if (!launchedAtLogin(options.argv ?? process.argv, platform)) mainWindow.open();
  return { core, tray, window: mainWindow, notifier, checkOnline: signals.checkOnline };
}

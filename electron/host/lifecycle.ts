// The app's life with the OS: one instance, sandboxed and locked-down web contents, and a quit that
// waits for the engine to flush its state.
import { app } from 'electron';
import type { Log } from '../ipc-main';

export const APP_ID = 'dev.statustray.app';

/**
 * Claims the single instance and locks down every web contents. Returns false when another instance
 * already runs (it was asked to show itself and this one quits).
 */
export function claimApp(platform: NodeJS.Platform, showWindow: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox();
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
  app.on('second-instance', showWindow);
  // Closing the window leaves the app in the tray.
  app.on('window-all-closed', () => {});
  app.on('activate', showWindow);
  // Belt and braces for any web contents, including ones we never meant to create.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  return true;
}

/**
 * Holds the quit until `cleanUp` (stop timers) and `stopEngine` (flush state) are done, then quits for
 * real and runs `afterStop` (remove the tray).
 */
export function quitAfterFlush(steps: {
  cleanUp: () => void;
  stopEngine: () => Promise<void>;
  afterStop: () => void;
  log: Log;
}): void {
  let stopped = false;
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    steps.cleanUp();
    steps
      .stopEngine()
      .catch((error: unknown) => steps.log(`Stopping the monitor failed: ${String(error)}`))
      .finally(() => {
        stopped = true;
        steps.afterStop();
        app.quit();
      });
  });
}

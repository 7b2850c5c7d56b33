// Electron's entry point: finds the app's files and starts the tray app around the real engine.
// First: a tray app runs for days, its memory stays small (see core/resident-memory.ts).
import './keep-memory-small';
import { app } from 'electron';
import { join } from 'node:path';
import { createAppCore } from './core/app';
import { startApp } from './app-host';

// Built into out/main/index.js: the preload and the renderer sit next to it under out/.
const here = import.meta.dirname;
// Packaged: icons are copied to resources/ (extraResources); in development they are read from build/.
const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'build');

startApp({
  createCore: createAppCore,
  paths: {
    preload: join(here, '../preload/index.cjs'),
    rendererFile: join(here, '../renderer/index.html'),
    trayIcons: app.isPackaged ? join(resources, 'tray') : join(resources, 'icons', 'tray'),
    appIcon: app.isPackaged ? join(resources, 'icon.png') : join(resources, 'icon-256.png'),
  },
  ...(process.env.ELECTRON_RENDERER_URL ? { devServerUrl: process.env.ELECTRON_RENDERER_URL } : {}),
}).catch((error: unknown) => {
  console.error('StatusTray could not start:', error);
  app.exit(1);
});

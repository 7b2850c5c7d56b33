// A small hand-written stand-in for the `electron` module: enough of app, BrowserWindow, Tray, Menu,
// Notification, ipcMain/ipcRenderer, session and shell to watch what the glue does, without the binary.
// Use: vi.mock('electron', async () => (await import('./electron-mock')).electronModule())
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import type * as Electron from 'electron';

let nextId = 1;

/** What `event` handlers receive: preventDefault is observable. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(public url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type PermissionHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];

export class FakeSession {
  permissionRequest: PermissionHandler = null;
  permissionCheck: PermissionCheckHandler = null;
  headersReceived:
    | ((
        details: { url: string; responseHeaders?: Record<string, string[]> },
        cb: (r: unknown) => void,
      ) => void)
    | null = null;
  beforeRequest: ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) | null = null;
  setPermissionRequestHandler(handler: PermissionHandler): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheck = handler;
  }
  webRequest = {
    onHeadersReceived: (listener: FakeSession['headersReceived']) => {
      this.headersReceived = listener;
    },
    onBeforeRequest: (listener: FakeSession['beforeRequest']) => {
      this.beforeRequest = listener;
    },
  };
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  destroyed = false;
  mainFrame = new FakeFrame('about:blank');
  openHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly send = vi.fn();
  constructor(public session: FakeSession) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.openHandler = handler;
  }
}

export const defaultSession = new FakeSession();

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents(defaultSession);
  destroyed = false;
  visible = false;
  maximized = false;
  loadedFile: string | null = null;
  loadedUrl: string | null = null;
  loadedHash: string | null = null;
  bounds: { x: number; y: number; width: number; height: number };
  readonly focus = vi.fn();
  constructor(public options: Electron.BrowserWindowConstructorOptions) {
    super();
    this.bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    FakeBrowserWindow.instances.push(this);
  }
  loadFile(file: string, options: { hash?: string } = {}): Promise<void> {
    this.loadedFile = file;
    this.loadedHash = options.hash ?? null;
    this.webContents.mainFrame.url = pathToFileURL(file).href + (options.hash ? `#${options.hash}` : '');
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  /** Test helper: the page finished loading and is ready to show. */
  finishLoad(): void {
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  show(): void {
    this.visible = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.bounds;
  }
  /** Like Electron: 'close' (cancellable), then destroyed and 'closed'. */
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
}

export class FakeNativeImage {
  template = false;
  constructor(public path: string) {}
  setTemplateImage(value: boolean): void {
    this.template = value;
  }
}

export class FakeMenu {
  constructor(public template: Electron.MenuItemConstructorOptions[]) {}
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  image: FakeNativeImage;
  tooltip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  setImageCalls = 0;
  constructor(image: FakeNativeImage) {
    super();
    this.image = image;
    FakeTray.instances.push(this);
  }
  setImage(image: FakeNativeImage): void {
    this.image = image;
    this.setImageCalls++;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  shown = false;
  constructor(public options: Electron.NotificationConstructorOptions) {
    super();
    FakeNotification.instances.push(this);
  }
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  show(): void {
    this.shown = true;
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, IpcHandler>(),
  /** Plain `on` listeners (electron-store registers one for its renderer helper). */
  listeners: new Map<string, IpcHandler>(),
  on(channel: string, listener: IpcHandler) {
    this.listeners.set(channel, listener);
    return this;
  },
  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  /** Test helper: call a channel as a renderer would. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler for ${channel}`);
    return handler(event, ...args);
  },
};

export const ipcRenderer = {
  invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined),
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
  on(channel: string, listener: (...args: unknown[]) => void) {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  },
  removeListener(channel: string, listener: (...args: unknown[]) => void) {
    this.listeners.get(channel)?.delete(listener);
    return this;
  },
  /** Test helper: the main process sends a push. */
  emit(channel: string, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'secret' }, payload);
  },
};

export const exposed = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    exposed.set(key, api);
  }),
};

export const shell = { openExternal: vi.fn(async (_url: string) => {}) };

export const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

class FakeApp extends EventEmitter {
  userData = mkdtempSync(join(tmpdir(), 'statustray-app-'));
  singleInstance = true;
  isPackaged = false;
  quitted = false;
  readonly dock = { hide: vi.fn(), show: vi.fn(async () => {}) };
  readonly enableSandbox = vi.fn();
  readonly setAppUserModelId = vi.fn();
  readonly setLoginItemSettings = vi.fn();
  getLoginItemSettings(): { wasOpenedAtLogin: boolean } {
    return { wasOpenedAtLogin: false };
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(_name: string): string {
    return this.userData;
  }
  getVersion(): string {
    return '0.1.0';
  }
  getAppPath(): string {
    return process.cwd();
  }
  /** Like Electron: 'before-quit' may cancel; otherwise the app is gone. */
  quit(): void {
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  }
}

export const app = new FakeApp();
export const powerMonitor = new EventEmitter();
export const net = { isOnline: vi.fn(() => true) };

export const Menu = {
  buildFromTemplate: (template: Electron.MenuItemConstructorOptions[]) => new FakeMenu(template),
};
export const nativeImage = { createFromPath: (path: string) => new FakeNativeImage(path) };

/** Fresh state for the next test (the module itself is loaded once per file). */
export function resetElectronMock(): void {
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  ipcRenderer.listeners.clear();
  ipcRenderer.invoke.mockClear();
  exposed.clear();
  contextBridge.exposeInMainWorld.mockClear();
  shell.openExternal.mockClear();
  app.removeAllListeners();
  app.singleInstance = true;
  app.isPackaged = false;
  app.quitted = false;
  app.userData = mkdtempSync(join(tmpdir(), 'statustray-app-'));
  app.dock.hide.mockClear();
  app.dock.show.mockClear();
  app.enableSandbox.mockClear();
  app.setAppUserModelId.mockClear();
  app.setLoginItemSettings.mockClear();
  powerMonitor.removeAllListeners();
  net.isOnline.mockReset();
  net.isOnline.mockReturnValue(true);
  defaultSession.permissionRequest = null;
  defaultSession.permissionCheck = null;
  defaultSession.headersReceived = null;
  defaultSession.beforeRequest = null;
}

/** The module object for vi.mock: named exports plus a default (electron-store imports the default). */
export function electronModule() {
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu,
    nativeImage,
    Notification: FakeNotification,
    ipcMain,
    ipcRenderer,
    contextBridge,
    shell,
    screen,
    powerMonitor,
    net,
  } satisfies Partial<Record<keyof typeof Electron, unknown>>;
  return { ...module, default: module };
}

// A recording stand-in for the `electron` module, for booting the built main process under plain Node.
// It answers only what StatusTray's start-up asks (single-instance lock, whenReady, getPath, isPackaged,
// windows, tray, menus, notifications, IPC registration), writes each thing the app does as a JSON line
// `standin {...}` on stdout (synchronous on a pipe, so nothing is lost at exit), and throws on any member
// it does not model, so a new dependency on Electron shows up as a loud failure, not a silent pass.
//
// Environment: STANDIN_USER_DATA (app.getPath('userData')), STANDIN_APP_PATH (app.getAppPath()), and
// for a packaged app STANDIN_RESOURCES_PATH (then app.isPackaged is true and process.resourcesPath is it).
// The single-instance lock is honest: a lock file holding the owner's pid in userData, and a Unix socket
// beside it on which a second launch hands over its argv (what Electron's process singleton does).
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

const USER_DATA = required('STANDIN_USER_DATA');
const APP_PATH = required('STANDIN_APP_PATH');
const RESOURCES_PATH = process.env.STANDIN_RESOURCES_PATH || null;
if (RESOURCES_PATH) process.resourcesPath = RESOURCES_PATH;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`electron stand-in: ${name} is not set`);
  return value;
}

/** One line of the recording. */
function record(kind, details = {}) {
  writeSync(1, `standin ${JSON.stringify({ kind, at: Date.now(), ...details })}\n`);
}

function unexpected(what) {
  record('unexpected', { what });
  throw new Error(
    `electron stand-in: ${what} is not modelled (the boot test did not expect the app to use it)`,
  );
}

/** The object itself, throwing on any member it does not have. */
function strict(name, target) {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || property in object) return Reflect.get(object, property, receiver);
      return unexpected(`${name}.${property}`);
    },
  });
}

// What Electron's main process does with a crash: here it is recorded and the process ends.
process.on('uncaughtException', (error) => {
  record('uncaught', { message: String(error?.stack ?? error) });
  process.exit(70);
});
process.on('unhandledRejection', (error) => {
  record('uncaught', { message: `unhandled rejection: ${String(error?.stack ?? error)}` });
  process.exit(70);
});

// ---- app ----------------------------------------------------------------------------------------------

const lockFile = join(USER_DATA, 'SingletonLock');
const socketFile = join(USER_DATA, 'SingletonSocket');
/** Work that must finish before a quit ends the process (handing argv to the first instance). */
const pendingBeforeExit = [];
let ready = false;
let quitting = false;

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function takeLock() {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(lockFile, 'utf8'));
  if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) return false;
  // A lock left by a process that is gone: take it over.
  rmSync(lockFile, { force: true });
  writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  return true;
}

function serveSecondInstances() {
  rmSync(socketFile, { force: true });
  const server = createServer((socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => {
      const { argv, cwd } = JSON.parse(text);
      record('second-instance', { argv });
      app.emit('second-instance', { preventDefault() {} }, argv, cwd, null);
      socket.end();
    });
  });
  server.listen(socketFile);
  process.on('exit', () => {
    rmSync(socketFile, { force: true });
    if (existsSync(lockFile) && readFileSync(lockFile, 'utf8') === String(process.pid)) rmSync(lockFile);
  });
}

function tellFirstInstance() {
  return new Promise((resolve) => {
    const socket = connect(socketFile, () => {
      socket.end(JSON.stringify({ argv: process.argv, cwd: process.cwd() }));
    });
    socket.on('close', () => resolve());
    socket.on('error', (error) => {
      record('second-instance-failed', { message: error.message });
      resolve();
    });
  });
}

class App extends EventEmitter {
  isPackaged = RESOURCES_PATH !== null;
  commandLine = strict('app.commandLine', { appendSwitch() {}, hasSwitch: () => false });

  requestSingleInstanceLock() {
    mkdirSync(USER_DATA, { recursive: true });
    const got = takeLock();
    record('single-instance-lock', { got });
    if (got) serveSecondInstances();
    else pendingBeforeExit.push(tellFirstInstance());
    return got;
  }

  whenReady() {
    return new Promise((resolve) =>
      setImmediate(() => {
        if (!ready) {
          ready = true;
          record('ready');
          this.emit('ready');
        }
        resolve();
      }),
    );
  }

  isReady() {
    return ready;
  }

  getPath(name) {
    if (name === 'userData') return USER_DATA;
    if (name === 'logs' || name === 'temp' || name === 'sessionData') return join(USER_DATA, name);
    return unexpected(`app.getPath('${name}')`);
  }

  getAppPath() {
    return APP_PATH;
  }

  getName() {
    return JSON.parse(readFileSync(join(APP_PATH, 'package.json'), 'utf8')).productName;
  }

  getVersion() {
    return JSON.parse(readFileSync(join(APP_PATH, 'package.json'), 'utf8')).version;
  }

  enableSandbox() {
    if (ready) unexpected('app.enableSandbox() after ready (Electron ignores it then)');
    record('enable-sandbox');
  }

  setAppUserModelId(id) {
    record('app-user-model-id', { id });
  }

  getLoginItemSettings() {
    return { openAtLogin: false, wasOpenedAtLogin: false };
  }

  setLoginItemSettings(settings) {
    record('login-item', { settings });
  }

  /** Like Electron: before-quit (which may be prevented), then will-quit and quit, then the process ends. */
  quit() {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.emit('before-quit', event);
    if (prevented) {
      record('quit-held');
      return;
    }
    if (quitting) return;
    quitting = true;
    this.emit('will-quit', { preventDefault() {} });
    this.emit('quit', {}, 0);
    record('quit');
    void Promise.all(pendingBeforeExit).then(() => process.exit(0));
  }

  exit(code = 0) {
    record('exit', { code });
    process.exit(code);
  }
}

export const app = strict('app', new App());
// Electron has no app.dock on Linux or Windows.
Object.defineProperty(app, 'dock', { value: undefined });

// Electron quits gracefully on SIGTERM and SIGINT.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => app.quit());

// ---- IPC, network, power -----------------------------------------------------------------------------

class IpcMain extends EventEmitter {
  handlers = new Map();

  handle(channel, handler) {
    if (this.handlers.has(channel)) unexpected(`a second ipcMain.handle('${channel}') (Electron throws)`);
    this.handlers.set(channel, handler);
    record('ipc-handle', { channel });
  }

  removeHandler(channel) {
    this.handlers.delete(channel);
    record('ipc-remove-handler', { channel });
  }

  on(channel, listener) {
    record('ipc-on', { channel });
    return super.on(channel, listener);
  }
}
export const ipcMain = strict('ipcMain', new IpcMain());

export const net = strict('net', { isOnline: () => true });
export const powerMonitor = strict('powerMonitor', new EventEmitter());

export const shell = strict('shell', {
  async openExternal(url) {
    record('open-external', { url });
  },
});

// Only the calendar export asks for a save dialog; start-up never does. Cancelled, so nothing is written.
export const dialog = strict('dialog', {
  async showSaveDialog(options) {
    record('save-dialog', { title: options?.title, defaultPath: options?.defaultPath });
    return { canceled: true, filePath: undefined };
  },
});

export const screen = strict('screen', {
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
});

// ---- windows -----------------------------------------------------------------------------------------

let nextContentsId = 1;

function session() {
  return strict('session', {
    setPermissionRequestHandler: () => record('session-permission-handler'),
    setPermissionCheckHandler: () => {},
    webRequest: strict('session.webRequest', {
      onHeadersReceived: () => record('session-headers-handler'),
      onBeforeRequest: () => record('session-request-filter'),
    }),
  });
}

class WebContents extends EventEmitter {
  id = nextContentsId++;
  session = session();
  destroyed = false;

  setWindowOpenHandler() {}

  isDestroyed() {
    return this.destroyed;
  }

  send(channel) {
    record('push', { channel, contents: this.id });
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.visible = false;
    this.destroyed = false;
    this.webContents = strict('webContents', new WebContents());
    record('window', { options });
    app.emit('web-contents-created', {}, this.webContents);
    return strict('BrowserWindow', this);
  }

  async loadFile(file, options = {}) {
    record('window-load-file', { file, hash: options.hash ?? '' });
    setImmediate(() => {
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    });
  }

  loadURL(url) {
    return unexpected(`BrowserWindow.loadURL(${url}) (the built app loads its file)`);
  }

  show() {
    this.visible = true;
    record('window-show');
  }

  focus() {
    record('window-focus');
  }

  isMinimized() {
    return false;
  }

  restore() {}

  maximize() {}

  isMaximized() {
    return false;
  }

  isDestroyed() {
    return this.destroyed;
  }

  getNormalBounds() {
    return { x: 0, y: 0, width: this.options.width, height: this.options.height };
  }

  close() {
    this.emit('close', { preventDefault() {} });
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

// ---- tray, menus, images, notifications --------------------------------------------------------------

class NativeImage {
  constructor(path) {
    this.path = path;
  }

  isEmpty() {
    return !existsSync(this.path);
  }

  setTemplateImage() {}
}

export const nativeImage = strict('nativeImage', {
  createFromPath: (path) => strict('NativeImage', new NativeImage(path)),
});

export class Tray extends EventEmitter {
  constructor(image) {
    super();
    record('tray', { icon: image.path });
    return strict('Tray', this);
  }

  setImage(image) {
    record('tray-icon', { icon: image.path });
  }

  setToolTip(text) {
    record('tray-tooltip', { text });
  }

  setContextMenu(menu) {
    record('tray-menu', { labels: menu.labels });
  }

  destroy() {
    record('tray-destroyed');
  }
}

export const Menu = strict('Menu', {
  buildFromTemplate: (template) =>
    strict('Menu', { labels: template.map((item) => item.label ?? `(${item.type ?? 'item'})`) }),
});

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }

  constructor(options) {
    super();
    this.options = options;
    return strict('Notification', this);
  }

  show() {
    record('notification', { title: this.options.title, body: this.options.body, icon: this.options.icon });
  }
}

export default strict('electron', {
  app,
  ipcMain,
  net,
  powerMonitor,
  shell,
  screen,
  dialog,
  BrowserWindow,
  nativeImage,
  Tray,
  Menu,
  Notification,
});

// The StatusTray window: created when asked for, destroyed when closed (the app lives on in the tray),
// sandboxed, unable to navigate or open windows, remembering its size and place.
import { BrowserWindow, screen, shell, type Session, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import type { NavigateTarget } from '../shared/ipc';
import {
  contentSecurityPolicy,
  isExternalHttpUrl,
  isSamePage,
  MIN_WINDOW_SIZE,
  parseBounds,
  restoreBounds,
  routeHash,
  type WindowBounds,
} from './core/window-policy';
import { push, type Log } from './ipc-main';

export interface BoundsMemory {
  load(): unknown;
  save(bounds: WindowBounds): void;
}

export interface MainWindowOptions {
  preloadPath: string;
  /** The built page (a file) or, in development, the dev server's URL. */
  page: { file: string } | { url: string };
  dev: boolean;
  /** Window icon (Linux and Windows taskbars). */
  iconPath?: string;
  bounds: BoundsMemory;
  log: Log;
  /** Called with the new window's web contents (to trust it) and when it is gone. */
  onCreated?(contents: WebContents): void;
  onClosed?(contentsId: number): void;
}

/** Opens a link in the system browser when, and only when, it is an http(s) URL. */
export async function openExternalSafely(url: unknown, log: Log): Promise<boolean> {
  if (!isExternalHttpUrl(url)) {
    log(`Refused to open a non-http(s) link: ${String(url).slice(0, 80)}`);
    return false;
  }
  await shell.openExternal(url);
  return true;
}

/** Deny every permission (camera, notifications, geolocation…) and add our CSP to every response. */
export function hardenSession(session: Session, pageUrl: string, dev: boolean, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`Permission request denied: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  const policy = contentSecurityPolicy(dev);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
  // The page needs nothing from the network: only its own files (and the dev server in development).
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isSamePage(pageUrl, details.url) ||
      (pageUrl.startsWith('file:') && isUnderDirectory(pageUrl, details.url)) ||
      /^(data|blob|devtools):/.test(details.url) ||
      (dev && /^wss?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(details.url));
    if (!allowed) log(`Blocked a request from the window: ${details.url.slice(0, 120)}`);
    callback({ cancel: !allowed });
  });
}

function isUnderDirectory(pageUrl: string, url: string): boolean {
  try {
    const page = new URL(pageUrl);
    const target = new URL(url);
    const dir = page.pathname.slice(0, page.pathname.lastIndexOf('/') + 1);
    return (
      target.protocol === 'file:' && target.pathname.startsWith(dir) && !target.pathname.includes('/../')
    );
  } catch {
    return false;
  }
}

export const WINDOW_PARTITION = 'persist:window';

export class MainWindow {
  private window: BrowserWindow | null = null;
  private loaded = false;
  private pending: NavigateTarget | null = null;
  private hardened = false;
  readonly pageUrl: string;

  constructor(private readonly options: MainWindowOptions) {
    this.pageUrl = 'file' in options.page ? pathToFileURL(options.page.file).href : options.page.url;
  }

  /** Whether a window exists right now (it does not while only the tray runs). */
  get isOpen(): boolean {
    return this.window !== null && !this.window.isDestroyed();
  }

  get webContents(): WebContents | null {
    return this.isOpen ? (this.window?.webContents ?? null) : null;
  }

  /** Shows the window (creating it if needed), optionally on a vendor or incident. */
  open(target?: NavigateTarget): void {
    const existing = this.isOpen ? this.window : null;
    const window = existing ?? this.create(target);
    if (target) {
      // A new window starts on the target's route; a loading one also gets the push once loaded.
      if (this.loaded) push(window.webContents, 'navigate', target);
      else this.pending = target;
    }
    if (existing) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    }
  }

  close(): void {
    if (this.isOpen) this.window?.close();
  }

  private create(target?: NavigateTarget): BrowserWindow {
    const saved = parseBounds(this.options.bounds.load());
    const primary = screen.getPrimaryDisplay();
    const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
    const bounds = restoreBounds(saved, [primary.workArea, ...others.map((d) => d.workArea)]);
    const window = new BrowserWindow({
      width: bounds.width,
      height: bounds.height,
      ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true }),
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      title: 'StatusTray',
      show: false,
      ...(this.options.iconPath ? { icon: this.options.iconPath } : {}),
      webPreferences: {
        preload: this.options.preloadPath,
        // Its own session: the window's guards (permissions, CSP, request filter) never touch the
        // default session; persisted so the compiled-code cache keeps reopening fast.
        partition: WINDOW_PARTITION,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        devTools: this.options.dev,
      },
    });
    this.window = window;
    this.loaded = false;
    const contents = window.webContents;
    const contentsId = contents.id;
    const log = this.options.log;

    if (!this.hardened) {
      hardenSession(contents.session, this.pageUrl, this.options.dev, log);
      this.hardened = true;
    }
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalSafely(url, log);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      event.preventDefault();
      // A plain link clicked in the page: take it to the browser, never into our window.
      void openExternalSafely(event.url, log);
    });
    contents.on('will-redirect', (event) => {
      if (!isSamePage(this.pageUrl, event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('did-finish-load', () => {
      this.loaded = true;
      if (this.pending) {
        push(contents, 'navigate', this.pending);
        this.pending = null;
      }
    });
    this.options.onCreated?.(contents);

    window.once('ready-to-show', () => {
      if (bounds.maximized) window.maximize();
      window.show();
    });
    window.on('close', () => {
      this.options.bounds.save({ ...window.getNormalBounds(), maximized: window.isMaximized() });
    });
    window.on('closed', () => {
      if (this.window === window) {
        this.window = null;
        this.loaded = false;
        this.pending = null;
      }
      this.options.onClosed?.(contentsId);
    });

    const hash = routeHash(target);
    const loading =
      'file' in this.options.page
        ? window.loadFile(this.options.page.file, { hash })
        : window.loadURL(`${this.options.page.url.replace(/#.*$/, '')}#${hash}`);
    loading.catch((error: unknown) => log(`The window could not load its page: ${String(error)}`));
    return window;
  }
}

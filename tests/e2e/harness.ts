// End-to-end harness: Debian's Chromium driven by playwright-core, the web dashboard with the real engine
// (createAppCore + the web host, in-process) and fake status servers on loopback; screenshots land in
// test-artifacts/screenshots/.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Dialog,
  type Page,
  type Request,
} from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { createAppCore } from '../../electron/core/app';
import { DEFAULT_SETTINGS } from '../../electron/core/app/stores';
import type { AppCore, AppCoreOptions } from '../../electron/core/app-types';
import { ensureRendererBuilt, REPO_ROOT } from '../../electron/web/build-renderer';
import { startDashboard, type Dashboard } from '../../electron/web/dashboard';
import type { WatchEntry, WatchlistFile } from '../../shared/model';
import type { Settings } from '../../shared/ipc';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-artifacts', 'screenshots');
export const ARTIFACT_DIR = path.join(REPO_ROOT, 'test-artifacts');

export { CHROMIUM_ARGS } from './chromium';

/**
 * The Chromium the e2e project's global setup started, shared by every file (a file's `close()` only
 * disconnects it); a browser of its own when run outside that project.
 */
export function launchBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumWsEndpoint');
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

let built: Promise<string> | null = null;
/** The renderer built once per test process (rebuilt only when its sources changed). */
export function builtRenderer(): Promise<string> {
  built ??= ensureRendererBuilt({ log: (line) => console.log(line) });
  return built;
}

/**
 * How long the engine gathers a vendor's news into one notification here. The app waits 5 s (that window is
 * tested in tests/core/policy); a toast these files wait for then comes within a poll, not five seconds on.
 */
export const E2E_COALESCE_MS = 500;

export interface WebApp {
  url: string;
  core: AppCore;
  dashboard: Dashboard;
  dataDir: string;
  stop(): Promise<void>;
}

/** The real engine watching `vendors`, served by the web host on a free loopback port. */
export async function startWebApp(options: {
  vendors: WatchEntry[];
  intervalSeconds?: number;
  /** Settings stored before the engine starts, as a user's earlier run would have left them. */
  settings?: Partial<Settings>;
  /** More engine options (e.g. an HTTP client that cannot reach anything, for an unreadable page). */
  core?: Partial<Omit<AppCoreOptions, 'dataDir' | 'watchlistPath'>>;
}): Promise<WebApp> {
  const staticDir = await builtRenderer();
  const workDir = await mkdtemp(path.join(tmpdir(), 'statustray-e2e-'));
  // The watchlist to load sits beside the data dir: the engine keeps its own stores inside it.
  const dataDir = path.join(workDir, 'data');
  await mkdir(dataDir);
  const watchlist: WatchlistFile = { version: 1, vendors: options.vendors };
  const watchlistPath = path.join(workDir, 'e2e-watchlist.json');
  await writeFile(watchlistPath, JSON.stringify(watchlist));
  if (options.settings) {
    // As the engine's file store writes it: an envelope around the settings.
    const stored = { schemaVersion: 1, data: { ...DEFAULT_SETTINGS, ...options.settings } };
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(stored), { mode: 0o600 });
  }
  const core = createAppCore({
    dataDir,
    watchlistPath,
    intervalSeconds: options.intervalSeconds ?? 1,
    coalesceMs: E2E_COALESCE_MS,
    ...options.core,
  });
  const dashboard = await startDashboard({ core, staticDir, port: 0 });
  return {
    url: dashboard.url,
    core,
    dashboard,
    dataDir,
    async stop() {
      await dashboard.stop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

export interface PageWatch {
  dialogs: string[];
  errors: string[];
  /** Requests the page made to anywhere but the dashboard itself. */
  foreignRequests: string[];
}

/** A page opened on the dashboard by `openPage`, and how to give it back. */
export interface OpenedPage {
  /** The file's shared context (pages opened from it share the dashboard's storage, as tabs of one profile do). */
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
  /** Ends this visit: closes the pages it opened, forgets what the dashboard stored, and leaves the page. */
  close(): Promise<void>;
}

/**
 * Pages of one browser connection (one test file) are reused: a new context and page cost Chromium about
 * a second and a half of CPU each (a profile, two or three renderer processes), going to a new address in an
 * open page a fraction of that, and the suite runs on two busy cores. A visit starts as a new visitor's would:
 * the dashboard's local and session storage are cleared when the previous visit ends, its listeners, routes
 * and extra pages are gone, and the viewport and colour scheme are set again.
 */
interface PagePool {
  context: Promise<BrowserContext>;
  idle: Page[];
  /** The pages the pool made: a visit's extra pages are the others (another visit's page is not its own). */
  own: WeakSet<Page>;
}
const pools = new WeakMap<Browser, PagePool>();
const VIEWPORT = { width: 1200, height: 860 };

function poolOf(browser: Browser): PagePool {
  let pool = pools.get(browser);
  if (!pool) {
    pool = {
      context: browser.newContext({ viewport: VIEWPORT, timezoneId: 'America/New_York', locale: 'en-US' }),
      idle: [],
      own: new WeakSet(),
    };
    pools.set(browser, pool);
  }
  return pool;
}

/**
 * Opens a page on the dashboard, recording any dialog (an injected alert() would be one), page errors
 * and requests leaving the dashboard's origin (an injected <img> or iframe would make one).
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<OpenedPage> {
  const pool = poolOf(browser);
  const context = await pool.context;
  let page = pool.idle.pop();
  if (!page) {
    page = await context.newPage();
    pool.own.add(page);
  }
  await page.setViewportSize(VIEWPORT);
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
  const watch: PageWatch = { dialogs: [], errors: [], foreignRequests: [] };
  const origin = new URL(url).origin;
  const onDialog = (dialog: Dialog): void => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  };
  const onError = (err: Error): void => {
    watch.errors.push(err.message);
  };
  const onRequest = (request: Request): void => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) {
      watch.foreignRequests.push(request.url());
    }
  };
  const opened = new Set<Page>();
  const onPage = (other: Page): void => {
    if (!pool.own.has(other)) opened.add(other);
  };
  page.on('dialog', onDialog);
  page.on('pageerror', onError);
  page.on('request', onRequest);
  context.on('page', onPage);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    context.off('page', onPage);
    page.off('dialog', onDialog);
    page.off('pageerror', onError);
    page.off('request', onRequest);
    await Promise.all([...opened].map((other) => other.close()));
    if (page.isClosed()) return;
    try {
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      // Storage is per origin: clear it for the dashboard the page is on (the visit's last).
      await page
        .evaluate(() => {
          localStorage.clear();
          sessionStorage.clear();
        })
        .catch(() => {});
      await page.goto('about:blank');
      pool.idle.push(page);
    } catch {
      // A page that cannot be reset (crashed, say) is not handed out again.
      await page.close().catch(() => {});
    }
  };
  await page.goto(url);
  return { context, page, watch, close };
}

/** Saves a screenshot (full page unless asked) as test-artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}

/** Records a measured figure in test-artifacts/measurements.json (merged across test files). */
export async function recordMeasurement(name: string, value: unknown): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  await mkdir(ARTIFACT_DIR, { recursive: true });
  const file = path.join(ARTIFACT_DIR, 'measurements.json');
  const current = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  current[name] = value;
  await writeFile(file, JSON.stringify(current, null, 2) + '\n');
  console.log(`measurement ${name}: ${JSON.stringify(value)}`);
}

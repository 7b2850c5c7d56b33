// The app a user runs: the bundle `npm run build` writes (out/main/index.js with its resolved paths, its
// ESM shape and bundled dependencies, out/preload/index.cjs, out/renderer/index.html), booted under plain
// Node with `electron` resolved to a recording stand-in (tests/electron/standin). It starts into the
// tray with a sandboxed window, follows a vendor on loopback into an outage (tray icon and a native
// notification), hands a second launch over to itself, and quits cleanly.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { REQUEST_CHANNELS } from '../../shared/ipc';
import type { WatchlistFile } from '../../shared/model';
import { trayIconFile } from '../../electron/core/tray-model';
import {
  buildFixture,
  openIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { youngGenerationMb, youngGenerationProbe } from '../fakes/young-generation-probe';
import { bootBuiltApp, ROOT, type BootedApp, type Recorded } from './built-app/boot';

const TRAY_ICONS = join(ROOT, 'build', 'icons', 'tray');
const OUTAGE = 'Checkout API unavailable';

let vendor: StatuspageServer;
let workDir: string;
let first: BootedApp;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  vendor = await startStatuspageServer({
    page: buildFixture({ name: 'Acme Pay', standalone: ['Checkout API', 'Dashboard'] }),
  });
  workDir = await mkdtemp(join(tmpdir(), 'statustray-boot-'));
  const watchlistPath = join(workDir, 'watchlist.json');
  const watchlist: WatchlistFile = { version: 1, vendors: [{ url: vendor.pageUrl, name: 'Acme Pay' }] };
  await writeFile(watchlistPath, JSON.stringify(watchlist));
  // What `npm run demo` hands the app: its own data folder, a watchlist and a short poll interval.
  env = {
    STATUSTRAY_DATA_DIR: join(workDir, 'data'),
    STATUSTRAY_DEMO_WATCHLIST: watchlistPath,
    STATUSTRAY_DEMO_INTERVAL: '1',
    // Answers SIGUSR2 with the young generation's size (the memory settings test below).
    NODE_OPTIONS: `--import=${youngGenerationProbe()}`,
    YOUNG_FILE: join(workDir, 'young.txt'),
  };
  first = bootBuiltApp({ userData: join(workDir, 'user-data'), env });
});

afterAll(async () => {
  if (first && first.child.exitCode === null && first.child.signalCode === null) {
    first.child.kill('SIGKILL');
    await first.exited;
  }
  await vendor?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const kinds = (records: Recorded[], kind: string): Recorded[] => records.filter((r) => r.kind === kind);

describe('the built desktop app, booted with a stand-in electron', () => {
  it('starts into the tray with a sandboxed, isolated window whose preload and page exist, and handles every IPC channel', async () => {
    await first.waitFor((r) => r.kind === 'window-show', 'show its window');
    const operational = trayIconFile('operational', 'linux').file;
    await first.waitFor(
      (r) => (r.kind === 'tray' || r.kind === 'tray-icon') && r.icon === join(TRAY_ICONS, operational),
      'show the operational tray icon once the vendor was read',
    );

    const [lock] = kinds(first.records, 'single-instance-lock');
    expect(lock?.got).toBe(true);
    expect(kinds(first.records, 'enable-sandbox')).toHaveLength(1);

    // The tray: one icon, and every icon it showed is a file that exists.
    expect(kinds(first.records, 'tray')).toHaveLength(1);
    for (const r of [...kinds(first.records, 'tray'), ...kinds(first.records, 'tray-icon')]) {
      expect(existsSync(r.icon as string), r.icon as string).toBe(true);
    }
    const menu = kinds(first.records, 'tray-menu').at(-1);
    expect(menu?.labels).toEqual(expect.arrayContaining(['Open StatusTray', 'Quit StatusTray']));

    // The window: sandboxed, isolated, no Node; its preload and page are the built files, and exist.
    const [window] = kinds(first.records, 'window');
    const prefs = (window?.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe(join(ROOT, 'out', 'preload', 'index.cjs'));
    expect(existsSync(prefs.preload as string)).toBe(true);
    const [load] = kinds(first.records, 'window-load-file');
    expect(load?.file).toBe(join(ROOT, 'out', 'renderer', 'index.html'));
    expect(existsSync(load?.file as string)).toBe(true);
    // Its session refuses permissions and filters requests.
    expect(kinds(first.records, 'session-permission-handler')).toHaveLength(1);
    expect(kinds(first.records, 'session-request-filter')).toHaveLength(1);

    // Every request channel of shared/ipc.ts has exactly one handler.
    const handled = kinds(first.records, 'ipc-handle').map((r) => r.channel);
    expect([...handled].sort()).toEqual([...REQUEST_CHANNELS].sort());
    // The window hears the state (what changed, as a patch).
    await first.waitFor((r) => r.kind === 'push' && r.channel === 'state:patch', 'send the window its state');

    expect(kinds(first.records, 'uncaught'), first.output()).toEqual([]);
    expect(kinds(first.records, 'unexpected'), first.output()).toEqual([]);
    expect(first.output()).not.toContain('could not start');
  });

  it('keeps its young generation at its starting size from the start, loading of the bundle included', async () => {
    await first.waitFor((r) => r.kind === 'window-show', 'show its window');
    // Its starting size is 1 to 2 MB; set after the bundle had loaded, as before, it had grown to 16 MB.
    expect(await youngGenerationMb(first.child, env.YOUNG_FILE!)).toBeLessThanOrEqual(4);
  });

  it('switches the tray to the outage icon and shows a native notification when the vendor goes down', async () => {
    const since = first.records.length;
    vendor.update((fixture) => {
      setComponentStatus(fixture, 'Checkout API', 'major_outage');
      openIncident(fixture, { name: OUTAGE, impact: 'critical', components: ['Checkout API'] });
    });
    const outageIcon = join(TRAY_ICONS, trayIconFile('major_outage', 'linux').file);
    await first.waitFor(
      (r) => r.kind === 'tray-icon' && r.icon === outageIcon,
      'show the outage tray icon',
      since,
    );
    expect(existsSync(outageIcon)).toBe(true);
    const notification = await first.waitFor(
      (r) => r.kind === 'notification',
      'show a native notification about the outage',
      since,
    );
    expect(`${String(notification.title)} ${String(notification.body)}`).toContain('Acme Pay');
    const tooltip = kinds(first.records.slice(since), 'tray-tooltip').at(-1);
    expect(tooltip?.text).toMatch(/Acme Pay/);
    expect(kinds(first.records, 'uncaught'), first.output()).toEqual([]);
    expect(kinds(first.records, 'unexpected'), first.output()).toEqual([]);
  });

  it('hands a second launch over to the running app, which shows its window, and the second one quits', async () => {
    const since = first.records.length;
    const second = bootBuiltApp({ userData: join(workDir, 'user-data'), env });
    onTestFinished(async () => {
      if (second.child.exitCode === null && second.child.signalCode === null) {
        second.child.kill('SIGKILL');
        await second.exited;
      }
    });
    // It either quits or (wrongly) comes up with a tray of its own: wait for whichever happens.
    await vi.waitFor(
      () => {
        if (second.child.exitCode === null && kinds(second.records, 'tray').length === 0) {
          throw new Error(`the second launch neither quit nor started\n${second.output()}`);
        }
      },
      { timeout: 60_000, interval: 50 },
    );
    expect(kinds(second.records, 'tray'), 'the second launch started a tray of its own').toEqual([]);
    const { code } = await second.exited;
    expect(code, second.output()).toBe(0);
    expect(kinds(second.records, 'single-instance-lock')[0]?.got).toBe(false);
    expect(kinds(second.records, 'quit')).toHaveLength(1);
    // It quit before building anything of its own.
    for (const kind of ['tray', 'window', 'ipc-handle', 'notification', 'uncaught', 'unexpected']) {
      expect(kinds(second.records, kind), kind).toEqual([]);
    }
    await first.waitFor((r) => r.kind === 'second-instance', 'hear from the second launch', since);
    const handOver = first.records.findIndex((r, i) => i >= since && r.kind === 'second-instance');
    await first.waitFor((r) => r.kind === 'window-show', 'show its window again', handOver);
  });

  it('has a stand-in that fails loudly on what it does not model, so nothing passes by accident', async () => {
    const probe = async (name: string, code: string): Promise<BootedApp> => {
      const file = join(workDir, `${name}.mjs`);
      await writeFile(file, code);
      const run = bootBuiltApp({ userData: join(workDir, `${name}-data`), main: file, env });
      await run.exited;
      return run;
    };
    // A member it does not model: recorded, thrown, and the process ends as a crash would.
    const member = await probe('member', "import { app } from 'electron';\napp.setBadgeCount(3);\n");
    expect(member.child.exitCode).not.toBe(0);
    expect(kinds(member.records, 'unexpected').map((r) => r.what)).toEqual(['app.setBadgeCount']);
    expect(kinds(member.records, 'uncaught')[0]?.message).toContain('app.setBadgeCount is not modelled');
    // A module it does not provide: the import itself fails.
    const module = await probe('module', "import { clipboard } from 'electron';\nconsole.log(clipboard);\n");
    expect(module.child.exitCode).not.toBe(0);
    expect(module.output()).toMatch(/does not provide an export named 'clipboard'/);
  });

  it('quits on SIGTERM once the engine has stopped, removing its tray', async () => {
    const since = first.records.length;
    first.child.kill('SIGTERM');
    const { code } = await first.exited;
    expect(code, first.output()).toBe(0);
    const after = first.records.slice(since).map((r) => r.kind);
    // The first quit is held while the engine stops; the tray goes, then the app quits.
    expect(after[0]).toBe('quit-held');
    expect(after.indexOf('tray-destroyed')).toBeLessThan(after.indexOf('quit'));
    expect(after).toContain('quit');
    expect(kinds(first.records, 'uncaught'), first.output()).toEqual([]);
    expect(kinds(first.records, 'unexpected'), first.output()).toEqual([]);
  });
});

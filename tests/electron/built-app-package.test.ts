// The packaged layout, checked without Electron's binary: electron-builder packs the build (`--dir`, the
// unpacked app every installer is made from) around a stand-in Electron distribution (`electronDist`: a
// folder with a placeholder `electron` executable). Fuses are skipped for this run only: electron-builder
// flips them inside the real binary, which the placeholder is not (the fuse settings themselves are
// checked in packaging.test.ts). Then the packaged app is booted as packaged (app.isPackaged, resources
// path) from its extracted asar with the recording stand-in: the bundles and the tray and window icons
// are where the code looks for them, and it needs nothing outside the package.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { menuIconFile, trayIconFile } from '../../electron/core/tray-model';
import { STATUS_LABEL, type TrayState } from '../../shared/status';
import { bootBuiltApp, ROOT } from './built-app/boot';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  extractAll(archive: string, dest: string): void;
};

let workDir: string;
let unpacked: string;
let resources: string;
let entries: string[];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'statustray-package-'));
  // The stand-in distribution: what electron-builder copies from an Electron download.
  const dist = join(workDir, 'electron-dist');
  await mkdir(join(dist, 'resources'), { recursive: true });
  await writeFile(join(dist, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary" >&2\nexit 1\n');
  await chmod(join(dist, 'electron'), 0o755);
  const electronVersion = (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  await writeFile(join(dist, 'version'), electronVersion);
  const output = join(workDir, 'release');
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { electronDist: dist, electronFuses: null, directories: { output } },
  });
  const folder = readdirSync(output).find((name) => /^linux(-\w+)?-unpacked$/.test(name));
  if (!folder)
    throw new Error(`electron-builder wrote no unpacked app in ${output}: ${readdirSync(output).join(', ')}`);
  unpacked = join(output, folder);
  resources = join(unpacked, 'resources');
  entries = asar
    .listPackage(join(resources, 'app.asar'), { isPack: false })
    .map((e) => e.replaceAll('\\', '/'));
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const ALL_STATES = Object.keys(STATUS_LABEL) as TrayState[];

describe('the app packaged by electron-builder (unpacked, with a stand-in Electron)', () => {
  it('holds the main, preload and renderer bundles with the page’s assets, and no node_modules or source maps', () => {
    expect(existsSync(join(unpacked, 'statustray')), 'the executable, named as in electron-builder.yml').toBe(
      true,
    );
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ]) {
      expect(entries, file).toContain(file);
    }
    const page = readFileSync(join(ROOT, 'out', 'renderer', 'index.html'), 'utf8');
    const assets = [...page.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map(
      (m) => `/out/renderer/${m[1]}`,
    );
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(entries, asset).toContain(asset);
    expect(entries.filter((e) => e.includes('/node_modules/'))).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
  });

  it('ships every tray and menu icon the code asks for, on every platform, in resources/tray', () => {
    const files = new Set<string>();
    for (const state of ALL_STATES) {
      for (const platform of ['linux', 'win32', 'darwin'] as const) {
        files.add(trayIconFile(state, platform).file);
        files.add(trayIconFile(state, platform, { monochrome: true }).file);
      }
      files.add(menuIconFile(state));
    }
    const missing = [...files].filter((file) => !existsSync(join(resources, 'tray', file)));
    expect(missing).toEqual([]);
    expect(existsSync(join(resources, 'icon.png'))).toBe(true);
  });

  it('boots as packaged from its extracted asar, finding its bundles and icons where it looks', async () => {
    const appDir = join(workDir, 'extracted-app');
    asar.extractAll(join(resources, 'app.asar'), appDir);
    // No STATUSTRAY_DATA_DIR: the packaged default, electron-store in userData.
    const app = bootBuiltApp({
      userData: join(workDir, 'user-data'),
      main: join(appDir, 'out', 'main', 'index.js'),
      env: { STANDIN_APP_PATH: appDir, STANDIN_RESOURCES_PATH: resources },
    });
    try {
      await app.waitFor((r) => r.kind === 'window-show', 'show its window');
      const tray = await app.waitFor((r) => r.kind === 'tray', 'put its icon in the tray');
      expect(tray.icon).toBe(join(resources, 'tray', trayIconFile('unknown', 'linux').file));
      expect(existsSync(tray.icon as string)).toBe(true);
      const window = app.records.find((r) => r.kind === 'window')!;
      const options = window.options as { icon: string; webPreferences: { preload: string } };
      expect(options.icon).toBe(join(resources, 'icon.png'));
      expect(options.webPreferences.preload).toBe(join(appDir, 'out', 'preload', 'index.cjs'));
      expect(existsSync(options.webPreferences.preload)).toBe(true);
      const load = app.records.find((r) => r.kind === 'window-load-file')!;
      expect(load.file).toBe(join(appDir, 'out', 'renderer', 'index.html'));
      expect(existsSync(load.file as string)).toBe(true);
      app.child.kill('SIGTERM');
      const { code } = await app.exited;
      expect(code, app.output()).toBe(0);
      expect(
        app.records.filter((r) => r.kind === 'uncaught' || r.kind === 'unexpected'),
        app.output(),
      ).toEqual([]);
    } finally {
      if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
      await app.exited;
    }
  });
});

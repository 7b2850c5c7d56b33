// The packaging config as electron-builder itself reads and validates it: all three platforms' targets,
// icons that exist, hardened fuses, and a package holding only out/ (main, preload, renderer).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

interface TargetConfig {
  target: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: Array<{ filter: string[] }>;
  extraResources: Array<{ from: string; to: string }>;
  electronFuses: Record<string, boolean>;
  mac: { icon: string; target: TargetConfig[]; extendInfo: Record<string, unknown> };
  win: { icon: string; target: TargetConfig[] };
  linux: { icon: string; category: string; target: TargetConfig[] };
}

let loaded: Promise<BuilderConfig> | null = null;
/** Loaded and validated once for the file (electron-builder takes a few seconds to load). */
function loadBuilderConfig(): Promise<BuilderConfig> {
  loaded ??= readBuilderConfig();
  return loaded;
}

async function readBuilderConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig(dir: string, path: string | null, options: null): Promise<unknown>;
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util/out/DebugLogger.js') as {
    DebugLogger: new (on: boolean) => unknown;
  };
  const config = await getConfig(ROOT, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder validation with the app id and name', async () => {
    const config = await loadBuilderConfig();
    expect(config.appId).toBe('dev.statustray.app');
    expect(config.productName).toBe('StatusTray');
  });

  it('targets dmg and zip on macOS, nsis on Windows, AppImage and deb on Linux', async () => {
    const config = await loadBuilderConfig();
    const names = (targets: TargetConfig[]) => targets.map((t) => t.target).sort();
    expect(names(config.mac.target)).toEqual(['dmg', 'zip']);
    expect(names(config.win.target)).toEqual(['nsis']);
    expect(names(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
    expect(config.linux.category).toBeTruthy();
  });

  it('uses icons that exist in build/, and ships the tray icons', async () => {
    const config = await loadBuilderConfig();
    for (const icon of [config.mac.icon, config.win.icon, join(config.linux.icon, '512x512.png')]) {
      expect(existsSync(join(ROOT, icon)), icon).toBe(true);
    }
    const tray = config.extraResources.find((r) => r.to === 'tray');
    expect(tray && existsSync(join(ROOT, tray.from, 'tray-major_outage-22.png'))).toBe(true);
  });

  it('sets the fuses of a hardened build', async () => {
    const config = await loadBuilderConfig();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packages only the build output and package.json, whose main is the built main process', async () => {
    const config = await loadBuilderConfig();
    const patterns = config.files.flatMap((f) => f.filter);
    expect(patterns.filter((f) => !f.startsWith('!'))).toEqual(['out/**/*', 'package.json']);
    expect(patterns).toContain('!**/node_modules/**/*');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.scripts.build).toBe('electron-vite build');
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder/);
  });
});

describe('electron.vite.config.ts', () => {
  async function config() {
    const mod = (await import('../../electron.vite.config')) as {
      default: import('electron-vite').UserConfig;
    };
    return mod.default;
  }

  it('bundles the preload into one CommonJS file, electron left to the sandbox', async () => {
    const { preload } = await config();
    const output = preload?.build?.rollupOptions?.output;
    expect(output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
    expect(preload?.build?.externalizeDeps).toBe(false);
    expect(preload?.build?.rollupOptions?.external).toEqual(['electron']);
  });

  it('builds main, preload and renderer into the out/ paths the app loads', async () => {
    const { main, preload, renderer } = await config();
    expect(main?.build?.outDir).toBe(join(ROOT, 'out/main'));
    expect(preload?.build?.outDir).toBe(join(ROOT, 'out/preload'));
    expect(renderer?.build?.outDir).toBe(join(ROOT, 'out/renderer'));
    expect(renderer?.root).toBe(join(ROOT, 'renderer'));
  });

  it('gives the built page a Content-Security-Policy when it declares none, and keeps its own', async () => {
    const { renderer } = await config();
    const plugin = (renderer?.plugins ?? [])
      .flat()
      .find(
        (p) => typeof p === 'object' && p !== null && 'name' in p && p.name === 'statustray-ensure-csp',
      ) as
      | { transformIndexHtml: (html: string) => string; configResolved: (c: { command: string }) => void }
      | undefined;
    expect(plugin).toBeDefined();
    const bare = plugin!.transformIndexHtml('<html><head><title>x</title></head></html>');
    expect(bare).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self';/,
    );
    const own = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'" /></head></html>`;
    expect(plugin!.transformIndexHtml(own)).toBe(own);
    // Under the dev server only, the page's policy lets Vite's inline preamble and websocket through.
    plugin!.configResolved({ command: 'serve' });
    const dev = plugin!.transformIndexHtml(own);
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://localhost:*");
    plugin!.configResolved({ command: 'build' });
    expect(plugin!.transformIndexHtml(own)).toBe(own);
  });
});

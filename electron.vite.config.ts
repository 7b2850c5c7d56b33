// Builds the desktop app into out/: main (ESM, dependencies bundled so the package needs no node_modules),
// the preload (one CommonJS file, as a sandboxed preload must be) and the window (renderer/, with the
// settings of renderer/vite.config.ts).
import { defineConfig } from 'electron-vite';
import type { Plugin, UserConfig } from 'vite';
import rendererConfig from './renderer/vite.config';
import { contentSecurityPolicy } from './electron/core/window-policy';

const here = (relative: string): string => decodeURIComponent(new URL(relative, import.meta.url).pathname);

/**
 * Guarantees a CSP in the page: a built page keeps the renderer's own policy, or gets ours when it declares
 * none. Under the dev server (never packaged) the page gets our dev policy instead, which lets Vite's
 * inline React-refresh preamble and HMR websocket through.
 */
function ensureCsp(): Plugin {
  let dev = false;
  const meta = (policy: string): string =>
    `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const existing = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i;
  return {
    name: 'statustray-ensure-csp',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml(html) {
      if (dev) {
        const policy = meta(contentSecurityPolicy(true));
        return existing.test(html)
          ? html.replace(existing, policy)
          : html.replace(/<head>/i, `<head>\n    ${policy}`);
      }
      if (existing.test(html)) return html;
      return html.replace(/<head>/i, `<head>\n    ${meta(contentSecurityPolicy(false))}`);
    },
  };
}

const renderer = rendererConfig as UserConfig;

export default defineConfig({
  main: {
    build: {
      outDir: here('out/main'),
      // Only electron itself stays external: the packaged app ships out/ and no node_modules.
      externalizeDeps: false,
      target: 'node22',
      rollupOptions: {
        input: { index: here('electron/main.ts') },
        external: ['electron', /^node:/],
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: here('out/preload'),
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: here('electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    root: here('renderer'),
    plugins: [...(renderer.plugins ?? []), ensureCsp()],
    build: {
      ...renderer.build,
      // electron-vite leaves the renderer unminified by default; the window should open fast.
      minify: true,
      outDir: here('out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: here('renderer/index.html') } },
    },
  },
});

// Builds the desktop app into out/: main (ESM, dependencies bundled so the package needs no node_modules),
// the preload (one CommonJS file, as a sandboxed preload must be) and the window (renderer/, with the
// settings of renderer/vite.config.ts).
import { defineConfig } from 'electron-vite';
import type { Plugin, UserConfig } from 'vite';
import rendererConfig from './renderer/vite.config';
import { contentSecurityPolicy } from './electron/core/window-policy';

const here = (relative: string): string => decodeURIComponent(new URL(relative, import.meta.url).pathname);

/** Guarantees a CSP in the built page: the renderer declares its own; a page without one gets ours. */
function ensureCsp(): Plugin {
  return {
    name: 'statustray-ensure-csp',
    transformIndexHtml(html) {
      if (/http-equiv=["']Content-Security-Policy["']/i.test(html)) return html;
      return html.replace(
        /<head>/i,
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(false)}" />`,
      );
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
      outDir: here('out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: here('renderer/index.html') } },
    },
  },
});

// Builds the window (renderer/) into out/renderer with relative asset paths, so that the same files load
// from Electron (file://) and from the web mode (http://127.0.0.1).
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (relative: string): string => decodeURIComponent(new URL(relative, import.meta.url).pathname);

/**
 * The build follows the Vite mode, not an inherited NODE_ENV: a build started from a test runner
 * (NODE_ENV=test) must still ship production React and production packages, or the dashboard runs
 * development builds (slower, larger, with dev-only warnings).
 */
function nodeEnvFromMode(): Plugin {
  return {
    name: 'statustray-node-env-from-mode',
    config(_config, env) {
      const nodeEnv = env.command === 'serve' || env.mode === 'development' ? 'development' : 'production';
      return {
        define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
        oxc: { jsx: { development: nodeEnv === 'development' } },
        // Packages' "development" export conditions (e.g. micromark's assertions) follow the mode too.
        resolve: { conditions: ['module', 'browser', nodeEnv] },
      };
    },
  };
}

/**
 * The dev server injects an inline React Refresh preamble and serves CSS as <style> elements: only there,
 * the page's CSP allows inline scripts and styles. Builds keep the strict policy of index.html.
 */
function devServerCsp(): Plugin {
  return {
    name: 'statustray-dev-server-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    },
  };
}

/**
 * The app's code is a chunk the small entry script imports once it has started reading the host's state
 * (src/main.tsx): named in the page too, so that the browser fetches both at once instead of one after the other.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'statustray-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/mount.tsx'),
        );
        if (!chunk) return [];
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react(), nodeEnvFromMode(), devServerCsp(), preloadAppChunk()],
  build: {
    outDir: here('../out/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
});

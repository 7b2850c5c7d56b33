// Makes sure the built renderer the web host serves exists and is newer than its sources: builds it with
// vite's JS API when missing or stale (a few seconds, announced), and reuses it otherwise.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above `from` holding a package.json: this file runs from electron/web/ and, compiled, from dist-cli/. */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..');
  }
}

/** The repository root. */
export const REPO_ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const RENDERER_OUT_DIR = path.join(REPO_ROOT, 'out', 'renderer');

async function newestMtime(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const child of await readdir(entry)) {
    if (child === 'node_modules') continue;
    newest = Math.max(newest, await newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when out/renderer/index.html is missing or older than a renderer or shared source. */
export async function isRendererStale(root = REPO_ROOT): Promise<boolean> {
  const built = await stat(path.join(root, 'out', 'renderer', 'index.html')).catch(() => null);
  if (!built) return true;
  const sources = Math.max(
    await newestMtime(path.join(root, 'renderer')),
    await newestMtime(path.join(root, 'shared')),
  );
  return sources > built.mtimeMs;
}

/** Builds the renderer if needed; returns the directory to serve. */
export async function ensureRendererBuilt(
  options: { root?: string; log?: (line: string) => void; force?: boolean } = {},
): Promise<string> {
  const root = options.root ?? REPO_ROOT;
  const outDir = path.join(root, 'out', 'renderer');
  if (!options.force && !(await isRendererStale(root))) return outDir;
  const configFile = path.join(root, 'renderer', 'vite.config.ts');
  if (!(await stat(configFile).catch(() => null))) {
    throw new Error(`Cannot build the dashboard: ${configFile} is missing.`);
  }
  options.log?.('Building the dashboard (first run or sources changed)…');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile, logLevel: 'warn' });
  options.log?.(`Dashboard built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return outDir;
}

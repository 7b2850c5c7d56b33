// Vitest global setup of the `desktop` project: makes sure out/ holds a build of the current sources
// (`npm run build`, skipped when out/ is newer than every source, with the rule `npm start` uses), once
// for all the built-app test files.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { needsBuild } from '../../../scripts/start.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export default function buildOnce(): void {
  if (!needsBuild(ROOT)) return;
  const started = Date.now();
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `npm run build failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  console.log(`Built the desktop app into out/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

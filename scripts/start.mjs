// `npm start`: makes sure Electron's binary is here (downloading it on first start, scripts/ensure-electron.mjs),
// builds the app when its sources are newer than out/, then launches Electron on it. Stop signals are passed on
// to what it runs, npm being stopped counts as one (scripts/stop-with-npm.mjs), and it exits as Electron did.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, ensureElectron, runForwardingSignals } from './ensure-electron.mjs';
import { stopWithNpm } from './stop-with-npm.mjs';

export { electronBinary };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The outputs `npm run build` must produce, and the sources they come from. */
export const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SOURCES = ['electron', 'shared', 'renderer', 'electron.vite.config.ts', 'package.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when an output is missing or older than any source. */
export function needsBuild(root = ROOT) {
  const outputs = OUTPUTS.map((p) => join(root, p));
  if (outputs.some((p) => !existsSync(p))) return true;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return SOURCES.some((s) => newestMtime(join(root, s)) > oldestOutput);
}

/** An exit code for a child's end: its own code, or 128 + the signal's number as a shell reports it. */
function exitCodeOf({ code, signal }) {
  if (code !== null) return code;
  const numbers = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return 128 + (numbers[signal] ?? 0);
}

export async function main(argv = process.argv.slice(2), env = process.env, root = ROOT) {
  const binary = await ensureElectron({ root, env });
  if (!binary) return 1;
  if (!argv.includes('--no-build') && needsBuild(root)) {
    process.stdout.write('Building StatusTray (npm run build)…\n');
    const build = await runForwardingSignals(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      { cwd: root, stdio: 'inherit' },
    );
    if (build.signal) return exitCodeOf(build);
    if (build.code !== 0) {
      process.stderr.write('StatusTray: the build failed (see above); nothing was launched.\n');
      return 1;
    }
  }
  const childEnv = { ...env };
  // Set by some shells and tools; it would make Electron run as plain Node and ignore the app.
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const args = [root, ...argv.filter((a) => a !== '--no-build')];
  const launched = await runForwardingSignals(binary, args, { cwd: root, stdio: 'inherit', env: childEnv });
  if (launched.error) {
    process.stderr.write(`StatusTray: could not launch Electron at ${binary}: ${launched.error.message}\n`);
    return 1;
  }
  return exitCodeOf(launched);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  stopWithNpm();
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`StatusTray: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

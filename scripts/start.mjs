// `npm start`: builds the app when its sources are newer than out/, then launches Electron on it. Where the
// Electron binary is missing (its download host was unreachable at install), says so and how to get it,
// instead of letting `require('electron')` try a download and fail with a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The outputs `npm run build` must produce, and the sources they come from. */
export const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SOURCES = ['electron', 'shared', 'renderer', 'electron.vite.config.ts', 'package.json'];

const PLATFORM_BINARY = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/** Where the Electron binary would be (same rules as the electron package, without its download). */
export function electronBinary(root = ROOT, env = process.env, platform = process.platform) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : (PLATFORM_BINARY[platform] ?? 'electron');
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(pkg, 'dist', relative);
  return { binary, found: existsSync(binary) && statSync(binary).isFile() };
}

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

export function missingBinaryMessage(binary, version) {
  return [
    `StatusTray cannot start: the Electron binary is not installed.`,
    `  Looked for: ${binary}`,
    `  (npm install downloads Electron ${version} from its download host; here that download failed or was skipped.)`,
    ``,
    `To get it, either:`,
    `  - run npm install on a machine that can reach Electron's download host`,
    `    (or run: node node_modules/electron/install.js; ELECTRON_MIRROR=<url> picks a mirror), or`,
    `  - point to an Electron ${version} you already have:`,
    `    ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder npm start`,
    ``,
    `Without Electron, the same engine runs in your browser and terminal:`,
    `  npm run --silent cli -- web          (the StatusTray window at http://127.0.0.1)`,
    `  npm run --silent cli -- check <url>  (read a status page once)`,
  ].join('\n');
}

function electronVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    return '(see package.json)';
  }
}

export async function main(argv = process.argv.slice(2), env = process.env, root = ROOT) {
  const { binary, found } = electronBinary(root, env);
  if (!found) {
    process.stderr.write(missingBinaryMessage(binary, electronVersion(root)) + '\n');
    return 1;
  }
  if (!argv.includes('--no-build') && needsBuild(root)) {
    process.stdout.write('Building StatusTray (npm run build)…\n');
    const build = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) {
      process.stderr.write('StatusTray: the build failed (see above); nothing was launched.\n');
      return 1;
    }
  }
  const childEnv = { ...env };
  // Set by some shells and tools; it would make Electron run as plain Node and ignore the app.
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const args = [root, ...argv.filter((a) => a !== '--no-build')];
  return new Promise((resolve) => {
    const child = spawn(binary, args, { cwd: root, stdio: 'inherit', env: childEnv });
    child.on('error', (error) => {
      process.stderr.write(`StatusTray: could not launch Electron at ${binary}: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`StatusTray: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

// The one step `npm start` and `npm run demo` take before launching the desktop app: make sure Electron's
// binary is here. Electron 45's package downloads it on first use, not at `npm install`, so when it is missing
// this runs Electron's own installer (node_modules/electron/install.js, i.e. @electron/get, which reads
// ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR, electron_config_cache and, with ELECTRON_GET_USE_PROXY, the proxy
// variables), shows how far the download got, and when it fails says why in plain words and the three ways
// forward, without the installer's stack trace. `node scripts/ensure-electron.mjs` runs it alone.
import { spawn } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const PLATFORM_BINARY = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  mas: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/** The pinned Electron version (the installed package's, which npm took from package.json). */
export function electronVersion(root = ROOT) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** The platform and arch Electron's installer downloads for (the same variables install.js reads). */
export function installTarget(env = process.env) {
  return {
    platform: env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform,
    arch: env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch,
  };
}

/**
 * Where the Electron binary is, and whether it is installed for the pinned version (install.js's own test:
 * dist/version and path.txt match). With ELECTRON_OVERRIDE_DIST_PATH, the binary in that folder.
 */
export function electronBinary(root = ROOT, env = process.env, platform = process.platform) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const expected = PLATFORM_BINARY[platform] ?? 'electron';
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const isFile = (p) => existsSync(p) && statSync(p).isFile();
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, recorded ?? expected);
    return { binary, found: isFile(binary), overridden: true };
  }
  const binary = join(pkg, 'dist', recorded ?? expected);
  let versionMatches = false;
  try {
    const installed = readFileSync(join(pkg, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    versionMatches = installed === electronVersion(root);
  } catch {
    // No dist/version: not installed by Electron's installer (or not at all).
  }
  return { binary, found: versionMatches && recorded === expected && isFile(binary), overridden: false };
}

function mirrorVar(env, snake) {
  return (
    env[`npm_config_electron_${snake}`] ||
    env[`NPM_CONFIG_ELECTRON_${snake.toUpperCase()}`] ||
    env[`npm_package_config_electron_${snake}`] ||
    env[`ELECTRON_${snake.toUpperCase()}`]
  );
}

/** The address @electron/get asks for the binary (its rule, for messages: the installer decides). */
export function artifactUrl(version, { platform, arch }, env = process.env) {
  const base = mirrorVar(env, 'mirror') || 'https://github.com/electron/electron/releases/download/';
  const dir = (mirrorVar(env, 'custom_dir') || `v${version}`).replace('{{ version }}', version);
  const file = mirrorVar(env, 'custom_filename') || `electron-v${version}-${platform}-${arch}.zip`;
  return `${base}${dir}/${file}`;
}

/** Where @electron/get keeps its downloads (env-paths' cache folder for "electron", or electron_config_cache). */
export function electronCache(env = process.env, platform = process.platform) {
  if (env.electron_config_cache) return env.electron_config_cache;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  if (platform === 'win32')
    return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron');
}

/** Node versions whose require() loads ES modules: Electron's installer (CommonJS) needs it for @electron/get. */
export function nodeRunsInstaller(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19);
}

/** What the installer prints when it could not talk to the host (fetch gives no more than "fetch failed"). */
const CONNECTION_FAILURE =
  /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|UND_ERR/;

/**
 * Why the installer failed, in plain words, from what it printed (its error's stack). Pure: `hostResolves`
 * tells, for a connection failure, whether the host's name resolved.
 */
export function explainInstallFailure(output, { url, version, platform, arch, cache, hostResolves = true }) {
  const host = hostOf(url);
  const said = output.split('\n').find((l) => l.trim() !== '' && !/^\s+at /.test(l)) ?? '';
  // @electron/get's HTTPError names the address it asked for: the binary's, or SHASUMS256.txt's.
  const http = /Response code (\d{3}) \(([^)]*)\) for (\S+)/.exec(output);
  if (http) {
    const [, code, text, asked] = http;
    const what = asked === url ? `no Electron ${version} for ${platform}-${arch}` : 'no such file';
    return code === '404'
      ? `${hostOf(asked)} answered 404 Not Found for ${asked}: ${what} there.`
      : `${hostOf(asked)} answered ${code} ${text} for ${asked}.`;
  }
  if (/did not match expected checksum/.test(output)) {
    return `checksum mismatch: the file from ${url} is not the Electron ${version} that Electron published (damaged on the way, or the mirror serves another file).`;
  }
  if (/No checksum found|ChecksumParseError|checksum/i.test(output)) {
    return `checksum mismatch: the checksums for Electron ${version} do not cover the file from ${url} (${said.trim()}).`;
  }
  if (/ENOSPC|no space left/i.test(output)) {
    return `no space left on the disk: the download needs about 100 MB in ${tmpdir()} and in ${cache}, and about 300 MB unpacked in node_modules/electron/dist.`;
  }
  if (/ERR_REQUIRE_ESM|require\(\) of ES Module/.test(output)) {
    return `Electron's installer needs Node 20.19 or newer (22.12 or newer as it declares); this is Node ${process.versions.node}.`;
  }
  if (CONNECTION_FAILURE.test(output)) {
    return hostResolves
      ? `${host} could not be reached (no connection, or a proxy or firewall in the way; behind a proxy, set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY).`
      : `${host} could not be reached: its name does not resolve (no network, or no DNS).`;
  }
  return `Electron's installer failed: ${said.trim() || 'it printed nothing'}.`;
}

/** The paragraph shown when Electron cannot be had: what happened, why, and the three ways forward. */
export function cannotStartMessage({ version, why, downloadFailed, command, browserCommand }) {
  return [
    `StatusTray cannot start: Electron ${version}'s binary is not installed${downloadFailed ? ' and could not be downloaded' : ''}.`,
    `  Why: ${why}`,
    `Three ways forward:`,
    `  - download it from a mirror:  ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ ${command}`,
    `  - use an Electron ${version} you already have:  ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder ${command}`,
    `  - open the same window in your browser, no Electron needed:  ${browserCommand}`,
  ].join('\n');
}

function hostOf(url, part = 'host') {
  try {
    return new URL(url)[part];
  } catch {
    return url;
  }
}

function sizeOf(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    try {
      total += entry.isDirectory() ? sizeOf(path) : statSync(path).size;
    } catch {
      // Moved to the cache or removed between the listing and the stat.
    }
  }
  return total;
}

/** Runs a child with the parent's stop signals forwarded to it; resolves with its exit code and signal. */
export function runForwardingSignals(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, options);
    const forward = (signal) => child.kill(signal);
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    const done = (result) => {
      for (const s of signals) process.off(s, forward);
      resolve(result);
    };
    child.on('error', (error) => done({ code: null, signal: null, error, child }));
    child.on('exit', (code, signal) => done({ code, signal, error: null, child }));
    options.onChild?.(child);
  });
}

/**
 * Makes sure the Electron binary is here, downloading it with Electron's installer when it is not.
 * Returns the binary's path, or null after printing why it cannot be had.
 */
export async function ensureElectron({
  root = ROOT,
  env = process.env,
  command = 'npm start',
  browserCommand = 'npm run --silent cli -- web',
  out = process.stdout,
  err = process.stderr,
} = {}) {
  const version = electronVersion(root) ?? '(the version in package.json)';
  const { binary, found, overridden } = electronBinary(root, env);
  if (found) return binary;
  const say = (why, downloadFailed = false) => {
    err.write(cannotStartMessage({ version, why, downloadFailed, command, browserCommand }) + '\n');
    return null;
  };
  if (overridden) {
    return say(
      `ELECTRON_OVERRIDE_DIST_PATH points to ${env.ELECTRON_OVERRIDE_DIST_PATH}, which has no ${binary}.`,
    );
  }
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return say(`its installer is missing (${installer}): run npm install first.`);
  if (!nodeRunsInstaller()) {
    return say(`Electron's installer needs Node 20.19 or newer; this is Node ${process.versions.node}.`);
  }
  const target = installTarget(env);
  const url = artifactUrl(version, target, env);
  const cache = electronCache(env);
  out.write(
    `Electron ${version} is not installed yet: downloading it for ${target.platform}-${target.arch} with Electron's installer\n` +
      `  from ${url}\n  (about 100 MB, kept in ${cache}; unpacked into node_modules/electron/dist)\n`,
  );
  // The installer downloads into the temporary folder before checking and caching the file: given its own
  // folder there, its growing size is the download's progress. Its stderr is kept for the failure's cause.
  const scratch = mkdtempSync(join(tmpdir(), 'statustray-electron-'));
  const started = Date.now();
  let shown = 0;
  const progress = setInterval(() => {
    const mb = Math.floor(sizeOf(scratch) / 1e6);
    const line = `  downloaded ${mb} MB in ${Math.round((Date.now() - started) / 1000)} s`;
    // A terminal gets one line kept up to date; a log, a line every 10 MB.
    if (out.isTTY && mb > shown) out.write(`\r${line}`);
    else if (!out.isTTY && Math.floor(mb / 10) > Math.floor(shown / 10)) out.write(`${line}\n`);
    shown = Math.max(shown, mb);
  }, 1000);
  let output = '';
  const result = await runForwardingSignals(process.execPath, [installer], {
    cwd: root,
    env: { ...env, TMPDIR: scratch, TEMP: scratch, TMP: scratch },
    stdio: ['ignore', 'inherit', 'pipe'],
    // The end is what tells (the error and its stack): the last 64 KB are plenty.
    onChild: (child) =>
      child.stderr.on('data', (chunk) => (output = (output + chunk.toString('utf8')).slice(-65_536))),
  });
  clearInterval(progress);
  if (out.isTTY && shown > 0) out.write('\n');
  rmSync(scratch, { recursive: true, force: true });
  if (result.signal) return null;
  const after = electronBinary(root, env);
  if (result.code === 0 && after.found) {
    out.write(`Electron ${version} is installed (${after.binary}).\n`);
    return after.binary;
  }
  if (result.code === 0) output ||= `it finished but ${after.binary} is not there`;
  if (result.error) output = result.error.message;
  const hostResolves = CONNECTION_FAILURE.test(output)
    ? await lookup(hostOf(url, 'hostname')).then(
        () => true,
        () => false,
      )
    : true;
  return say(explainInstallFailure(output, { url, version, ...target, cache, hostResolves }), true);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureElectron().then(
    (binary) => process.exit(binary ? 0 : 1),
    (error) => {
      process.stderr.write(`StatusTray: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

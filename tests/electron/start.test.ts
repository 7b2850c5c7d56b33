// `npm start` on a clone without Electron's binary: it downloads it with Electron's own installer from the
// host ELECTRON_MIRROR names (here a fake on loopback, with a throwaway cache), asking for this platform's
// build of the pinned version; when that fails it says why (404, checksum mismatch, host unreachable) and the
// three ways forward, exit 1, no stack trace; once installed it launches it on the app. It rebuilds only
// when sources are newer than out/.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainInstallFailure } from '../../scripts/ensure-electron.mjs';
import { needsBuild, OUTPUTS } from '../../scripts/start.mjs';
import { sha256, startFakeMirror, startTunnelProxy, zip, type FakeMirror } from '../fakes/electron-mirror';

const REPO = join(import.meta.dirname, '..', '..');
const START = join(REPO, 'scripts', 'start.mjs');
const PINNED: string = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).devDependencies.electron;
const ARTIFACT = `electron-v${PINNED}-${process.platform}-${process.arch}.zip`;

/** The environment without anything that could send the download elsewhere (proxies, npm's electron settings). */
function isolatedEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_|^electron_|proxy$/i.test(key) || key === 'NODE_USE_ENV_PROXY') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** A checkout as a fresh clone has it: the start scripts and Electron's package, without its binary. */
function freshClone(): string {
  const root = temp('statustray-clone-');
  mkdirSync(join(root, 'scripts'));
  for (const file of readdirSync(join(REPO, 'scripts')).filter((f) => f.endsWith('.mjs'))) {
    copyFileSync(join(REPO, 'scripts', file), join(root, 'scripts', file));
  }
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  for (const file of ['package.json', 'install.js', 'checksums.json', 'index.js', 'cli.js']) {
    copyFileSync(join(REPO, 'node_modules', 'electron', file), join(electron, file));
  }
  // The installer's own dependencies, as npm installed them.
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(join(REPO, 'node_modules', scope), join(root, 'node_modules', scope));
  }
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ name: 'statustray-clone', private: true, scripts: { start: 'node scripts/start.mjs' } }),
  );
  return root;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Running {
  /** What it printed on stdout so far. */
  stdout(): string;
  done: Promise<Run>;
}

/** Runs a command without blocking this process (the fake mirror answers from here). */
function spawnRun(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Running {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { stdout: () => stdout, done };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return spawnRun(command, args, cwd, env).done;
}

const mirrors: FakeMirror[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(mirrors.splice(0).map((m) => m.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function temp(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

async function mirror(): Promise<FakeMirror> {
  const m = await startFakeMirror();
  mirrors.push(m);
  return m;
}

/** What `npm start` runs, in a clone, with downloads from `mirrorUrl` into a throwaway cache (unless given). */
function startClone(
  root: string,
  mirrorUrl: string,
  env: Record<string, string> = {},
  args = ['--no-build'],
) {
  return run(
    process.execPath,
    [join(root, 'scripts', 'start.mjs'), ...args],
    root,
    isolatedEnv({ ELECTRON_MIRROR: mirrorUrl, electron_config_cache: temp('electron-cache-'), ...env }),
  );
}

function expectWaysForward(stderr: string, command: string, browser: string): void {
  expect(stderr).toContain(`ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ ${command}`);
  expect(stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder ${command}`);
  expect(stderr).toContain(browser);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/Error:/);
}

describe('npm start without the Electron binary', () => {
  it('asks the mirror for the pinned version built for this platform and arch, and explains a 404 with the ways forward', async () => {
    const root = freshClone();
    const cache = temp('electron-cache-');
    const host = await mirror();
    const result = await run(
      'npm',
      ['start', '--', '--no-build'],
      root,
      isolatedEnv({ ELECTRON_MIRROR: host.url, electron_config_cache: cache }),
    );
    expect(host.requests).toContain(`/v${PINNED}/${ARTIFACT}`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`downloading it for ${process.platform}-${process.arch}`);
    expect(result.stdout).toContain(`${host.url}v${PINNED}/${ARTIFACT}`);
    expect(result.stderr).toContain(
      `Electron ${PINNED}'s binary is not installed and could not be downloaded.`,
    );
    expect(result.stderr).toContain(
      `Why: 127.0.0.1:${new URL(host.url).port} answered 404 Not Found for ${host.url}v${PINNED}/${ARTIFACT}`,
    );
    expectWaysForward(result.stderr, 'npm start', 'npm run --silent cli -- web');
    expect(existsSync(join(root, 'node_modules', 'electron', 'dist'))).toBe(false);
  });

  it('refuses a file that does not match the checksum Electron published, in those words', async () => {
    const root = freshClone();
    const host = await mirror();
    host.files.set(`/v${PINNED}/${ARTIFACT}`, zip([{ name: 'electron', data: 'not Electron', mode: 0o755 }]));
    const result = await startClone(root, host.url);
    expect(host.requests).toContain(`/v${PINNED}/${ARTIFACT}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Why: checksum mismatch: the file from ${host.url}v${PINNED}/${ARTIFACT} is not`,
    );
    expectWaysForward(result.stderr, 'npm start', 'npm run --silent cli -- web');
    expect(existsSync(join(root, 'node_modules', 'electron', 'dist'))).toBe(false);
  });

  it('shows how much it has downloaded while the download goes on', async () => {
    const root = freshClone();
    const host = await mirror();
    let release = (): void => {};
    const body = Buffer.alloc(12_000_000, 1);
    host.files.set(`/v${PINNED}/${ARTIFACT}`, {
      body,
      first: 11_000_000,
      release: new Promise<void>((resolve) => (release = resolve)),
    });
    const started = spawnRun(
      process.execPath,
      [join(root, 'scripts', 'start.mjs'), '--no-build'],
      root,
      isolatedEnv({ ELECTRON_MIRROR: host.url, electron_config_cache: temp('electron-cache-') }),
    );
    // Not a terminal: a line every 10 MB, while the rest of the file has not come yet.
    await vi.waitFor(() => expect(started.stdout()).toMatch(/downloaded 1\d MB in \d+ s/), {
      timeout: 60_000,
      interval: 100,
    });
    release();
    const result = await started.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('checksum mismatch');
  });

  it('goes through the proxy HTTP_PROXY/HTTPS_PROXY names when ELECTRON_GET_USE_PROXY is set', async () => {
    const root = freshClone();
    const host = await mirror();
    const proxy = await startTunnelProxy(host);
    // A host that never resolves: only the proxy (which tunnels to the fake mirror) can reach it.
    const result = await startClone(root, 'http://electron-mirror.invalid/', {
      ELECTRON_GET_USE_PROXY: '1',
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
    });
    await proxy.close();
    expect(proxy.connects).toEqual(['electron-mirror.invalid:80']);
    expect(host.requests).toEqual([`/v${PINNED}/${ARTIFACT}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Why: electron-mirror.invalid answered 404 Not Found for http://electron-mirror.invalid/v${PINNED}/${ARTIFACT}`,
    );
  });

  it('says the host could not be reached when nothing answers there', async () => {
    const root = freshClone();
    const gone = await startFakeMirror();
    await gone.close();
    const result = await startClone(root, gone.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${new URL(gone.url).host} could not be reached`);
    expectWaysForward(result.stderr, 'npm start', 'npm run --silent cli -- web');
  });

  it.runIf(process.platform === 'linux')(
    'downloads, checks and unpacks the binary from the mirror, then launches it on the app (and only downloads once)',
    async () => {
      const root = freshClone();
      const cache = temp('electron-cache-');
      const record = join(root, 'launched.txt');
      const archive = zip([
        {
          name: 'electron',
          data: `#!/bin/sh\necho "$@|run-as-node=$ELECTRON_RUN_AS_NODE" >> "${record}"\nexit 3\n`,
          mode: 0o755,
        },
        { name: 'version', data: PINNED },
      ]);
      const host = await mirror();
      host.files.set(`/v${PINNED}/${ARTIFACT}`, archive);
      host.files.set(`/v${PINNED}/SHASUMS256.txt`, Buffer.from(`${sha256(archive)} *${ARTIFACT}\n`));
      const env = {
        electron_config_cache: cache,
        // Checked against the mirror's SHASUMS256.txt, not the checksums of the real Electron it ships with.
        electron_use_remote_checksums: '1',
        ELECTRON_RUN_AS_NODE: '1',
      };
      const first = await startClone(root, host.url, env, ['--no-build', '--hidden']);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(3);
      expect(host.requests).toEqual([`/v${PINNED}/${ARTIFACT}`, `/v${PINNED}/SHASUMS256.txt`]);
      expect(first.stdout).toContain(`Electron ${PINNED} is installed`);
      expect(readFileSync(record, 'utf8').trim()).toBe(`${root} --hidden|run-as-node=`);
      // Kept in the cache electron_config_cache names, not the user's.
      expect(readdirSync(cache, { recursive: true }).map(String)).toContainEqual(
        expect.stringContaining(ARTIFACT),
      );

      const second = await startClone(root, host.url, env);
      expect(second.code).toBe(3);
      expect(second.stdout).not.toContain('downloading');
      expect(host.requests).toHaveLength(2);
    },
  );

  it('with ELECTRON_OVERRIDE_DIST_PATH at a folder without Electron, says so and downloads nothing', async () => {
    const root = freshClone();
    const empty = temp('no-electron-');
    const host = await mirror();
    const result = await run(
      process.execPath,
      [join(root, 'scripts', 'start.mjs')],
      root,
      isolatedEnv({ ELECTRON_MIRROR: host.url, ELECTRON_OVERRIDE_DIST_PATH: empty }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH points to ${empty}`);
    expectWaysForward(result.stderr, 'npm start', 'npm run --silent cli -- web');
    expect(result.stdout).not.toContain('Building');
    expect(host.requests).toEqual([]);
  });

  it('names a missing checksum list, a busy host, a full disk and a name that does not resolve in plain words', () => {
    const context = {
      url: 'https://github.com/electron/electron/releases/download/v1.0.0/electron-v1.0.0-linux-x64.zip',
      version: '1.0.0',
      platform: 'linux',
      arch: 'x64',
      cache: '/home/u/.cache/electron',
    };
    const disk = 'Error: ENOSPC: no space left on device, write\n    at async WriteStream.write (node:fs)';
    expect(explainInstallFailure(disk, context)).toMatch(/^no space left on the disk/);
    const sums = 'https://github.com/electron/electron/releases/download/v1.0.0/SHASUMS256.txt';
    const missingSums = `HTTPError: Response code 404 (Not Found) for ${sums}\n    at FetchDownloader.download`;
    expect(explainInstallFailure(missingSums, context)).toBe(
      `github.com answered 404 Not Found for ${sums}: no such file there.`,
    );
    const busy = `HTTPError: Response code 503 (Service Unavailable) for ${context.url}\n    at x`;
    expect(explainInstallFailure(busy, context)).toBe(
      `github.com answered 503 Service Unavailable for ${context.url}.`,
    );
    const offline = 'TypeError: fetch failed\n    at node:internal/deps/undici';
    expect(explainInstallFailure(offline, { ...context, hostResolves: false })).toBe(
      'github.com could not be reached: its name does not resolve (no network, or no DNS).',
    );
  });
});

describe('npm run demo without the Electron binary', () => {
  it('takes the same step as npm start, offering the demo in the browser among the ways forward', async () => {
    const empty = temp('no-electron-');
    const host = await mirror();
    const result = await run(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'scripts', 'demo.ts')],
      REPO,
      isolatedEnv({ ELECTRON_MIRROR: host.url, ELECTRON_OVERRIDE_DIST_PATH: empty }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Electron ${PINNED}'s binary is not installed.`);
    expectWaysForward(result.stderr, 'npm run demo', 'npm run demo -- --web');
    // Nothing was started: no simulated page, no app.
    expect(result.stdout).not.toContain('Simulated Kustomer status page');
  });
});

describe('npm start with the Electron binary', () => {
  it.runIf(process.platform !== 'win32')(
    'launches the binary it finds on the app folder, without ELECTRON_RUN_AS_NODE',
    () => {
      const dist = temp('fake-electron-');
      const record = join(dist, 'launched.txt');
      const binary = join(dist, 'electron');
      writeFileSync(binary, `#!/bin/sh\necho "$@|run-as-node=$ELECTRON_RUN_AS_NODE" > "${record}"\nexit 3\n`);
      chmodSync(binary, 0o755);
      const result = spawnSync(process.execPath, [START, '--no-build', '--hidden'], {
        env: isolatedEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1' }),
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(3);
      const launched = readFileSync(record, 'utf8').trim();
      expect(launched).toBe(`${REPO} --hidden|run-as-node=`);
    },
  );
});

describe('build check', () => {
  function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'statustray-root-'));
    mkdirSync(join(root, 'electron'));
    writeFileSync(join(root, 'electron', 'main.ts'), '');
    writeFileSync(join(root, 'package.json'), '{}');
    return root;
  }

  function setTime(path: string, seconds: number): void {
    utimesSync(path, seconds, seconds);
  }

  it('builds when an output is missing, not when out/ is newer than the sources, and again after an edit', () => {
    const root = project();
    expect(needsBuild(root)).toBe(true);
    for (const output of OUTPUTS as string[]) {
      mkdirSync(join(root, output, '..'), { recursive: true });
      writeFileSync(join(root, output), '');
      setTime(join(root, output), 2_000_000_000);
    }
    setTime(join(root, 'electron', 'main.ts'), 1_900_000_000);
    setTime(join(root, 'package.json'), 1_900_000_000);
    expect(needsBuild(root)).toBe(false);
    setTime(join(root, 'electron', 'main.ts'), 2_100_000_000);
    expect(needsBuild(root)).toBe(true);
  });
});

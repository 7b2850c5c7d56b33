// `web`: the browser dashboard. Runs the real engine (createAppCore) and serves the same React UI on
// 127.0.0.1 until Ctrl-C or SIGTERM. Prints (and, from a terminal, opens) an address carrying the access
// key kept in the data folder; with --config, the file is the watchlist (./core/app/config-file).
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { createAppCore } from '../core/app';
import type { AppCore } from '../core/app-types';
import { ensurePrivateDir } from '../core/storage/private-dir';
import { createConfigFileSync, readConfigFile, type ConfigFileSync } from '../core/app/config-file';
import { STORE_NAMES } from '../core/app/stores';
import { accessKey, AccessKeyError } from '../web/access-key';
import { parseWebArgs, UsageError, WEB_USAGE, type WebArgs } from '../web/cli-args';
import { remoteRefusal } from '../web/server';
import { usageLine } from './args';
import { startDashboard, type Dashboard } from '../web/dashboard';
import { openBrowser, shouldOpenBrowser } from '../web/open-browser';
import { isLoopbackHost } from '../web/security';
import { terminalText } from '../core/text/terminal-text';
import { keepResidentMemorySmall } from '../core/resident-memory';

/** Where the command line keeps its data (the same place as `watch`). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STATUSTRAY_DATA_DIR) return path.resolve(env.STATUSTRAY_DATA_DIR);
  return path.join(env.XDG_STATE_HOME || path.join(homedir(), '.local', 'state'), 'statustray');
}

/**
 * What the window shows as notices (a vendor kept aside, a save that failed) is said on stderr too, each
 * once: now, and whenever the state changes.
 */
export async function tellNotices(
  core: Pick<AppCore, 'onPush' | 'handlers'>,
  log: (line: string) => void,
): Promise<void> {
  const told = new Set<string>();
  const tell = (notices: readonly string[]): void => {
    for (const n of notices) {
      if (told.has(n)) continue;
      told.add(n);
      log(`statustray web: ${n}`);
    }
  };
  core.onPush('state:patch', (patch) => tell(patch.summary.notices));
  tell((await core.handlers['state:get']()).notices);
}

export async function run(argv: string[]): Promise<number> {
  let args: WebArgs | 'help';
  try {
    args = parseWebArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(usageLine('web', err.message));
    return 1;
  }
  if (args === 'help') {
    process.stdout.write(WEB_USAGE + '\n');
    return 0;
  }
  // Runs for days: its memory stays small (see resident-memory.ts).
  keepResidentMemorySmall();
  const fail = (message: string): number => {
    process.stderr.write(`statustray web: ${message}\n`);
    return 1;
  };
  if (!isLoopbackHost(args.host) && !args.allowRemote) return fail(remoteRefusal(args.host, args.token));
  const dataDir = defaultDataDir();
  // The watchlist file is read and checked before anything listens: a broken file is one clear exit 1.
  let configFile: ConfigFileSync | undefined;
  let intervalSeconds = args.interval;
  if (args.config) {
    const file = path.resolve(args.config);
    if (Object.values(STORE_NAMES).some((n) => path.join(dataDir, `${n}.json`) === file)) {
      return fail(`${file} is one of StatusTray's own data files; keep your watchlist file somewhere else.`);
    }
    const reading = await readConfigFile(file);
    if (!reading.ok) {
      for (const p of reading.problems) process.stderr.write(`statustray web: ${args.config}: ${p}\n`);
      return 1;
    }
    for (const p of reading.notes) process.stderr.write(`statustray web: ${args.config}: ${p}\n`);
    // The file's own interval applies unless --interval says otherwise.
    intervalSeconds ??= reading.watchlist.intervalSeconds;
    configFile = createConfigFileSync({
      file,
      first: reading,
      // An edit is picked up at once where the file system tells (fs.watch), else within one polling
      // interval and 60 s at most: a stat every 2 s cost a dashboard at rest more than everything else.
      pollMs: Math.min(60_000, (intervalSeconds ?? 120) * 1000),
    });
  }
  // A taken port is told before anything else happens: no dashboard build, no vendor polled.
  const taken = await portProblem(args.host, args.port);
  if (taken) return fail(taken);
  await ensurePrivateDir(dataDir);
  let token: string | null = null;
  // Notices quote vendor text: through terminal-text, one line each, no control character.
  const log = (line: string): void => void process.stderr.write(`${terminalText(line)}\n`);
  if (args.token) {
    try {
      const key = await accessKey({ dataDir, env: process.env, renew: args.newToken });
      token = key.token;
      if (key.note) log(`statustray web: ${key.note}`);
    } catch (err) {
      if (!(err instanceof AccessKeyError)) throw err;
      return fail(err.message);
    }
  }

  const core = createAppCore({ dataDir, configFile, intervalSeconds });
  let dashboard: Dashboard;
  try {
    dashboard = await startDashboard({
      core,
      host: args.host,
      port: args.port,
      allowRemote: args.allowRemote,
      token,
      log,
    });
  } catch (err) {
    configFile?.stop();
    return fail(err instanceof Error ? err.message : String(err));
  }
  process.stdout.write(`StatusTray dashboard: ${dashboard.url}\n`);
  if (!args.token) {
    log(
      'Running without an access key (--no-token): anything that can reach this address can change your watchlist.',
    );
  }
  if (
    shouldOpenBrowser(args.open, {
      isTTY: Boolean(process.stdout.isTTY),
      env: process.env,
      platform: process.platform,
    })
  ) {
    openBrowser(dashboard.url);
  }
  log(`Data in ${dataDir}. Press Ctrl-C to stop.`);
  await tellNotices(core, log);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  log('Stopping…');
  await dashboard.stop();
  return 0;
}

/** Why the dashboard could not listen on host:port, or null when it can (the port is let go at once). */
function portProblem(host: string, port: number): Promise<string | null> {
  if (port === 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE')
        resolve(`Port ${port} on ${host} is already in use. Pick another with --port.`);
      else if (err.code === 'EACCES')
        resolve(`Not allowed to listen on ${host}:${port} (ports below 1024 need privileges).`);
      // Anything else (an address this machine does not have…) is told by the server itself, in its words.
      else resolve(null);
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

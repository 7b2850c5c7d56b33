// `web`: the browser dashboard. Runs the real engine (createAppCore) and serves the same React UI on
// 127.0.0.1 until Ctrl-C or SIGTERM. Prints (and, from a terminal, opens) an address carrying a per-run
// access token.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { createAppCore } from '../core/app';
import type { AppCore } from '../core/app-types';
import { ensurePrivateDir } from '../core/storage/private-dir';
import { parseWatchlist } from '../core/watchlist';
import { parseWebArgs, UsageError, WEB_USAGE, type WebArgs } from '../web/cli-args';
import { startDashboard, type Dashboard } from '../web/dashboard';
import { openBrowser, shouldOpenBrowser } from '../web/open-browser';
import { isLoopbackHost } from '../web/security';
import { terminalText } from '../core/text/terminal-text';

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
  core.onPush('state:changed', (state) => tell(state.notices));
  tell((await core.handlers['state:get']()).notices);
}

export async function run(argv: string[]): Promise<number> {
  let args: WebArgs | 'help';
  try {
    args = parseWebArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`statustray web: ${err.message}\n\n${WEB_USAGE}\n`);
    return 1;
  }
  if (args === 'help') {
    process.stdout.write(WEB_USAGE + '\n');
    return 0;
  }
  if (!isLoopbackHost(args.host) && !args.allowRemote) {
    process.stderr.write(
      `statustray web: refusing to listen on ${args.host}: the dashboard has no login, so anyone who reaches it could change your watchlist.\n` +
        'Use 127.0.0.1, or add --allow-remote if you really mean it.\n',
    );
    return 1;
  }
  let watchlistPath: string | undefined;
  // The file's own interval applies unless --interval says otherwise (the engine reports its other problems).
  let intervalSeconds = args.interval;
  if (args.config) {
    watchlistPath = path.resolve(args.config);
    const info = await stat(watchlistPath).catch(() => null);
    if (!info?.isFile()) {
      process.stderr.write(`statustray web: cannot read the watchlist ${watchlistPath}: no such file.\n`);
      return 1;
    }
    const text = await readFile(watchlistPath, 'utf8').catch(() => null);
    intervalSeconds ??= text === null ? undefined : parseWatchlist(text).watchlist?.intervalSeconds;
  }
  // A taken port is told before anything else happens: no dashboard build, no vendor polled.
  const taken = await portProblem(args.host, args.port);
  if (taken) {
    process.stderr.write(`statustray web: ${taken}\n`);
    return 1;
  }
  const dataDir = defaultDataDir();
  await ensurePrivateDir(dataDir);

  // Notices quote vendor text: through terminal-text, one line each, no control character.
  const log = (line: string): void => void process.stderr.write(`${terminalText(line)}\n`);
  const core = createAppCore({ dataDir, watchlistPath, intervalSeconds });
  let dashboard: Dashboard;
  try {
    dashboard = await startDashboard({
      core,
      host: args.host,
      port: args.port,
      allowRemote: args.allowRemote,
      ...(args.token ? {} : { token: null }),
      log,
    });
  } catch (err) {
    process.stderr.write(`statustray web: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
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

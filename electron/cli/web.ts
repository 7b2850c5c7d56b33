// `web`: the browser dashboard. Runs the real engine (createAppCore) and serves the same React UI on
// 127.0.0.1 until Ctrl-C or SIGTERM.
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { createAppCore } from '../core/app';
import type { AppCore } from '../core/app-types';
import { ensurePrivateDir } from '../core/storage/private-dir';
import { parseWebArgs, UsageError, WEB_USAGE, type WebArgs } from '../web/cli-args';
import { startDashboard, type Dashboard } from '../web/dashboard';
import { isLoopbackHost } from '../web/security';

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
  if (args.config) {
    watchlistPath = path.resolve(args.config);
    const info = await stat(watchlistPath).catch(() => null);
    if (!info?.isFile()) {
      process.stderr.write(`statustray web: cannot read the watchlist ${watchlistPath}: no such file.\n`);
      return 1;
    }
  }
  const dataDir = defaultDataDir();
  await ensurePrivateDir(dataDir);

  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const core = createAppCore({ dataDir, watchlistPath, intervalSeconds: args.interval });
  let dashboard: Dashboard;
  try {
    dashboard = await startDashboard({
      core,
      host: args.host,
      port: args.port,
      allowRemote: args.allowRemote,
      log,
    });
  } catch (err) {
    process.stderr.write(`statustray web: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  process.stdout.write(`StatusTray dashboard: ${dashboard.url}\n`);
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

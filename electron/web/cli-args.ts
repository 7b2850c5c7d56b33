// The `web` command's options, parsed and checked before anything starts (usage errors exit 1).
import { parseArgs } from 'node:util';

export const DEFAULT_WEB_PORT = 4780;

export const WEB_USAGE = `Usage: statustray web [--config <watchlist.json>] [--port <n>] [--host 127.0.0.1] [--interval <seconds>]

Serves the StatusTray dashboard to a browser, backed by the real monitor, until Ctrl-C or SIGTERM.

Options:
  --config <file>   add this watchlist's vendors to the stored ones (the JSON format
                    \`statustray watch --help\` shows, and the desktop app's export); its
                    "intervalSeconds" applies unless --interval is given
  --port <n>        port to listen on (default ${DEFAULT_WEB_PORT}; 0 picks a free one)
  --host <address>  address to bind (default 127.0.0.1; loopback only unless --allow-remote)
  --allow-remote    allow a non-loopback --host: anyone who reaches it can change your watchlist
  --interval <s>    poll interval in seconds (overrides the file's and the stored setting; from 1 s)
  --no-open         do not open the dashboard in the browser (it opens only from a terminal, never in CI)
  --no-token        no access key: for a dashboard behind your own authentication (any local
                    program could otherwise change your watchlist)
  -h, --help        show this help

Data lives in $STATUSTRAY_DATA_DIR, else $XDG_STATE_HOME/statustray, else ~/.local/state/statustray.

Exit status: 0 after Ctrl-C or SIGTERM; 1 when the command line is wrong, the watchlist cannot be
read or the port is taken.

Examples:
  statustray web --config vendors.json          # then open http://127.0.0.1:${DEFAULT_WEB_PORT}/
  statustray web --port 0                        # any free port; the address is printed`;

export interface WebArgs {
  config?: string;
  port: number;
  host: string;
  allowRemote: boolean;
  interval?: number;
  /** Open the printed address in the browser (only ever from a terminal, never in CI). */
  open: boolean;
  /** Require the per-run access token (false: `--no-token`). */
  token: boolean;
}

export class UsageError extends Error {}

/** 'help' for --help; throws UsageError with a sentence naming the bad option. */
export function parseWebArgs(argv: string[]): WebArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'allow-remote': { type: 'boolean' },
        interval: { type: 'string' },
        'no-open': { type: 'boolean' },
        'no-token': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) return 'help';
  let port = DEFAULT_WEB_PORT;
  if (values.port !== undefined) {
    port = /^\d{1,5}$/.test(values.port.trim()) ? Number(values.port) : NaN;
    if (!Number.isInteger(port) || port > 65535) {
      throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
    }
  }
  const host = (values.host ?? '127.0.0.1').trim();
  if (!host) throw new UsageError('--host must not be empty.');
  if (values.config !== undefined && !values.config.trim())
    throw new UsageError('--config needs a file name.');
  let interval: number | undefined;
  if (values.interval !== undefined) {
    interval = Number(values.interval);
    if (!values.interval.trim() || !Number.isFinite(interval) || interval < 1) {
      throw new UsageError(`--interval must be a number of seconds, at least 1, not "${values.interval}".`);
    }
  }
  return {
    config: values.config,
    port,
    host,
    allowRemote: values['allow-remote'] ?? false,
    interval,
    open: !values['no-open'],
    token: !values['no-token'],
  };
}

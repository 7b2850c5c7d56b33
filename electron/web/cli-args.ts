// The `web` command's options, parsed and checked before anything starts (usage errors exit 1).
import { parseCommandArgs, UsageError } from '../cli/args';
import { WEB_OPTIONS } from '../cli/options';

export const DEFAULT_WEB_PORT = 4780;

export const WEB_USAGE = `Usage: statustray web [--config <watchlist.json>] [--port <n>] [--host 127.0.0.1] [--interval <seconds>]
                      [--no-open] [--allow-remote] [--new-token | --no-token]

Serves the StatusTray dashboard to a browser, backed by the real monitor, until Ctrl-C or SIGTERM.

Options:
  --config <file>   watch this watchlist file (the JSON format \`statustray watch --help\` shows, and
                    the desktop app's export): it is read and checked before anything starts, its
                    vendors are the ones watched (what the file says wins over what the data folder
                    stored), changes made in the dashboard are written back to it, and an edit by
                    hand while it runs is picked up within one interval; its "intervalSeconds"
                    applies unless --interval is given
  --port <n>        port to listen on (default ${DEFAULT_WEB_PORT}; 0 picks a free one)
  --host <address>  address to bind (default 127.0.0.1; loopback only unless --allow-remote)
  --allow-remote    allow a non-loopback --host: the access key then crosses the network in clear
                    text (plain http), so use it only on a network you trust or behind https
  --interval <s>    poll interval in seconds (overrides the file's and the stored setting; from 1 s)
  --no-open         do not open the dashboard in the browser (it opens only from a terminal, never in CI)
  --new-token       replace the access key kept in the data folder with a new one (links and
                    calendar subscriptions that carry the old key stop working)
  --no-token        no access key: for a dashboard behind your own authentication (any local
                    program could otherwise change your watchlist)
  -h, --help        show this help

The access key (printed as …/?token=…) is kept in the data folder (web-token, readable by you alone)
and reused at every start, so bookmarks, calendar subscriptions (/calendar.ics?token=…) and metrics
scrapes (/metrics, key as a bearer token) keep working. STATUSTRAY_TOKEN=<key> sets it instead (for
services; at least 16 characters).

Data lives in $STATUSTRAY_DATA_DIR, else $XDG_STATE_HOME/statustray, else ~/.local/state/statustray.

Exit status: 0 after Ctrl-C or SIGTERM; 1 when the command line is wrong, the watchlist cannot be
read or the port is taken (all told before anything listens).

Examples:
  statustray web --config vendors.json          # then open the address it prints
  statustray web --port 0                        # any free port; the address is printed
  statustray web --new-token                     # a new key: old links stop working`;

export interface WebArgs {
  config?: string;
  port: number;
  host: string;
  allowRemote: boolean;
  interval?: number;
  /** Open the printed address in the browser (only ever from a terminal, never in CI). */
  open: boolean;
  /** Require the access key (false: `--no-token`). */
  token: boolean;
  /** Replace the kept access key with a new one (`--new-token`). */
  newToken: boolean;
}

export { UsageError };

/** 'help' for --help; throws UsageError with a sentence naming the bad option. */
export function parseWebArgs(argv: string[]): WebArgs | 'help' {
  const { values } = parseCommandArgs(WEB_OPTIONS, argv, { positionals: false });
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
  if (values['new-token'] && values['no-token'])
    throw new UsageError('--new-token and --no-token cannot go together: pick one');
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
    newToken: values['new-token'] ?? false,
  };
}

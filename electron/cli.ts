// The `statustray` executable: one table of commands, each in ./cli/<name>.ts and loaded only when asked
// for, so that `--version` and `--help` read nothing else and `check` never pays for the web server.
import { version } from '../package.json';
import { unknownCommandLine } from './cli/args';

interface Command {
  /** The command's synopsis, as in the overall help. */
  usage: string;
  /** What it is for, in one line. */
  summary: string;
  /** The module; its `run` gets the arguments after the command's name and resolves to the exit status. */
  load: () => Promise<{ run(argv: string[]): Promise<number> }>;
  /**
   * Runs for days (watch, web): V8 is told to keep its memory small before the module is loaded, since
   * loading it already grows the young generation to its largest (about 10 MB resident for good).
   */
  longRunning?: true;
  /** Its --help text, from a module that loads nothing else (the command prints the same on its own). */
  help: () => Promise<string>;
}

/** Every command. Add one here (and its module in ./cli/): the help and the dispatch follow. */
const COMMANDS: Record<string, Command> = {
  check: {
    usage: 'check <url>... [--json] [--timeout <seconds>] [--fail-on <status>]',
    summary: 'read status pages once and print how each vendor is doing',
    load: () => import('./cli/check'),
    help: async () => (await import('./cli/help/check')).CHECK_HELP,
  },
  wait: {
    usage: 'wait <url>... [--until <status>] [--timeout <seconds>] [--interval <seconds>]',
    summary: 'wait until every vendor is back (a gate for deploys)',
    load: () => import('./cli/wait'),
    help: async () => (await import('./cli/help/wait')).WAIT_HELP,
  },
  watch: {
    usage: 'watch --config <watchlist.json> [--interval <seconds>] [--json] [--metrics-port <n>]',
    summary: 'keep polling a watchlist and print what changes',
    load: () => import('./cli/watch'),
    longRunning: true,
    help: async () => (await import('./cli/help/watch')).WATCH_HELP,
  },
  web: {
    usage:
      'web [--config <watchlist.json>] [--port <n>] [--host 127.0.0.1] [--interval <seconds>] [--no-open]\n' +
      '                 [--allow-remote] [--new-token | --no-token]',
    summary: 'serve the dashboard to a browser',
    load: () => import('./cli/web'),
    longRunning: true,
    help: async () => (await import('./web/cli-args')).WEB_USAGE,
  },
  catalog: {
    usage: 'catalog [query] [--json]',
    summary: 'search the built-in catalog of vendor status pages',
    load: () => import('./cli/catalog'),
    help: async () => (await import('./cli/help/catalog')).CATALOG_HELP,
  },
  calendar: {
    usage: 'calendar --config <watchlist.json> [--timeout <seconds>]',
    summary: "print the watched vendors' planned maintenance as an iCalendar (.ics)",
    load: () => import('./cli/calendar'),
    help: async () => (await import('./cli/help/calendar')).CALENDAR_HELP,
  },
};

function usage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return `StatusTray ${version}: know when the vendors you depend on are in trouble.

Usage:
${names.map((n) => `  statustray ${COMMANDS[n]!.usage}`).join('\n')}
  statustray --version | --help

Commands:
${names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary}`).join('\n')}

Run \`statustray <command> --help\` for a command's options, exit statuses and examples.
From a checkout, \`npm run --silent cli -- <command> …\` runs the same program.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  if (name === 'help' && rest[0] !== undefined) {
    const helpFor = COMMANDS[rest[0]];
    if (helpFor) return printHelp(helpFor);
    process.stderr.write(unknownCommandLine(rest[0], Object.keys(COMMANDS)));
    return 1;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(usage() + '\n');
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(unknownCommandLine(name, [...Object.keys(COMMANDS), 'help']));
    return 1;
  }
  if (asksForHelp(rest)) return printHelp(command);
  if (command.longRunning) (await import('./core/resident-memory')).keepResidentMemorySmall();
  return (await command.load()).run(rest);
}

/** `-h` or `--help` among the options (not after `--`, where it would be a word to search for). */
function asksForHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

async function printHelp(command: Command): Promise<number> {
  process.stdout.write((await command.help()) + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`statustray: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);

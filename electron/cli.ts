// The headless front ends of StatusTray: `check`, `watch`, `web`, `catalog`. Each lives in ./cli/<name>.ts
// and is loaded only when asked for, so `check` never pays for the web server.
export {};
const COMMANDS: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  check: () => import('./cli/check'),
  watch: () => import('./cli/watch'),
  web: () => import('./cli/web'),
  catalog: () => import('./cli/catalog'),
  calendar: () => import('./cli/calendar'),
};

const USAGE = `StatusTray: know when the vendors you depend on are in trouble.

Usage:
  npm run --silent cli -- check <url>... [--json] [--timeout <seconds>]
  npm run --silent cli -- watch --config <watchlist.json> [--interval <seconds>] [--json] [--metrics-port <n>]
  npm run --silent cli -- web [--config <watchlist.json>] [--port <n>] [--host 127.0.0.1]
  npm run --silent cli -- catalog [query] [--json]
  npm run --silent cli -- calendar --config <watchlist.json>

Run a command with --help for its options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`statustray: unknown command "${name}"\n\n${USAGE}\n`);
    return 1;
  }
  const command = await load();
  return command.run(rest);
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

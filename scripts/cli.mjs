// `npm run cli -- …`: runs the command line from a checkout, rebuilding dist-cli/ first when its sources are
// newer. One process under npm's shell (the compiled entry is imported here, not spawned after a `&&`), which
// stops as SIGTERM would stop it when npm is stopped (scripts/stop-with-npm.mjs): nothing is left behind.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, CLI_ENTRY, cliIsStale } from './build-cli.mjs';
import { stopWithNpm } from './stop-with-npm.mjs';

const ROOT = join(import.meta.dirname, '..');

stopWithNpm();

if (cliIsStale(ROOT)) await buildCli(ROOT);
// The program reads its arguments from process.argv.slice(2): the same here as when run directly.
await import(pathToFileURL(join(ROOT, CLI_ENTRY)).href);

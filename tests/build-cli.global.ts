// Vitest global setup: the tests that spawn `statustray` run the compiled program, as a user does, so it
// is built first when missing or older than its sources (a plain `npm ci` also builds it via `prepare`).
import { buildCli, cliIsStale } from '../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  if (cliIsStale()) await buildCli();
}

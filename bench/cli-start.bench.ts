// Benchmark: how long `statustray --version` takes to start and answer, against a bare `node -e 0` on the
// same machine (what any Node program pays), and, for reference, the TypeScript sources run through tsx (how
// the command line started before it was compiled). Runs alternate; medians are compared.
// Goal: the compiled executable within 0.3 s of bare Node.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli, cliIsStale } from '../scripts/build-cli.mjs';

export const name = 'cli-start';

const GOAL_MS = 300;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall time of one run of `node <args>`, which must exit 0. */
function timeRun(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

export async function run(opts: { rounds?: number } = {}): Promise<boolean> {
  const rounds = opts.rounds ?? Number(process.env.BENCH_ROUNDS ?? 15);
  if (cliIsStale()) await buildCli();
  const variants = {
    bare: ['-e', '0'],
    compiled: [path.join(ROOT, 'dist-cli', 'statustray.mjs'), '--version'],
    tsx: [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'electron/cli.ts', '--version'],
  };
  const times: Record<keyof typeof variants, number[]> = { bare: [], compiled: [], tsx: [] };
  const names = Object.keys(variants) as Array<keyof typeof variants>;
  // Warm the file cache once for each.
  for (const n of names) timeRun(variants[n]);
  for (let r = 0; r < rounds; r++) {
    // Rotate the order so that no variant always runs right after another.
    for (let i = 0; i < names.length; i++) {
      const n = names[(i + r) % names.length]!;
      times[n].push(timeRun(variants[n]));
    }
  }
  const bare = median(times.bare);
  const compiled = median(times.compiled);
  const tsx = median(times.tsx);
  const diff = compiled - bare;
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`cli-start: \`statustray --version\` against \`node -e 0\`, ${rounds} runs each, medians`);
  console.log(`  node -e 0:                         ${ms(bare)}`);
  console.log(
    `  statustray --version (compiled):   ${ms(compiled)}  (+${ms(diff)}, ratio ${(compiled / bare).toFixed(2)})`,
  );
  console.log(
    `  the sources through tsx (before):  ${ms(tsx)}  (+${ms(tsx - bare)}, ratio ${(tsx / bare).toFixed(2)})`,
  );
  const met = diff <= GOAL_MS;
  console.log(`  goal: within ${GOAL_MS} ms of bare Node: ${met ? 'met' : 'MISSED'}`);
  return met;
}

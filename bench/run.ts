// Runs every benchmark (or those named on the command line: `npm run bench -- check`) and exits 1 when
// one misses its goal (`soak`, an hour long, only when named). Add a benchmark by adding its module to BENCHMARKS.
const BENCHMARKS: Record<string, () => Promise<{ run(): Promise<boolean> }>> = {
  check: () => import('./check.bench'),
  'cli-start': () => import('./cli-start.bench'),
  'monitor-304': () => import('./monitor-304.bench'),
  'monitor-latency': () => import('./monitor-latency.bench'),
  'monitor-memory': () => import('./monitor-memory.bench'),
  footprint: () => import('./footprint.bench'),
  storm: () => import('./storm.bench'),
  forward: () => import('./forward.bench'),
  push: () => import('./push.bench'),
  soak: () => import('./soak.bench'),
};
/** Run only when named: `soak` takes an hour. */
const OPT_IN = new Set(['soak']);

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((n) => !(n in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`unknown benchmark: ${unknown.join(', ')} (have: ${Object.keys(BENCHMARKS).join(', ')})`);
    return 1;
  }
  let ok = true;
  for (const [name, load] of Object.entries(BENCHMARKS)) {
    if (wanted.length > 0 ? !wanted.includes(name) : OPT_IN.has(name)) continue;
    const bench = await load();
    const met = await bench.run();
    if (!met) ok = false;
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

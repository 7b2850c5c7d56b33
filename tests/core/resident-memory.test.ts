// The long-running hosts keep their resident memory small: after a burst of allocation (the first reads)
// the young generation must not stay grown to tens of MB of resident garbage, and the first requests must
// not set off a recompilation of undici's WebAssembly parser that costs tens of MB at its peak.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const MODULE = fileURLToPath(new URL('../../electron/core/resident-memory.ts', import.meta.url));

/** Runs `body` in a fresh Node process after (or without) keepResidentMemorySmall; returns its output. */
async function inFreshNode(keepSmall: boolean, body: string, nodeFlags: string[] = []): Promise<string> {
  const script = `
    import v8 from 'node:v8';
    import fs from 'node:fs';
    const { keepResidentMemorySmall } = await import(${JSON.stringify(MODULE)});
    if (${keepSmall}) keepResidentMemorySmall();
    const peakMb = () => Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
    ${body}`;
  const { stdout } = await promisify(execFile)(process.execPath, [
    ...nodeFlags,
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    script,
  ]);
  return stdout.trim();
}

const BURST = `
  let keep = [];
  for (let i = 0; i < 400_000; i++) {
    keep.push({ i, s: 'x' + i });
    if (keep.length > 50_000) keep = keep.slice(25_000);
  }
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  console.log(Math.round(space.space_size / 1024));`;

const FIRST_REQUESTS = `
  const http = await import('node:http');
  const { request } = await import('undici');
  const server = http.createServer((_req, res) => res.end('{}')).listen(0, '127.0.0.1');
  await new Promise((r) => server.on('listening', r));
  const before = peakMb();
  for (let i = 0; i < 50; i++) {
    const res = await request('http://127.0.0.1:' + server.address().port + '/');
    await res.body.text();
  }
  // The optimising recompilation, when it happens, runs in the background within a second or two.
  await new Promise((r) => setTimeout(r, 2500));
  console.log(Math.round(peakMb() - before));
  server.close();`;

// A function called two million times, then asked to be optimised: V8's status bit 16 says it was.
const HOT_FUNCTION = `
  const f = (x) => x * 2 + 1;
  const natives = (code) => new Function('f', code);
  natives('%PrepareFunctionForOptimization(f)')(f);
  let sum = 0;
  for (let i = 0; i < 2_000_000; i++) sum += f(i);
  natives('%OptimizeFunctionOnNextCall(f)')(f);
  f(1);
  console.log((natives('return %GetOptimizationStatus(f)')(f) & 16) !== 0);`;

describe('keepResidentMemorySmall', () => {
  it('keeps the young generation at its starting size after a burst, where V8 would grow it', async () => {
    const [kept, grown] = await Promise.all([inFreshNode(true, BURST), inFreshNode(false, BURST)]);
    expect(Number(kept)).toBeLessThanOrEqual(4 * 1024);
    // Without it the same burst grows it well beyond (the saving is real on this Node).
    expect(Number(grown)).toBeGreaterThan(8 * 1024);
  });

  it('leaves hot JavaScript to the interpreter and baseline compiler (no optimising compilation threads)', async () => {
    const flags = ['--allow-natives-syntax'];
    const [kept, optimised] = await Promise.all([
      inFreshNode(true, HOT_FUNCTION, flags),
      inFreshNode(false, HOT_FUNCTION, flags),
    ]);
    expect(kept).toBe('false');
    // Without it the same function is optimised (the setting is real on this Node).
    expect(optimised).toBe('true');
  });

  it('lets the first requests raise the peak RSS by a few MB, not tens', async () => {
    expect(Number(await inFreshNode(true, FIRST_REQUESTS))).toBeLessThan(15);
  });
});

// The long-running hosts hold V8's young generation at its starting size: after a burst of allocation (the
// first reads) it must not stay grown to tens of MB of resident garbage while nothing happens.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const MODULE = fileURLToPath(new URL('../../electron/core/young-generation.ts', import.meta.url));

/** The young generation's size (KB) after a burst of short-lived objects, in a fresh Node process. */
async function youngGenerationAfterBurst(keepSmall: boolean): Promise<number> {
  const script = `
    import v8 from 'node:v8';
    const { keepYoungGenerationSmall } = await import(${JSON.stringify(MODULE)});
    if (${keepSmall}) keepYoungGenerationSmall();
    let keep = [];
    for (let i = 0; i < 400_000; i++) {
      keep.push({ i, s: 'x' + i });
      if (keep.length > 50_000) keep = keep.slice(25_000);
    }
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    console.log(Math.round(space.space_size / 1024));`;
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    script,
  ]);
  return Number(stdout.trim());
}

describe('keepYoungGenerationSmall', () => {
  it('keeps the young generation at its starting size after a burst, where V8 would grow it', async () => {
    const [kept, grown] = await Promise.all([
      youngGenerationAfterBurst(true),
      youngGenerationAfterBurst(false),
    ]);
    expect(kept).toBeLessThanOrEqual(4 * 1024);
    // Without it the same burst grows it well beyond (the saving is real on this Node).
    expect(grown).toBeGreaterThan(8 * 1024);
  });
});

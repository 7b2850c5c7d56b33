// A probe for the long-running hosts' memory settings: loaded into a spawned process with
// NODE_OPTIONS=--import=<youngGenerationProbe()>, it writes the size of V8's young generation (bytes) to
// the file named by YOUNG_FILE each time the process gets SIGUSR2. It does nothing else.
import { existsSync, readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { vi } from 'vitest';

export function youngGenerationProbe(): string {
  return `data:text/javascript,${encodeURIComponent(`
    import v8 from 'node:v8';
    import fs from 'node:fs';
    process.on('SIGUSR2', () => {
      const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      fs.writeFileSync(process.env.YOUNG_FILE, String(young.space_size));
    });`)}`;
}

/** Asks the probe in `child` (started with YOUNG_FILE=`file`) for the young generation's size, in MB. */
export async function youngGenerationMb(child: ChildProcess, file: string): Promise<number> {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  child.kill('SIGUSR2');
  return vi.waitFor(
    () => {
      const now = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (now === '' || now === before) throw new Error('the probe has not answered yet');
      return Number(now) / 1024 / 1024;
    },
    { timeout: 20_000, interval: 50 },
  );
}

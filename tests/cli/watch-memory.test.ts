// `watch` runs for days: V8 is told to keep its young generation at its starting size before the command's
// code is loaded, since loading that code already grew it to 32 MB (about 10 MB resident for good) when the
// setting came only once the command ran.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFixture, startStatuspageServer, type StatuspageServer } from '../fakes/statuspage-server';
import { youngGenerationMb, youngGenerationProbe } from '../fakes/young-generation-probe';
import { spawnCli, until, type CliRun } from './spawn-cli';

let dir: string;
let server: StatuspageServer | null = null;
let child: CliRun | null = null;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-watch-memory-'));
});
afterEach(async () => {
  if (child && child.proc.exitCode === null) child.proc.kill('SIGKILL');
  child = null;
  await server?.close();
  server = null;
  await fs.rm(dir, { recursive: true, force: true });
});

describe('watch memory', () => {
  it('keeps the young generation at its starting size from the start, loading of its code included', async () => {
    server = await startStatuspageServer({
      page: buildFixture({ name: 'Acme', standalone: ['API', 'Dashboard'] }),
      host: '127.0.0.1',
    });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: [{ url: server.pageUrl, name: 'Acme' }] }),
    );
    const youngFile = path.join(dir, 'young.txt');
    const run = spawnCli(['watch', '--config', config, '--json'], {
      STATUSTRAY_DATA_DIR: path.join(dir, 'data'),
      NODE_OPTIONS: `--import=${youngGenerationProbe()}`,
      YOUNG_FILE: youngFile,
    });
    child = run;
    await until('the first reading', () => run.lines.some((l) => l.includes('Acme')), run);
    // Its starting size is 1 to 2 MB (2 semi-spaces of 1 MB on Node 20); grown, as before, 16 to 32 MB.
    expect(await youngGenerationMb(run.proc, youngFile)).toBeLessThanOrEqual(4);
  });
});

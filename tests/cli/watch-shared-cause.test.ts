// `watch --json` tells several vendors failing together as one group: a shared_cause_opened line with the
// vendors and the possible cause (here none: no upstream, no vendor names one), and shared_cause_closed
// once all have recovered. Three Statuspage fakes on loopback, the command spawned as a user runs it.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SharedCauseEvent } from '../../shared/model';
import {
  buildFixture,
  openOutage,
  resolveIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { spawnCli, until, type CliRun } from './spawn-cli';

let dir: string;
let servers: StatuspageServer[] = [];
let child: CliRun | null = null;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-watch-group-'));
});
afterEach(async () => {
  if (child && child.proc.exitCode === null) child.proc.kill('SIGKILL');
  child = null;
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  await fs.rm(dir, { recursive: true, force: true });
});

describe('watch --json and vendors failing together', () => {
  it('prints shared_cause_opened with the vendors and no cause, then shared_cause_closed', async () => {
    const names = ['Canva', 'Shopify', 'Linear'];
    servers = await Promise.all(
      names.map((name) => startStatuspageServer({ page: buildFixture({ name, standalone: ['API'] }) })),
    );
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: servers.map((s, i) => ({ url: s.pageUrl, name: names[i] })) }),
    );
    const run = spawnCli(['watch', '--config', config, '--interval', '1', '--json'], {
      STATUSTRAY_DATA_DIR: path.join(dir, 'data'),
    });
    child = run;
    const groups = (): SharedCauseEvent[] =>
      run.lines
        .map((l) => JSON.parse(l) as { type: string })
        .filter((e): e is SharedCauseEvent => e.type.startsWith('shared_cause_'));
    await until('the first readings', () => run.lines.length >= 3, run, 20_000);

    const ids = servers.map((s) => {
      let id = '';
      s.update((f) => void (id = openOutage(f, 'API', { name: 'Elevated errors', impact: 'major' }).id));
      return id;
    });
    await until('the group', () => groups().some((g) => g.type === 'shared_cause_opened'), run, 20_000);
    const opened = groups().find((g) => g.type === 'shared_cause_opened')!;
    expect([...opened.vendors].sort()).toEqual([...names].sort());
    expect(opened).toMatchObject({ cause: null, vendor: null, recovered: [] });
    expect(opened.group).toMatch(/^g-\d+$/);

    servers.forEach((s, i) =>
      s.update((f) => {
        setComponentStatus(f, 'API', 'operational');
        resolveIncident(f, ids[i]!);
      }),
    );
    await until('the close', () => groups().some((g) => g.type === 'shared_cause_closed'), run, 20_000);
    expect(groups().filter((g) => g.type === 'shared_cause_opened')).toHaveLength(1);
    expect(groups().at(-1)).toMatchObject({ type: 'shared_cause_closed', group: opened.group });
  }, 60_000);
});

// `watch --json` tells several vendors failing together as one group: a shared_cause_opened line with the
// vendors and the possible cause (here none: no upstream, no vendor names one), and shared_cause_closed
// once all have recovered, also when watch was restarted in between (the open group is kept in the data
// folder). Three Statuspage fakes on loopback, the command spawned as a user runs it.
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
import { startReceiver, type Receiver } from '../fakes/receiver';
import { spawnCli, until, type CliRun } from './spawn-cli';

let dir: string;
let servers: StatuspageServer[] = [];
let child: CliRun | null = null;
let receiver: Receiver | null = null;

const groupsOf = (run: CliRun): SharedCauseEvent[] =>
  run.lines
    .map((l) => JSON.parse(l) as { type: string })
    .filter((e): e is SharedCauseEvent => e.type.startsWith('shared_cause_'));

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-watch-group-'));
});
afterEach(async () => {
  if (child && child.proc.exitCode === null) child.proc.kill('SIGKILL');
  child = null;
  await Promise.all(servers.map((s) => s.close()));
  await receiver?.close();
  receiver = null;
  servers = [];
  await fs.rm(dir, { recursive: true, force: true });
});

/** Three vendors on loopback fakes and a watchlist naming them. */
async function threeVendors(
  extra: Record<string, unknown> = {},
): Promise<{ names: string[]; config: string }> {
  const names = ['Canva', 'Shopify', 'Linear'];
  servers = await Promise.all(
    names.map((name) => startStatuspageServer({ page: buildFixture({ name, standalone: ['API'] }) })),
  );
  const config = path.join(dir, 'watchlist.json');
  await fs.writeFile(
    config,
    JSON.stringify({
      version: 1,
      vendors: servers.map((s, i) => ({ url: s.pageUrl, name: names[i] })),
      ...extra,
    }),
  );
  return { names, config };
}

describe('watch --json and vendors failing together', () => {
  it('prints shared_cause_opened with the vendors and no cause, then shared_cause_closed', async () => {
    const { names, config } = await threeVendors();
    const run = spawnCli(['watch', '--config', config, '--interval', '1', '--json'], {
      STATUSTRAY_DATA_DIR: path.join(dir, 'data'),
    });
    child = run;
    const groups = (): SharedCauseEvent[] => groupsOf(run);
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

  it('continues the group after a restart and closes it once, with the vendors that recovered meanwhile', async () => {
    const hook = await startReceiver();
    receiver = hook;
    const { names, config } = await threeVendors({ forward: [{ type: 'webhook', url: hook.url() }] });
    /** What the team's webhook received: title and group id. */
    const forwarded = () =>
      hook.accepted().map((d) => JSON.parse(d.body) as { title: string; group: { id: string } | null });
    const env = { STATUSTRAY_DATA_DIR: path.join(dir, 'data') };
    const args = ['watch', '--config', config, '--interval', '1', '--json'];
    const first = spawnCli(args, env);
    child = first;
    await until('the first readings', () => first.lines.length >= 3, first, 20_000);
    const ids = servers.map((s) => {
      let id = '';
      s.update((f) => void (id = openOutage(f, 'API', { name: 'Elevated errors', impact: 'major' }).id));
      return id;
    });
    await until(
      'the group',
      () => groupsOf(first).some((g) => g.type === 'shared_cause_opened'),
      first,
      20_000,
    );
    const opened = groupsOf(first).find((g) => g.type === 'shared_cause_opened')!;
    await until('the group forwarded', () => forwarded().some((m) => m.group?.id === opened.group), first);
    const before = forwarded().length;
    first.proc.kill('SIGTERM');
    expect(await first.exit).toBe(0);

    const recover = (i: number): void =>
      servers[i]!.update((f) => {
        setComponentStatus(f, 'API', 'operational');
        resolveIncident(f, ids[i]!);
      });
    // Canva recovers while watch is not running.
    recover(0);
    const second = spawnCli(args, env);
    child = second;
    await until('the first readings', () => second.lines.length >= 3, second, 20_000);
    expect(second.stderr()).toContain(`still following 3 vendors in trouble together since`);
    await until('Canva settled', () => groupsOf(second).length >= 1, second, 20_000);
    expect(groupsOf(second)[0]).toMatchObject({
      type: 'shared_cause_updated',
      group: opened.group,
      recovered: ['Canva'],
    });
    recover(1);
    recover(2);
    await until(
      'the close',
      () => groupsOf(second).some((g) => g.type === 'shared_cause_closed'),
      second,
      20_000,
    );
    const told = groupsOf(second);
    expect(told.filter((g) => g.type === 'shared_cause_opened')).toEqual([]);
    expect(told.at(-1)).toMatchObject({ type: 'shared_cause_closed', group: opened.group });
    expect([...told.at(-1)!.vendors].sort()).toEqual([...names].sort());
    await until(
      'the recovery forwarded',
      () => forwarded().some((m) => /^3 vendors recovered: /.test(m.title)),
      second,
    );
    second.proc.kill('SIGTERM');
    expect(await second.exit).toBe(0);
    // The team heard the group go on (Canva recovered) and end, as the group; no vendor's own recovery was
    // told or waits to be.
    const after = forwarded().slice(before);
    expect(after.every((m) => m.group?.id === opened.group)).toBe(true);
    expect(after.filter((m) => /recovered: /.test(m.title))).toHaveLength(1);
    const policy = JSON.parse(
      await fs.readFile(path.join(dir, 'data', 'watch-notifications.json'), 'utf8'),
    ) as {
      data: { pending: unknown[]; group?: unknown };
    };
    expect(policy.data.pending).toEqual([]);
    expect(policy.data.group ?? null).toBeNull();
  }, 90_000);
});

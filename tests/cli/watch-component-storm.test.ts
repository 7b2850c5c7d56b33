// A page of 5,000 components whose ids change at every poll (issue #19: 50,000 lines in 20 s): `watch
// --json` prints at most the per-poll bound of component lines and one `components_summarised` line a
// poll, whose count says what it counts.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MonitorEvent } from '../../shared/model';
import { MAX_COMPONENT_EVENTS_PER_POLL } from '../../electron/core/monitor/diff';
import {
  buildFixture,
  startStatuspageServer,
  summaryOf,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { spawnCli, until, type CliRun } from './spawn-cli';

const COMPONENTS = 5_000;
let dir: string;
let server: StatuspageServer | null = null;
let child: CliRun | null = null;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-churn-'));
});
afterEach(async () => {
  if (child && child.proc.exitCode === null) child.proc.kill('SIGKILL');
  await server?.close();
  server = null;
  await fs.rm(dir, { recursive: true, force: true });
});

describe('watch --json over 5,000 churning components', () => {
  it(`prints at most ${MAX_COMPONENT_EVENTS_PER_POLL} component lines and one summary line a poll`, async () => {
    const fixture = buildFixture({ name: 'Churn Corp', standalone: ['API'] });
    const template = fixture.components[0]!;
    server = await startStatuspageServer({ page: fixture });
    let polls = 0;
    // Every read of the summary publishes 5,000 components under ids never seen before, all down.
    server.route('/api/v2/summary.json', (_req, res) => {
      polls++;
      fixture.components = Array.from({ length: COMPONENTS }, (_, i) => ({
        ...template,
        id: `poll${polls}-c${i}`,
        name: `Node ${i}`,
        status: 'major_outage' as const,
        position: i,
      }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(summaryOf(fixture)));
    });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: [{ url: server.pageUrl, name: 'Churn' }] }),
    );
    const run = spawnCli(['watch', '--config', config, '--interval', '1', '--json'], {
      STATUSTRAY_DATA_DIR: path.join(dir, 'data'),
    });
    child = run;
    const events = (): MonitorEvent[] =>
      run.lines.map((l) => JSON.parse(l) as MonitorEvent).filter((e) => 'at' in e && e.type !== undefined);
    const summaries = () => events().filter((e) => e.type === 'components_summarised');
    await until('three polls with a summary', () => summaries().length >= 3, run, 60_000);
    run.proc.kill('SIGINT');
    expect(await run.exit).toBe(0);

    // Each poll's events share their `at`.
    const byPoll = new Map<string, MonitorEvent[]>();
    for (const e of events()) byPoll.set(e.at, [...(byPoll.get(e.at) ?? []), e]);
    const stormPolls = [...byPoll.values()].filter((p) => p.some((e) => e.type === 'components_summarised'));
    expect(stormPolls.length).toBeGreaterThanOrEqual(3);
    for (const poll of byPoll.values()) {
      const changes = poll.filter((e) => e.type === 'component_status_changed');
      const summary = poll.filter((e) => e.type === 'components_summarised');
      expect(changes.length).toBeLessThanOrEqual(MAX_COMPONENT_EVENTS_PER_POLL);
      expect(summary.length).toBeLessThanOrEqual(1);
      if (summary.length === 1) {
        expect(changes).toHaveLength(MAX_COMPONENT_EVENTS_PER_POLL);
        expect(summary[0]).toMatchObject({
          vendor: 'Churn',
          count: COMPONENTS - MAX_COMPONENT_EVENTS_PER_POLL,
        });
      }
      // Nothing is called an incident change.
      expect(poll.some((e) => e.type === 'incidents_summarised')).toBe(false);
    }
  }, 90_000);
});

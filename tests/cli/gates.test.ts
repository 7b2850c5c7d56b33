// The pipeline gates as a CI job uses them: `statustray check --fail-on` and `statustray wait`, spawned as
// processes against fake Statuspage pages on loopback, judged by their exit codes and what they print.
import { afterEach, describe, expect, it } from 'vitest';
import { neverAnswer } from '../fakes/hostile';
import { startServer } from '../fakes/server';
import {
  openIncident,
  openOutage,
  resolveIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { kustomerFixture } from '../fixtures/kustomer';
import { spawnCli, until, type CliRun } from './spawn-cli';

const closers: Array<() => Promise<void>> = [];
const running: CliRun[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) if (r.proc.exitCode === null) r.proc.kill('SIGKILL');
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function vendor(): Promise<StatuspageServer> {
  const server = await startStatuspageServer({ page: kustomerFixture() });
  closers.push(server.close);
  return server;
}

/** A URL nothing listens on: the port was just freed. */
async function deadUrl(): Promise<string> {
  const s = await startServer();
  const url = s.url('/');
  await s.close();
  return url;
}

function cli(args: string[]): CliRun {
  const run = spawnCli(args);
  running.push(run);
  return run;
}

describe('check --fail-on', () => {
  it('exits 3 when a vendor is at the level or worse, 0 when it is better', async () => {
    const fine = await vendor();
    const down = await vendor();
    down.update((f) => {
      setComponentStatus(f, 'Prod1 (US)/Workflow', 'partial_outage');
      openIncident(f, { name: 'Workflows delayed', impact: 'major', components: ['Prod1 (US)/Workflow'] });
    });

    const gated = cli(['check', fine.pageUrl, down.pageUrl, '--fail-on', 'partial_outage']);
    expect(await gated.exit).toBe(3);
    expect(gated.stdout()).toMatch(/Partial outage/);
    // The log says why the gate closed.
    expect(gated.stderr()).toBe(
      'statustray check: at partial_outage or worse (--fail-on partial_outage): Kustomer (Partial outage)\n',
    );

    const notWorseEnough = cli(['check', fine.pageUrl, down.pageUrl, '--fail-on', 'major_outage']);
    expect(await notWorseEnough.exit).toBe(0);

    const allFine = cli(['check', fine.pageUrl, '--fail-on', 'degraded']);
    expect(await allFine.exit).toBe(0);

    // `unknown` gates on anything but operational.
    const strict = cli(['check', down.pageUrl, '--fail-on', 'unknown']);
    expect(await strict.exit).toBe(3);
  });

  it('still exits 2 when a page cannot be read and nothing read is at the level', async () => {
    const fine = await vendor();
    const run = cli(['check', fine.pageUrl, await deadUrl(), '--fail-on', 'degraded', '--timeout', '5']);
    expect(await run.exit).toBe(2);
  });

  it('refuses a level that is not a status, with exit 1', async () => {
    const run = cli(['check', 'https://status.example.com', '--fail-on', 'broken']);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(
      /--fail-on must be one of maintenance, degraded, partial_outage, major_outage, unknown, not "broken"/,
    );
  });
});

describe('wait', () => {
  it('prints the outage, then returns 0 the moment the vendor is operational again', async () => {
    const server = await vendor();
    let incidentId = '';
    server.update((f) => {
      incidentId = openOutage(f, 'Prod1 (US)/Workflow', {
        name: 'Workflows not running',
        // A minor incident: the vendor's status follows the component down and back up.
        impact: 'minor',
      }).id;
    });
    const run = cli([
      'wait',
      server.pageUrl,
      '--until',
      'operational',
      '--timeout',
      '120',
      '--interval',
      '1',
    ]);
    await until('the first reading', () => run.lines.length >= 1, run);
    expect(run.lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ {2}Kustomer — Major outage$/);
    const pollsBefore = server.counts()['summary.json'] ?? 0;
    await until('a second poll', () => (server.counts()['summary.json'] ?? 0) > pollsBefore, run);
    expect(run.proc.exitCode).toBeNull();

    server.update((f) => setComponentStatus(f, 'Prod1 (US)/Workflow', 'degraded_performance'));
    await until('the step down', () => run.lines.length >= 2, run);
    expect(run.lines[1]).toMatch(/Kustomer — Degraded performance \(was Major outage\)$/);
    expect(run.proc.exitCode).toBeNull();

    const resolvedAt = Date.now();
    server.update((f) => {
      resolveIncident(f, incidentId, 'Workflows are running again.');
      setComponentStatus(f, 'Prod1 (US)/Workflow', 'operational');
    });
    expect(await run.exit).toBe(0);
    // One interval (1 s) plus a read, not the 120 s timeout.
    expect(Date.now() - resolvedAt).toBeLessThan(15_000);
    expect(run.lines.at(-1)).toMatch(/Kustomer — Operational \(was Degraded performance\)$/);
    expect(run.stderr()).toMatch(/statustray wait: the vendor is operational \(after \d+ s\)\./);
  });

  it('accepts a lower bar with --until', async () => {
    const server = await vendor();
    server.update((f) => setComponentStatus(f, 'Prod2 (EU)/API', 'degraded_performance'));
    const run = cli(['wait', server.pageUrl, '--until', 'degraded', '--timeout', '60', '--interval', '1']);
    expect(await run.exit).toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/Kustomer — Degraded performance$/);
  });

  it('exits 3 at the timeout when every page was read but a vendor is still down', async () => {
    const server = await vendor();
    server.update((f) => setComponentStatus(f, 'Prod1 (US)/Workflow', 'partial_outage'));
    const run = cli(['wait', server.pageUrl, '--timeout', '2', '--interval', '1']);
    expect(await run.exit).toBe(3);
    expect(run.stderr()).toMatch(
      /gave up after 2 s; not operational or better:\n {2}Kustomer: Partial outage\n/,
    );
  });

  it('exits 2 at the timeout when a page was never read, naming the vendors that are not back', async () => {
    const server = await vendor();
    server.update((f) => setComponentStatus(f, 'Prod1 (US)/Workflow', 'partial_outage'));
    const dead = await deadUrl();
    const started = Date.now();
    const run = cli(['wait', server.pageUrl, dead, '--timeout', '3', '--interval', '1']);
    expect(await run.exit).toBe(2);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(3_000);
    expect(took).toBeLessThan(20_000);
    expect(run.stdout()).toMatch(/Kustomer — Partial outage/);
    expect(run.stdout()).toContain(`${dead} — cannot read the page`);
    expect(run.stderr()).toMatch(
      /gave up after 3 s; not operational or better:\n {2}Kustomer: Partial outage\n {2}http/,
    );
    // Each reading is printed once, not at every poll.
    expect(run.lines.filter((l) => l.includes('Kustomer'))).toHaveLength(1);
  });

  it('gives up at the timeout even while a page has not answered yet', async () => {
    const silent = await startServer();
    // Timed from the first request the page receives: starting the command on a busy machine takes
    // seconds of its own, which say nothing about when wait gives up.
    let asked = 0;
    silent.fallback((req, res, url) => {
      asked ||= Date.now();
      return neverAnswer(req, res, url);
    });
    closers.push(silent.close);
    const run = cli(['wait', silent.url('/'), '--timeout', '2']);
    // Never read: exit 2, as `check` gives for a page it cannot read.
    expect(await run.exit).toBe(2);
    expect(asked).toBeGreaterThan(0);
    // About 2 s after the question, not a request timeout (10 s) later.
    expect(Date.now() - asked).toBeLessThan(7_000);
    expect(run.stderr()).toMatch(
      /gave up after 2 s; not operational or better:\n {2}\(no page answered in time\)/,
    );
  });

  it('refuses a missing URL or a bad level with exit 1', async () => {
    const none = cli(['wait', '--timeout', '10']);
    expect(await none.exit).toBe(1);
    expect(none.stderr()).toMatch(/give at least one status page URL/);
    const bad = cli(['wait', 'https://status.example.com', '--until', 'unknown']);
    expect(await bad.exit).toBe(1);
    expect(bad.stderr()).toMatch(/--until must be one of operational, maintenance/);
  });
});

describe('what wait says when the vendors are back', () => {
  it('reads as English for one, two and more vendors', async () => {
    const { reachedLine } = await import('../../electron/cli/wait');
    expect(reachedLine(1, 'operational')).toBe('the vendor is operational');
    expect(reachedLine(2, 'operational')).toBe('both vendors are operational');
    expect(reachedLine(5, 'degraded')).toBe('all 5 vendors are degraded or better');
    expect(reachedLine(2, 'partial_outage')).toBe('both vendors are in partial outage or better');
  });
});

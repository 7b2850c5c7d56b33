// The done-when of the monitor: `watch` over the seed's Kustomer page (a fake Statuspage on loopback),
// spawned as a user would run it, tells each vendor's first reading, announces an outage and its end
// exactly once each, says at once when a page cannot be read, and keeps its history through a crash.
// A storm reads as one line: past the per-poll bound, the rest of a page's incident changes are one
// `incidents_summarised` line (one JSON object with --json; one sentence, naming the vendor once, without).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MonitorEvent } from '../../shared/model';
import type { FirstReading } from '../../electron/cli/first-reading';
import { formatEvent } from '../../electron/cli/watch';
import { MAX_INCIDENT_EVENTS_PER_POLL } from '../../electron/core/monitor/diff';
import { startServer } from '../fakes/server';
import {
  buildFixture,
  openIncident,
  openOutage,
  resolveIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { kustomerFixture } from '../fixtures/kustomer';
import { youngGenerationMb, youngGenerationProbe } from '../fakes/young-generation-probe';
import { spawnCli, until as untilSeen, type CliRun } from './spawn-cli';

let dir: string;
let server: StatuspageServer | null = null;
let child: CliRun | null = null;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-watch-'));
});
afterEach(async () => {
  if (child && child.proc.exitCode === null) child.proc.kill('SIGKILL');
  child = null;
  await server?.close();
  server = null;
  await fs.rm(dir, { recursive: true, force: true });
});

type Run = CliRun;

function watch(args: string[]): Run {
  const run = spawnCli(['watch', ...args], { STATUSTRAY_DATA_DIR: path.join(dir, 'data') });
  child = run;
  return run;
}

function until(what: string, cond: () => boolean, run: Run, limitMs = 20_000): Promise<void> {
  return untilSeen(what, cond, run, limitMs);
}

describe('watch', () => {
  it('announces a Kustomer outage on Prod1 (US) / Workflow and its resolution, each exactly once', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: [{ url: server.pageUrl, name: 'Kustomer' }] }),
    );
    const run = watch(['--config', config, '--interval', '1', '--json']);
    const polls = () => server!.counts()['summary.json'] ?? 0;
    await until('the first reads', () => polls() >= 2, run);
    // Before anything changes, the vendor's first reading, once.
    expect(run.lines).toHaveLength(1);
    expect(JSON.parse(run.lines[0]!)).toMatchObject({
      type: 'vendor_first_reading',
      vendor: 'Kustomer',
      status: 'operational',
      openIncidents: [],
    } satisfies Partial<FirstReading>);
    run.lines.shift();

    let incidentId = '';
    server.update((f) => {
      incidentId = openOutage(f, 'Prod1 (US)/Workflow', {
        name: 'Workflows not running in Prod1 (US)',
        impact: 'critical',
      }).id;
    });
    const events = () => run.lines.map((l) => JSON.parse(l) as MonitorEvent);
    await until('the outage', () => events().some((e) => e.type === 'vendor_status_changed'), run);
    let seen = polls();
    await until('a few more polls', () => polls() >= seen + 3, run);

    server.update((f) => {
      resolveIncident(f, incidentId, 'Workflows are running again.');
      setComponentStatus(f, 'Prod1 (US)/Workflow', 'operational');
    });
    await until(
      'the recovery',
      () => events().filter((e) => e.type === 'vendor_status_changed').length >= 2,
      run,
    );
    seen = polls();
    await until('a few more polls', () => polls() >= seen + 3, run);

    run.proc.kill('SIGINT');
    expect(await run.exit).toBe(0);

    const all = events();
    const summary = all.map((e) => {
      switch (e.type) {
        case 'component_status_changed':
          return `${e.type} ${e.group}/${e.component} ${e.from}->${e.to}`;
        case 'vendor_status_changed':
          return `${e.type} ${e.from}->${e.to}`;
        case 'incident_opened':
        case 'incident_resolved':
          return `${e.type} ${e.incident.title} ${e.incident.impact}`;
        default:
          return e.type;
      }
    });
    // A poll may straddle the page's change (components and incidents are separate files), so the order
    // within the outage and within the recovery may vary; each event still comes exactly once.
    expect(summary.slice(0, 3).sort()).toEqual([
      'component_status_changed Prod1 (US)/Workflow operational->major_outage',
      'incident_opened Workflows not running in Prod1 (US) critical',
      'vendor_status_changed operational->major_outage',
    ]);
    expect(summary.slice(3).sort()).toEqual([
      'component_status_changed Prod1 (US)/Workflow major_outage->operational',
      'incident_resolved Workflows not running in Prod1 (US) critical',
      'vendor_status_changed major_outage->operational',
    ]);
    expect(all.every((e) => e.vendor === 'Kustomer')).toBe(true);
    expect(run.lines.some((l) => l.includes('Prod2 (EU)'))).toBe(false);
  });

  it('prints readable lines without --json', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: [{ url: server.pageUrl, name: 'Kustomer' }] }),
    );
    const run = watch(['--config', config, '--interval', '1']);
    await until('the first reads', () => (server!.counts()['summary.json'] ?? 0) >= 2, run);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ {2}Kustomer — Operational \(first reading\)$/,
    );
    server.update((f) => setComponentStatus(f, 'Prod2 (EU)/Channel - Email', 'degraded_performance'));
    await until('the change', () => run.lines.length >= 3, run);
    run.proc.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.lines[1]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ {2}Kustomer — Prod2 \(EU\) \/ Channel - Email: Degraded performance \(was Operational\)$/,
    );
    expect(run.lines[2]).toMatch(/Kustomer — Status: Degraded performance \(was Operational\)$/);
  });

  it('refuses a watchlist with nothing valid, naming the problems', async () => {
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(config, '{\n  "version": 1,\n  "vendors": [ { "url": "ftp://x.example" } ]\n}\n');
    const run = watch(['--config', config]);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(
      /vendor #1 \(ftp:\/\/x\.example\): Enter an address that starts with https:\/\//,
    );
    expect(run.stderr()).toMatch(/no vendor to watch/);

    await fs.writeFile(config, '{ "version": 1, "vendors": [ }');
    const broken = watch(['--config', config]);
    expect(await broken.exit).toBe(1);
    expect(broken.stderr()).toMatch(/not valid JSON at line 1, column 30: unexpected "}"/);
  });

  it('warns about bad entries but watches the good ones', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({
        version: 1,
        vendors: [{ url: server.pageUrl }, { url: server.pageUrl, name: 'again' }],
      }),
    );
    const run = watch(['--config', config, '--interval', '1', '--json']);
    await until('a read', () => (server!.counts()['summary.json'] ?? 0) >= 1, run);
    run.proc.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toMatch(/vendor #2 .*duplicate of vendor #1/);
  });

  it('says at once that a page cannot be read, and only once, while reading the others', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const closed = await startServer();
    const deadUrl = closed.url('/');
    await closed.close();
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({
        version: 1,
        vendors: [
          { url: server.pageUrl, name: 'Kustomer' },
          { url: deadUrl, name: 'Gone' },
        ],
      }),
    );
    // A long interval: the failure must be told at the first failed read, not after the stale limit.
    const run = watch(['--config', config, '--interval', '600']);
    await until(
      'both first lines',
      () => run.lines.some((l) => l.includes('Gone —')) && run.lines.some((l) => l.includes('Kustomer —')),
      run,
    );
    expect(run.lines.find((l) => l.includes('Gone —'))).toMatch(
      /Gone — Cannot read the page: .+\(refused\)$/,
    );
    expect(run.lines.find((l) => l.includes('Kustomer —'))).toMatch(
      /Kustomer — Operational \(first reading\)$/,
    );
    run.proc.kill('SIGTERM');
    expect(await run.exit).toBe(0);

    // At a fast interval the monitor reaches its stale limit too: the vendor is still told once.
    const fast = watch(['--config', config, '--interval', '1', '--json']);
    const polls = () => server!.counts()['summary.json'] ?? 0;
    await until('the first lines', () => fast.lines.length >= 2, fast);
    const seen = polls();
    await until('many more polls', () => polls() >= seen + 6, fast, 40_000);
    fast.proc.kill('SIGTERM');
    expect(await fast.exit).toBe(0);
    const gone = fast.lines
      .map((l) => JSON.parse(l) as { type: string; vendor: string })
      .filter((e) => e.vendor === 'Gone');
    expect(gone.map((e) => e.type)).toEqual(['vendor_unreachable']);
  });

  it('writes its history while running, so that a kill -9 loses nothing already read', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: [{ url: server.pageUrl, name: 'Kustomer' }] }),
    );
    const file = path.join(dir, 'data', 'watch-history.json');
    const run = watch(['--config', config, '--interval', '600']);
    await until('the first reading', () => run.lines.length >= 1, run);
    const saved = async (): Promise<{ data: { vendors: Record<string, { segments: unknown[] }> } } | null> =>
      JSON.parse(await fs.readFile(file, 'utf8').catch(() => 'null'));
    const deadline = Date.now() + 20_000;
    while (!(await saved()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    run.proc.kill('SIGKILL');
    await run.exit;
    const history = await saved();
    expect(history).not.toBeNull();
    const vendors = Object.values(history!.data.vendors);
    expect(vendors).toHaveLength(1);
    expect(vendors[0]!.segments).toEqual([expect.objectContaining({ status: 'operational' })]);
  });

  it('keeps a history file with a wrong type inside aside, says so, and watches on', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: [{ url: server.pageUrl, name: 'Kustomer' }] }),
    );
    await fs.mkdir(path.join(dir, 'data'), { recursive: true });
    const bad = JSON.stringify({
      schemaVersion: 1,
      savedAt: new Date().toISOString(),
      data: { version: 1, vendors: { someone: { segments: 'not a list', incidents: [] } } },
    });
    await fs.writeFile(path.join(dir, 'data', 'watch-history.json'), bad);
    const run = watch(['--config', config, '--interval', '1']);
    await until('a few polls', () => (server!.counts()['summary.json'] ?? 0) >= 3, run);
    server.update((f) => setComponentStatus(f, 'Prod2 (EU)/API', 'partial_outage'));
    await until('the change', () => run.lines.some((l) => /Status: Partial outage/.test(l)), run);
    run.proc.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toMatch(
      /watch-history\.json could not be read \(not a history: vendors\.someone\.segments: .+\); kept aside as watch-history\.unusable-[^ ]+\.json/,
    );
    const names = await fs.readdir(path.join(dir, 'data'));
    const aside = names.find((n) => n.startsWith('watch-history.unusable-'));
    expect(aside).toBeDefined();
    expect(await fs.readFile(path.join(dir, 'data', aside!), 'utf8')).toBe(bad);
    // And a new, valid history was written in its place.
    const fresh = JSON.parse(await fs.readFile(path.join(dir, 'data', 'watch-history.json'), 'utf8'));
    expect(Object.keys(fresh.data.vendors)).toHaveLength(1);
  });
});

const STORM = MAX_INCIDENT_EVENTS_PER_POLL + 150;

describe('watch --json during an incident storm', () => {
  it(`prints the incident changes past ${MAX_INCIDENT_EVENTS_PER_POLL} in one poll as one summary line`, async () => {
    server = await startStatuspageServer({
      page: buildFixture({ name: 'Storm Corp', standalone: ['API', 'Dashboard'] }),
    });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: [{ url: server.pageUrl, name: 'Storm Corp' }] }),
    );
    const run = watch(['--config', config, '--interval', '1', '--json']);
    await until('the first reading', () => run.lines.length >= 1, run);
    expect(JSON.parse(run.lines[0]!)).toMatchObject({ type: 'vendor_first_reading', vendor: 'Storm Corp' });

    // All at once, at the start of a poll (an update between a poll's summary and history requests would
    // reach the engine over two polls).
    server.updateAtNextPoll((f) => {
      for (let i = 0; i < STORM; i++) openIncident(f, { name: `Storm incident ${i}`, impact: 'minor' });
    });
    const events = (): MonitorEvent[] => run.lines.slice(1).map((l) => JSON.parse(l) as MonitorEvent);
    await until('the summary line', () => events().some((e) => e.type === 'incidents_summarised'), run);
    const polls = server.counts()['summary.json'] ?? 0;
    await until('two more polls', () => (server!.counts()['summary.json'] ?? 0) >= polls + 2, run);
    run.proc.kill('SIGINT');
    expect(await run.exit).toBe(0);

    const all = events();
    const summaries = all.filter((e) => e.type === 'incidents_summarised');
    const opened = all.filter((e) => e.type === 'incident_opened');
    // One line says the rest; together they account for every incident, each once.
    expect(summaries).toHaveLength(1);
    expect(opened).toHaveLength(MAX_INCIDENT_EVENTS_PER_POLL);
    expect(summaries[0]).toMatchObject({ vendor: 'Storm Corp', count: STORM - MAX_INCIDENT_EVENTS_PER_POLL });
    expect(new Set(opened.map((e) => (e.type === 'incident_opened' ? e.incident.id : ''))).size).toBe(
      MAX_INCIDENT_EVENTS_PER_POLL,
    );
    // The page's status change is a status change, never lost in the summary.
    expect(all.some((e) => e.type === 'vendor_status_changed')).toBe(true);
    // Bounded output: the storm costs about the bound's worth of lines, not one per incident.
    expect(run.lines.length).toBeLessThanOrEqual(1 + MAX_INCIDENT_EVENTS_PER_POLL + 1 + 4);
  }, 60_000);

  it('reads as one sentence without --json', () => {
    const line = formatEvent({
      type: 'incidents_summarised',
      vendor: 'Storm Corp',
      vendorId: 'storm',
      at: '2026-11-29T05:00:00.000Z',
      count: 1874,
    } as MonitorEvent);
    expect(line).toBe('2026-11-29 05:00:00Z  Storm Corp — 1,874 more incident changes');
  });
});

// `watch` runs for days: V8 is told to keep its young generation at its starting size before the command's
// code is loaded, since loading that code already grew it (about 10 MB resident for good) when the setting
// came only once the command ran.
describe('watch memory', () => {
  it('keeps the young generation at its starting size from the start, loading of its code included', async () => {
    server = await startStatuspageServer({
      page: buildFixture({ name: 'Acme', standalone: ['API', 'Dashboard'] }),
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

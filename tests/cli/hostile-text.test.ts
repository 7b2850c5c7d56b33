// Every command's terminal text with the hostile corpus as vendor, component and incident names and update
// bodies, read from fake Statuspage pages on loopback, spawned as a user runs them: no control character
// (line breaks of our own aside), no raw bidi or zero-width character, no forged line, in `check`, `wait`,
// `watch` and `calendar`'s stdout and stderr; and `--json` stays the exact text.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { clampText, TEXT_LIMITS } from '../../electron/core/text-limits';
import type { Snapshot } from '../../shared/model';
import { HOSTILE_ENTRIES, INVISIBLE, forbiddenControls } from '../fakes/hostile-text';
import {
  buildFixture,
  openOutage,
  scheduleMaintenance,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { spawnCli, until, type CliRun } from './spawn-cli';

let dir: string;
let servers: StatuspageServer[] = [];
let runs: CliRun[] = [];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-hostile-'));
  // One page per hostile text: its name, a group's and a component's, an incident's and a maintenance's
  // title and their update bodies are all that text.
  servers = await Promise.all(
    HOSTILE_ENTRIES.map(async ([, text]) => {
      const fixture = buildFixture({ name: 'placeholder', groups: [{ name: 'G', components: ['C'] }] });
      openOutage(fixture, 'G/C', { name: text, body: text, impact: 'major' });
      scheduleMaintenance(fixture, {
        name: text,
        body: text,
        from: new Date(Date.now() + 86_400_000).toISOString(),
        until: new Date(Date.now() + 90_000_000).toISOString(),
      });
      fixture.page.name = text;
      for (const c of fixture.components) c.name = text;
      return startStatuspageServer({ page: fixture });
    }),
  );
});
afterEach(() => {
  for (const r of runs) if (r.proc.exitCode === null) r.proc.kill('SIGKILL');
  runs = [];
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await fs.rm(dir, { recursive: true, force: true });
});

function cli(args: string[]): CliRun {
  const run = spawnCli(args, { STATUSTRAY_DATA_DIR: path.join(dir, 'data') });
  runs.push(run);
  return run;
}

async function watchlist(): Promise<string> {
  const file = path.join(dir, 'watchlist.json');
  await fs.writeFile(file, JSON.stringify({ version: 1, vendors: servers.map((s) => ({ url: s.pageUrl })) }));
  return file;
}

/** What no terminal line may hold, over everything the command wrote. */
function expectSafeTerminalText(run: CliRun): void {
  const all = run.stdout() + run.stderr();
  expect(forbiddenControls(all)).toEqual([]);
  expect(all).not.toMatch(INVISIBLE);
  // A vendor's CR/LF never starts a line of its own.
  expect(all.split('\n').filter((l) => l.startsWith('2026-01-01 00:00:00Z'))).toEqual([]);
  expect(all).not.toContain('PWNED\u0007');
}

describe('hostile vendor text on the command line', () => {
  it('check prints one table line per page, nothing raw; check --json keeps the exact text', async () => {
    const urls = servers.map((s) => s.pageUrl);
    const table = cli(['check', ...urls]);
    expect(await table.exit).toBe(0);
    expectSafeTerminalText(table);
    expect(table.stdout().trimEnd().split('\n')).toHaveLength(1 + urls.length);

    const json = cli(['check', '--json', ...urls]);
    expect(await json.exit).toBe(0);
    const snapshots = JSON.parse(json.stdout()) as Snapshot[];
    HOSTILE_ENTRIES.forEach(([, text], i) => {
      expect(snapshots[i]!.vendor.name).toBe(clampText(text, TEXT_LIMITS.name));
      expect(snapshots[i]!.incidents[0]!.title).toBe(clampText(text, TEXT_LIMITS.title));
    });
  }, 60_000);

  it('wait prints each reading and gives up with the pages named, nothing raw', async () => {
    const run = cli(['wait', ...servers.map((s) => s.pageUrl), '--timeout', '20', '--interval', '1']);
    expect(await run.exit).toBe(3);
    expectSafeTerminalText(run);
    expect(run.lines.length).toBeGreaterThanOrEqual(servers.length);
  }, 60_000);

  it('watch prints first readings and component changes one line each, nothing raw', async () => {
    const run = cli(['watch', '--config', await watchlist(), '--interval', '1']);
    await until(
      'every first reading',
      () => run.lines.filter((l) => /first reading/.test(l)).length >= servers.length,
      run,
    );
    for (const s of servers)
      s.update((f) => setComponentStatus(f, f.components.find((c) => !c.group)!.id, 'partial_outage'));
    await until(
      'every change',
      () => run.lines.filter((l) => /Partial outage \(was Major outage\)/.test(l)).length >= servers.length,
      run,
    );
    run.proc.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expectSafeTerminalText(run);
  }, 90_000);

  it('calendar: ical.js reads every maintenance; nothing raw on stdout but the CRLF line ends', async () => {
    const run = cli(['calendar', '--config', await watchlist()]);
    expect(await run.exit).toBe(0);
    const ics = run.stdout();
    expect(forbiddenControls(ics.replace(/\r\n/g, ''), '')).toEqual([]);
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(servers.length);
  }, 60_000);
});

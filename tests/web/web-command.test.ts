// `statustray web` as a person runs it (the built executable, a fake vendor on loopback): a broken
// --config file is one clear exit 1 before anything listens; with a good one the file is the watchlist
// (it wins over the data folder, the dashboard writes back to it, an edit by hand shows within two
// intervals); and the access key lasts across restarts, so a calendar subscription keeps working.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppState, ForwardTargetView } from '../../shared/ipc';
import { ensureRendererBuilt } from '../../electron/web/build-renderer';
import { spawnCli, until, type CliRun } from '../cli/spawn-cli';
import { startStatuspageServer, type StatuspageServer } from '../fakes/statuspage-server';
import { kustomerFixture } from '../fixtures/kustomer';

let vendor: StatuspageServer;
let dir: string;
const running: CliRun[] = [];

beforeAll(async () => {
  await ensureRendererBuilt();
  vendor = await startStatuspageServer({ page: kustomerFixture() });
});
afterAll(async () => {
  await vendor?.close();
});
afterEach(async () => {
  for (const run of running.splice(0)) {
    if (run.proc.exitCode === null) {
      run.proc.kill('SIGTERM');
      await run.exit;
    }
  }
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

async function workDir(): Promise<string> {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-web-command-'));
  return dir;
}

interface Web {
  run: CliRun;
  address: URL;
  token: string;
  call<T>(channel: string, body?: unknown): Promise<T>;
  stop(): Promise<number | null>;
}

async function startWeb(args: string[], env: NodeJS.ProcessEnv): Promise<Web> {
  const run = spawnCli(['web', '--port', '0', '--no-open', ...args], env);
  running.push(run);
  await until('the address', () => /StatusTray dashboard: \S+\n/.test(run.stdout()), run, 60_000);
  const address = new URL(/StatusTray dashboard: (\S+)\n/.exec(run.stdout())![1]!);
  const token = address.searchParams.get('token') ?? '';
  return {
    run,
    address,
    token,
    async call<T>(channel: string, body?: unknown): Promise<T> {
      const res = await fetch(new URL(`/api/${channel}`, address), {
        method: 'POST',
        headers: { 'X-StatusTray-Token': token, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${channel}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async stop() {
      run.proc.kill('SIGTERM');
      return run.exit;
    },
  };
}

describe('web --config with a file that cannot be used', () => {
  it.each([
    [
      'malformed JSON',
      '{ "version": 1, "vendors": [ { "url": "https://status.example.com" } ',
      /not valid JSON at line 1/,
    ],
    ['not a watchlist', '[1, 2]', /must be a JSON object/],
    ['a vendor that would be lost', '{ "vendors": [ { "url": "ftp://x" } ] }', /vendor #1.*skipped/],
  ])('%s: one message, exit 1, nothing listens', async (_what, text, message) => {
    const work = await workDir();
    const file = path.join(work, 'vendors.json');
    await fs.writeFile(file, text);
    const run = spawnCli(['web', '--config', file, '--port', '0', '--no-open'], {
      STATUSTRAY_DATA_DIR: path.join(work, 'data'),
    });
    running.push(run);
    expect(await run.exit).toBe(1);
    expect(run.stdout()).toBe('');
    expect(run.stderr()).toMatch(message);
    expect(run.stderr()).not.toMatch(/no vendor to watch|StatusTray dashboard:|Data in/i);
  });

  it('watch says only what matters about a syntax error too', async () => {
    const work = await workDir();
    const file = path.join(work, 'vendors.json');
    await fs.writeFile(file, '{ "vendors": [ }');
    const run = spawnCli(['watch', '--config', file], { STATUSTRAY_DATA_DIR: path.join(work, 'data') });
    running.push(run);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(
      /^statustray watch: vendors\.json: not valid JSON at line 1, column 16: unexpected "}"/,
    );
    expect(run.stderr().trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('web --config: the file is the watchlist', () => {
  it('wins over the data folder, takes edits by hand within two intervals, and gets the dashboard’s changes', async () => {
    const work = await workDir();
    const dataDir = path.join(work, 'data');
    await fs.mkdir(dataDir, { recursive: true });
    // What an earlier run stored: another choice of components, and a forwarding target since removed.
    await fs.writeFile(
      path.join(dataDir, 'watchlist.json'),
      JSON.stringify({
        schemaVersion: 1,
        savedAt: '2026-11-24T10:00:00.000Z',
        data: {
          version: 1,
          vendors: [{ url: vendor.pageUrl, name: 'Kustomer', components: ['Prod1 (US)/Workflow'] }],
          forward: [{ type: 'webhook', url: 'http://127.0.0.1:9/old-hook' }],
        },
      }),
    );
    const file = path.join(work, 'vendors.json');
    const intervalSeconds = 2;
    await fs.writeFile(
      file,
      JSON.stringify({
        version: 1,
        vendors: [{ url: vendor.pageUrl, name: 'Kustomer', components: ['Prod2 (EU)/API'], owner: 'ops' }],
        intervalSeconds,
        team: 'support',
      }),
      { mode: 0o640 },
    );
    await fs.chmod(file, 0o640);
    const web = await startWeb(['--config', file], { STATUSTRAY_DATA_DIR: dataDir });
    const watched = async (): Promise<string[]> =>
      (await web.call<AppState>('state:get')).vendors[0]?.watchedComponents ?? [];

    // The file's choice, not the stored one; the removed target is not used.
    expect(await watched()).toEqual(['Prod2 (EU)/API']);
    expect(await web.call<ForwardTargetView[]>('forward:list')).toEqual([]);

    // An edit by hand while it runs.
    const edited = JSON.parse(await fs.readFile(file, 'utf8')) as { vendors: { components: string[] }[] };
    edited.vendors[0]!.components = ['Prod2 (EU)/Channel - Email'];
    const editedAt = Date.now();
    await fs.writeFile(file, JSON.stringify(edited, null, 2));
    await expect.poll(watched, { timeout: 30_000, interval: 100 }).toEqual(['Prod2 (EU)/Channel - Email']);
    expect(Date.now() - editedAt).toBeLessThan(2 * intervalSeconds * 1000);
    // Told in the window and on stderr.
    await expect
      .poll(async () => (await web.call<AppState>('state:get')).notices.join('\n'))
      .toMatch(/Reloaded vendors\.json at .*edited outside StatusTray/);
    await until('the reload on stderr', () => /Reloaded vendors\.json/.test(web.run.stderr()), web.run);

    // A change in the dashboard goes to the file: atomically, unknown fields and the mode kept.
    const id = (await web.call<AppState>('state:get')).vendors[0]!.id;
    await web.call('vendors:update', { id, components: ['Prod1 (US)/API'] });
    await expect
      .poll(async () => JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>)
      .toEqual({
        version: 1,
        vendors: [{ url: vendor.pageUrl, name: 'Kustomer', components: ['Prod1 (US)/API'], owner: 'ops' }],
        intervalSeconds,
        team: 'support',
      });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
    expect((await fs.readdir(work)).filter((f) => f.includes('.tmp'))).toEqual([]);
    // Its own write is not taken for an edit by hand.
    expect(await watched()).toEqual(['Prod1 (US)/API']);

    // A broken edit is told and changes nothing; the dashboard does not write over it.
    await fs.writeFile(file, '{ "version": 1, "vendors": [');
    await expect
      .poll(async () => (await web.call<AppState>('state:get')).notices.join('\n'))
      .toMatch(/vendors\.json was edited but cannot be used \(not valid JSON/);
    expect(await watched()).toEqual(['Prod1 (US)/API']);
    await expect(web.call('vendors:update', { id, components: [] })).resolves.toBeDefined();
    expect(await fs.readFile(file, 'utf8')).toBe('{ "version": 1, "vendors": [');

    expect(await web.stop()).toBe(0);
  });
});

describe('the access key', () => {
  it('is kept in the data folder and reused: a calendar subscription still answers after a restart', async () => {
    const work = await workDir();
    const env = { STATUSTRAY_DATA_DIR: path.join(work, 'data'), STATUSTRAY_TOKEN: '' };
    const first = await startWeb([], env);
    const calendar = `/calendar.ics?token=${first.token}`;
    expect((await fetch(new URL(calendar, first.address))).status).toBe(200);
    expect(await first.stop()).toBe(0);
    expect((await fs.stat(path.join(work, 'data', 'web-token'))).mode & 0o777).toBe(0o600);

    const second = await startWeb([], env);
    expect(second.token).toBe(first.token);
    const res = await fetch(new URL(calendar, second.address));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('BEGIN:VCALENDAR');
    expect(await second.stop()).toBe(0);

    // --new-token replaces it: the old key is refused from then on.
    const third = await startWeb(['--new-token'], env);
    expect(third.token).not.toBe(first.token);
    expect(third.run.stderr()).toMatch(/new access key replaces the old one/);
    expect((await fetch(new URL(calendar, third.address))).status).toBe(401);
    expect(await third.stop()).toBe(0);
  });

  it('is set by STATUSTRAY_TOKEN for a service, and a key too short is refused', async () => {
    const work = await workDir();
    const key = 'service-key-0123456789abcdef';
    const web = await startWeb([], { STATUSTRAY_DATA_DIR: path.join(work, 'data'), STATUSTRAY_TOKEN: key });
    expect(web.token).toBe(key);
    expect(
      (await fetch(new URL('/metrics', web.address), { headers: { Authorization: `Bearer ${key}` } })).status,
    ).toBe(200);
    expect(await web.stop()).toBe(0);

    const short = spawnCli(['web', '--port', '0', '--no-open'], {
      STATUSTRAY_DATA_DIR: path.join(work, 'data'),
      STATUSTRAY_TOKEN: 'abc',
    });
    running.push(short);
    expect(await short.exit).toBe(1);
    expect(short.stderr()).toMatch(
      /STATUSTRAY_TOKEN cannot be used as the access key: it must be at least 16/,
    );
  });
});

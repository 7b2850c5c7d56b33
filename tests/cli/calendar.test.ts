// `calendar --config`, run as a user would (its output saved to a .ics file), parsed back with ical.js.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import {
  scheduleMaintenance,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { kustomerFixture } from '../fixtures/kustomer';
import { CLI_PATH, REPO_ROOT } from './spawn-cli';

const run = promisify(execFile);
let dir: string;
let server: StatuspageServer | null = null;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-calendar-'));
});
afterEach(async () => {
  await server?.close();
  server = null;
  await fs.rm(dir, { recursive: true, force: true });
});

async function calendar(config: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI_PATH, 'calendar', '--config', config], {
      cwd: REPO_ROOT,
      env: { ...process.env, STATUSTRAY_DATA_DIR: path.join(dir, 'data') },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('calendar command', () => {
  it("prints the watched vendors' planned maintenance as an iCalendar a calendar app reads", async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    let id = '';
    server.update((f) => {
      id = scheduleMaintenance(f, {
        name: 'Database upgrade',
        from: '2026-12-01T02:00:00.000Z',
        until: '2026-12-01T04:00:00.000Z',
        body: 'We will upgrade the primary database.',
      }).id;
    });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({
        version: 1,
        vendors: [{ url: server.pageUrl, name: 'Kustomer' }, { url: 'http://127.0.0.1:9/status' }],
      }),
    );
    const { code, stdout, stderr } = await calendar(config);
    // The second page cannot be read: exit 2, said on stderr, the calendar still has the first.
    expect(code).toBe(2);
    expect(stderr).toMatch(/127\.0\.0\.1/);
    const events = new ICAL.Component(ICAL.parse(stdout))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.summary).toBe('Kustomer: Database upgrade');
    expect(event!.startDate.toJSDate().toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(event!.endDate.toJSDate().toISOString()).toBe('2026-12-01T04:00:00.000Z');
    expect(event!.description).toBe('We will upgrade the primary database.');
    expect(event!.uid).toContain(id.replace(/[^A-Za-z0-9._-]/g, '_'));

    // Read again: the same UID, so a calendar app updates the event instead of adding a second one.
    const again = await calendar(config);
    const uid2 = new ICAL.Event(new ICAL.Component(ICAL.parse(again.stdout)).getFirstSubcomponent('vevent')!)
      .uid;
    expect(uid2).toBe(event!.uid);
  }, 120_000);

  it('a missing --config is a usage error', async () => {
    const { code, stderr } = await calendar('');
    expect(code).toBe(1);
    expect(stderr).toMatch(/--config/);
  }, 60_000);
});

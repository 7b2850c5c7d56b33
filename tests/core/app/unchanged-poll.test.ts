// The app core on polls that find nothing new: nothing is pushed to the window and the history file is
// not rewritten; a real change is pushed and saved as before.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppState } from '../../../shared/ipc';
import { createAppCore } from '../../../electron/core/app';
import type { AppCore } from '../../../electron/core/app-types';
import type { HttpClient } from '../../../electron/core/http/types';
import { FakeTimers, PAGE_URL, component, pageRead, snapshot } from '../monitor/helpers';

const S = 1000;
const http = { close: async () => undefined } as unknown as HttpClient;
let dir: string;
let core: AppCore | null = null;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-unchanged-'));
});
afterEach(async () => {
  await core?.stop();
  core = null;
  await fs.rm(dir, { recursive: true, force: true });
});

async function settle(timers: FakeTimers, ms: number): Promise<void> {
  await timers.advance(ms);
  // Let file writes finish.
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 1));
  await timers.advance(1);
}

describe('app core on unchanged polls', () => {
  it('neither pushes anything nor rewrites the history on unchanged polls; a change does both', async () => {
    const timers = new FakeTimers();
    const { world, read } = pageRead(timers);
    core = createAppCore({ dataDir: dir, read, timers, now: timers.now, http, intervalSeconds: 10 });
    const pushes: AppState[] = [];
    core.onPush('state:changed', (s) => pushes.push(s));
    const patches: unknown[] = [];
    core.onPush('state:patch', (p) => patches.push(p));
    await core.start();
    await core.handlers['vendors:add']({ url: PAGE_URL, name: 'Acme' });
    await settle(timers, 2 * 60 * S);
    const historyFile = path.join(dir, 'history.json');
    // The first save is real file I/O: on a busy machine it may land after settle()'s few milliseconds.
    const saved = await vi.waitFor(() => fs.readFile(historyFile, 'utf8'), { timeout: 10_000 });
    expect(pushes.at(-1)?.tray).toBe('operational');

    pushes.length = 0;
    patches.length = 0;
    const reads = world.reads;
    await settle(timers, 5 * 60 * S);
    expect(world.reads - reads).toBeGreaterThanOrEqual(25);
    expect(pushes).toEqual([]);
    expect(patches).toEqual([]);
    expect(await fs.readFile(historyFile, 'utf8')).toBe(saved);

    world.page = snapshot([component('c1', 'API', null, 'major_outage')]);
    pushes.length = 0;
    await settle(timers, 11 * S);
    expect(pushes.length + patches.length).toBeGreaterThan(0);
    expect((await core.handlers['state:get']()).tray).toBe('major_outage');
    await settle(timers, 61 * S);
    // The write is real file I/O: on a busy machine it may land after settle()'s few milliseconds.
    await expect.poll(() => fs.readFile(historyFile, 'utf8'), { timeout: 10_000 }).not.toBe(saved);
  });
});

// Issue #18 §1, §2, §5: forwarding targets and fields a newer version wrote survive restarts; what is
// said to be kept aside is in a file (or named as not kept); a watchlist has a bound, said in words; every
// store's backup goes through its schema. Through the request handlers and files on disk, as users meet it.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../electron/core/app';
import type { AppCore } from '../../../electron/core/app-types';
import { MAX_WATCHED_VENDORS, validatePolicyState } from '../../../electron/core/app/stores';
import type { HttpClient } from '../../../electron/core/http/types';
import { createFileStore } from '../../../electron/core/storage/file-store';
import { MAX_REJECTED_ITEMS } from '../../../electron/core/storage/rejected';
import { component, FakeTimers, snapshot } from '../monitor/helpers';

const KUSTOMER = 'https://status.kustomer.test';
const HOOK = 'http://127.0.0.1:9/hooks/TEAMSECRET';
const http = { close: async () => undefined } as unknown as HttpClient;
let dir: string;
const cores: AppCore[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-aside-'));
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.stop()));
  await fs.rm(dir, { recursive: true, force: true });
});

function newCore(): AppCore {
  const read = async (url: string) => ({
    snapshot: { ...snapshot([component('c1', 'Email', 'Prod2 (EU)')]), url },
    detection: null,
    notModified: false,
  });
  const core = createAppCore({ dataDir: dir, read, timers: new FakeTimers(), http });
  cores.push(core);
  return core;
}

async function started(): Promise<AppCore> {
  const core = newCore();
  await core.start();
  return core;
}

const envelope = (data: unknown) =>
  JSON.stringify({ schemaVersion: 1, savedAt: '2026-11-24T10:00:00.000Z', data });
const file = (name: string) => path.join(dir, name);
const readJson = async (name: string) => JSON.parse(await fs.readFile(file(name), 'utf8'));
const notices = async (core: AppCore) => (await core.handlers['state:get']()).notices;

describe('team feeds and newer fields survive restarts', () => {
  it('keeps a target added through the API and an unknown top-level field through two restarts', async () => {
    await fs.writeFile(
      file('watchlist.json'),
      envelope({ version: 1, vendors: [{ url: KUSTOMER }], teamNote: { from: 'a newer version' } }),
    );
    let core = await started();
    await core.handlers['forward:add']({ type: 'webhook', url: HOOK, level: 'outages' });
    for (let i = 0; i < 2; i++) {
      await core.stop();
      core = await started();
      // A save in between, the kind that used to drop "forward" from the file and then its backup.
      await core.handlers['vendors:add']({ url: `https://status.other${i}.test` });
    }
    const list = await core.handlers['forward:list']();
    expect(list.map((t) => [t.type, t.level, t.label])).toEqual([
      ['webhook', 'outages', 'webhook http://127.0.0.1:9/…CRET'],
    ]);
    const stored = (await readJson('watchlist.json')).data;
    expect(stored.teamNote).toEqual({ from: 'a newer version' });
    expect(stored.forward).toEqual([{ type: 'webhook', url: HOOK, level: 'outages' }]);
    expect((await readJson('watchlist.json.bak')).data.forward).toHaveLength(1);
    expect(await notices(core)).toEqual([]);
  });

  it('keeps a stored target it cannot use aside by name, and the good ones in use', async () => {
    await fs.writeFile(
      file('watchlist.json'),
      envelope({
        version: 1,
        vendors: [],
        forward: [
          { type: 'webhook', url: HOOK },
          { type: 'carrier-pigeon', url: 'https://user:hunter2@pigeons.test/loft' },
        ],
      }),
    );
    const core = await started();
    expect((await core.handlers['forward:list']()).map((t) => t.type)).toEqual(['webhook']);
    expect((await notices(core)).join('\n')).toMatch(
      /watchlist\.json: forward target #2 could not be used \(.*\); kept aside in watchlist\.rejected\.json/,
    );
    const rejected = await fs.readFile(file('watchlist.rejected.json'), 'utf8');
    expect(rejected).toContain('carrier-pigeon');
    expect(rejected).not.toContain('hunter2');
  });
});

describe('kept aside means kept', () => {
  it('1,500 unusable vendors: every one is in a file, and no notice says kept where it is not', async () => {
    const bad = Array.from({ length: 1500 }, (_, i) => ({
      url: `https://status.v${i}.test`,
      components: [''],
    }));
    await fs.writeFile(
      file('watchlist.json'),
      envelope({ version: 1, vendors: [{ url: KUSTOMER }, ...bad] }),
    );
    const core = await started();
    // Two saves: they used to erase the file's last copy (and the backup).
    await core.handlers['vendors:add']({ url: 'https://status.third.test' });
    await core.handlers['vendors:add']({ url: 'https://status.fourth.test' });
    const inRejected = new Set(
      (await readJson('watchlist.rejected.json')).items.map((i: { data: { url: string } }) => i.data.url),
    );
    const names = await fs.readdir(dir);
    const whole = names.filter((n) => n.startsWith('watchlist.unusable-'));
    expect(whole).toHaveLength(1);
    const inWhole = new Set((await readJson(whole[0]!)).data.vendors.map((v: { url: string }) => v.url));
    for (const v of bad) expect(inRejected.has(v.url) || inWhole.has(v.url)).toBe(true);
    expect(inRejected.size).toBe(MAX_REJECTED_ITEMS);
    const told = await notices(core);
    // Named one by one up to a bound, then counted; each says where it really is.
    expect(told.length).toBeLessThan(50);
    expect(told.join('\n')).toMatch(
      /vendor #2 \(https:\/\/status\.v0\.test\) could not be used .*kept aside in watchlist\.rejected\.json/,
    );
    const full = told.filter((t) => t.includes('is full'));
    expect(full.join('\n')).toMatch(
      /watchlist\.rejected\.json is full \(1,000 items\), so the whole file was kept aside as watchlist\.unusable-/,
    );
    expect(full.join('\n')).not.toMatch(/kept aside in watchlist\.rejected\.json/);
    const counted = told.map((t) => /([\d,]+) more could not be used/.exec(t)?.[1]).filter(Boolean);
    const namedOne = told.filter((t) => /vendor #\d+ \(/.test(t)).length;
    const total = namedOne + counted.reduce((sum, n) => sum + Number(n!.replace(/,/g, '')), 0);
    expect(total).toBe(1500);
  });

  it('keeps a rejected file that is not one aside itself, and says so', async () => {
    await fs.writeFile(file('watchlist.rejected.json'), JSON.stringify({ mine: 'notes a person wrote' }));
    await fs.writeFile(
      file('watchlist.json'),
      envelope({ version: 1, vendors: [{ url: 'https://bob:s3cret@status.bad.test', components: [''] }] }),
    );
    const core = await started();
    const told = (await notices(core)).join('\n');
    expect(told).toMatch(
      /watchlist\.rejected\.json did not hold a list of kept items; it was kept aside itself as watchlist\.rejected\.unusable-/,
    );
    expect(told).not.toContain('s3cret');
    const aside = (await fs.readdir(dir)).find((n) => n.startsWith('watchlist.rejected.unusable-'))!;
    expect(await readJson(aside)).toEqual({ mine: 'notes a person wrote' });
    const rejected = await fs.readFile(file('watchlist.rejected.json'), 'utf8');
    expect(rejected).toContain('status.bad.test');
    expect(rejected).not.toContain('s3cret');
  });

  it('says so when the rejected file cannot be read, and keeps the whole watchlist aside instead', async () => {
    await fs.mkdir(file('watchlist.rejected.json'));
    await fs.writeFile(
      file('watchlist.json'),
      envelope({ version: 1, vendors: [{ url: KUSTOMER, components: [''] }] }),
    );
    const core = await started();
    expect((await notices(core)).join('\n')).toMatch(
      /watchlist\.rejected\.json could not be written \(watchlist\.rejected\.json cannot be read \(EISDIR\)\), so the whole file was kept aside as watchlist\.unusable-/,
    );
    expect((await fs.stat(file('watchlist.rejected.json'))).isDirectory()).toBe(true);
  });
});

describe('bounds with words', () => {
  it(`watches the first ${MAX_WATCHED_VENDORS.toLocaleString('en-US')} vendors and keeps the rest aside with a notice`, async () => {
    const vendors = Array.from({ length: MAX_WATCHED_VENDORS + 3 }, (_, i) => ({
      url: `https://status.v${i}.test`,
    }));
    await fs.writeFile(file('watchlist.json'), envelope({ version: 1, vendors }));
    const core = await started();
    const state = await core.handlers['state:get']();
    expect(state.vendors).toHaveLength(MAX_WATCHED_VENDORS);
    expect(state.notices.join('\n')).toMatch(
      /vendor #10001 \(https:\/\/status\.v10000\.test\) could not be used \(beyond the 10,000 vendors a watchlist may hold\); kept aside in watchlist\.rejected\.json/,
    );
    expect((await readJson('watchlist.rejected.json')).items).toHaveLength(3);
    // What storage keeps, the API accepts: a full watchlist refuses one more in plain words.
    await expect(core.handlers['vendors:add']({ url: 'https://status.one-more.test' })).rejects.toThrow(
      'A watchlist holds at most 10,000 vendors; remove one to add another',
    );
  }, 120_000);

  it('never restores a notification-state backup its schema refuses', async () => {
    const store = createFileStore(file('watch-notifications.json'), { validate: validatePolicyState });
    await fs.writeFile(file('watch-notifications.json'), 'torn');
    await fs.writeFile(
      file('watch-notifications.json.bak'),
      envelope({ version: 1, seen: 'x', pending: [], held: [] }),
    );
    const loaded = await store.load();
    expect(loaded.value).toBeNull();
    expect(loaded.notice).toMatch(/Its backup could not be used either \(not a notification state \(seen: /);
  });
});

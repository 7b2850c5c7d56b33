// Issue #10 §1: nothing a person saved is lost in silence. Each case goes through a public surface (the
// request handlers every host uses, files on disk, a restart as a new core on the same folder) and ends
// with the vendor still watched, or kept aside and named in a notice.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../electron/core/app';
import type { AppCore } from '../../../electron/core/app-types';
import type { HttpClient } from '../../../electron/core/http/types';
import { vendorIdFor } from '../../../electron/core/watchlist';
import { component, FakeTimers, snapshot } from '../monitor/helpers';

const KUSTOMER = 'https://status.kustomer.test';
const GITHUB = 'https://www.githubstatus.test';
const http = { close: async () => undefined } as unknown as HttpClient;
let dir: string;
const cores: AppCore[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-loss-'));
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.stop()));
  await fs.rm(dir, { recursive: true, force: true });
});

function newCore(dataDir = dir, now?: () => number): AppCore {
  const timers = new FakeTimers();
  const read = async (url: string) => {
    const snap = snapshot(
      [component('c1', 'Workflow', 'Prod1 (US)')],
      [],
      url === GITHUB ? 'GitHub' : 'Kustomer',
    );
    return {
      snapshot: { ...snap, url },
      detection: {
        platform: 'statuspage' as const,
        pageUrl: url,
        apiUrl: `${url}/api/v2`,
        name: snap.vendor.name,
      },
      notModified: false,
    };
  };
  const core = createAppCore({ dataDir, read, timers, http, ...(now ? { now } : {}) });
  cores.push(core);
  return core;
}

/** A restart: the old core stops (flushing), a new one starts on the same folder. */
async function restart(core: AppCore): Promise<AppCore> {
  await core.stop();
  const next = newCore();
  await next.start();
  return next;
}

const envelope = (data: unknown) =>
  JSON.stringify({ schemaVersion: 1, savedAt: '2026-11-24T10:00:00.000Z', data });
const file = (name: string) => path.join(dir, name);
const readJson = async (name: string) => JSON.parse(await fs.readFile(file(name), 'utf8'));
const watchedUrls = async (core: AppCore) =>
  (await core.handlers['state:get']()).vendors.map((v) => v.url).sort();
const notices = async (core: AppCore) => (await core.handlers['state:get']()).notices;
const listDir = () => fs.readdir(dir);

describe('nothing saved is lost in silence', () => {
  it('refuses an empty component name at the API in plain words, and keeps the vendor across restarts', async () => {
    const core = newCore();
    await core.start();
    await expect(core.handlers['vendors:add']({ url: KUSTOMER, components: [''] })).rejects.toThrow(
      /^A component name cannot be empty/,
    );
    await core.handlers['vendors:add']({ url: KUSTOMER, components: ['Prod1 (US)/Workflow'] });
    const id = vendorIdFor(KUSTOMER);
    await expect(core.handlers['vendors:update']({ id, components: ['  '] })).rejects.toThrow(
      /^A component name cannot be empty/,
    );
    const again = await restart(core);
    expect(await watchedUrls(again)).toEqual([KUSTOMER]);
    const after = await restart(again);
    expect(await watchedUrls(after)).toEqual([KUSTOMER]);
    expect(await notices(after)).toEqual([]);
  });

  it('keeps fields and a notify value from a newer version through a save, using the default meanwhile', async () => {
    await fs.writeFile(
      file('watchlist.json'),
      envelope({
        version: 1,
        vendors: [{ url: KUSTOMER, colour: 'teal', notify: 'loud', future: { a: 1 } }],
      }),
    );
    const core = newCore();
    await core.start();
    const state = await core.handlers['state:get']();
    expect(state.vendors.map((v) => [v.url, v.notify])).toEqual([[KUSTOMER, 'all']]);
    expect(state.notices.join('\n')).toMatch(/"notify" "loud" is not known to this version: "all" is used/);
    // A save of the whole list (another vendor added) writes the unknown fields back.
    await core.handlers['vendors:add']({ url: GITHUB });
    const stored = (await readJson('watchlist.json')).data.vendors;
    expect(stored[0]).toMatchObject({ url: KUSTOMER, colour: 'teal', notify: 'loud', future: { a: 1 } });
    // Exported too, so that moving to another machine loses nothing either.
    const exported = JSON.parse(await core.handlers['watchlist:export']());
    expect(exported.vendors[0]).toMatchObject({ colour: 'teal', notify: 'loud' });
    // The user's own choice replaces the unknown value; the unknown field stays.
    await core.handlers['vendors:update']({ id: vendorIdFor(KUSTOMER), notify: 'all' });
    const later = (await readJson('watchlist.json')).data.vendors[0];
    expect(later.notify).toBeUndefined();
    expect(later.colour).toBe('teal');
    const again = await restart(core);
    expect(await watchedUrls(again)).toEqual([GITHUB, KUSTOMER].sort());
  });

  it('keeps a vendor it cannot use aside, names it, and never loses it to later saves', async () => {
    await fs.writeFile(
      file('watchlist.json'),
      envelope({
        version: 1,
        vendors: [{ url: KUSTOMER, components: [''] }, { url: GITHUB }, { name: 'No address' }],
      }),
    );
    const core = newCore();
    await core.start();
    expect(await watchedUrls(core)).toEqual([GITHUB]);
    const told = (await notices(core)).join('\n');
    expect(told).toMatch(
      /vendor #1 \(https:\/\/status\.kustomer\.test\) could not be used \(A component name cannot be empty/,
    );
    expect(told).toMatch(/vendor #3 "No address" could not be used \(The status page address is missing/);
    expect(told).toMatch(/kept aside in watchlist\.rejected\.json/);
    // Two saves (the ones that used to erase it from the file and its backup).
    await core.handlers['vendors:add']({ url: 'https://status.third.test' });
    await core.handlers['vendors:remove']({ id: vendorIdFor('https://status.third.test') });
    const rejected = await readJson('watchlist.rejected.json');
    expect(rejected.items.map((i: { data: unknown }) => i.data)).toEqual([
      { url: KUSTOMER, components: [''] },
      { name: 'No address' },
    ]);
    if (process.platform !== 'win32')
      expect((await fs.stat(file('watchlist.rejected.json'))).mode & 0o777).toBe(0o600);
    // A restart does not pile the same items up again (they are no longer in the store).
    const again = await restart(core);
    expect((await readJson('watchlist.rejected.json')).items).toHaveLength(2);
    expect(await notices(again)).toEqual([]);
  });

  it('keeps a watchlist whose vendors are not a list aside whole and restores the previous version', async () => {
    const core = newCore();
    await core.start();
    await core.handlers['vendors:add']({ url: KUSTOMER });
    await core.handlers['vendors:add']({ url: GITHUB });
    await core.stop();
    await fs.writeFile(file('watchlist.json'), envelope({ version: 1, vendors: 'oops' }));
    const next = newCore();
    await next.start();
    expect(await watchedUrls(next)).toEqual([KUSTOMER]);
    expect((await notices(next)).join('\n')).toMatch(
      /watchlist\.json could not be read \("vendors" is not a list of vendors\); kept aside as watchlist\.unusable-.*previous version was restored/,
    );
    await next.handlers['vendors:add']({ url: 'https://status.third.test' });
    await next.handlers['vendors:add']({ url: 'https://status.fourth.test' });
    const aside = (await listDir()).filter((f) => f.startsWith('watchlist.unusable-'));
    expect(aside).toHaveLength(1);
    expect(JSON.parse(await fs.readFile(file(aside[0]!), 'utf8')).data.vendors).toBe('oops');
  });

  it('keeps settings stored as a list aside, and a single bad setting aside by name', async () => {
    await fs.writeFile(file('settings.json'), envelope([]));
    const first = newCore();
    await first.start();
    expect((await notices(first)).join('\n')).toMatch(
      /settings\.json could not be read \(settings are not an object\); kept aside as settings\.unusable-/,
    );
    await first.handlers['settings:update']({ theme: 'dark' });
    await first.handlers['settings:update']({ theme: 'light' });
    const aside = (await listDir()).filter((f) => f.startsWith('settings.unusable-'));
    expect(JSON.parse(await fs.readFile(file(aside[0]!), 'utf8')).data).toEqual([]);
    await first.stop();

    await fs.writeFile(
      file('settings.json'),
      envelope({ intervalSeconds: 300, launchAtLogin: 'yes', notificationsEnabled: false }),
    );
    const second = newCore();
    await second.start();
    const state = await second.handlers['state:get']();
    expect(state.settings).toMatchObject({
      intervalSeconds: 300,
      launchAtLogin: false,
      notificationsEnabled: false,
    });
    expect(state.notices.join('\n')).toMatch(
      /settings\.json: setting "launchAtLogin" could not be used \(.*the default is used\); kept aside in settings\.rejected\.json/,
    );
    expect((await readJson('settings.rejected.json')).items[0]).toMatchObject({
      what: 'setting "launchAtLogin"',
      data: 'yes',
    });
  });

  it('keeps settings from a newer version through a save, and an unknown theme until the user picks one', async () => {
    await fs.writeFile(
      file('settings.json'),
      envelope({ intervalSeconds: 300, theme: 'sepia', digest: { daily: '08:00' } }),
    );
    const core = newCore();
    await core.start();
    const state = await core.handlers['state:get']();
    expect(state.settings).toMatchObject({ intervalSeconds: 300, theme: 'system' });
    expect(state.settings).not.toHaveProperty('digest');
    const told = state.notices.join('\n');
    expect(told).toMatch(/setting "theme" "sepia" is not known to this version: the default is used/);
    expect(told).toMatch(/setting "digest" is not known to this version; it is kept as it is/);
    // A change of another setting writes the newer version's key and value back.
    await core.handlers['settings:update']({ notificationsEnabled: false });
    expect((await readJson('settings.json')).data).toMatchObject({
      intervalSeconds: 300,
      notificationsEnabled: false,
      theme: 'sepia',
      digest: { daily: '08:00' },
    });
    await expect(fs.access(file('settings.rejected.json'))).rejects.toThrow();
    // After a restart it is all still there; the user's own theme then replaces the unknown one.
    const again = await restart(core);
    expect((await again.handlers['state:get']()).settings.theme).toBe('system');
    await again.handlers['settings:update']({ theme: 'dark' });
    expect((await readJson('settings.json')).data).toMatchObject({
      theme: 'dark',
      notificationsEnabled: false,
      digest: { daily: '08:00' },
    });
    const last = await restart(again);
    expect((await last.handlers['state:get']()).settings.theme).toBe('dark');
  });

  it('keeps the whole file aside when the rejected file cannot be written, so later saves cannot lose it', async () => {
    const original = envelope({
      version: 1,
      vendors: [{ url: KUSTOMER, components: [''] }, { url: GITHUB }],
    });
    await fs.writeFile(file('watchlist.json'), original);
    // Something in the way of the keep-aside file that cannot be moved either: a folder of that name,
    // and a full folder where an unreadable keep-aside file would go.
    const at = Date.parse('2026-11-24T10:00:00.000Z');
    await fs.mkdir(file('watchlist.rejected.json'));
    await fs.mkdir(file(`watchlist.rejected.json.unreadable-${at}`));
    await fs.writeFile(file(`watchlist.rejected.json.unreadable-${at}/x`), '');
    const core = newCore(dir, () => at);
    await core.start();
    expect(await watchedUrls(core)).toEqual([GITHUB]);
    expect((await notices(core)).join('\n')).toMatch(
      /vendor #1 \(https:\/\/status\.kustomer\.test\) could not be used \(.*\); watchlist\.rejected\.json could not be written \(.*\), so the whole file was kept aside as watchlist\.unusable-/,
    );
    await core.handlers['vendors:add']({ url: 'https://status.third.test' });
    await core.handlers['vendors:add']({ url: 'https://status.fourth.test' });
    const aside = (await listDir()).filter((f) => f.startsWith('watchlist.unusable-'));
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(file(aside[0]!), 'utf8')).toBe(original);
    expect((await readJson('watchlist.json')).data.vendors).toHaveLength(3);
  });

  it('keeps a torn backup aside when the main file is missing, so the second save cannot replace it', async () => {
    await fs.writeFile(
      file('watchlist.json.bak'),
      '{"schemaVersion":1,"data":{"version":1,"vendors":[{"url":"https://status.kus',
    );
    const core = newCore();
    await core.start();
    expect((await notices(core)).join('\n')).toMatch(
      /watchlist\.json is missing and its backup could not be read .*kept aside as watchlist\.backup-corrupt-/,
    );
    await core.handlers['vendors:add']({ url: GITHUB });
    await core.handlers['vendors:add']({ url: KUSTOMER });
    const aside = (await listDir()).filter((f) => f.startsWith('watchlist.backup-corrupt-'));
    expect(await fs.readFile(file(aside[0]!), 'utf8')).toContain('status.kus');
  });
});

describe('what an import accepts, a restart accepts', () => {
  it('refuses a fractional interval from a watchlist file instead of storing what the next start drops', async () => {
    const core = newCore();
    await core.start();
    const result = await core.handlers['watchlist:import']({
      text: JSON.stringify({ version: 1, vendors: [{ url: KUSTOMER }], intervalSeconds: 45.5 }),
    });
    expect(result.errors).toEqual([expect.stringMatching(/whole number of seconds \(kept 120 s\)/)]);
    await core.handlers['watchlist:import']({
      text: JSON.stringify({ version: 1, vendors: [], intervalSeconds: 300 }),
    });
    const again = await restart(core);
    const state = await again.handlers['state:get']();
    expect(state.settings.intervalSeconds).toBe(300);
    expect(state.vendors.map((v) => v.url)).toEqual([KUSTOMER]);
    expect(state.notices).toEqual([]);
  });
});

describe('private files', () => {
  it('creates the data folder 0700 and every file 0600 (POSIX; Windows has no modes)', async () => {
    if (process.platform === 'win32') return;
    const dataDir = path.join(dir, 'nested', 'statustray');
    await fs.writeFile(path.join(dir, 'placeholder'), '');
    const core = newCore(dataDir);
    await core.start();
    await core.handlers['vendors:add']({ url: KUSTOMER });
    await core.handlers['vendors:add']({ url: GITHUB });
    await core.handlers['settings:update']({ theme: 'dark' });
    await core.stop();
    expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
    const names = await fs.readdir(dataDir);
    expect(names).toEqual(expect.arrayContaining(['watchlist.json', 'watchlist.json.bak', 'settings.json']));
    for (const name of names)
      expect([name, (await fs.stat(path.join(dataDir, name))).mode & 0o777]).toEqual([name, 0o600]);
  });
});

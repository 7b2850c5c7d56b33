// The app's stores: each document is checked when loaded, what cannot be used is told (not thrown), the
// host's own stores get the same checks, and saves asked for in a burst are written once.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadAllStores,
  loadChecked,
  openAppStores,
  saveLater,
  storeLocations,
  checkSettings,
} from '../../../electron/core/app/stores';
import type { DocumentStore } from '../../../electron/core/storage/types';
import { FakeTimers } from '../monitor/helpers';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-stores-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A host store (like electron-store) that hands back whatever it holds, unchecked. */
function memoryStore<T>(name: string, value: unknown): DocumentStore<T> {
  return { location: `/host/${name}.json`, load: async () => ({ value: value as T }), save: async () => {} };
}

describe('app stores', () => {
  it('keeps each document in its own file under the data folder', () => {
    const stores = openAppStores({ dataDir: dir }, Date.now);
    expect(storeLocations(stores).map((p) => path.basename(p))).toEqual([
      'watchlist.json',
      'settings.json',
      'notifications.json',
      'history.json',
      'snapshots.json',
      'acknowledgements.json',
      'shared-cause.json',
    ]);
  });

  it('loads what was saved and nothing on a first run', async () => {
    const stores = openAppStores({ dataDir: dir }, Date.now);
    const notices: string[] = [];
    expect(await loadAllStores(stores, (m) => notices.push(m))).toEqual({
      watchlist: null,
      settings: null,
      policy: null,
      history: null,
      snapshots: null,
      acks: null,
      sharedCause: null,
    });
    await stores.watchlist.store.save({ version: 1, vendors: [{ url: 'https://status.kustomer.test' }] });
    const again = await loadAllStores(openAppStores({ dataDir: dir }, Date.now), (m) => notices.push(m));
    expect(again.watchlist?.vendors).toEqual([{ url: 'https://status.kustomer.test' }]);
    expect(notices).toEqual([]);
  });

  it('checks a host store too and says which file it could not use', async () => {
    const notices: string[] = [];
    const check = (d: unknown) => {
      if (!Array.isArray((d as { vendors?: unknown }).vendors)) throw new Error('no vendor list');
      return { value: d as { vendors: unknown[] }, rejected: [], notes: [] };
    };
    const value = await loadChecked({ store: memoryStore('watchlist', { vendors: 'oops' }), check }, (m) =>
      notices.push(m),
    );
    expect(value).toBeNull();
    expect(notices).toEqual([
      'watchlist.json holds data StatusTray cannot use (no vendor list); it was not loaded.',
    ]);
  });

  it('tells a store that cannot be read instead of failing the start', async () => {
    const notices: string[] = [];
    const broken: DocumentStore<unknown> = {
      location: '/host/settings.json',
      load: async () => {
        throw new Error('EACCES: permission denied');
      },
      save: async () => {},
    };
    const check = (d: unknown) => ({ value: d, rejected: [], notes: [] });
    expect(await loadChecked({ store: broken, check }, (m) => notices.push(m))).toBeNull();
    expect(notices).toEqual(['Could not read /host/settings.json: EACCES: permission denied']);
  });

  it('holds the saves of a store whose unusable part could not be kept aside, until it can be', async () => {
    // The folder of the keep-aside file cannot be made: a file is in its way.
    const location = path.join(dir, 'host', 'settings.json');
    await fs.writeFile(path.join(dir, 'host'), '');
    const saved: unknown[] = [];
    // A host store that cannot set a whole document aside.
    const host: DocumentStore<unknown> = {
      location,
      load: async () => ({ value: { launchAtLogin: 'yes' } }),
      save: async (value) => {
        saved.push(value);
      },
    };
    const settings = { store: host, check: checkSettings };
    const notices: string[] = [];
    expect(await loadChecked(settings, (m) => notices.push(m))).toEqual(DEFAULT_SETTINGS);
    expect(notices.join('\n')).toMatch(
      /setting "launchAtLogin" could not be used .*; could not be kept aside \(.*\): changes to settings\.json are not saved until it can be/,
    );
    await expect(settings.store.save(DEFAULT_SETTINGS)).rejects.toThrow(
      /^keeping aside what settings\.json holds that StatusTray cannot use failed \(.*\), and saving now would replace it$/,
    );
    expect(saved).toEqual([]);
    // Once the way is clear, the next save keeps it aside first, then saves.
    await fs.rm(path.join(dir, 'host'));
    await settings.store.save(DEFAULT_SETTINGS);
    expect(saved).toEqual([DEFAULT_SETTINGS]);
    const rejected = JSON.parse(await fs.readFile(path.join(dir, 'host', 'settings.rejected.json'), 'utf8'));
    expect(rejected.items[0]).toMatchObject({ what: 'setting "launchAtLogin"', data: 'yes' });
  });

  it('uses the default for a setting it cannot use and says which, keeping the rest', () => {
    const checked = checkSettings({ intervalSeconds: 5, theme: 'dark' });
    expect(checked.value).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(checked.rejected).toEqual([
      { what: 'setting "intervalSeconds"', reason: expect.stringMatching(/default is used/), data: 5 },
    ]);
  });

  it('refuses settings that are not settings at all, so that they are kept aside whole', () => {
    expect(() => checkSettings([])).toThrow(/not an object/);
  });

  it('writes a burst of save requests once, after the delay, and none once cancelled', async () => {
    const timers = new FakeTimers();
    let saves = 0;
    const later = saveLater(timers, 2000, () => saves++);
    later.schedule();
    later.schedule();
    await timers.advance(1999);
    expect(saves).toBe(0);
    await timers.advance(1);
    expect(saves).toBe(1);
    later.schedule();
    later.cancel();
    later.schedule();
    await timers.advance(5000);
    expect(saves).toBe(1);
  });
});

// The app's store (electron-store behind the engine's DocumentStore): what was saved comes back, and an
// unreadable file is kept aside and reported, never replaced by defaults without a word.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import { resetElectronMock } from './electron-mock';
import { createElectronStore, electronStoreOpener, windowBoundsMemory } from '../../electron/store';
import { createAppCore } from '../../electron/core/app';
import type { HttpClient } from '../../electron/core/http/types';

let dir: string;
const now = () => Date.parse('2026-11-24T10:00:00.000Z');

beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'statustray-store-'));
});

describe('electron-store DocumentStore', () => {
  it('loads nothing before the first save, then what was saved', async () => {
    const store = createElectronStore<{ vendors: string[] }>('watchlist', { dir, now });
    expect(store.location).toBe(join(dir, 'watchlist.json'));
    expect(await store.load()).toEqual({ value: null });
    await store.save({ vendors: ['https://status.example.com'] });
    const again = createElectronStore<{ vendors: string[] }>('watchlist', { dir, now });
    expect(await again.load()).toEqual({ value: { vendors: ['https://status.example.com'] } });
    const onDisk = JSON.parse(readFileSync(store.location, 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 1, savedAt: '2026-11-24T10:00:00.000Z' });
    if (process.platform !== 'win32') expect(statSync(store.location).mode & 0o077).toBe(0);
  });

  it('keeps a corrupt file aside and says where', async () => {
    writeFileSync(join(dir, 'watchlist.json'), '{"schemaVersion": 1, "data": [tru');
    const store = createElectronStore('watchlist', { dir, now });
    const result = await store.load();
    expect(result.value).toBeNull();
    expect(result.notice).toMatch(
      /watchlist\.json could not be read \(not valid JSON\); it was kept aside as .*unusable/,
    );
    const aside = readdirSync(dir).filter((f) => f.includes('.unusable-'));
    expect(aside).toEqual(['watchlist.unusable-2026-11-24T10-00-00-000Z.json']);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toContain('[tru');
    expect(existsSync(join(dir, 'watchlist.json'))).toBe(false);
  });

  it('restores the previous version when the current file is unreadable', async () => {
    const store = createElectronStore<{ n: number }>('watchlist', { dir, now });
    await store.load();
    await store.save({ n: 1 });
    await store.save({ n: 2 });
    expect(JSON.parse(readFileSync(`${store.location}.bak`, 'utf8')).data).toEqual({ n: 1 });
    writeFileSync(store.location, '{ torn');
    const result = await createElectronStore<{ n: number }>('watchlist', { dir, now }).load();
    expect(result.value).toEqual({ n: 1 });
    expect(result.notice).toMatch(/kept aside .* The previous version was restored\.$/);
  });

  it('refuses a file that breaks the schema, keeping it too', async () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 'one', data: {} }));
    const result = await createElectronStore('settings', { dir, now }).load();
    expect(result.value).toBeNull();
    expect(result.notice).toContain('kept aside');
    expect(readdirSync(dir).some((f) => f.startsWith('settings.unusable-'))).toBe(true);
  });

  it('keeps a backup that is torn aside when the main file is missing, instead of replacing it later', async () => {
    writeFileSync(
      join(dir, 'watchlist.json.bak'),
      '{"schemaVersion":1,"data":{"vendors":["https://status.ex',
    );
    const store = createElectronStore<{ vendors: string[] }>('watchlist', { dir, now });
    const result = await store.load();
    expect(result.value).toBeNull();
    expect(result.notice).toMatch(
      /missing and its backup could not be read; the backup was kept aside as .*backup-corrupt/,
    );
    await store.save({ vendors: ['a'] });
    await store.save({ vendors: ['b'] });
    const aside = readdirSync(dir).filter((f) => f.startsWith('watchlist.backup-corrupt-'));
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toContain('status.ex');
    // The backup of the last save is whole, private, and no temp file is left behind.
    expect(JSON.parse(readFileSync(`${store.location}.bak`, 'utf8')).data).toEqual({ vendors: ['a'] });
    if (process.platform !== 'win32') expect(statSync(`${store.location}.bak`).mode & 0o077).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('keeps store names inside its folder', () => {
    const store = createElectronStore('../../etc/passwd', { dir, now });
    expect(store.location.startsWith(dir)).toBe(true);
  });
});

describe('the app core on electron-store', () => {
  it('keeps a watchlist of the wrong shape aside, tells the window, and never overwrites it', async () => {
    writeFileSync(
      join(dir, 'watchlist.json'),
      JSON.stringify({ schemaVersion: 1, savedAt: 'x', data: { version: 1, vendors: 'oops' } }),
    );
    const read = async (url: string) => ({
      snapshot: {
        url,
        vendor: { name: 'Example', platform: 'statuspage' as const, pageUrl: url },
        status: 'operational' as const,
        components: [],
        incidents: [],
        fetchedAt: new Date(now()).toISOString(),
        error: null,
      },
      detection: null,
      notModified: false,
    });
    const http = { close: async () => undefined } as unknown as HttpClient;
    const core = createAppCore({
      dataDir: dir,
      openStore: electronStoreOpener({ dir, now }),
      read,
      http,
      now,
    });
    await core.start();
    try {
      const state = await core.handlers['state:get']();
      expect(state.notices.join('\n')).toMatch(
        /watchlist\.json holds data StatusTray cannot use \("vendors" is not a list of vendors\); it was kept aside as watchlist\.unusable-/,
      );
      await core.handlers['vendors:add']({ url: 'https://status.example.test' });
      await core.handlers['vendors:add']({ url: 'https://status.other.test' });
    } finally {
      await core.stop();
    }
    const aside = readdirSync(dir).filter((f) => f.startsWith('watchlist.unusable-'));
    expect(aside).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, aside[0]!), 'utf8')).data.vendors).toBe('oops');
    expect(JSON.parse(readFileSync(join(dir, 'watchlist.json'), 'utf8')).data.vendors).toHaveLength(2);
  });
});

describe('the app core on electron-store: settings from a newer version', () => {
  it('keeps an unknown settings key and an unknown theme through a save of the settings', async () => {
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ schemaVersion: 1, savedAt: 'x', data: { theme: 'sepia', digest: 'daily' } }),
    );
    const http = { close: async () => undefined } as unknown as HttpClient;
    const read = async () => {
      throw new Error('not used');
    };
    const core = createAppCore({
      dataDir: dir,
      openStore: electronStoreOpener({ dir, now }),
      read,
      http,
      now,
    });
    await core.start();
    try {
      expect((await core.handlers['state:get']()).settings.theme).toBe('system');
      await core.handlers['settings:update']({ launchAtLogin: true });
    } finally {
      await core.stop();
    }
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).data).toMatchObject({
      theme: 'sepia',
      digest: 'daily',
      launchAtLogin: true,
    });
  });
});

describe('window bounds memory', () => {
  it('remembers the last bounds and starts over from a broken file', () => {
    const memory = windowBoundsMemory(dir);
    expect(memory.load()).toBeUndefined();
    memory.save({ x: 1, y: 2, width: 900, height: 700 });
    expect(windowBoundsMemory(dir).load()).toEqual({ x: 1, y: 2, width: 900, height: 700 });
    writeFileSync(join(dir, 'window-state.json'), 'nonsense');
    expect(windowBoundsMemory(dir).load()).toBeUndefined();
  });
});

describe('the app core on electron-store: team feeds', () => {
  it('keeps a target added in Settings and an unknown top-level field through two restarts', async () => {
    writeFileSync(
      join(dir, 'watchlist.json'),
      JSON.stringify({
        schemaVersion: 1,
        savedAt: 'x',
        data: { version: 1, vendors: [], teamNote: 'from a newer version' },
      }),
    );
    const http = { close: async () => undefined } as unknown as HttpClient;
    const read = async (url: string) => ({
      snapshot: {
        url,
        vendor: { name: 'Example', platform: 'statuspage' as const, pageUrl: url },
        status: 'operational' as const,
        components: [],
        incidents: [],
        fetchedAt: new Date(now()).toISOString(),
        error: null,
      },
      detection: null,
      notModified: false,
    });
    const open = () => {
      resetElectronMock();
      return createAppCore({ dataDir: dir, openStore: electronStoreOpener({ dir, now }), read, http, now });
    };
    let core = open();
    await core.start();
    await core.handlers['forward:add']({ type: 'slack', url: 'http://127.0.0.1:9/services/T0/B0/SECRET' });
    for (let i = 0; i < 2; i++) {
      await core.stop();
      core = open();
      await core.start();
      await core.handlers['vendors:add']({ url: `https://status.other${i}.test` });
    }
    try {
      expect((await core.handlers['forward:list']()).map((t) => t.label)).toEqual([
        'slack http://127.0.0.1:9/…CRET',
      ]);
      expect((await core.handlers['state:get']()).notices).toEqual([]);
    } finally {
      await core.stop();
    }
    const stored = JSON.parse(readFileSync(join(dir, 'watchlist.json'), 'utf8')).data;
    expect(stored.teamNote).toBe('from a newer version');
    expect(stored.forward).toHaveLength(1);
  });
});

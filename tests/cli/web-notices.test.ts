// `web` says on stderr what the window shows as notices: a vendor kept aside at start is named there.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tellNotices } from '../../electron/cli/web';
import { createAppCore } from '../../electron/core/app';
import { ensurePrivateDir } from '../../electron/core/storage/private-dir';
import type { HttpClient } from '../../electron/core/http/types';
import { FakeTimers, snapshot } from '../core/monitor/helpers';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-web-notices-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('web mode notices', () => {
  it('names a vendor kept aside on stderr, once', async () => {
    const envelope = {
      schemaVersion: 1,
      savedAt: '2026-11-24T10:00:00.000Z',
      data: { version: 1, vendors: [{ url: 'https://status.kustomer.test', components: [''] }] },
    };
    await fs.writeFile(path.join(dir, 'watchlist.json'), JSON.stringify(envelope));
    const timers = new FakeTimers();
    const core = createAppCore({
      dataDir: dir,
      timers,
      http: { close: async () => undefined } as unknown as HttpClient,
      read: async (url) => ({ snapshot: { ...snapshot([]), url }, detection: null, notModified: false }),
    });
    await core.start();
    const lines: string[] = [];
    try {
      await tellNotices(core, (line) => lines.push(line));
      await core.handlers['settings:update']({ theme: 'dark' });
      await timers.advance(1000);
    } finally {
      await core.stop();
    }
    expect(lines).toEqual([
      expect.stringMatching(
        /^statustray web: watchlist\.json: vendor #1 \(https:\/\/status\.kustomer\.test\) could not be used \(A component name cannot be empty.*kept aside in watchlist\.rejected\.json\.$/,
      ),
    ]);
  });
});

describe('command line data folder', () => {
  it('is created for the user alone, parents included (POSIX; Windows has no modes)', async () => {
    if (process.platform === 'win32') return;
    const dataDir = path.join(dir, 'state', 'statustray');
    await ensurePrivateDir(dataDir);
    expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(path.dirname(dataDir))).mode & 0o777).toBe(0o700);
  });
});

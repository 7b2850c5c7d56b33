// The dashboard's access key that lasts (kept 0600 in the data folder, replaced on request, set from the
// environment), and what --allow-remote says about it.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessKey, ACCESS_KEY_FILE } from '../../electron/web/access-key';
import { remoteRefusal, remoteWarning } from '../../electron/web/server';

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-access-key-'));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('the access key', () => {
  it('is created once, kept for the user alone, and reused', async () => {
    const first = await accessKey({ dataDir, env: {}, renew: false });
    expect(first.source).toBe('new');
    expect(first.token).toMatch(/^[\w-]{43}$/);
    const file = path.join(dataDir, ACCESS_KEY_FILE);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const again = await accessKey({ dataDir, env: {}, renew: false });
    expect(again).toEqual({ token: first.token, source: 'kept', note: null });
  });

  it('is replaced on request, and the kept file with it', async () => {
    const first = await accessKey({ dataDir, env: {}, renew: false });
    const renewed = await accessKey({ dataDir, env: {}, renew: true });
    expect(renewed.token).not.toBe(first.token);
    expect(renewed.note).toMatch(/stop working/);
    expect((await accessKey({ dataDir, env: {}, renew: false })).token).toBe(renewed.token);
  });

  it('replaces an unusable kept key, and says so', async () => {
    await fs.writeFile(path.join(dataDir, ACCESS_KEY_FILE), 'short');
    const key = await accessKey({ dataDir, env: {}, renew: false });
    expect(key.source).toBe('new');
    expect(key.note).toMatch(/was not usable; a new one replaces it/);
  });

  it('comes from STATUSTRAY_TOKEN when set, which --new-token cannot override', async () => {
    const env = { STATUSTRAY_TOKEN: 'a-service-key-of-enough-length' };
    expect(await accessKey({ dataDir, env, renew: false })).toEqual({
      token: env.STATUSTRAY_TOKEN,
      source: 'env',
      note: null,
    });
    await expect(accessKey({ dataDir, env, renew: true })).rejects.toThrow(/change the variable instead/);
    await expect(
      accessKey({ dataDir, env: { STATUSTRAY_TOKEN: 'has spaces in it, sixteen+' }, renew: false }),
    ).rejects.toThrow(/no spaces/);
    // Nothing was written for it.
    await expect(fs.stat(path.join(dataDir, ACCESS_KEY_FILE))).rejects.toThrow();
  });
});

describe('listening beyond this machine', () => {
  it('says the key crosses the network in clear text, and never that there is no login', () => {
    for (const text of [remoteWarning('0.0.0.0', true), remoteRefusal('0.0.0.0', true)]) {
      expect(text).toMatch(/clear text \(plain http\)/);
      expect(text).not.toMatch(/no login/);
    }
    expect(remoteRefusal('0.0.0.0', true)).toMatch(/add --allow-remote/);
    expect(remoteWarning('0.0.0.0', false)).toMatch(/without an access key \(--no-token\): anyone/);
  });
});

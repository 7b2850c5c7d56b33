import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileStore } from '../../../electron/core/storage/file-store';

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-store-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('file store', () => {
  it('loads nothing when nothing was saved, then what was saved', async () => {
    const store = createFileStore<{ a: number }>(path.join(dir, 'settings.json'));
    expect(await store.load()).toEqual({ value: null });
    await store.save({ a: 1 });
    await store.save({ a: 2 });
    const again = createFileStore<{ a: number }>(path.join(dir, 'settings.json'));
    expect(await again.load()).toEqual({ value: { a: 2 } });
  });

  it('keeps the previous version as a backup', async () => {
    const file = path.join(dir, 'watchlist.json');
    const store = createFileStore<{ a: number }>(file);
    await store.save({ a: 1 });
    await store.save({ a: 2 });
    const backup = JSON.parse(await fs.readFile(file + '.bak', 'utf8'));
    expect(backup.data).toEqual({ a: 1 });
  });

  it('keeps a corrupt file aside, reports it and restores the previous version', async () => {
    const file = path.join(dir, 'watchlist.json');
    const store = createFileStore<{ a: number }>(file, { now: () => Date.parse('2026-11-24T10:00:00Z') });
    await store.save({ a: 1 });
    await store.save({ a: 2 });
    await fs.writeFile(file, '{"schemaVersion":1,"data":{"a":3');
    const result = await createFileStore<{ a: number }>(file, {
      now: () => Date.parse('2026-11-24T10:00:00Z'),
    }).load();
    expect(result.value).toEqual({ a: 1 });
    expect(result.notice).toMatch(/watchlist\.json could not be read/);
    expect(result.notice).toMatch(/watchlist\.unusable-2026-11-24T10-00-00-000Z\.json/);
    const kept = await fs.readFile(
      path.join(dir, 'watchlist.unusable-2026-11-24T10-00-00-000Z.json'),
      'utf8',
    );
    expect(kept).toBe('{"schemaVersion":1,"data":{"a":3');
  });

  it('reports a corrupt file without a backup and never overwrites the kept copy', async () => {
    const file = path.join(dir, 'settings.json');
    await fs.writeFile(file, 'not json at all');
    const store = createFileStore<{ a: number }>(file);
    const result = await store.load();
    expect(result.value).toBeNull();
    expect(result.notice).toMatch(/settings\.json could not be read.*kept aside as settings\.unusable-/);
    await store.save({ a: 5 });
    const names = await fs.readdir(dir);
    const corrupt = names.filter((n) => n.startsWith('settings.unusable-'));
    expect(corrupt).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, corrupt[0]!), 'utf8')).toBe('not json at all');
  });

  it('treats data the validator rejects as unreadable, not as defaults', async () => {
    const file = path.join(dir, 'settings.json');
    await createFileStore<unknown>(file).save({ interval: 'soon' });
    const store = createFileStore<{ interval: number }>(file, {
      validate: (d) => {
        const v = d as { interval: unknown };
        if (typeof v.interval !== 'number') throw new Error('interval is not a number');
        return { interval: v.interval };
      },
    });
    const result = await store.load();
    expect(result.value).toBeNull();
    expect(result.notice).toMatch(/interval is not a number/);
  });

  it('migrates data written by an older schema version', async () => {
    const file = path.join(dir, 'settings.json');
    await createFileStore<{ seconds: number }>(file, { version: 1 }).save({ seconds: 60 });
    const store = createFileStore<{ intervalSeconds: number }>(file, {
      version: 2,
      migrate: (data, from) => {
        expect(from).toBe(1);
        return { intervalSeconds: (data as { seconds: number }).seconds };
      },
    });
    expect((await store.load()).value).toEqual({ intervalSeconds: 60 });
  });

  it('refuses data from a newer version and keeps it aside', async () => {
    const file = path.join(dir, 'settings.json');
    await createFileStore<{ a: number }>(file, { version: 3 }).save({ a: 1 });
    const result = await createFileStore<{ a: number }>(file, { version: 2 }).load();
    expect(result.value).toBeNull();
    expect(result.notice).toMatch(/newer version/);
  });

  it('always loads after the writing process is killed with SIGKILL mid-write', async () => {
    const file = path.join(dir, 'crash.json');
    const script = path.join(here, 'store-writer.ts');
    let lastN = 0;
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, file], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('error', reject);
        child.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
      });
      // Let it write for a random while, then kill it without warning.
      await new Promise((r) => setTimeout(r, 30 + Math.floor(Math.random() * 150)));
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      const result = await createFileStore<{ n: number; items: string[] }>(file).load();
      expect(result.notice).toBeUndefined();
      expect(result.value).not.toBeNull();
      expect(result.value!.items.length).toBeGreaterThanOrEqual(200);
      lastN = Math.max(lastN, result.value!.n);
    }
    expect(lastN).toBeGreaterThan(1);
  });
});

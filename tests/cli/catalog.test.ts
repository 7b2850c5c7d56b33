// `catalog` as a person uses it: a readable table of matches, the entries as JSON, help and usage errors, and
// the real command line listing the whole catalog.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run, type CatalogIo } from '../../electron/cli/catalog';
import type { CatalogEntry } from '../../shared/catalog-types';

const root = path.resolve(__dirname, '../..');

async function catalog(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CatalogIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
  };
  const code = await run(argv, io);
  return { code, out, err };
}

describe('catalog command', () => {
  it('lists at least 2,400 distinct pages, each with its platform and category, through the real command line', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'dist-cli/statustray.mjs'), 'catalog', '--json'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    const entries = JSON.parse(stdout) as CatalogEntry[];
    expect(entries.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(entries.map((e) => new URL(e.url).hostname)).size).toBeGreaterThanOrEqual(2400);
    expect(entries.filter((e) => !e.platform || !e.category)).toEqual([]);
    expect(entries.find((e) => e.id === 'kustomer')).toMatchObject({
      url: 'https://status.kustomer.com',
      platform: 'statuspage',
    });
  });

  it('finds the region of the search box\'s own example, "AWS us-east-1", first', async () => {
    const { code, out } = await catalog('AWS', 'us-east-1', '--json');
    expect(code).toBe(0);
    const entries = JSON.parse(out) as CatalogEntry[];
    expect(entries[0]).toMatchObject({ id: 'aws-region-us-east-1', components: ['N. Virginia'] });
  });

  it('finds Kustomer first for "kustom" and prints it as a table row', async () => {
    const { code, out, err } = await catalog('kustom');
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^NAME\s+CATEGORY\s+PLATFORM\s+URL$/);
    expect(lines[1]).toMatch(/^Kustomer\s+support\s+statuspage\s+https:\/\/status\.kustomer\.com$/);
    expect(out).toMatch(/\d+ match(es)? for "kustom"\./);
  });

  it('forgives a typo', async () => {
    const { out } = await catalog('--json', 'kustmer');
    expect((JSON.parse(out) as CatalogEntry[])[0]?.name).toBe('Kustomer');
  });

  it('prints the matching entries as JSON with --json, best first', async () => {
    const { code, out } = await catalog('github', '--json');
    expect(code).toBe(0);
    const entries = JSON.parse(out) as CatalogEntry[];
    expect(entries[0]).toMatchObject({
      id: 'github',
      url: 'https://www.githubstatus.com',
      platform: 'statuspage',
    });
  });

  it('joins several words into one query', async () => {
    const { out } = await catalog('google', 'cloud', '--json');
    expect((JSON.parse(out) as CatalogEntry[])[0]?.id).toBe('google-cloud');
  });

  it('shows which components a sub-page stands for', async () => {
    const { out } = await catalog('ec2');
    expect(out.split('\n')[1]).toContain(
      'https://health.aws.amazon.com/health/status [Amazon Elastic Compute Cloud]',
    );
  });

  it('says so when nothing matches, and prints an empty array with --json', async () => {
    expect(await catalog('xyzzyq')).toEqual({
      code: 0,
      out: '',
      err: '"xyzzyq" is not in the catalog — paste its status page address: statustray check <address>\n',
    });
    expect(JSON.parse((await catalog('xyzzyq', '--json')).out)).toEqual([]);
  });

  it('answers a vendor it does not list with nothing, not with a look-alike', async () => {
    for (const query of [['microsoft', '365'], ['okta'], ['teams']]) {
      const { code, out, err } = await catalog(...query);
      expect({ query, code, out }).toEqual({ query, code: 0, out: '' });
      expect(err).toContain('not in the catalog — paste its status page address');
      expect(JSON.parse((await catalog(...query, '--json')).out)).toEqual([]);
    }
  });

  it('explains itself with --help', async () => {
    const { code, out } = await catalog('--help');
    expect(code).toBe(0);
    expect(out).toContain('catalog [query] [--json]');
  });

  it('rejects an unknown option with exit 1 and names it', async () => {
    const { code, out, err } = await catalog('kustomer', '--jsn');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      'statustray catalog: unknown option --jsn — did you mean --json? Run `statustray catalog --help` for its options.\n',
    );
  });

  it('treats words after -- as the query', async () => {
    const { code } = await catalog('--', '--json');
    expect(code).toBe(0);
  });
});

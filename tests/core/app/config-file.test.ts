// A watchlist file that is THE watchlist: what is refused (anything writing back would lose), and what
// writing back keeps (unknown fields) and leaves out (a detection the file never had).
import { describe, expect, it } from 'vitest';
import { checkConfigText, configFileText, entriesFromFile } from '../../../electron/core/app/config-file';

describe('a watchlist file written back', () => {
  it('is refused when an entry would be skipped, since writing back would lose it', () => {
    const reading = checkConfigText(
      JSON.stringify({ version: 1, vendors: [{ url: 'https://a.example' }, { url: 'ftp://b.example' }] }),
    );
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.problems.at(-1)).toMatch(/would lose what was skipped/);
    expect(checkConfigText('{ "vendors": [').ok).toBe(false);
  });

  it('keeps unknown fields, and leaves out a cached detection the file did not have', () => {
    const text = JSON.stringify({
      version: 1,
      team: 'support',
      vendors: [
        { url: 'https://a.example', owner: 'ops' },
        { url: 'https://b.example', platform: 'statuspage', apiUrl: 'https://b.example/api/v2' },
      ],
    });
    const reading = checkConfigText(text);
    if (!reading.ok) throw new Error(reading.problems.join('; '));
    const known = [
      { url: 'https://a.example', platform: 'statuspage' as const, apiUrl: 'https://a.example/api/v2' },
    ];
    const entries = entriesFromFile(reading.watchlist.vendors, known);
    expect(entries[0]).toMatchObject({ platform: 'statuspage' });
    entries[0] = { ...entries[0]!, components: ['API'] };
    expect(JSON.parse(configFileText(reading.raw, entries, []))).toEqual({
      version: 1,
      team: 'support',
      vendors: [
        { url: 'https://a.example', owner: 'ops', components: ['API'] },
        { url: 'https://b.example', platform: 'statuspage', apiUrl: 'https://b.example/api/v2' },
      ],
    });
  });
});

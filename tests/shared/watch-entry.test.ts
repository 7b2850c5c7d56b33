// The one schema of a watch entry: what the API accepts the store accepts, messages read as sentences a
// person can act on, and what a newer version stored survives being read and written back.
import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../shared/ipc-schemas';
import { readWatchEntry, storedWatchEntry, forgetKeptField } from '../../shared/watch-entry';
import { parseWatchlist } from '../../electron/core/watchlist';

describe('watch entry schema', () => {
  it('accepts at the API exactly what it reads back from the store', () => {
    const entry = {
      url: 'https://status.kustomer.test',
      name: 'Kustomer',
      components: ['Prod1 (US)/Workflow'],
      notify: 'outages' as const,
      platform: 'statuspage' as const,
      apiUrl: 'https://status.kustomer.test/api/v2',
    };
    const api = validateRequest('vendors:add', entry);
    expect(api).toEqual({ ok: true, value: entry });
    const stored = readWatchEntry(JSON.parse(JSON.stringify(storedWatchEntry(entry))));
    expect(stored).toEqual({ ok: true, entry, notes: [] });
  });

  it('refuses an empty component name at the API and in the store, in the same words', () => {
    const api = validateRequest('vendors:add', { url: 'https://status.kustomer.test', components: [''] });
    expect(api).toEqual({ ok: false, error: expect.stringMatching(/^A component name cannot be empty/) });
    const stored = readWatchEntry({ url: 'https://status.kustomer.test', components: [''] });
    expect(stored).toEqual({ ok: false, reason: expect.stringMatching(/^A component name cannot be empty/) });
  });

  it('says what to type instead of naming zod checks', () => {
    expect(validateRequest('vendors:detect', { url: 'ftp://files.example' })).toEqual({
      ok: false,
      error: 'Enter an address that starts with https:// (or http://), e.g. https://status.example.com',
    });
    // Garbage from a window that is not ours still names the channel and fields, for the log.
    const garbage = validateRequest('vendors:remove', { id: 7 });
    expect(garbage.ok === false && garbage.error).toMatch(/^Invalid argument for vendors:remove: id: /);
  });

  it('names the vendor and what to fix in a watchlist file', () => {
    const { problems } = parseWatchlist(
      JSON.stringify({
        version: 1,
        vendors: [{ url: 'https://a.test' }, { url: 'https://b.test' }, { name: 'GitHub' }],
      }),
    );
    expect(problems).toEqual([
      'vendor #3 "GitHub": The status page address is missing: add "url" with it, e.g. "https://status.example.com" — skipped',
    ]);
  });

  it('keeps unknown fields and an unknown notify through a read and a write, using "all" meanwhile', () => {
    const raw = {
      url: 'https://status.kustomer.test',
      colour: 'teal',
      notify: 'loud',
      platform: 'newplatform',
    };
    const reading = readWatchEntry(raw);
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.entry.notify).toBeUndefined();
    expect(reading.entry.platform).toBeUndefined();
    expect(reading.notes.join('\n')).toMatch(/"notify" "loud" is not known to this version/);
    expect(JSON.parse(JSON.stringify(storedWatchEntry({ ...reading.entry })))).toEqual(raw);
    // A choice the user makes replaces the kept value; the copy made before keeps its own.
    const copy = { ...reading.entry, notify: 'muted' as const };
    forgetKeptField(copy, 'notify');
    expect(storedWatchEntry(copy)).toMatchObject({ notify: 'muted', colour: 'teal' });
    expect(storedWatchEntry(reading.entry)).toMatchObject({ notify: 'loud' });
  });
});

// One rule for an address given without its scheme, on the command line and in a watchlist: it is read
// as https://, and the person is told once.
import { describe, expect, it } from 'vitest';
import { parseWatchlist } from '../../electron/core/watchlist';
import { withHttpsAdded } from '../../shared/watch-entry';
import { spawnCli } from './spawn-cli';

describe('an address without a scheme', () => {
  it('is read as https:// (and only an address without one is changed)', () => {
    expect(withHttpsAdded('status.kustomer.com')).toBe('https://status.kustomer.com');
    expect(withHttpsAdded(' status.kustomer.com/history ')).toBe('https://status.kustomer.com/history');
    expect(withHttpsAdded('https://status.kustomer.com')).toBeNull();
    expect(withHttpsAdded('http://status.kustomer.com')).toBeNull();
    expect(withHttpsAdded('ftp://status.kustomer.com')).toBeNull();
    expect(withHttpsAdded('not an address')).toBeNull();
  });

  it('is accepted in a watchlist, with https:// added and said', () => {
    const { watchlist, problems } = parseWatchlist(
      JSON.stringify({ version: 1, vendors: [{ url: 'status.kustomer.com', name: 'Kustomer' }] }),
    );
    expect(watchlist?.vendors).toEqual([{ url: 'https://status.kustomer.com', name: 'Kustomer' }]);
    expect(problems).toEqual([
      'vendor #1 (status.kustomer.com): "status.kustomer.com" has no scheme: read as https://status.kustomer.com',
    ]);
  });

  it('is accepted by check, which says so once', async () => {
    // Nothing listens on port 1: the read fails at once, on this machine only.
    const run = spawnCli(['check', '127.0.0.1:1', '127.0.0.1:1', '--timeout', '2']);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toBe('statustray check: "127.0.0.1:1" has no scheme: reading https://127.0.0.1:1\n');
  });
});

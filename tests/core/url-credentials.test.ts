// Credentials in an address (https://user:password@host) are refused or taken out with a message, and
// never stored, sent or shown: at the API (add, detect), in an imported watchlist, in `check`, in the client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type CheckIo } from '../../electron/cli/check';
import { createHttpClient } from '../../electron/core/http/client';
import { FetchError } from '../../electron/core/http/types';
import { parseUserUrl, readSnapshot } from '../../electron/core/read';
import { parseWatchlist, serializeWatchlist } from '../../electron/core/watchlist';
import { validateRequest } from '../../shared/ipc-schemas';
import { redactCredentials, stripCredentials } from '../../shared/url-credentials';
import { respond } from '../fakes/hostile';
import { startServer, type FakeServer } from '../fakes/server';

const SECRET = 'hunter2-secret';
let server: FakeServer;

beforeAll(async () => {
  server = await startServer({ routes: { '/': respond(200, '{}', { 'content-type': 'application/json' }) } });
});
afterAll(() => server.close());

function withSecret(url: string): string {
  const u = new URL(url);
  u.username = 'me';
  u.password = SECRET;
  return u.href;
}

describe('credentials in an address', () => {
  it('are refused by the API when adding or detecting a vendor, without repeating them', () => {
    for (const channel of ['vendors:add', 'vendors:detect'] as const) {
      const checked = validateRequest(channel, { url: `https://me:${SECRET}@status.example.com` });
      expect(checked.ok).toBe(false);
      const error = checked.ok ? '' : checked.error;
      expect(error).toMatch(/user name and password out of the address/);
      expect(error).not.toContain(SECRET);
    }
    expect(validateRequest('vendors:add', { url: 'https://status.example.com' }).ok).toBe(true);
  });

  it('are taken out of an imported watchlist, with a notice, and the vendor is still watched', () => {
    const text = JSON.stringify({
      version: 1,
      vendors: [{ url: `https://me:${SECRET}@status.example.com/`, name: 'Example' }],
    });
    const { watchlist, problems } = parseWatchlist(text);
    expect(watchlist?.vendors).toEqual([{ url: 'https://status.example.com/', name: 'Example' }]);
    expect(problems.join('\n')).toMatch(/user name and password were removed/);
    expect(problems.join('\n')).not.toContain(SECRET);
    expect(serializeWatchlist(watchlist!)).not.toContain(SECRET);
  });

  it('are refused by check with exit 1 and a message that does not show them', async () => {
    let out = '';
    let err = '';
    const io: CheckIo = {
      stdout: { write: (t: string) => (out += t), isTTY: false },
      stderr: { write: (t: string) => (err += t) },
      env: {},
    };
    expect(await run([withSecret(server.url('/'))], io)).toBe(1);
    expect(err).toMatch(/user name or password/);
    expect(err + out).not.toContain(SECRET);
    expect(server.requests).toHaveLength(0);
  });

  it('are never sent by the client nor shown in a snapshot', async () => {
    const http = createHttpClient({ proxy: 'none', cache: false });
    try {
      await expect(http.get(withSecret(server.url('/')))).rejects.toThrow(FetchError);
      const { snapshot } = await readSnapshot(withSecret(server.url('/')), { http });
      expect(snapshot.error?.kind).toBe('invalid_url');
      expect(JSON.stringify(snapshot)).not.toContain(SECRET);
    } finally {
      await http.close();
    }
    expect(server.requests).toHaveLength(0);
    expect(() => parseUserUrl(`https://me:${SECRET}@status.example.com`)).toThrow(/user name or password/);
    // Without a scheme, "me:" reads as one: refused as not http(s), still without the password.
    expect(() => parseUserUrl(`me:${SECRET}@status.example.com`)).toThrow(/^"\*\*\*@status\.example\.com"/);
  });

  it('are hidden in any text that mentions such an address', () => {
    expect(redactCredentials(`"https://me:${SECRET}@host/x" is not valid`)).toBe(
      '"https://***@host/x" is not valid',
    );
    expect(redactCredentials(`me:${SECRET}@host`)).toBe('***@host');
    expect(redactCredentials('https://host/a@b')).toBe('https://host/a@b');
    expect(stripCredentials(`https://me:${SECRET}@host/x?y#z`)).toBe('https://host/x?y#z');
  });
});

// `web` opens the browser only for a person at a terminal: never for a pipe, in CI, or with --no-open.
import { describe, expect, it } from 'vitest';
import { openCommand, shouldOpenBrowser } from '../../electron/web/open-browser';

describe('opening the dashboard in the browser', () => {
  it('opens only from a terminal, outside CI, unless --no-open', () => {
    const terminal = { isTTY: true, env: {}, platform: 'linux' as const };
    expect(shouldOpenBrowser(true, terminal)).toBe(true);
    expect(shouldOpenBrowser(false, terminal)).toBe(false);
    expect(shouldOpenBrowser(true, { ...terminal, isTTY: false })).toBe(false);
    expect(shouldOpenBrowser(true, { ...terminal, env: { CI: 'true' } })).toBe(false);
  });

  it("uses each desktop's own opener, keeping the token's address whole on Windows", () => {
    const url = 'http://127.0.0.1:4780/?token=abc&x=1';
    expect(openCommand(url, 'linux')).toEqual(['xdg-open', [url]]);
    expect(openCommand(url, 'darwin')).toEqual(['open', [url]]);
    expect(openCommand(url, 'win32')).toEqual([
      'cmd',
      ['/c', 'start', '""', 'http://127.0.0.1:4780/?token=abc^&x=1'],
    ]);
  });
});

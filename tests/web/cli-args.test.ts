// The `web` command's options: defaults, the usage errors a person might make, and --help.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEB_PORT, parseWebArgs, UsageError } from '../../electron/web/cli-args';

describe('web command options', () => {
  it('defaults to loopback on the documented port', () => {
    expect(parseWebArgs([])).toEqual({
      config: undefined,
      port: DEFAULT_WEB_PORT,
      host: '127.0.0.1',
      allowRemote: false,
      interval: undefined,
      open: true,
      token: true,
      newToken: false,
    });
  });

  it('reads --no-open, --no-token and --new-token', () => {
    expect(parseWebArgs(['--no-open', '--no-token'])).toMatchObject({ open: false, token: false });
    expect(parseWebArgs(['--new-token'])).toMatchObject({ token: true, newToken: true });
  });

  it('reads --config, --port, --host and --interval', () => {
    expect(
      parseWebArgs(['--config', 'list.json', '--port', '0', '--host', '127.0.0.2', '--interval', '5']),
    ).toEqual({
      config: 'list.json',
      port: 0,
      host: '127.0.0.2',
      allowRemote: false,
      interval: 5,
      open: true,
      token: true,
      newToken: false,
    });
    expect(parseWebArgs(['--help'])).toBe('help');
    expect(parseWebArgs(['-h'])).toBe('help');
  });

  it.each([
    [['--port', 'eighty'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--port', '-1'], /--port/],
    [['--port', ''], /--port must be a whole number/],
    [['--interval', '0.5'], /--interval must be a number of seconds, at least 1/],
    [['--bogus'], /unknown option --bogus/],
    [['--no-tokn'], /unknown option --no-tokn — did you mean --no-token\?/],
    [['stray'], /unexpected argument "stray"/],
    [['--new-token', '--no-token'], /cannot go together/],
    [['--host', ' '], /--host must not be empty/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseWebArgs(argv)).toThrow(UsageError);
    expect(() => parseWebArgs(argv)).toThrow(message);
  });
});

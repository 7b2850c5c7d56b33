// The help and the mistakes, read as a person reads them: the overall help is prose and a list (no source
// code), names every command once, and each command's --help names every option its parser accepts (the
// same table); a mistyped command or option is answered in one line with the likely meaning and where
// the help is, exit 1.
import { describe, expect, it } from 'vitest';
import { closest, parseCommandArgs, UsageError } from '../../electron/cli/args';
import { COMMAND_OPTIONS } from '../../electron/cli/options';
import { spawnCli } from './spawn-cli';

const COMMANDS = Object.keys(COMMAND_OPTIONS);

/** What source code looks like in text meant for people. */
const CODE = /=>|\bimport\(|\basync\b|\bawait\b|\bload:|\bhelp:|\busage:|\bsummary:|[{};]\s*$/m;

async function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const cli = spawnCli(args);
  const code = await cli.exit;
  return { code, out: cli.stdout(), err: cli.stderr() };
}

describe('the overall help', () => {
  it.each([[['--help']], [['-h']], [['help']], [[]]])(
    '%j reads as prose, every command once',
    async (args) => {
      const { code, out, err } = await run(args);
      const text = out + err;
      expect(code).toBe(args.length ? 0 : 1);
      expect(text).not.toMatch(CODE);
      const commandsSection = text.split('\nCommands:\n')[1]!.split('\n\n')[0]!;
      const listed = commandsSection.split('\n').map((l) => /^ {2}(\S+) {2,}\S/.exec(l)?.[1]);
      expect([...listed].sort()).toEqual([...COMMANDS].sort());
      for (const name of COMMANDS) {
        // Once in the usage lines, once in the list.
        expect(text.split(`  statustray ${name} `).length - 1).toBe(1);
      }
    },
  );

  it('an unknown command gets one line and a pointer to the help, no code', async () => {
    const { code, out, err } = await run(['nope']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).not.toMatch(CODE);
    expect(err).toBe('statustray: unknown command "nope". Run `statustray --help` for the commands.\n');
  });

  it('a near miss of a command is named', async () => {
    const { code, err } = await run(['chek', 'https://status.example.com']);
    expect(code).toBe(1);
    expect(err).toBe(
      'statustray: unknown command "chek" — did you mean "check"? Run `statustray --help` for the commands.\n',
    );
    const help = await run(['help', 'wiat']);
    expect(help.code).toBe(1);
    expect(help.err).toMatch(/^statustray: unknown command "wiat" — did you mean "wait"\?.*\n$/);
  });
});

describe("each command's help", () => {
  it.each(COMMANDS)('%s --help names every option its parser accepts', async (name) => {
    const { code, out } = await run([name, '--help']);
    expect(code).toBe(0);
    for (const [option, spec] of Object.entries(COMMAND_OPTIONS[name as keyof typeof COMMAND_OPTIONS])) {
      expect(out, `--${option} in ${name} --help`).toContain(`--${option}`);
      if ('short' in spec)
        expect(out, `-${spec.short} in ${name} --help`).toMatch(new RegExp(`-${spec.short}\\b`));
    }
  });
});

describe('a mistyped option', () => {
  it('check --jsn: one line, the suggestion, where the help is, exit 1', async () => {
    const { code, out, err } = await run(['check', '--jsn', 'https://status.example.com']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      'statustray check: unknown option --jsn — did you mean --json? Run `statustray check --help` for its options.\n',
    );
  });

  it.each([
    [['wait', 'https://status.example.com', '--intervl', '5'], '--interval'],
    [['watch', '--confg', 'x.json'], '--config'],
    [['web', '--no-opne'], '--no-open'],
    [['calendar', '--config', 'x.json', '--timout', '5'], '--timeout'],
    [['catalog', 'slack', '--jsno'], '--json'],
  ])('%j gets one line naming %s', async (args, meant) => {
    const { code, err } = await run(args);
    expect(code).toBe(1);
    expect(err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err).toContain(`did you mean ${meant}?`);
    expect(err).toContain(`Run \`statustray ${args[0]} --help\``);
  });

  it('every option of every command is suggested for a slip of one letter', () => {
    for (const [name, table] of Object.entries(COMMAND_OPTIONS)) {
      for (const option of Object.keys(table)) {
        const typo = `--${option}${option.at(-1)}`;
        expect(() => parseCommandArgs(table, [typo], { positionals: true }), `${name} ${typo}`).toThrow(
          new UsageError(`unknown option ${typo} — did you mean --${option}?`),
        );
      }
    }
  });

  it('says what is missing or extra in plain words, never the parser’s own message', () => {
    const table = COMMAND_OPTIONS.check;
    expect(() => parseCommandArgs(table, ['--timeout'], { positionals: true })).toThrow(
      '--timeout needs a value',
    );
    expect(() => parseCommandArgs(table, ['--json=yes'], { positionals: true })).toThrow(
      '--json takes no value',
    );
    expect(() => parseCommandArgs(COMMAND_OPTIONS.watch, ['stray'], { positionals: false })).toThrow(
      'unexpected argument "stray"',
    );
    expect(() => parseCommandArgs(table, ['--zzzzzz'], { positionals: true })).toThrow(
      new UsageError('unknown option --zzzzzz'),
    );
  });

  it('suggests only what is close', () => {
    expect(closest('chek', COMMANDS)).toBe('check');
    expect(closest('wacth', COMMANDS)).toBe('watch');
    expect(closest('deploy', COMMANDS)).toBeUndefined();
    expect(closest('https://status.example.com', COMMANDS)).toBeUndefined();
  });
});

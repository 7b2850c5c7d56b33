// `statustray` as an installed executable: the package's bin runs compiled JavaScript by its shebang,
// answers --version and --help on every command on its own, is the program `npm run cli` runs, and stops
// quietly when the reader of its output goes away.
import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI_PATH, REPO_ROOT, spawnCli } from './spawn-cli';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};
/** The commands the overall help lists (so that a command added to the table is checked here too). */
function listedCommands(help: string): string[] {
  const section = help.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
  return section
    .split('\n')
    .map((line) => /^ {2}(\S+) {2,}/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

describe('the statustray executable', () => {
  it('is the package bin: compiled JavaScript that runs by its shebang and prints the version', async () => {
    expect(path.join(REPO_ROOT, pkg.bin.statustray!)).toBe(CLI_PATH);
    expect(readFileSync(CLI_PATH, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    accessSync(CLI_PATH, constants.X_OK);
    const { stdout } = await promisify(execFile)(CLI_PATH, ['--version'], {
      env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}` },
    });
    expect(stdout).toBe(`${pkg.version}\n`);
  });

  it('lists every command in its help, and each command has a help of its own', async () => {
    const top = spawnCli(['--help']);
    expect(await top.exit).toBe(0);
    const commands = listedCommands(top.stdout());
    expect(commands).toEqual(expect.arrayContaining(['check', 'wait', 'watch', 'web', 'catalog']));
    for (const name of commands) expect(top.stdout()).toContain(`statustray ${name} `);

    for (const name of commands) {
      const run = spawnCli([name, '--help']);
      expect(await run.exit).toBe(0);
      expect(run.stdout()).toMatch(new RegExp(`^Usage: statustray ${name}\\b`));
      // The help stands on its own: it names no document that is not installed with it.
      expect(run.stdout()).not.toMatch(/DESIGN\.md|npm run/);
      expect(run.stdout()).toMatch(/Exit status|exit/i);
      const viaHelp = spawnCli(['help', name]);
      expect(await viaHelp.exit).toBe(0);
      expect(viaHelp.stdout()).toBe(run.stdout());
    }
  });

  it('says what is wrong for an unknown command or no command, with exit 1', async () => {
    const unknown = spawnCli(['chek']);
    expect(await unknown.exit).toBe(1);
    expect(unknown.stderr()).toMatch(/unknown command "chek" — did you mean "check"\?/);
    const none = spawnCli([]);
    expect(await none.exit).toBe(1);
    expect(none.stderr()).toMatch(/Usage:/);
  });

  it('is what `npm run --silent cli --` runs', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'cli', '--', '--version'], {
      cwd: REPO_ROOT,
    });
    expect(stdout).toBe(`${pkg.version}\n`);
  });

  it('stops quietly when `catalog | head` closes the pipe', async () => {
    const run = spawnCli(['catalog']);
    run.proc.stdout.once('data', () => run.proc.stdout.destroy());
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toBe('');
  });
});

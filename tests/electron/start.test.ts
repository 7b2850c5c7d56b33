// `npm start` stays honest: without the Electron binary it says so and how to get it (exit 1, no stack
// trace); with one it launches it on the app; it rebuilds only when sources are newer than out/.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsBuild, OUTPUTS } from '../../scripts/start.mjs';

const START = join(import.meta.dirname, '..', '..', 'scripts', 'start.mjs');

function runStart(env: Record<string, string>, args: string[] = []) {
  const base = { ...process.env };
  delete base.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [START, ...args], { env: { ...base, ...env }, encoding: 'utf8' });
}

describe('npm start', () => {
  it('explains a missing Electron binary and how to get it, without a stack trace', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-electron-'));
    const result = runStart({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the Electron binary is not installed');
    expect(result.stderr).toContain(`Looked for: ${join(empty, 'electron')}`);
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH=');
    expect(result.stderr).toContain('npm run --silent cli -- web');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain('Building');
  });

  it.runIf(process.platform !== 'win32')(
    'launches the binary it finds on the app folder, without ELECTRON_RUN_AS_NODE',
    () => {
      const dist = mkdtempSync(join(tmpdir(), 'fake-electron-'));
      const record = join(dist, 'launched.txt');
      const binary = join(dist, 'electron');
      writeFileSync(binary, `#!/bin/sh\necho "$@|run-as-node=$ELECTRON_RUN_AS_NODE" > "${record}"\nexit 3\n`);
      chmodSync(binary, 0o755);
      const result = runStart({ ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1' }, [
        '--no-build',
        '--hidden',
      ]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(3);
      const launched = readFileSync(record, 'utf8').trim();
      expect(launched).toBe(`${join(import.meta.dirname, '..', '..')} --hidden|run-as-node=`);
    },
  );
});

describe('build check', () => {
  function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'statustray-root-'));
    mkdirSync(join(root, 'electron'));
    writeFileSync(join(root, 'electron', 'main.ts'), '');
    writeFileSync(join(root, 'package.json'), '{}');
    return root;
  }

  function setTime(path: string, seconds: number): void {
    utimesSync(path, seconds, seconds);
  }

  it('builds when an output is missing, not when out/ is newer than the sources, and again after an edit', () => {
    const root = project();
    expect(needsBuild(root)).toBe(true);
    for (const output of OUTPUTS as string[]) {
      mkdirSync(join(root, output, '..'), { recursive: true });
      writeFileSync(join(root, output), '');
      setTime(join(root, output), 2_000_000_000);
    }
    setTime(join(root, 'electron', 'main.ts'), 1_900_000_000);
    setTime(join(root, 'package.json'), 1_900_000_000);
    expect(needsBuild(root)).toBe(false);
    setTime(join(root, 'electron', 'main.ts'), 2_100_000_000);
    expect(needsBuild(root)).toBe(true);
  });
});

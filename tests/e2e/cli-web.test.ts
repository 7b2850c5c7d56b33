// `statustray web --config <file>` as a person runs it: prints the address, serves the watchlist's vendors
// from the real engine at the file's interval, refuses a taken port clearly before polling anyone, and
// stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from '../../electron/web/build-renderer';
import { startStatuspageServer, type StatuspageServer } from '../fakes/statuspage-server';
import { kustomerFixture } from '../fixtures/kustomer';
import { builtRenderer, launchBrowser, openPage } from './harness';

const CLI = path.join(REPO_ROOT, 'dist-cli', 'statustray.mjs');

interface Spawned {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function spawnCli(args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor<T>(probe: () => T | null, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let vendor: StatuspageServer;
let browser: Browser;
let workDir: string;
let configPath: string;
let web: Spawned | null = null;

beforeAll(async () => {
  await builtRenderer();
  vendor = await startStatuspageServer({ page: kustomerFixture() });
  workDir = await mkdtemp(path.join(tmpdir(), 'statustray-cli-web-'));
  configPath = path.join(workDir, 'my-vendors.json');
  await writeFile(
    configPath,
    JSON.stringify({ version: 1, vendors: [{ url: vendor.pageUrl, name: 'Kustomer' }], intervalSeconds: 1 }),
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (web && web.child.exitCode === null) web.child.kill('SIGKILL');
  await vendor?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('the web command', () => {
  it('serves the watchlist from --config, refuses a taken port, and stops on SIGTERM', async () => {
    const env = { STATUSTRAY_DATA_DIR: path.join(workDir, 'data') };
    // No --interval: the file's intervalSeconds (1 s) applies, not the default two minutes.
    web = spawnCli(['web', '--config', configPath, '--port', '0'], env);
    const running = web;
    const url = await waitFor(
      () =>
        /StatusTray dashboard: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)\n/.exec(running.output())?.[1] ??
        null,
      'the address',
    );

    const { close, page } = await openPage(browser, url);
    await page
      .getByRole('link', { name: /Kustomer/ })
      .first()
      .waitFor({ timeout: 20_000 });
    expect(
      await page
        .getByRole('link', { name: /Kustomer/ })
        .first()
        .textContent(),
    ).toContain('Operational');
    // The page keeps the key and takes it out of the address bar.
    expect(page.url()).not.toContain('token=');
    await close();
    // Without it, the API answers nobody.
    const origin = new URL(url).origin;
    expect((await fetch(`${origin}/api/state:get`, { method: 'POST' })).status).toBe(401);

    const polls = (): number => vendor.counts()['summary.json'] ?? 0;
    const seen = polls();
    await waitFor(() => (polls() >= seen + 3 ? true : null), 'polls at the file’s 1 s interval', 30_000);

    const port = new URL(url).port;
    const other = await startStatuspageServer({ page: kustomerFixture() });
    const otherConfig = path.join(workDir, 'other-vendors.json');
    await writeFile(otherConfig, JSON.stringify({ version: 1, vendors: [{ url: other.pageUrl }] }));
    const second = spawnCli(['web', '--port', port, '--config', otherConfig], {
      STATUSTRAY_DATA_DIR: path.join(workDir, 'data-2'),
    });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    // Refused before polling anyone.
    expect(other.requests).toHaveLength(0);
    await other.close();

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    // Nothing answers there any more.
    await expect(fetch(origin)).rejects.toThrow();
  });
});

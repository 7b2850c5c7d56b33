// `npm run demo -- --web` at high speed: the script prints each phase, the dashboard it serves shows the
// simulated Kustomer outage as it unfolds, the incident opens, and its postmortem arrives.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from '../../electron/web/build-renderer';
import { builtRenderer, launchBrowser, openPage, screenshot } from './harness';

const TITLE = 'Delayed processing of inbound messages on Prod1';
let demo: ChildProcess;
let output = '';
let browser: Browser;

function waitForOutput(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        demo.stdout?.off('data', check);
        resolve(match);
      }
      return Boolean(match);
    };
    const timer = setTimeout(() => reject(new Error(`demo never printed ${pattern}:\n${output}`)), timeoutMs);
    demo.stdout?.on('data', check);
    check();
  });
}

/** The demo as `npm run demo` runs it: one Node process with tsx as its loader (no relaying parent). */
function spawnDemo(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

beforeAll(async () => {
  await builtRenderer();
  demo = spawnDemo(['--web', '--speed', '20']);
  demo.stdout?.setEncoding('utf8');
  demo.stderr?.setEncoding('utf8');
  demo.stdout?.on('data', (chunk: string) => (output += chunk));
  demo.stderr?.on('data', (chunk: string) => (output += chunk));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (demo && demo.exitCode === null) demo.kill('SIGKILL');
});

describe('npm run demo -- --web', () => {
  it('replays the outage in the dashboard, with an incident that opens, resolves and gets its postmortem', async () => {
    const [, url] = await waitForOutput(
      /StatusTray dashboard: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)\n/,
    );
    const { context, page, watch } = await openPage(browser, url!);
    try {
      await page.getByRole('heading', { level: 1, name: 'Your vendors' }).waitFor();
      // The incident opens and the overview shows it, live.
      await page.getByText(TITLE).first().waitFor({ timeout: 30_000 });
      await page.getByText('1 vendor with problems').waitFor();
      await screenshot(page, 'demo-overview-during-outage');

      await page
        .getByRole('link', { name: /Kustomer \(demo\)/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: 'Kustomer (demo)' }).waitFor();
      await page.getByRole('link', { name: TITLE }).first().click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      // Updates keep arriving on the open incident page, up to the postmortem with its headings.
      await page.getByRole('heading', { name: 'Root Cause', exact: true }).waitFor({ timeout: 30_000 });
      const text = (await page.locator('main').textContent()) ?? '';
      for (const words of [
        'We are investigating delays',
        'rolling the service back',
        'This incident has been resolved',
      ]) {
        expect(text).toContain(words);
      }
      await screenshot(page, 'demo-incident-postmortem');
      expect(watch.errors, output).toEqual([]);
    } finally {
      await context.close();
    }
    await waitForOutput(/The outage is over/);
    for (const phase of [
      'degraded performance',
      'Incident opened',
      'major outage',
      'identified',
      'monitoring',
      'Resolved',
      'Postmortem',
    ]) {
      expect(output, output).toContain(phase);
    }
    // Ctrl-C stops it cleanly, even pressed twice while it is stopping.
    const exited = new Promise<number | null>((resolve) => demo.once('exit', (code) => resolve(code)));
    demo.kill('SIGINT');
    demo.kill('SIGINT');
    expect(await exited, output).toBe(0);
  });

  it('exits 0 and leaves no demo data behind on Ctrl-C during start-up', async () => {
    const early = spawnDemo(['--web', '--speed', '20']);
    let text = '';
    early.stdout?.setEncoding('utf8');
    early.stderr?.setEncoding('utf8');
    const exited = new Promise<number | null>((resolve) => early.once('exit', (code) => resolve(code)));
    // The first line comes before the dashboard is up: Ctrl-C right then, mid start-up.
    const workDir = await new Promise<string>((resolve) => {
      const read = (chunk: string): void => {
        text += chunk;
        const match = /Demo data \(your own watchlist is untouched\): (\S+)/.exec(text);
        if (match) {
          early.kill('SIGINT');
          resolve(match[1]!);
        }
      };
      early.stdout?.on('data', read);
      early.stderr?.on('data', (chunk: string) => (text += chunk));
    });
    expect(await exited, text).toBe(0);
    expect(existsSync(workDir), text).toBe(false);
  });
});

// `npm run demo -- --web` at high speed: the script prints each phase, the dashboard it serves shows the
// simulated Kustomer outage as it unfolds, the incident opens, and its postmortem arrives. What the user
// is told (the notifications the dashboard receives) is an outage and a recovery, never "flapping".
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AppNotification } from '../../shared/notification';
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

/** The notifications the dashboard receives, read from its event stream as the page reads them. */
interface NotificationFeed {
  received: AppNotification[];
  /** Resolves with the first notification (already received or to come) that `matches`. */
  waitFor(matches: (n: AppNotification) => boolean, timeoutMs?: number): Promise<AppNotification>;
  close(): void;
}

async function followNotifications(dashboardUrl: string): Promise<NotificationFeed> {
  const opened = new URL(dashboardUrl);
  const streamUrl = new URL('/api/events', opened);
  streamUrl.searchParams.set('token', opened.searchParams.get('token') ?? '');
  const controller = new AbortController();
  const res = await fetch(streamUrl, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  expect(res.status).toBe(200);
  const received: AppNotification[] = [];
  const listeners = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const event = lines.find((l) => l.startsWith('event: '))?.slice('event: '.length);
          const data = lines.find((l) => l.startsWith('data: '))?.slice('data: '.length);
          if (event === 'notification' && data !== undefined) {
            received.push(JSON.parse(data) as AppNotification);
            for (const listener of [...listeners]) listener();
          }
        }
      }
    } catch {
      // Aborted by close(), or the demo stopped: what was received stays for the asserts.
    }
  })();
  return {
    received,
    waitFor(matches, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = received.find(matches);
          if (!hit) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no such notification; received:\n${received.map((n) => n.title).join('\n')}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
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
    // Subscribed before the first phase changes anything: the first notification takes polls to come.
    const feed = await followNotifications(url!);
    const { close, page, watch } = await openPage(browser, url!);
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
      await close();
    }
    await waitForOutput(/The outage is over/);
    // The user hears of the outage, then of the recovery: the headline says the status after the change.
    // Which step of the escalation the headline names depends on how the polls fall (on a busy machine a
    // short phase can pass between two polls, or be coalesced with the next): any outage headline will do.
    await feed.waitFor(
      (n) =>
        n.severity !== 'operational' && /— (Degraded performance|Partial outage|Major outage)/.test(n.title),
    );
    const recovery = await feed.waitFor((n) => n.severity === 'operational');
    expect(recovery.title).toMatch(/^Kustomer \(demo\) — Operational/);
    feed.close();
    // An escalation and a step back down is the normal shape of an incident, never "flapping".
    const said = feed.received.map((n) => `${n.title}\n${n.body}`);
    expect(
      said.filter((text) => /flapping|keeps changing/i.test(text)),
      said.join('\n---\n'),
    ).toEqual([]);
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

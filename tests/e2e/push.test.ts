// The dashboard at scale, in Chromium: a page follows what changed. Polls that find the pages as they were
// push nothing; one vendor's change reaches the page as that vendor alone (with the summary), and the page
// shows it. (A missed patch making the page read the state again: tests/renderer/state-patch.test.tsx.)
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { StatePatch } from '../../shared/ipc';
import {
  buildFixture,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { launchBrowser, openPage, startWebApp, type WebApp } from './harness';

const COUNT = 12;
let servers: StatuspageServer[] = [];
let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  servers = await Promise.all(
    Array.from({ length: COUNT }, (_, i) =>
      startStatuspageServer({
        page: buildFixture({ name: `Vendor ${i}`, groups: [{ name: 'Core', components: ['API', 'Web'] }] }),
      }),
    ),
  );
  app = await startWebApp({
    vendors: servers.map((s, i) => ({ url: s.pageUrl, name: `Vendor ${i}` })),
    intervalSeconds: 1,
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await Promise.all(servers.map((s) => s.close()));
});

/** Follows the event stream as a page does, keeping every patch. */
function followStream(url: string): { patches: StatePatch[]; close(): void } {
  const events = new URL('/api/events', url);
  events.searchParams.set('token', new URL(url).searchParams.get('token') ?? '');
  const patches: StatePatch[] = [];
  let buffer = '';
  const req = request(events, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (block.startsWith('event: state:patch') && data) patches.push(JSON.parse(data) as StatePatch);
      }
    });
  });
  req.on('error', () => {});
  req.end();
  return { patches, close: () => req.destroy() };
}

const polls = () => servers.reduce((n, s) => n + s.count('/api/v2/summary.json'), 0);

describe('pushing what changed', () => {
  it('pushes nothing for unchanged polls, only the vendor that changed, and the page shows it', async () => {
    const { close, page } = await openPage(browser, app.url);
    const stream = followStream(app.url);
    try {
      await page.getByText(`All ${COUNT} vendors operational`).waitFor({ timeout: 30_000 });
      // The page reads the whole state at once, but pushes are at least a second apart: the patch carrying the
      // last first readings can still be on its way to this stream. Once every vendor has been polled twice more,
      // it has been pushed; the stream has caught up when it holds what the app last pushed.
      const settling = polls();
      await expect.poll(polls, { timeout: 60_000 }).toBeGreaterThan(settling + 2 * COUNT);
      const { seq } = await app.core.handlers['state:get']();
      await expect.poll(() => stream.patches.at(-1)?.seq ?? -1).toBeGreaterThanOrEqual(seq ?? 0);
      // Every vendor polled twice more with nothing changed: no patch beyond the ones so far.
      const before = polls();
      const pushed = stream.patches.length;
      await expect.poll(polls, { timeout: 60_000 }).toBeGreaterThan(before + 2 * COUNT);
      expect(stream.patches.slice(pushed).filter((p) => p.vendors.length + p.removed.length > 0)).toEqual([]);

      servers[5]!.update((f) => setComponentStatus(f, 'Core/API', 'major_outage'));
      await page.getByText('1 vendor with problems').waitFor({ timeout: 30_000 });
      const row = page.getByRole('link', { name: /Vendor 5/ }).first();
      expect(await row.textContent()).toContain('Major outage');
      const changes = stream.patches.slice(pushed).filter((p) => p.vendors.length > 0);
      expect(changes.map((p) => p.vendors.map((v) => v.name))).toEqual([['Vendor 5']]);
      expect(changes[0]!.summary.tray).toBe('major_outage');
      // Numbered one after the other, each following the one before.
      for (const p of stream.patches.slice(1)) expect(p.since).toBe(p.seq - 1);
    } finally {
      stream.close();
      await close();
    }
  });

  it('shows the overview without loading the catalog or the markdown code, and brings the catalog when grouping by category', async () => {
    const { close, page } = await openPage(browser, app.url);
    try {
      await page.getByRole('list', { name: /Vendors, worst first/ }).waitFor({ timeout: 30_000 });
      const loaded = (): Promise<Array<{ name: string }>> =>
        page.evaluate(() =>
          performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname })),
        );
      const first = await loaded();
      const scripts = first.filter((e) => e.name.endsWith('.js')).map((e) => e.name);
      expect(scripts.some((n) => /\/assets\/mount-[^/]+\.js$/.test(n))).toBe(true);
      expect(scripts.filter((n) => /vendor-category|IncidentView/.test(n))).toEqual([]);
      // Grouping by category brings the catalog, once asked for.
      await page.getByRole('combobox', { name: 'Group' }).selectOption('category');
      await page.locator('.vgroup__head').first().waitFor({ timeout: 30_000 });
      expect((await loaded()).some((e) => /vendor-category-[^/]+\.js$/.test(e.name))).toBe(true);
    } finally {
      await page.evaluate(() => localStorage.removeItem('statustray.grouping')).catch(() => {});
      await close();
    }
  });
});

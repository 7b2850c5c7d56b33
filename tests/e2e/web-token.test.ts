// The web dashboard's access token in Chromium: the printed address opens the dashboard and the key
// leaves the address bar but survives a reload; the bare address and a link from another site get an
// explanation of how to open it instead of the user's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type FakeServer } from '../fakes/server';
import { startStatuspageServer, type StatuspageServer } from '../fakes/statuspage-server';
import { kustomerFixture } from '../fixtures/kustomer';
import { launchBrowser, openPage, startWebApp, type WebApp } from './harness';

let vendor: StatuspageServer;
let app: WebApp;
let browser: Browser;
let otherSite: FakeServer;

beforeAll(async () => {
  vendor = await startStatuspageServer({ page: kustomerFixture() });
  app = await startWebApp({ vendors: [{ url: vendor.pageUrl, name: 'Kustomer' }] });
  browser = await launchBrowser();
  const bare = new URL(app.url).origin + '/';
  // Another site on another loopback address, linking to the dashboard.
  otherSite = await startServer({
    routes: {
      '/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<!doctype html><title>elsewhere</title><a id="go" href="${bare}">open the dashboard</a>`);
      },
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await vendor?.close();
  await otherSite?.close();
});

describe('the web access token', () => {
  it('opens from the printed address, drops the key from the address bar and keeps it across a reload', async () => {
    expect(app.url).toMatch(/\?token=[\w-]{40,}$/);
    const { close, page, watch } = await openPage(browser, app.url);
    try {
      await page
        .getByRole('link', { name: /Kustomer/ })
        .first()
        .waitFor({ timeout: 20_000 });
      expect(page.url()).not.toContain('token');
      await page.reload();
      await page
        .getByRole('link', { name: /Kustomer/ })
        .first()
        .waitFor({ timeout: 20_000 });
      expect(watch.errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows no data at the bare address, and says how to open the dashboard', async () => {
    const { close, page } = await openPage(browser, new URL(app.url).origin + '/');
    try {
      await page
        .getByRole('heading', { level: 1, name: 'This dashboard needs its access key' })
        .waitFor({ timeout: 20_000 });
      expect(await page.getByText(/printed when it started/).count()).toBe(1);
      expect(await page.getByText(/Kustomer/).count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('answers a link from another site with a page that explains how to open it', async () => {
    const { close, page } = await openPage(browser, otherSite.url('/'));
    try {
      await Promise.all([page.waitForURL((u) => u.origin === new URL(app.url).origin), page.click('#go')]);
      await page.getByRole('heading', { name: 'Open StatusTray from its own address' }).waitFor();
      expect(await page.textContent('body')).toContain('statustray web');
    } finally {
      await close();
    }
  });
});

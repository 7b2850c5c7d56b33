// Adding a vendor by URL in the browser: the dashboard detects the page (platform, name, component
// count) before adding, the user watches one component, and from then on only that component moves the
// vendor's status — live, without a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  buildFixture,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { launchBrowser, openPage, screenshot, startWebApp, type WebApp } from './harness';

let vendor: StatuspageServer;
let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  vendor = await startStatuspageServer({
    page: buildFixture({
      name: 'Acme Cloud',
      standalone: ['Website'],
      groups: [
        { name: 'US East', components: ['API', 'Dashboard', 'Webhooks'] },
        { name: 'EU West', components: ['API', 'Dashboard', 'Webhooks'] },
      ],
    }),
  });
  app = await startWebApp({ vendors: [] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await vendor?.close();
});

describe('adding a vendor by its status page address', () => {
  it('detects the page, watches one component, and follows only that one', async () => {
    const { close, page, watch } = await openPage(browser, app.url);
    try {
      await page.getByRole('heading', { level: 1, name: 'Your vendors' }).waitFor();
      await page.getByRole('link', { name: 'Add vendor' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Add a vendor' }).waitFor();
      await page.getByRole('textbox', { name: 'Status page address' }).fill(vendor.pageUrl);
      await page.getByRole('button', { name: 'Detect' }).click();

      const found = page.getByRole('region', { name: 'What we found' });
      await found.waitFor({ timeout: 15_000 });
      const facts = (await found.locator('dl').textContent()) ?? '';
      expect(facts).toContain('Atlassian Statuspage');
      expect(facts).toContain('Acme Cloud');
      expect(facts).toContain('7 components');

      await page.getByLabel('Only the components I choose').check();
      // Both regions have an "API": the picker tells them apart by group.
      const euGroup = page.locator('.picker__group', { hasText: 'EU West' });
      await euGroup.getByLabel('API', { exact: true }).check();
      await page.getByText('1 component chosen').waitFor();
      await screenshot(page, 'add-vendor-light');
      const dark = await openPage(browser, `${app.url}#/add`, { colorScheme: 'dark' });
      await dark.page.getByRole('textbox', { name: 'Status page address' }).fill(vendor.pageUrl);
      await dark.page.getByRole('button', { name: 'Detect' }).click();
      await dark.page.getByRole('region', { name: 'What we found' }).waitFor({ timeout: 15_000 });
      await dark.page.getByLabel('Only the components I choose').check();
      await dark.page
        .locator('.picker__group', { hasText: 'EU West' })
        .getByLabel('API', { exact: true })
        .check();
      await screenshot(dark.page, 'add-vendor-dark');
      await dark.close();

      await page.getByRole('button', { name: 'Add vendor' }).click();
      await page.getByRole('heading', { level: 1, name: 'Acme Cloud' }).waitFor({ timeout: 15_000 });
      const exported = JSON.parse(await app.core.handlers['watchlist:export']()) as {
        vendors: Array<{ url: string; components?: string[] }>;
      };
      expect(exported.vendors).toEqual([
        expect.objectContaining({ url: vendor.pageUrl, components: ['EU West/API'] }),
      ]);

      // An unwatched component's outage does not touch the vendor's status…
      await page.getByRole('link', { name: 'Vendors', exact: true }).click();
      await page.getByText('Your vendor is operational').waitFor({ timeout: 15_000 });
      vendor.update((f) => setComponentStatus(f, 'US East/API', 'major_outage'));
      const requestsBefore = vendor.count('/api/v2/summary.json');
      // Wait for at least two more polls of the page, so the change has surely been read.
      await expect
        .poll(() => vendor.count('/api/v2/summary.json'))
        .toBeGreaterThanOrEqual(requestsBefore + 2);
      expect(await page.getByText('Your vendor is operational').isVisible()).toBe(true);

      // …the watched one's does, and the open page follows without a reload.
      vendor.update((f) => setComponentStatus(f, 'EU West/API', 'partial_outage'));
      await page.getByText('1 vendor with problems').waitFor({ timeout: 15_000 });
      const row = page.getByRole('link', { name: /Acme Cloud/ }).first();
      expect(await row.textContent()).toContain('Partial outage');
      await screenshot(page, 'overview-live-update-light');
      expect(watch.errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

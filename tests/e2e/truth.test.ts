// The window tells the truth at a glance, in Chromium through the web mode: toasts in a region of their
// own that follow the vendor (a recovery leaves no outage toast behind), watched components matched by the
// one rule ("api" reads "API", "Nope" is named with a suggestion), what is wrong above the fold, and every
// overview row's status in words. Screenshots of these states land in test-artifacts/screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  buildFixture,
  openOutage,
  resolveIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { STATUS_LABEL, type VendorStatus } from '../../shared/status';
import { launchBrowser, openPage, screenshot, startWebApp, type OpenedPage, type WebApp } from './harness';

// Workflow is last of its group by the alphabet: it must still be the first thing a person sees.
const ACME_COMPONENTS = [
  'Accounts',
  'Admin',
  'Analytics',
  'API',
  'Audit log',
  'Billing',
  'Calls',
  'Chat',
  'Dashboard',
  'Email',
  'Exports',
  'Imports',
  'Knowledge base',
  'Mobile',
  'Notifications',
  'Reporting',
  'Search',
  'SMS',
  'SSO',
  'Voice',
  'Webhooks',
  'Workflow',
];
const VENDORS = [
  { name: 'Acme Cloud', components: ACME_COMPONENTS },
  { name: 'Beacon Mail', components: ['API', 'Dashboard'], watch: ['api'] },
  { name: 'Cobalt CDN', components: ['API', 'Edge'], watch: ['Nope'] },
  { name: 'Delta Pay', components: ['API', 'Checkout'] },
  { name: 'Echo Chat', components: ['API'] },
  { name: 'Falcon CI', components: ['Builds'] },
];

let servers: StatuspageServer[] = [];
let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  servers = await Promise.all(
    VENDORS.map((v) =>
      startStatuspageServer({
        page: buildFixture({ name: v.name, groups: [{ name: 'Core', components: v.components }] }),
      }),
    ),
  );
  servers[0]!.update((f) => {
    openOutage(
      f,
      'Core/Workflow',
      {
        name: 'Workflow runs are failing for every customer while we roll back a faulty release',
        impact: 'critical',
        body: 'We are investigating failures of workflow runs. New runs fail at once; retries are queued.',
      },
      'major_outage',
    );
  });
  servers[1]!.update((f) => setComponentStatus(f, 'Core/API', 'degraded_performance'));
  app = await startWebApp({
    vendors: servers.map((s, i) => ({
      url: s.pageUrl,
      name: VENDORS[i]!.name,
      ...(VENDORS[i]!.watch ? { components: VENDORS[i]!.watch } : {}),
    })),
    intervalSeconds: 1,
    // Each vendor's own toasts are what this file is about: two vendors getting worse together would
    // otherwise wait (up to two minutes) for a third to make a group (tests/core/app/shared-cause.test.ts).
    settings: { groupMinVendors: 50 },
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await Promise.all(servers.map((s) => s.close()));
});

async function open(width: number, height: number, hash = ''): Promise<OpenedPage> {
  const opened = await openPage(browser, app.url + hash);
  await opened.page.setViewportSize({ width, height });
  return opened;
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Pairs of a toast and a content box (matched by `selector`) that intersect on screen. */
async function toastOverlaps(page: Page, selector: string): Promise<number> {
  const toasts = await page
    .locator('.toast')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  const content = await page
    .locator(selector)
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  expect(content.length).toBeGreaterThan(0);
  let n = 0;
  for (const t of toasts) for (const c of content) if (overlaps(t, c)) n++;
  return n;
}

describe('the overview says every status in words', () => {
  it('every row contains its status word; "api" reads "API"; "Nope" is named with a suggestion', async () => {
    const { page, close } = await open(1280, 800);
    try {
      await page.getByText(/^\d vendors? with problems/).waitFor({ timeout: 30_000 });
      const beacon = page.locator('li.row').filter({ hasText: 'Beacon Mail' });
      await expect.poll(() => beacon.textContent(), { timeout: 30_000 }).toContain('Degraded performance');
      const cobalt = page.locator('li.row').filter({ hasText: 'Cobalt CDN' });
      await expect
        .poll(() => cobalt.textContent(), { timeout: 30_000 })
        .toMatch(/'Nope' is not on this page — did you mean '.+'\?/);
      expect(await cobalt.textContent()).toContain('Unknown');
      const rows = await page
        .locator('li.row')
        .evaluateAll((els) => els.map((e) => ({ cls: e.className, text: e.textContent ?? '' })));
      expect(rows).toHaveLength(VENDORS.length);
      for (const row of rows) {
        const status = /row--(\w+) /.exec(row.cls)?.[1] as VendorStatus;
        expect(row.text).toContain(STATUS_LABEL[status]);
      }
      await screenshot(page, 'overview-status-words', { fullPage: false });
      await page.setViewportSize({ width: 400, height: 700 });
      await page.locator('li.row').first().waitFor();
      await screenshot(page, 'overview-400px-wrapped', { fullPage: false });
      // Names and problems get two lines at phone width, and there is no keyboard hint.
      expect(await page.getByText('Press / to search').isVisible()).toBe(false);
    } finally {
      await close();
    }
  });
});

describe('a vendor in major outage', () => {
  for (const [width, height, vendor, component] of [
    [1280, 800, 4, 'Core/API'],
    [400, 700, 5, 'Core/Builds'],
  ] as const) {
    it(`shows the broken component above the fold, and no toast over a status (${width}×${height})`, async () => {
      const { page, close } = await open(width, height);
      try {
        await page.locator('li.row').filter({ hasText: 'Acme Cloud' }).locator('a').click();
        const wrong = page.getByRole('region', { name: "What's wrong" });
        await wrong.waitFor({ timeout: 30_000 });
        const first = wrong.getByRole('listitem').first();
        await expect.poll(() => first.textContent()).toMatch(/Major outage\s*Workflow · Core/);
        const box = (await first.boundingBox())!;
        if (width === 1280) expect(box.y + box.height).toBeLessThanOrEqual(height);
        // Within its group too, the broken component comes first.
        const core = page.locator('.group__items').first();
        await expect.poll(() => core.locator('.component__name').first().textContent()).toBe('Workflow');
        // Another vendor breaks while the page is open: its toast comes, in a region of its own.
        servers[vendor]!.update((f) => setComponentStatus(f, component, 'major_outage'));
        await page.locator('.toast').first().waitFor({ timeout: 60_000 });
        expect(await toastOverlaps(page, '.status')).toBe(0);
        await screenshot(page, `vendor-problems-first-${width}px`, { fullPage: false });

        await page
          .getByRole('link', { name: /Workflow runs are failing/ })
          .first()
          .click();
        await page.locator('.update').first().waitFor();
        expect(await toastOverlaps(page, '.update')).toBe(0);
        if (width === 400) await screenshot(page, 'incident-400px-toasts', { fullPage: false });
      } finally {
        await close();
      }
    });
  }

  it('names the watched name the page lacks, with the nearest one, in the vendor view', async () => {
    const { page, close } = await open(1280, 800);
    try {
      await page.locator('li.row').filter({ hasText: 'Cobalt CDN' }).locator('a').click();
      const wrong = page.getByRole('region', { name: "What's wrong" });
      await expect
        .poll(() => wrong.textContent(), { timeout: 30_000 })
        .toMatch(/'Nope' is not on this page — did you mean '.+'\?/);
      await screenshot(page, 'vendor-unmatched-component', { fullPage: false });
    } finally {
      await close();
    }
  });
});

describe('toasts follow the vendor', () => {
  it('after an outage and its recovery, no outage toast of that vendor remains', async () => {
    const { page, close } = await open(1280, 800);
    try {
      await page.getByText(/^\d vendors? with problems/).waitFor({ timeout: 30_000 });
      let incident = '';
      servers[3]!.update((f) => {
        incident = openOutage(
          f,
          'Core/Checkout',
          { name: 'Checkout errors', impact: 'major' },
          'partial_outage',
        ).id;
      });
      const outageToasts = page.locator('.toast--partial_outage, .toast--major_outage').filter({
        hasText: 'Delta Pay',
      });
      await outageToasts.first().waitFor({ timeout: 60_000 });
      servers[3]!.update((f) => {
        setComponentStatus(f, 'Core/Checkout', 'operational');
        resolveIncident(f, incident);
      });
      await page
        .locator('.toast--operational')
        .filter({ hasText: 'Delta Pay' })
        .first()
        .waitFor({ timeout: 60_000 });
      // Every toast, the ones behind the count too.
      const more = page.getByRole('button', { name: /more notifications?$/ });
      if (await more.count()) await more.click();
      expect(await outageToasts.count()).toBe(0);
      await screenshot(page, 'toasts-after-recovery', { fullPage: false });
    } finally {
      await close();
    }
  });
});

describe('empty, locked and in a browser', () => {
  let empty: WebApp;
  beforeAll(async () => {
    empty = await startWebApp({ vendors: [] });
  }, 60_000);
  afterAll(async () => {
    await empty?.stop();
  });

  it('offers the catalog, an import and the demo; says the key is missing once; no desktop option', async () => {
    const { page, close } = await openPage(browser, empty.url);
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('link', { name: 'Add a vendor' }).waitFor({ timeout: 30_000 });
      expect(await page.getByRole('link', { name: 'Import in Settings' }).count()).toBe(1);
      await screenshot(page, 'overview-empty', { fullPage: false });

      await page.getByRole('link', { name: 'Settings' }).first().click();
      await page.getByText('Show notifications in this page').waitFor();
      expect(await page.getByText('Show desktop notifications').count()).toBe(0);
      await page.getByRole('heading', { name: 'Beyond this desktop' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'settings-browser', { fullPage: true });
    } finally {
      await close();
    }
    // A tab opened without the key (the key lives in a tab's own storage).
    const { page: locked, close: closeLocked } = await openPage(browser, new URL(empty.url).origin + '/');
    try {
      await locked.setViewportSize({ width: 1280, height: 800 });
      await locked.getByRole('heading', { name: 'This dashboard needs its access key' }).waitFor();
      expect(await locked.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      expect(await locked.getByText(/access key/).count()).toBe(1);
      await screenshot(locked, 'locked', { fullPage: false });
    } finally {
      await closeLocked();
    }
  });
});

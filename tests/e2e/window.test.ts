// The window a person with forty vendors lives in, in Chromium through the web mode: compact rows so that
// 15+ vendors fit at 1280×800, a tab whose title and favicon follow the tray during an outage, narrow
// windows that wrap to two lines then cut, and a catalog pick whose page cannot be read keeping its name and components.
// Screenshots of the overview (light, dark), a vendor and an incident land in test-artifacts/screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppState } from '../../shared/ipc';
import { CATALOG } from '../../shared/catalog';
import { MockAgent } from 'undici';
import { createHttpClient } from '../../electron/core/http/client';
import {
  buildFixture,
  openIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { sortWorstFirst } from '../../renderer/src/views/OverviewView';
import { vendorCategory } from '../../renderer/src/vendor-category';
import { launchBrowser, openPage, recordMeasurement, screenshot, startWebApp, type WebApp } from './harness';

const NAMES = [
  'Acme Cloud',
  'Beacon Mail',
  'Cobalt CDN',
  'Delta Pay',
  'Echo Chat',
  'Falcon CI',
  'Garnet DB',
  'Harbor DNS',
  'Indigo Auth',
  'Juniper Logs',
  'Kestrel Queue',
  'Lumen Search',
  'Maple CRM',
  'Nimbus Storage',
  'Onyx Video',
  'Pico Metrics',
  'Quartz Forms',
  'Raven SMS',
  'Sable Billing',
  'Tidal Analytics',
  'Umber Maps',
  'Vivid Design',
  'Willow HR',
  'Xenon AI',
  'Yarrow Docs',
  'Zephyr Hosting',
  'Amber Support',
  'Birch Tickets',
  'Cedar Git',
  'Dune Builds',
  'Ember Flags',
  'Fjord Email',
  'Glade Wiki',
  'Heron Status',
  'Iris Vision',
  'Jade Payroll',
  'Koi Commerce',
  'Lark Voice',
  'Moss Backup',
  'Nova Edge',
];
const LONG_TITLE =
  'Elevated error rates and delayed webhook deliveries for customers in several regions while we roll back a faulty configuration change';

let servers: StatuspageServer[] = [];
let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  servers = await Promise.all(
    NAMES.map((name) =>
      startStatuspageServer({
        page: buildFixture({
          name,
          groups: [{ name: 'Core', components: ['API', 'Dashboard', 'Webhooks'] }],
        }),
      }),
    ),
  );
  // Some vendors in trouble, as a real watchlist of forty has on a bad day.
  servers[7]!.update((f) => {
    setComponentStatus(f, 'Core/API', 'major_outage');
    openIncident(f, { name: 'DNS resolution failing', impact: 'critical', components: ['Core/API'] });
  });
  servers[22]!.update((f) => {
    setComponentStatus(f, 'Core/Webhooks', 'partial_outage');
    openIncident(f, { name: LONG_TITLE, impact: 'major', components: ['Core/Webhooks'] });
  });
  servers[31]!.update((f) => setComponentStatus(f, 'Core/Dashboard', 'degraded_performance'));
  app = await startWebApp({
    vendors: servers.map((s, i) => ({ url: s.pageUrl, name: NAMES[i] })),
    intervalSeconds: 2,
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await Promise.all(servers.map((s) => s.close()));
});

async function openOverview(
  options: { colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {},
) {
  const opened = await openPage(browser, app.url, { colorScheme: options.colorScheme ?? 'light' });
  await opened.page.setViewportSize({ width: options.width ?? 1280, height: options.height ?? 800 });
  try {
    // Every vendor read (nothing unknown), whatever the earlier tests did to the outages.
    await opened.page.getByText(/^\d+ vendors? with problems$/).waitFor({ timeout: 30_000 });
  } catch (err) {
    const summary = await opened.page
      .locator('.summary')
      .textContent()
      .catch(() => null);
    const rows = await opened.page
      .locator('li.row')
      .allTextContents()
      .catch(() => []);
    throw new Error(
      `overview never showed the outages: summary ${summary}; rows ${rows.slice(0, 5).join(' | ')}`,
      {
        cause: err,
      },
    );
  }
  return opened;
}

/** Screenshots show the view, not the notifications that happened to arrive (outage toasts stay). */
async function dismissToasts(page: Page): Promise<void> {
  const dismiss = page
    .getByRole('region', { name: 'Notifications' })
    .getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}

/**
 * The window is shown `state` instead of the engine's: the first read and the event stream both answer
 * with it (the stream asks the browser not to reconnect for ten minutes).
 */
async function serveState(context: BrowserContext, state: AppState): Promise<void> {
  await context.route(/\/api\/state:get/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(state) }),
  );
  await context.route(/\/api\/events/, (route) =>
    route.fulfill({
      contentType: 'text/event-stream',
      body: `retry: 600000\nevent: state:changed\ndata: ${JSON.stringify(state)}\n\n`,
    }),
  );
}

describe('a window for forty vendors', () => {
  it('shows at least 15 vendors at 1280×800, those in trouble first', async () => {
    const { close, page, watch } = await openOverview();
    try {
      await page.getByText('3 vendors with problems', { exact: true }).waitFor();
      // Toasts have a strip of their own above the list (they never cover it): counted once read.
      await dismissToasts(page);
      const visible = await page.evaluate(() => {
        const rows = [...document.querySelectorAll<HTMLElement>('.vlist__inner > li.row')];
        return rows.filter((r) => {
          const box = r.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }).length;
      });
      await recordMeasurement('overview_rows_visible_1280x800_40_vendors', visible);
      expect(visible).toBeGreaterThanOrEqual(15);
      const firstThree = await page
        .locator('.vlist__inner > li.row .row__name')
        .evaluateAll((els) => els.slice(0, 3).map((e) => e.textContent));
      expect(firstThree).toEqual(['Harbor DNS', 'Willow HR', 'Fjord Email']);
      await screenshot(page, 'overview-light', { fullPage: false });
      const dark = await openOverview({ colorScheme: 'dark' });
      await dismissToasts(dark.page);
      await screenshot(dark.page, 'overview-dark', { fullPage: false });
      await dark.close();
      expect(watch.errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('puts the outage in the tab title and favicon, and updates them when it ends', async () => {
    const { close, page } = await openOverview();
    try {
      await page.getByText('3 vendors with problems', { exact: true }).waitFor();
      expect(await page.title()).toBe('(3) StatusTray — 3 vendors with problems');
      const icon = page.locator('link[rel="icon"]');
      expect(await icon.getAttribute('data-status')).toBe('major_outage');
      const href = (await icon.getAttribute('href')) ?? '';
      expect(href.startsWith('data:image/svg+xml,')).toBe(true);
      expect(decodeURIComponent(href)).toContain('#d92b2b');
      // The favicon really is an image the browser can draw.
      const drawn = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return img.naturalWidth;
      }, href);
      expect(drawn).toBe(16);

      servers[7]!.update((f) => setComponentStatus(f, 'Core/API', 'operational'));
      servers[7]!.update((f) => {
        const incident = f.incidents[0]!;
        incident.status = 'resolved';
        incident.resolved_at = new Date().toISOString();
      });
      await page.waitForFunction(() => document.title.startsWith('(2) StatusTray'), undefined, {
        timeout: 30_000,
      });
      expect(await page.title()).toBe('(2) StatusTray — 2 vendors with problems');
      expect(await icon.getAttribute('data-status')).toBe('partial_outage');
    } finally {
      await close();
    }
  });

  it('wraps long titles to two lines in a 400 px window, then cuts them, instead of clipping or overflowing', async () => {
    const { close, page } = await openOverview({ width: 400, height: 800 });
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const row = page.locator('li.row', { hasText: 'Willow HR' });
      const title = row.locator('.row__problem');
      // Two lines of the title (not a few letters of it), and the rest cut with an ellipsis.
      const style = await title.evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          lines: s.webkitLineClamp,
          twoLines: el.clientHeight >= 1.8 * parseFloat(s.lineHeight),
          clipped: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
        };
      });
      expect(style).toEqual({ lines: '2', twoLines: true, clipped: true });
      await screenshot(page, 'overview-400px', { fullPage: false });
      // The other views at 400 px: long titles and errors wrap or ellipsize, nothing runs off the side.
      await page.locator('li.row', { hasText: 'Willow HR' }).locator('a').click();
      const runsOff = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      await page.getByRole('heading', { level: 2, name: 'Components' }).waitFor();
      expect(await runsOff()).toBe(false);
      await page.getByRole('link', { name: LONG_TITLE }).first().click();
      await page.getByRole('heading', { level: 1, name: LONG_TITLE }).waitFor();
      expect(await runsOff()).toBe(false);
      await page.getByRole('link', { name: 'Add vendor' }).first().click();
      await page
        .getByRole('textbox', { name: 'Status page address' })
        .fill('ftp://an-address-that-is-far-too-long-to-fit.example.com/status/page');
      await page.getByRole('button', { name: 'Detect' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Enter an address that starts with https://' })
        .waitFor();
      expect(await runsOff()).toBe(false);
    } finally {
      await close();
    }
  });

  it('keeps a 500-character name and a 2,000-character error inside a 400 px window', async () => {
    // The engine cuts names to 200 and errors to 1,000 characters; the window must hold far longer text
    // still, so the state it receives is the engine's own with one vendor's name and error made huge.
    const longName = `Acme Cloud ${'Platform'.repeat(30)} ${'n'.repeat(248)}`;
    const longError = `The server answered with a page of its own instead of a status: ${'x'.repeat(1000)} ${'word '.repeat(187)}`;
    expect(longName.length).toBe(500);
    expect(longError.length).toBeGreaterThanOrEqual(2000);
    const real = await app.core.handlers['state:get']();
    const state = {
      ...real,
      vendors: real.vendors.map((v) =>
        v.name === 'Acme Cloud'
          ? { ...v, name: longName, stale: true, error: { kind: 'network' as const, message: longError } }
          : v,
      ),
    };
    const context = await browser.newContext({ viewport: { width: 400, height: 800 }, locale: 'en-US' });
    try {
      await serveState(context, state);
      await context.route(/\/api\/vendors:detect/, (route) =>
        route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            url: 'https://status.example.net',
            platform: 'unknown',
            name: null,
            componentCount: 0,
            components: [],
            error: { kind: 'unrecognized', message: longError },
          }),
        }),
      );
      const page = await context.newPage();
      await page.goto(app.url);
      const overflows = () =>
        page.evaluate(() => {
          const root = document.scrollingElement ?? document.documentElement;
          return root.scrollWidth > root.clientWidth;
        });
      // Of forty rows only those in view are in the page: search brings the long one up whatever its rank.
      await page.getByRole('searchbox', { name: 'Search' }).fill('Acme Cloud Platform');
      const row = page.locator('li.row', { hasText: 'Acme Cloud Platform' });
      await row.waitFor({ timeout: 30_000 });
      expect(await overflows()).toBe(false);
      // The row's problem gets two lines and is cut there; name and error are whole in their tooltips.
      const problem = row.locator('.row__problem');
      expect(
        await problem.evaluate((el) => ({
          lines: getComputedStyle(el).webkitLineClamp,
          cut: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
        })),
      ).toEqual({ lines: '2', cut: true });
      expect(await row.locator('.row__name').getAttribute('title')).toBe(longName);
      expect(await problem.locator('.warning').getAttribute('title')).toBe(longError);
      await page.getByRole('checkbox', { name: 'Roomy cards' }).check();
      await row.locator('.row__line').first().waitFor();
      expect(await overflows()).toBe(false);
      await page.getByRole('checkbox', { name: 'Roomy cards' }).uncheck();

      // The vendor's own page: the error cut to a few lines, all of it one click away.
      await row.locator('a').click();
      const warning = page.locator('p.warning', { hasText: 'Unreachable:' });
      await warning.waitFor();
      expect(await overflows()).toBe(false);
      await warning.getByRole('button', { name: 'Show all' }).click();
      await warning.getByRole('button', { name: 'Show less' }).waitFor();
      expect(await overflows()).toBe(false);

      // Adding a vendor whose page answers with that error: the result stays inside the window too.
      await page.getByRole('link', { name: 'Add vendor' }).first().click();
      await page.getByRole('textbox', { name: 'Status page address' }).fill('https://status.example.net');
      await page.getByRole('button', { name: 'Detect' }).click();
      const reason = page.getByRole('region', { name: 'What we found' }).getByRole('alert');
      await reason.waitFor({ timeout: 30_000 });
      expect(await overflows()).toBe(false);
      const cut = await reason.locator('.long-text').evaluate((el) => ({
        title: el.getAttribute('title'),
        cut: el.scrollHeight > el.clientHeight,
        height: el.getBoundingClientRect().height,
      }));
      expect(cut.title).toBe(longError);
      expect(cut.cut).toBe(true);
      // Three lines, not a wall of text.
      expect(cut.height).toBeLessThan(100);
      await screenshot(page, 'add-vendor-long-error-400px', { fullPage: false });
      await reason.getByRole('button', { name: 'Show all' }).click();
      await reason.getByRole('button', { name: 'Show less' }).waitFor();
      expect(await overflows()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('groups the overview under catalog categories, the category in trouble first', async () => {
    // The fakes are on loopback, which no catalog entry is: the window is shown the engine's state with
    // the vendors given catalog pages' names and addresses (only shown, never fetched), five a category.
    const categories = [
      'cloud',
      'devtools',
      'communication',
      'payments',
      'monitoring',
      'identity',
      'email',
      'ai',
    ];
    // One page a vendor (no regional or product variants), so the rows read like a real watchlist.
    const vendorsOnly = CATALOG.filter((e) => !e.name.includes('('));
    const seen = new Set<string>();
    const distinct = vendorsOnly.filter((e) => {
      const brand = e.name.split(' ')[0]!;
      if (seen.has(brand)) return false;
      seen.add(brand);
      return true;
    });
    const picks = categories.flatMap((c) => distinct.filter((e) => e.category === c).slice(0, 5));
    expect(picks).toHaveLength(NAMES.length);
    const real = await app.core.handlers['state:get']();
    const state: AppState = {
      ...real,
      vendors: real.vendors.map((v) => {
        const pick = picks[NAMES.indexOf(v.name)]!;
        return { ...v, name: pick.name, url: pick.url };
      }),
    };
    const worst = sortWorstFirst(state.vendors)[0]!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    try {
      await serveState(context, state);
      const page = await context.newPage();
      await page.goto(app.url);
      await page.getByRole('combobox', { name: 'Group' }).selectOption('category');
      const heads = page.locator('.vgroup__head');
      await heads.first().waitFor({ timeout: 30_000 });
      const firstGroup = (await heads.first().textContent()) ?? '';
      expect(firstGroup).toContain(vendorCategory(worst.url));
      expect(firstGroup).toMatch(/with problems/);
      expect(await heads.count()).toBeGreaterThanOrEqual(3);
      await dismissToasts(page);
      await screenshot(page, 'overview-by-category', { fullPage: false });
    } finally {
      await context.close();
    }
  });

  it('shows a vendor and its incident', async () => {
    const { close, page } = await openOverview();
    try {
      await page.locator('li.row', { hasText: 'Willow HR' }).locator('a').click();
      await page.getByRole('heading', { level: 1, name: 'Willow HR' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Components' }).waitFor();
      await dismissToasts(page);
      await screenshot(page, 'vendor', { fullPage: false });
      await page.getByRole('link', { name: LONG_TITLE }).first().click();
      await page.getByRole('heading', { level: 1, name: LONG_TITLE }).waitFor();
      await dismissToasts(page);
      await screenshot(page, 'incident', { fullPage: false });
    } finally {
      await close();
    }
  });
});

describe('a catalog pick whose page cannot be read now', () => {
  let offline: WebApp;
  let agent: MockAgent;
  beforeAll(async () => {
    // Nothing answers: every request fails at once, as with no route to the vendor (no traffic leaves).
    agent = new MockAgent();
    agent.disableNetConnect();
    offline = await startWebApp({ vendors: [], core: { http: createHttpClient({ dispatcher: agent }) } });
  }, 120_000);
  afterAll(async () => {
    await offline?.stop();
    await agent?.close();
  });

  it('says the page could not be read and why, and "Add anyway" keeps the catalog name and components', async () => {
    const { close, page } = await openPage(browser, `${offline.url}#/add`);
    try {
      await page.getByRole('searchbox', { name: 'Vendor name' }).fill('AWS Lambda');
      await page.getByRole('button', { name: 'Choose AWS Lambda', exact: true }).click();
      const found = page.getByRole('region', { name: 'What we found' });
      await found.waitFor({ timeout: 30_000 });
      const text = (await found.textContent()) ?? '';
      expect(text).toContain('The page could not be read:');
      expect(text).toContain('AWS Lambda (from the catalog)');
      expect(text).toContain('1 component chosen in the catalog: AWS Lambda');
      expect(text).not.toContain('publishes no component list');
      expect(text).not.toContain('Not published');
      await page.getByRole('button', { name: 'Add anyway' }).click();
      await page.getByRole('heading', { level: 1, name: 'AWS Lambda' }).waitFor({ timeout: 15_000 });
      const exported = JSON.parse(await offline.core.handlers['watchlist:export']()) as {
        vendors: Array<{ url: string; name?: string; components?: string[] }>;
      };
      expect(exported.vendors).toEqual([
        expect.objectContaining({ name: 'AWS Lambda', components: ['AWS Lambda'] }),
      ]);
    } finally {
      await close();
    }
  });
});

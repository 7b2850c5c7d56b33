// Web mode's opt-in browser notifications in Chromium: allowed for the dashboard's origin, switched on in
// Settings, a vendor going down in a background tab makes a Notification with the desktop's title, and the
// in-page toast about the outage stays until dismissed while lesser news fades.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  buildFixture,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { launchBrowser, startWebApp, type WebApp } from './harness';

interface Recorded {
  title: string;
  body?: string;
  tag?: string;
}

declare global {
  interface Window {
    __notifications?: Recorded[];
    __inBackground?: boolean;
  }
}

let down: StatuspageServer;
let slow: StatuspageServer;
let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  const start = (name: string) =>
    startStatuspageServer({
      page: buildFixture({ name, groups: [{ name: 'Core', components: ['API', 'Dashboard'] }] }),
    });
  [down, slow] = await Promise.all([start('Falcon CI'), start('Glade Wiki')]);
  app = await startWebApp({
    vendors: [
      { url: down.pageUrl, name: 'Falcon CI' },
      { url: slow.pageUrl, name: 'Glade Wiki' },
    ],
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
  await Promise.all([down, slow].map((s) => s?.close()));
});

describe('browser notifications in web mode', () => {
  it('once allowed and switched on, a background tab shows the outage as a notification; the toast stays', async () => {
    const origin = new URL(app.url).origin;
    const context = await browser.newContext({ viewport: { width: 1200, height: 860 }, locale: 'en-US' });
    try {
      await context.grantPermissions(['notifications'], { origin });
      // Headless Chromium may not display notifications: record every one the page creates. And a
      // headless page is always "visible", so the test says when the tab is in the background.
      await context.addInitScript(() => {
        const Native = window.Notification;
        window.__notifications = [];
        class RecordedNotification extends Native {
          constructor(title: string, options?: NotificationOptions) {
            window.__notifications!.push({ title, body: options?.body, tag: options?.tag });
            super(title, options);
          }
        }
        window.Notification = RecordedNotification;
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (window.__inBackground ? 'hidden' : 'visible'),
        });
      });
      // The page's clock runs as usual until the test moves it on past the toasts' fading time.
      await context.clock.install();
      const page = await context.newPage();
      await page.goto(app.url);
      await page.getByText('All 2 vendors operational').waitFor({ timeout: 30_000 });

      await page.getByRole('link', { name: 'Settings' }).click();
      // The box ticks once the browser has answered the permission request: click, then wait for it.
      const optIn = page.getByRole('checkbox', {
        name: 'Show browser notifications when this tab is in the background',
      });
      await optIn.click();
      await page
        .getByText('Browser notifications are on for this tab while it is in the background.')
        .waitFor();
      await page.getByRole('link', { name: 'Vendors' }).first().click();
      await page.getByText('All 2 vendors operational').waitFor();

      await page.evaluate(() => {
        window.__inBackground = true;
        document.dispatchEvent(new Event('visibilitychange'));
      });
      down.update((f) => setComponentStatus(f, 'Core/API', 'major_outage'));
      slow.update((f) => setComponentStatus(f, 'Core/Dashboard', 'degraded_performance'));

      const outageTitle = 'Falcon CI — Major outage: Core / API';
      const slowTitle = 'Glade Wiki — Degraded performance: Core / Dashboard';
      await page.waitForFunction(
        (titles) => titles.every((t) => window.__notifications?.some((n) => n.title === t)),
        [outageTitle, slowTitle],
        { timeout: 60_000 },
      );
      const shown = await page.evaluate(() => window.__notifications ?? []);
      expect(shown.filter((n) => n.title === outageTitle)).toHaveLength(1);

      // In the page, the outage's toast stays while the lesser news fades.
      const toasts = page.getByRole('region', { name: 'Notifications' });
      const outageToast = toasts.getByRole('listitem').filter({ hasText: outageTitle });
      const slowToast = toasts.getByRole('listitem').filter({ hasText: slowTitle });
      await outageToast.waitFor();
      await slowToast.waitFor();
      await page.clock.fastForward('05:00');
      await slowToast.waitFor({ state: 'detached' });
      expect(await outageToast.isVisible()).toBe(true);
      await outageToast.getByRole('button', { name: 'Dismiss' }).click();
      await outageToast.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });
});

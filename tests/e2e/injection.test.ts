// A hostile status page: component names, the page name, incident titles and update bodies carry script
// injections. The dashboard must show them as inert text: no dialog, no request to the attacker, no
// injected element, no event-handler attribute, no javascript: link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  buildFixture,
  openIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageFixture,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { launchBrowser, openPage, screenshot, startWebApp, type WebApp } from './harness';

// The attacker's host: any request to it means an injected element was live.
const ATTACKER = 'http://127.0.0.9:9';
const SCRIPT_NAME = `<script>alert('component')</script>Billing`;
const IMG_NAME = `<img src="${ATTACKER}/component.png" onerror="alert('img')">Search`;
const GROUP_NAME = `<iframe src="javascript:alert('group')"></iframe>Core`;
const PAGE_NAME = `Evil <svg onload="alert('page')">Corp`;
const INCIDENT_TITLE = `<img src="${ATTACKER}/title.png" onerror="alert('title')">Checkout is down`;
const BODY = [
  `We are investigating. <script>alert('body')</script>`,
  '',
  `<iframe src="${ATTACKER}/frame.html"></iframe>`,
  '',
  `<img src="${ATTACKER}/body.png" onerror="alert('body-img')">`,
  '',
  `[Click for details](javascript:alert('link')) and [the real page](https://status.example.com/incidents/1).`,
  '',
  `![tracker](${ATTACKER}/tracker.png)`,
  '',
  `<a href="javascript:alert('raw-link')" onclick="alert('click')">raw link</a> **still bold**`,
].join('\n');

function hostileFixture(): StatuspageFixture {
  const fixture = buildFixture({
    name: PAGE_NAME,
    url: 'https://status.evil.example',
    standalone: [SCRIPT_NAME],
    groups: [{ name: GROUP_NAME, components: [IMG_NAME, 'Payments'] }],
  });
  const idOf = (name: string) => fixture.components.find((c) => c.name === name && !c.group)!.id;
  setComponentStatus(fixture, idOf(IMG_NAME), 'major_outage');
  openIncident(fixture, {
    name: INCIDENT_TITLE,
    impact: 'critical',
    body: BODY,
    components: [idOf(IMG_NAME)],
  });
  return fixture;
}

let vendor: StatuspageServer;
let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  vendor = await startStatuspageServer({ page: hostileFixture() });
  app = await startWebApp({ vendors: [{ url: vendor.pageUrl }] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await vendor?.close();
});

/** Everything in the document that would be live markup from the page rather than the app's own. */
async function liveInjections(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
        if (/^\s*javascript:/i.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
    for (const el of Array.from(document.querySelectorAll('iframe, object, embed, img, svg image'))) {
      found.push(`element ${el.tagName}`);
    }
    for (const script of Array.from(document.querySelectorAll('script'))) {
      if (!script.src) found.push(`inline script: ${script.textContent?.slice(0, 40)}`);
    }
    return found;
  });
}

describe('a status page carrying script injections', () => {
  it('shows names, titles and bodies as inert text in every view', async () => {
    const { close, page, watch } = await openPage(browser, app.url);
    try {
      await page.getByRole('heading', { level: 1, name: 'Your vendors' }).waitFor();
      // The injected title arrives as text in the overview (the vendor is in a critical incident).
      await page.getByText('Checkout is down').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('main').textContent()).toContain(`<img src="${ATTACKER}/title.png"`);
      expect(await liveInjections(page)).toEqual([]);
      await screenshot(page, 'injection-overview');

      await page.getByRole('link', { name: /Evil/ }).first().click();
      await page.getByRole('heading', { level: 1, name: /Evil/ }).waitFor();
      // The heading comes from the overview's state; the components arrive with the vendor's detail.
      await page.getByText(GROUP_NAME).first().waitFor();
      const vendorText = (await page.locator('main').textContent()) ?? '';
      expect(vendorText).toContain(PAGE_NAME);
      expect(vendorText).toContain(SCRIPT_NAME);
      expect(vendorText).toContain(IMG_NAME);
      expect(vendorText).toContain(GROUP_NAME);
      expect(await liveInjections(page)).toEqual([]);
      await screenshot(page, 'injection-vendor');

      await page
        .getByRole('link', { name: /Checkout is down/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: /Checkout is down/ }).waitFor();
      const incidentText = (await page.locator('main').textContent()) ?? '';
      expect(incidentText).toContain(`<script>alert('body')</script>`);
      expect(incidentText).toContain(`<iframe src="${ATTACKER}/frame.html"></iframe>`);
      expect(incidentText).toContain('Click for details');
      // Markdown still works around the injections.
      expect(await page.locator('main strong', { hasText: 'still bold' }).count()).toBe(1);
      // The javascript: link is not a link; the https one is, and opens in a new tab without an opener.
      expect(await page.getByRole('link', { name: 'Click for details' }).count()).toBe(0);
      const real = page.getByRole('link', { name: 'the real page' });
      expect(await real.getAttribute('href')).toBe('https://status.example.com/incidents/1');
      expect(await real.getAttribute('rel')).toContain('noopener');
      expect(await liveInjections(page)).toEqual([]);
      await screenshot(page, 'injection-incident');

      // Once the page has run what it had queued (two frames, then a task), check nothing ever fired.
      await page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
          ),
      );
      expect(watch.dialogs).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      expect(watch.errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

// What only a real browser can tell about accessibility: the dashboard is usable from the keyboard with a
// visible focus indicator, and its text keeps a readable contrast (WCAG AA) in the light and dark themes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  openIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { kustomerFixture } from '../fixtures/kustomer';
import { launchBrowser, openPage, startWebApp, type WebApp } from './harness';

let vendor: StatuspageServer;
let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  const page = kustomerFixture();
  // Some color on the page: a degraded component and an open incident.
  setComponentStatus(page, 'Prod1 (US)/Workflow', 'major_outage');
  setComponentStatus(page, 'Prod2 (EU)/Search', 'degraded_performance');
  openIncident(page, {
    name: 'Workflow events delayed',
    impact: 'major',
    components: ['Prod1 (US)/Workflow'],
  });
  vendor = await startStatuspageServer({ page });
  app = await startWebApp({ vendors: [{ url: vendor.pageUrl, name: 'Kustomer' }] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await vendor?.close();
});

/** Text whose contrast with its effective background is below WCAG AA (4.5:1, 3:1 for large text). */
async function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (color: string): [number, number, number, number] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(color);
      if (!m) return null;
      const parts = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let node = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg && bg[3] > 0.5) return bg;
      }
      return [255, 255, 255, 1];
    };
    const problems: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue;
      if (el.closest('[aria-hidden="true"], .visually-hidden, option, button:disabled')) continue;
      const fg = parse(style.color);
      if (!fg) continue;
      const bg = background(el);
      const mixed = fg.slice(0, 3).map((c, i) => c * fg[3] + bg[i]! * (1 - fg[3]));
      const [l1, l2] = [luminance(mixed), luminance(bg)].sort((a, b) => b - a);
      const ratio = (l1! + 0.05) / (l2! + 0.05);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      if (ratio < (large ? 3 : 4.5))
        problems.push(
          `${ratio.toFixed(2)}:1 "${text.slice(0, 40)}" (${style.color} on rgb(${bg.slice(0, 3).join(',')}))`,
        );
    }
    return [...new Set(problems)];
  });
}

describe('accessibility in a real browser', () => {
  it('works from the keyboard, with a visible focus, from the overview to an incident', async () => {
    const { close, page } = await openPage(browser, app.url);
    try {
      await page.getByText('1 vendor with problems').waitFor({ timeout: 20_000 });
      // Tab until the vendor row has focus: it is reachable, and its focus is visible.
      let focused = '';
      for (let i = 0; i < 30 && !focused.includes('Kustomer'); i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      }
      expect(focused).toContain('Kustomer');
      const indicator = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow };
      });
      expect((indicator.outline !== 'none' && indicator.width !== '0px') || indicator.shadow !== 'none').toBe(
        true,
      );
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Kustomer' }).waitFor();

      // A group collapses and expands from the keyboard.
      const toggle = page.getByRole('button', { name: /Prod1 \(US\)/ });
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');

      // The open incident is a link reached from the keyboard too.
      await page.getByRole('link', { name: 'Workflow events delayed' }).first().focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Workflow events delayed' }).waitFor();
    } finally {
      await close();
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps text readable (WCAG AA contrast) in the ${scheme} theme`, async () => {
      const { close, page } = await openPage(browser, app.url, { colorScheme: scheme });
      try {
        await page.getByText('1 vendor with problems').waitFor({ timeout: 20_000 });
        const problems: string[] = [];
        problems.push(...(await lowContrastText(page)));
        await page
          .getByRole('link', { name: /Kustomer/ })
          .first()
          .click();
        await page.getByRole('heading', { level: 1, name: 'Kustomer' }).waitFor();
        problems.push(...(await lowContrastText(page)));
        await page.getByRole('link', { name: 'Workflow events delayed' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Workflow events delayed' }).waitFor();
        problems.push(...(await lowContrastText(page)));
        await page.getByRole('link', { name: 'Add vendor' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Add a vendor' }).waitFor();
        problems.push(...(await lowContrastText(page)));
        await page.getByRole('link', { name: 'Settings' }).click();
        await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
        problems.push(...(await lowContrastText(page)));
        expect([...new Set(problems)]).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

// The window tells the truth at a glance: what is wrong first in a vendor's view, watched names the page
// lacks named with the nearest one, and in-page notifications that follow the vendor.
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppNotification } from '../../shared/notification';
import type { Component } from '../../shared/model';
import { createFakeBridge } from './fake-bridge';
import { appState, kustomerDetail, kustomerSnapshot, kustomerSummary, mixedVendors, NOW } from './fixtures';
import { renderApp } from './render-app';
import { problemsFirst, whatsWrong } from '../../renderer/src/views/VendorView';
import { addToast } from '../../renderer/src/toast-list';

function bridgeFor(summaryPatch: Parameters<typeof kustomerSummary>[0] = {}) {
  const listeners = new Set<(n: AppNotification) => void>();
  const vendors = mixedVendors().map((v) => (v.id === 'kustomer' ? kustomerSummary(summaryPatch) : v));
  const bridge = Object.assign(
    createFakeBridge({
      'state:get': async () => appState(vendors),
      'vendor:get': async () => ({ ...kustomerDetail(), summary: kustomerSummary(summaryPatch) }),
    }),
    {
      onNotification(listener: (n: AppNotification) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  );
  return { bridge, notify: (n: AppNotification) => listeners.forEach((l) => l(n)) };
}

describe("a vendor's view puts what is wrong first", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the broken components at the top: component, group, status and since when', async () => {
    renderApp(bridgeFor().bridge, '#/vendor/kustomer');
    const wrong = await screen.findByRole('region', { name: "What's wrong" });
    const items = within(wrong).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/Partial outage\s*Workflow · Prod1 \(US\)/);
    expect(items[1]).toHaveTextContent(/Degraded performance\s*Channel - Email · Prod1 \(US\)/);
    // It comes before the incidents, the components and the history.
    const sections = [...document.querySelectorAll('section h2')].map((h) => h.textContent);
    expect(sections[0]).toBe("What's wrong");
  });

  it('orders each group with its problems first, worst first, the rest as the page has them', () => {
    const c = (name: string, status: Component['status']): Component => ({
      id: name,
      name,
      group: 'G',
      status,
    });
    const ordered = problemsFirst([
      c('A', 'operational'),
      c('B', 'degraded'),
      c('C', 'operational'),
      c('W', 'major_outage'),
      c('U', 'unknown'),
    ]);
    expect(ordered.map((x) => x.name)).toEqual(['W', 'B', 'A', 'C', 'U']);
  });

  it('gives the watched problems before the others, with the open incident\'s start as "since"', () => {
    const snapshot = kustomerSnapshot();
    const items = whatsWrong(snapshot, ['Prod1 (US)/Channel - Email']);
    expect(items.map((i) => [i.name, i.watched])).toEqual([
      ['Channel - Email', true],
      ['Workflow', false],
    ]);
  });

  it("names a watched name the page lacks, with the page's nearest name", async () => {
    renderApp(
      bridgeFor({
        status: 'unknown',
        unmatchedComponents: [
          { name: 'api', suggestion: 'API' },
          { name: 'Nope', suggestion: null },
        ],
      }).bridge,
      '#/vendor/kustomer',
    );
    const wrong = await screen.findByRole('region', { name: "What's wrong" });
    expect(wrong).toHaveTextContent("'api' is not on this page — did you mean 'API'?");
    expect(wrong).toHaveTextContent("'Nope' is not on this page.");
  });
});

describe('in-page notifications follow the vendor', () => {
  const n = (
    key: string,
    vendorId: string | null,
    severity: AppNotification['severity'],
  ): AppNotification => ({
    key,
    title: `${vendorId ?? 'Digest'} — ${severity}`,
    body: 'b',
    severity,
    target: vendorId ? { vendorId } : null,
    at: new Date(NOW).toISOString(),
  });

  it("replaces a vendor's older toasts with its newest, and keeps digests and other vendors", () => {
    let list = addToast([], n('1', 'acme', 'partial_outage'));
    list = addToast(list, n('2', 'beta', 'major_outage'));
    list = addToast(list, n('3', null, 'degraded'));
    list = addToast(list, n('4', 'acme', 'major_outage'));
    expect(list.map((x) => x.key)).toEqual(['4', '3', '2']);
    list = addToast(list, n('5', 'acme', 'operational'));
    expect(list.map((x) => x.key)).toEqual(['5', '3', '2']);
  });

  it('closes the outage toasts of a vendor that recovered, and the recovery fades', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { bridge, notify } = bridgeFor();
      renderApp(bridge);
      await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
      const region = screen.getByRole('region', { name: 'Notifications' });
      act(() => {
        notify(n('a', 'kustomer', 'partial_outage'));
        notify(n('b', 'kustomer', 'major_outage'));
        notify(n('c', 'slack', 'major_outage'));
      });
      expect(region).toHaveTextContent('kustomer — major_outage');
      expect(region).not.toHaveTextContent('kustomer — partial_outage');
      act(() => notify(n('d', 'kustomer', 'operational')));
      expect(region).not.toHaveTextContent('kustomer — major_outage');
      expect(region).toHaveTextContent('kustomer — operational');
      expect(region).toHaveTextContent('slack — major_outage');
      act(() => vi.advanceTimersByTime(60_000));
      expect(region).not.toHaveTextContent('kustomer');
      expect(region).toHaveTextContent('slack — major_outage');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the newest two and counts the rest behind a button', async () => {
    const { bridge, notify } = bridgeFor();
    renderApp(bridge);
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    const region = screen.getByRole('region', { name: 'Notifications' });
    act(() => {
      for (const v of ['v1', 'v2', 'v3', 'v4']) notify(n(v, v, 'major_outage'));
    });
    expect(within(region).getAllByRole('listitem')).toHaveLength(2);
    act(() => within(region).getByRole('button', { name: '2 more notifications' }).click());
    expect(within(region).getAllByRole('listitem')).toHaveLength(4);
  });
});

// A planned maintenance reads as planned: when it starts and how long until then, never "Ongoing".
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '../../shared/model';
import { createFakeBridge } from './fake-bridge';
import { appState, kustomerDetail, mixedVendors } from './fixtures';
import { renderApp } from './render-app';

// 04:32 local today; the window opens tomorrow at 02:32 local, 22 h later, announced 14 min ago.
const today = new Date();
const NOW = new Date(today.getFullYear(), today.getMonth(), today.getDate(), 4, 32).getTime();
const START = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1, 2, 32);
const END = new Date(START.getTime() + 2 * 3600_000);

const PLANNED: Incident = {
  id: 'maint-db',
  title: 'Database upgrade',
  impact: 'maintenance',
  status: 'scheduled',
  kind: 'maintenance',
  startedAt: null,
  resolvedAt: null,
  scheduledFor: START.toISOString(),
  scheduledUntil: END.toISOString(),
  url: null,
  components: [],
  updates: [
    {
      status: 'scheduled',
      body: 'We will upgrade the database.',
      at: new Date(NOW - 14 * 60_000).toISOString(),
    },
  ],
};

function bridge() {
  return createFakeBridge({
    'state:get': async () => appState(mixedVendors()),
    'vendor:get': async () => kustomerDetail([PLANNED]),
    'link:open': async () => true,
  });
}

describe('a planned maintenance in the window', () => {
  afterEach(() => vi.useRealTimers());

  it('says when it starts and how long until then, never that it is ongoing', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    renderApp(bridge(), '#/vendor/kustomer/incident/maint-db');
    await screen.findByRole('heading', { level: 2, name: 'Updates' });
    const main = screen.getByRole('main');
    expect(main).toHaveTextContent(/Starts tomorrow 2:32\s?AM \(in 22 h\)/);
    expect(main).not.toHaveTextContent(/Ongoing|Started/);
  });

  it('lists it on the vendor page by when it starts', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    renderApp(bridge(), '#/vendor/kustomer');
    const link = await screen.findByRole('link', { name: 'Database upgrade' });
    const item = link.closest('li')!;
    expect(item).toHaveTextContent(/Starts tomorrow 2:32\s?AM \(in 22 h\)/);
    expect(item).not.toHaveTextContent(/started|ago/);
  });
});

import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHash, routeToHash, type Route } from '../../renderer/src/stores/nav-store';
import { createFakeBridge } from './fake-bridge';
import { appState, kustomerDetail, mixedVendors, NOW, summary } from './fixtures';
import { renderApp } from './render-app';

function bridge() {
  return createFakeBridge({
    'state:get': async () => appState(mixedVendors()),
    'vendor:get': async ({ id }) => (id === 'kustomer' ? kustomerDetail() : null),
  });
}

describe('routes', () => {
  it('round-trips every view through the hash, ids with slashes and spaces included', () => {
    const routes: Route[] = [
      { name: 'overview' },
      { name: 'add' },
      { name: 'settings' },
      { name: 'vendor', vendorId: 'status.example.com/eu page' },
      { name: 'incident', vendorId: 'kustomer', incidentId: 'abc/123 #4' },
    ];
    for (const route of routes) expect(parseHash(routeToHash(route))).toEqual(route);
    expect(parseHash('#/vendor/kustomer/incident/x1')).toEqual({
      name: 'incident',
      vendorId: 'kustomer',
      incidentId: 'x1',
    });
    expect(parseHash('#/nonsense/here')).toEqual({ name: 'overview' });
    expect(parseHash('#/vendor/%E0%A4%A')).toEqual({ name: 'overview' });
  });
});

describe('keyboard and navigation', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('moves through the vendor list with arrow keys and opens a vendor with Enter', async () => {
    const user = userEvent.setup();
    renderApp(bridge());
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    await user.tab(); // skip link
    await user.tab(); // Vendors
    await user.tab(); // Add vendor
    await user.tab(); // Settings
    await user.tab(); // search
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveFocus();
    await user.tab(); // filter
    await user.tab(); // grouping
    await user.tab(); // roomy cards
    await user.tab(); // first row
    expect(screen.getByRole('link', { name: /^Slack/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('link', { name: /^Kustomer/ })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('link', { name: /^Stripe/ })).toHaveFocus();
    await user.keyboard('{Home}{ArrowDown}{Enter}');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Kustomer' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(window.location.hash).toBe('#/vendor/kustomer');
  });

  it('reaches every main view from the navigation, and deep links by hash', async () => {
    const user = userEvent.setup();
    renderApp(bridge(), '#/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
    await user.click(screen.getByRole('link', { name: 'Add vendor' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Add a vendor' })).toHaveFocus();
    await user.click(screen.getByRole('link', { name: 'Vendors' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Your vendors' })).toHaveFocus();
    act(() => {
      window.location.hash = '#/vendor/kustomer';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Kustomer' })).toBeInTheDocument();
  });

  it('moves relative times on without a reload', async () => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: false });
    const b = createFakeBridge({
      'state:get': async () =>
        appState([summary({ id: 'github', name: 'GitHub', lastCheckedAt: new Date(NOW).toISOString() })]),
    });
    renderApp(b);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    const row = screen.getByRole('link', { name: /GitHub/ });
    expect(row).toHaveTextContent('Checked just now');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(row).toHaveTextContent('Checked 1 min ago');
    // Past the 2-minute interval with nothing pushed: the page was checked again and found as it was.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5 * 60_000);
    });
    expect(row).toHaveTextContent('Checked just now');
  });

  it('tells the user when the monitor cannot be reached', async () => {
    renderApp(
      createFakeBridge({
        'state:get': async () => Promise.reject(new Error('The StatusTray server cannot be reached.')),
      }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'StatusTray cannot reach its monitor' }),
    ).toBeInTheDocument();
    expect(screen.getByText('The StatusTray server cannot be reached.')).toBeInTheDocument();
  });

  it('says the dashboard needs its access key when the tab was opened without it', async () => {
    const refusal = new Error(
      'This needs the dashboard\'s access key. Open the address "statustray web" printed.',
    );
    refusal.name = 'AccessKeyError';
    renderApp(createFakeBridge({ 'state:get': async () => Promise.reject(refusal) }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This dashboard needs its access key' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Open the address "statustray web" printed/)).toBeInTheDocument();
    // Reloading the same keyless tab cannot help: no "Try again" that would only fail again.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    // Said once (the heading), and no links to views that cannot work without the key.
    expect(document.body).not.toHaveTextContent("This needs the dashboard's access key");
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });
});

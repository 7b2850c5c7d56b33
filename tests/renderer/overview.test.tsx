import { STATUS_LABEL } from '../../shared/status';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBridge } from './fake-bridge';
import { appState, manyVendors, minutesAgo, mixedVendors, NOW, summary } from './fixtures';
import { resetUi } from '../../renderer/src/stores/ui-store';
import { renderApp } from './render-app';
import type { AppState } from '../../shared/ipc';

function bridgeWith(state: AppState) {
  return createFakeBridge({ 'state:get': async () => state });
}

function rowNames(): string[] {
  const list = screen.getByRole('list', { name: /Vendors, worst first/ });
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.row__name')?.textContent ?? '');
}

describe('overview', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names the broken components when a vendor has a problem but no open incident', async () => {
    const acme = summary({
      id: 'acme',
      name: 'Acme',
      status: 'partial_outage',
      problems: [
        { name: 'API', group: 'EU West', status: 'partial_outage' },
        { name: 'Webhooks', group: null, status: 'degraded' },
      ],
      problemCount: 5,
    });
    renderApp(bridgeWith(appState([acme, summary({ id: 'calm', name: 'Calm' })])));
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    const row = screen.getByRole('link', { name: /Acme/ });
    expect(row).toHaveTextContent('EU West / API: Partial outage; Webhooks: Degraded performance, +3 more');
    expect(row).not.toHaveTextContent('No open incident');
    expect(screen.getByRole('link', { name: /Calm/ })).toHaveTextContent('No open incident');
  });

  it('lists vendors worst first with status in words, open incident and how long it has been open', async () => {
    renderApp(bridgeWith(appState(mixedVendors())));
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    expect(rowNames()).toEqual(['Slack', 'Kustomer', 'Mailgun', 'Acme Hosting', 'GitHub', 'Stripe']);
    const slack = screen.getByRole('link', { name: /Slack/ });
    expect(slack).toHaveTextContent('Major outage');
    expect(slack).toHaveTextContent('Messages fail to send');
    expect(slack).toHaveTextContent('open for 30 min');
    expect(screen.getByRole('link', { name: /Kustomer/ })).toHaveTextContent('open for 1 h 35 min');
    // Checked 2 min ago on a 2-minute interval, with no push since: checked again on schedule, just now.
    expect(screen.getByRole('link', { name: /GitHub/ })).toHaveTextContent('Checked just now');
    // Status is never color alone: every row carries a glyph and the words.
    expect(slack.querySelector('svg[data-glyph="cross"]')).not.toBeNull();
  });

  it('says how many vendors have problems, or that all are operational', async () => {
    const { unmount } = renderApp(bridgeWith(appState(mixedVendors())));
    expect(await screen.findByText('3 vendors with problems, 1 unknown')).toBeInTheDocument();
    unmount();
    const fine = Array.from({ length: 12 }, (_, i) => summary({ id: `ok${i}`, name: `OK ${i}` }));
    renderApp(bridgeWith(appState(fine)));
    expect(await screen.findByText('All 12 vendors operational')).toBeInTheDocument();
  });

  it('warns when a vendor is unreachable, with the reason and the age of its last good data', async () => {
    renderApp(bridgeWith(appState(mixedVendors())));
    const acme = await screen.findByRole('link', { name: /Acme Hosting/ });
    expect(acme).toHaveTextContent('Unreachable: The page did not answer within 10 seconds.');
    expect(acme).toHaveTextContent('Last good data: 3 h ago');
    expect(acme).toHaveTextContent('Unknown');
  });

  it('filters by status and searches by name or incident title', async () => {
    const user = userEvent.setup();
    renderApp(bridgeWith(appState(mixedVendors())));
    await screen.findByRole('heading', { name: 'Your vendors' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'problems');
    expect(rowNames()).toEqual(['Slack', 'Kustomer', 'Mailgun']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'stale');
    expect(rowNames()).toEqual(['Acme Hosting']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'all');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'inbound');
    expect(rowNames()).toEqual(['Kustomer']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'nothing like this');
    expect(screen.getByText('No vendor matches this search and filter.')).toBeInTheDocument();
  });

  it('renders only the visible rows of 2,000 vendors, worst first', async () => {
    renderApp(bridgeWith(appState(manyVendors(2000))));
    await screen.findByRole('heading', { name: 'Your vendors' });
    const list = screen.getByRole('list', { name: 'Vendors, worst first (2000 shown)' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toHaveTextContent('Major outage');
    expect(rows[0]).toHaveAttribute('aria-setsize', '2000');
    expect(screen.getByText('21 vendors with problems')).toBeInTheDocument();
  });

  it('updates live when the host pushes a new state', async () => {
    const vendors = mixedVendors();
    const bridge = bridgeWith(appState(vendors));
    renderApp(bridge);
    await screen.findByText('3 vendors with problems, 1 unknown');
    const recovered = vendors.map((v) =>
      v.id === 'slack' ? { ...v, status: 'operational' as const, open: [] } : v,
    );
    act(() => bridge.push('state:changed', appState(recovered)));
    expect(screen.getByText('2 vendors with problems, 1 unknown')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Slack/ })).toHaveTextContent('Operational');
    expect(rowNames()[0]).toBe('Kustomer');
  });

  it('offers the catalog, an import and the demo when the watchlist is empty, saying each thing once', async () => {
    renderApp(bridgeWith(appState([])));
    expect(await screen.findByRole('link', { name: 'Add a vendor' })).toHaveAttribute('href', '#/add');
    expect(screen.getByRole('link', { name: 'Import in Settings' })).toHaveAttribute('href', '#/settings');
    expect(screen.getByText('npm run demo -- --web')).toBeInTheDocument();
    expect(document.body).toHaveTextContent('No vendors watched yet');
    expect(document.body).not.toHaveTextContent('You do not watch any vendor yet');
  });

  it("says every compact row's status in words, not only by colour", async () => {
    const vendors = mixedVendors();
    renderApp(bridgeWith(appState(vendors)));
    await screen.findAllByRole('link', { name: /Slack/ });
    const rows = document.querySelectorAll('li.row');
    expect(rows.length).toBe(vendors.length);
    for (const row of rows) {
      const status = row.className.match(/row--(\w+) /)?.[1] as keyof typeof STATUS_LABEL;
      expect(row.querySelector('.row__status')).toHaveTextContent(STATUS_LABEL[status]);
    }
  });

  it('shows the host notices and the offline state', async () => {
    renderApp(
      bridgeWith(
        appState(mixedVendors(), {
          offline: true,
          notices: ['Your watchlist file was corrupt; it was kept aside.'],
        }),
      ),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('kept aside');
    expect(screen.getByText(/This computer is offline/)).toBeInTheDocument();
  });

  it('marks the first view with data for the first-paint measurement', async () => {
    renderApp(bridgeWith(appState(mixedVendors())));
    await screen.findByRole('heading', { name: 'Your vendors' });
    expect(typeof window.__statusTrayFirstViewMs).toBe('number');
    expect(performance.getEntriesByName('first-view').length).toBeGreaterThan(0);
  });
  it('shows a compact row per vendor by default, and roomy cards when asked (remembered)', async () => {
    const user = userEvent.setup();
    const { unmount } = renderApp(bridgeWith(appState(mixedVendors())));
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    const slack = screen.getByRole('link', { name: /Slack/ });
    // One line: glyph, name, the problem, its age; the status in words stays for screen readers.
    expect(slack.closest('li')).toHaveClass('row--compact');
    expect(slack).toHaveTextContent('Slack, Major outage:Messages fail to send');
    expect(slack).toHaveTextContent('open for 30 min');
    expect(slack.closest('li')).toHaveStyle({ height: '34px' });
    await user.click(screen.getByRole('checkbox', { name: 'Roomy cards' }));
    expect(screen.getByRole('link', { name: /Slack/ }).closest('li')).toHaveClass('row--roomy');
    expect(localStorage.getItem('statustray.density')).toBe('roomy');
    unmount();
    resetUi();
    renderApp(bridgeWith(appState(mixedVendors())));
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    expect(screen.getByRole('checkbox', { name: 'Roomy cards' })).toBeChecked();
    expect(screen.getByRole('link', { name: /Slack/ }).closest('li')).toHaveStyle({ height: '92px' });
  });

  it('groups vendors under their catalog category when asked, categories in trouble first', async () => {
    const user = userEvent.setup();
    const vendors = [
      ...mixedVendors(),
      summary({ id: 'gh', name: 'GitHub.com', url: 'https://www.githubstatus.com/', status: 'degraded' }),
    ];
    renderApp(bridgeWith(appState(vendors)));
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group' }), 'category');
    const list = screen.getByRole('list', { name: /Vendors, worst first/ });
    // The catalog loads when first asked for: the groups appear a moment later.
    const headings = (await within(list).findAllByRole('heading', { level: 2 })).map((h) => h.textContent);
    expect(headings).toEqual([
      'Not in the catalog · 5 vendors, 2 with problems',
      'Customer support · 1 vendor, 1 with problems',
      'Developer tools · 1 vendor, 1 with problems',
    ]);
    expect(localStorage.getItem('statustray.grouping')).toBe('category');
  });

  it('shows a check time as the local date and time, with its zone, when the pointer comes over it', async () => {
    const user = userEvent.setup();
    renderApp(bridgeWith(appState(mixedVendors())));
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    const list = screen.getByRole('list', { name: /Vendors, worst first/ });
    const time = within(list)
      .getAllByText(/ago|just now/)[0]!
      .closest('time')!;
    await user.hover(time);
    const local = new Intl.DateTimeFormat(undefined, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(new Date(time.dateTime));
    expect(time).toHaveAttribute('title', local);
  });

  it('focuses the search box on "/" unless the user is typing', async () => {
    const user = userEvent.setup();
    renderApp(bridgeWith(appState(mixedVendors())));
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    const search = screen.getByRole('searchbox', { name: 'Search' });
    expect(search).not.toHaveFocus();
    await user.keyboard('/');
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');
    await user.keyboard('a/b');
    expect(search).toHaveValue('a/b');
  });

  it('never says "No open incident" for a vendor whose last read failed', async () => {
    const failing = summary({
      id: 'flaky',
      name: 'Flaky',
      error: { kind: 'http', message: 'The page answered 503 Service Unavailable.' },
      lastGoodAt: minutesAgo(7),
    });
    const never = summary({
      id: 'never',
      name: 'Never Read',
      status: 'unknown',
      stale: true,
      lastGoodAt: null,
      error: { kind: 'dns', message: 'No such host: status.never.example.' },
    });
    renderApp(bridgeWith(appState([failing, never])));
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    const flaky = screen.getByRole('link', { name: /Flaky/ });
    expect(flaky).toHaveTextContent('Last check failed: The page answered 503 Service Unavailable.');
    expect(flaky).not.toHaveTextContent('No open incident');
    const neverRow = screen.getByRole('link', { name: /Never Read/ });
    expect(neverRow).toHaveTextContent('Unreachable: No such host');
    expect(neverRow).toHaveTextContent('No good data yet');
    expect(neverRow).not.toHaveTextContent('No open incident');
    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Roomy cards' }));
    expect(screen.getByRole('link', { name: /Flaky/ })).toHaveTextContent(
      'No incident was open at the last good read, 7 min ago',
    );
    expect(screen.getByRole('link', { name: /Flaky/ })).not.toHaveTextContent('No open incident');
    expect(screen.getByRole('link', { name: /Never Read/ })).toHaveTextContent(
      'Not known: the page has not been read successfully yet',
    );
  });
});

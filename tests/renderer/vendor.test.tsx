import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { VendorDetail } from '../../shared/ipc';
import { createFakeBridge } from './fake-bridge';
import { appState, kustomerDetail, kustomerSummary, mixedVendors, NOW } from './fixtures';
import { renderApp } from './render-app';

function kustomerBridge(detail: VendorDetail = kustomerDetail()) {
  return createFakeBridge({
    'state:get': async () => appState(mixedVendors()),
    'vendor:get': async ({ id }) => (id === 'kustomer' ? detail : null),
    'vendors:update': async (req) => kustomerSummary({ notify: req.notify ?? 'all' }),
    'vendors:snooze': async () => kustomerSummary({ snoozedUntil: new Date(NOW + 3_600_000).toISOString() }),
    'vendors:remove': async () => undefined,
    'vendors:refresh': async () => undefined,
    'link:open': async () => true,
  });
}

async function openKustomer(bridge = kustomerBridge()) {
  renderApp(bridge, '#/vendor/kustomer');
  await screen.findByRole('heading', { level: 1, name: 'Kustomer' });
  await screen.findByRole('heading', { level: 2, name: 'Components' });
  return bridge;
}

function componentsSection(): HTMLElement {
  return screen.getByRole('region', { name: 'Components' });
}

describe('vendor view', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('groups components exactly as Kustomer does: a standalone one, Prod1 (US), Prod2 (EU), Third Party', async () => {
    await openKustomer();
    const section = componentsSection();
    const top = within(section).getAllByRole('list')[0]!;
    const entries = [...top.children].map((li) =>
      li.classList.contains('group')
        ? `group:${li.querySelector('.group__name')?.textContent}`
        : `component:${li.querySelector('.component__name')?.textContent}`,
    );
    expect(entries).toEqual([
      'component:Regional Incident',
      'group:Prod1 (US)',
      'group:Prod2 (EU)',
      'group:Third Party',
    ]);
    expect(within(section).getByRole('button', { name: /Prod1 \(US\)/ })).toHaveTextContent('22 components');
    expect(within(section).getByRole('button', { name: /Third Party/ })).toHaveTextContent('2 components');
    // 47 components: Third Party (nothing wrong, nothing watched) starts collapsed; open it.
    await userEvent.setup().click(within(section).getByRole('button', { name: /Third Party/ }));
    const thirdParty = within(section)
      .getByRole('button', { name: /Third Party/ })
      .closest('li')!;
    expect(
      within(thirdParty)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.component__name')?.textContent),
    ).toEqual(['OpenAI', 'PubNub']);
  });

  it('shows each group with its status in words and collapses it by keyboard', async () => {
    const user = userEvent.setup();
    await openKustomer();
    const section = componentsSection();
    const prod1 = within(section).getByRole('button', { name: /Prod1 \(US\)/ });
    expect(prod1).toHaveTextContent('Partial outage');
    expect(within(section).getByRole('button', { name: /Prod2 \(EU\)/ })).toHaveTextContent('Operational');
    expect(prod1).toHaveAttribute('aria-expanded', 'true');
    expect(within(section).getAllByText('Workflow')).toHaveLength(2);
    prod1.focus();
    await user.keyboard('{Enter}');
    expect(prod1).toHaveAttribute('aria-expanded', 'false');
    expect(within(section).getAllByText('Workflow')).toHaveLength(1);
    await user.keyboard(' ');
    expect(within(section).getAllByText('Workflow')).toHaveLength(2);
  });

  it('marks the watched components', async () => {
    await openKustomer();
    const section = componentsSection();
    expect(section).toHaveTextContent('You watch 3 of 47 components');
    const watched = [...section.querySelectorAll('.component--watched')].map((li) => {
      const group = li.closest('.group')?.querySelector('.group__name')?.textContent;
      return `${group ? `${group}/` : ''}${li.querySelector('.component__name')?.textContent}`;
    });
    expect(watched).toEqual(['Regional Incident', 'Prod1 (US)/Workflow', 'Prod2 (EU)/Channel - Email']);
    for (const li of section.querySelectorAll('.component--watched')) expect(li).toHaveTextContent('Watched');
  });

  it('lists open incidents, and the whole history newest first whatever its age, each openable', async () => {
    const user = userEvent.setup();
    await openKustomer();
    const open = screen.getByRole('list', { name: 'Open incidents and maintenances' });
    expect(
      within(open)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Delays processing inbound messages on Prod1']);
    const history = screen.getByRole('list', { name: 'Past incidents' });
    expect(
      within(history)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Knowledge base domains unavailable',
      'Inbound messages delayed on PROD 1 (workflow service)',
      'Instagram messages with links fail to send',
    ]);
    await user.click(within(history).getByRole('link', { name: /Inbound messages delayed/ }));
    const heading = await screen.findByRole('heading', { level: 1, name: /Inbound messages delayed/ });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(window.location.hash).toBe('#/vendor/kustomer/incident/inc-2022-08-16');
  });

  it('shows 90 days of uptime and links to the vendor page through the host', async () => {
    const user = userEvent.setup();
    const bridge = await openKustomer();
    const bars = screen.getByRole('img', { name: /Uptime, last 90 days/ });
    expect(bars.querySelectorAll('.uptime__bar')).toHaveLength(90);
    expect(bars.querySelectorAll('.uptime__bar--partial_outage')).toHaveLength(1);
    await user.click(screen.getByRole('link', { name: /Open the vendor's status page/ }));
    expect(bridge.callsTo('link:open')).toEqual([{ url: 'https://status.kustomer.com' }]);
  });

  it('says plainly what the platform does not publish', async () => {
    const detail = kustomerDetail();
    detail.snapshot!.vendor.lacks = ['components'];
    detail.snapshot!.components = [];
    await openKustomerWithoutComponents(detail);
    expect(screen.getByText('This page publishes no component list.')).toBeInTheDocument();
  });

  it('changes the notification level, snoozes, and removes after confirming', async () => {
    const user = userEvent.setup();
    const bridge = await openKustomer();
    await user.click(screen.getByRole('radio', { name: 'Outages only' }));
    expect(bridge.callsTo('vendors:update')).toEqual([{ id: 'kustomer', notify: 'outages' }]);
    expect(screen.getByRole('radio', { name: 'Outages only' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'For 1 hour' }));
    expect(bridge.callsTo('vendors:snooze')).toEqual([{ id: 'kustomer', choice: '1h' }]);
    await user.click(screen.getByRole('button', { name: 'Until this incident ends' }));
    expect(bridge.callsTo('vendors:snooze')[1]).toEqual({ id: 'kustomer', choice: 'incident' });
    await user.click(screen.getByRole('button', { name: 'Remove vendor…' }));
    expect(bridge.callsTo('vendors:remove')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Yes, stop watching Kustomer' }));
    expect(bridge.callsTo('vendors:remove')).toEqual([{ id: 'kustomer' }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your vendors' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Kustomer/ })).toBeNull();
  });

  it('edits the watched components in the tree', async () => {
    const user = userEvent.setup();
    const bridge = await openKustomer();
    await user.click(screen.getByRole('button', { name: 'Choose components…' }));
    const picker = screen.getByRole('list', { name: 'Components' });
    expect(within(picker).getByRole('checkbox', { name: 'Regional Incident' })).toBeChecked();
    await user.click(within(picker).getByRole('checkbox', { name: 'Third Party' }));
    await user.click(within(picker).getByRole('checkbox', { name: 'Regional Incident' }));
    await user.click(screen.getByRole('button', { name: /Save \(4 selected\)/ }));
    const [req] = bridge.callsTo('vendors:update') as Array<{ components: string[] }>;
    expect(req?.components.sort()).toEqual(
      [
        'Prod1 (US)/Workflow',
        'Prod2 (EU)/Channel - Email',
        'Third Party/OpenAI',
        'Third Party/PubNub',
      ].sort(),
    );
  });

  it('reloads the vendor when the host pushes a newer check', async () => {
    const detail = kustomerDetail();
    const bridge = await openKustomer(kustomerBridge(detail));
    expect(bridge.callsTo('vendor:get')).toHaveLength(1);
    detail.snapshot!.components = detail.snapshot!.components.map((c) => ({ ...c, status: 'operational' }));
    const vendors = mixedVendors().map((v) =>
      v.id === 'kustomer'
        ? { ...v, lastCheckedAt: new Date(NOW).toISOString(), status: 'operational' as const }
        : v,
    );
    act(() => bridge.push('state:changed', appState(vendors)));
    expect(screen.getByRole('heading', { level: 1, name: 'Kustomer' }).closest('header')).toHaveTextContent(
      'Operational',
    );
    await waitFor(() => expect(bridge.callsTo('vendor:get')).toHaveLength(2));
    await waitFor(() =>
      expect(within(componentsSection()).getByRole('button', { name: /Prod1 \(US\)/ })).toHaveTextContent(
        'Operational',
      ),
    );
  });

  it('opens a vendor or an incident when the host asks (a notification click)', async () => {
    const bridge = kustomerBridge();
    renderApp(bridge);
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    act(() => bridge.push('navigate', { vendorId: 'kustomer', incidentId: 'inc-open-workflow' }));
    // The incident loads after the route changed: its heading still receives the focus when it appears.
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Delays processing inbound messages on Prod1',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(window.location.hash).toBe('#/vendor/kustomer/incident/inc-open-workflow');
  });
});

describe('vendor view of a page with many components', () => {
  it('opens only the groups with a problem or a watched component, the rest on demand', async () => {
    const user = userEvent.setup();
    const detail = kustomerDetail();
    const regions = ['us-east-1', 'eu-west-1', 'ap-south-1'];
    detail.snapshot!.components = regions.flatMap((region) =>
      Array.from({ length: 30 }, (_, i) => ({
        id: `${region}-${i}`,
        name: `Service ${i}`,
        group: region,
        status: region === 'eu-west-1' && i === 4 ? ('degraded' as const) : ('operational' as const),
      })),
    );
    const vendors = mixedVendors().map((v) =>
      v.id === 'kustomer' ? { ...v, watchedComponents: ['ap-south-1/Service 7'] } : v,
    );
    renderApp(
      createFakeBridge({
        'state:get': async () => appState(vendors),
        'vendor:get': async () => detail,
      }),
      '#/vendor/kustomer',
    );
    const section = await screen.findByRole('region', { name: 'Components' });
    const toggle = (name: string) => within(section).getByRole('button', { name: new RegExp(name) });
    expect(toggle('us-east-1')).toHaveAttribute('aria-expanded', 'false');
    expect(toggle('eu-west-1')).toHaveAttribute('aria-expanded', 'true');
    expect(toggle('ap-south-1')).toHaveAttribute('aria-expanded', 'true');
    expect(within(section).getAllByText('Service 4')).toHaveLength(2);
    await user.click(toggle('us-east-1'));
    expect(toggle('us-east-1')).toHaveAttribute('aria-expanded', 'true');
    expect(within(section).getAllByText('Service 4')).toHaveLength(3);
  });
  it('on a page of more than 15 components, collapses groups with nothing wrong and nothing watched', async () => {
    const user = userEvent.setup();
    await openKustomer(); // 47 components; Prod1 and Prod2 hold watched ones, Third Party neither
    const section = componentsSection();
    const toggle = (name: RegExp) => within(section).getByRole('button', { name });
    expect(toggle(/Prod1 \(US\)/)).toHaveAttribute('aria-expanded', 'true');
    expect(toggle(/Prod2 \(EU\)/)).toHaveAttribute('aria-expanded', 'true');
    expect(toggle(/Third Party/)).toHaveAttribute('aria-expanded', 'false');
    expect(within(section).queryByText('OpenAI')).toBeNull();
    // What the user opened stays open when the vendor view is shown again.
    await user.click(toggle(/Third Party/));
    await user.click(screen.getByRole('link', { name: '← Vendor list' }));
    await user.click(await screen.findByRole('link', { name: /^Kustomer/ }));
    const again = await screen.findByRole('region', { name: 'Components' });
    expect(within(again).getByRole('button', { name: /Third Party/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('says how long it has watched instead of a percentage of a few minutes', async () => {
    const detail = kustomerDetail();
    const today = detail.uptime.at(-1)!;
    detail.uptime = detail.uptime.map((d) => ({ ...d, uptime: null, worst: null, observedMs: 0 }));
    detail.uptime[detail.uptime.length - 1] = {
      ...today,
      uptime: 0.445,
      worst: 'partial_outage',
      observedMs: 180_000,
    };
    await openKustomer(kustomerBridge(detail));
    const uptime = screen.getByRole('region', { name: 'Uptime, last 90 days' });
    expect(uptime).toHaveTextContent('Watched for 3 min; uptime is shown after a day of watching');
    expect(uptime).not.toHaveTextContent('%');
    expect(uptime.querySelector('.uptime__bar--partial_outage')?.getAttribute('title')).toMatch(
      /watched for 3 min, worst: Partial outage$/,
    );
  });

  it('gives a percentage once it has watched for days', async () => {
    const detail = kustomerDetail();
    detail.uptime = detail.uptime.map((d) => ({ ...d, observedMs: 86_400_000 }));
    await openKustomer(kustomerBridge(detail));
    const uptime = screen.getByRole('region', { name: 'Uptime, last 90 days' });
    expect(uptime).toHaveTextContent(/\d+(\.\d)?% operational · watched for 2 months/);
  });

  it('after a failed read, says what it last knew instead of "Nothing open right now"', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const detail = kustomerDetail();
    detail.snapshot!.incidents = detail.snapshot!.incidents.filter((i) => i.resolvedAt !== null);
    const vendors = mixedVendors().map((v) =>
      v.id === 'kustomer'
        ? {
            ...v,
            open: [],
            error: { kind: 'timeout' as const, message: 'The page did not answer within 10 seconds.' },
            lastGoodAt: new Date(NOW - 12 * 60_000).toISOString(),
          }
        : v,
    );
    renderApp(
      createFakeBridge({ 'state:get': async () => appState(vendors), 'vendor:get': async () => detail }),
      '#/vendor/kustomer',
    );
    const open = await screen.findByRole('region', { name: 'Open incidents and maintenances' });
    expect(open).toHaveTextContent('No incident was open at the last good read, 12 min ago');
    expect(open).not.toHaveTextContent('Nothing open right now');
  });
});

async function openKustomerWithoutComponents(detail: VendorDetail) {
  renderApp(kustomerBridge(detail), '#/vendor/kustomer');
  await screen.findByRole('heading', { level: 1, name: 'Kustomer' });
  await screen.findByRole('heading', { level: 2, name: 'Incident history' });
}

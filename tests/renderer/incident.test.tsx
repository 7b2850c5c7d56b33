import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBridge } from './fake-bridge';
import { appState, HOSTILE_INCIDENT, kustomerDetail, mixedVendors, NOW } from './fixtures';
import { renderApp } from './render-app';
import { formatLocal } from '../../renderer/src/format';

function bridge() {
  return createFakeBridge({
    'state:get': async () => appState(mixedVendors()),
    'vendor:get': async () => kustomerDetail([HOSTILE_INCIDENT]),
    'link:open': async () => true,
  });
}

async function openIncident(id: string, b = bridge()) {
  renderApp(b, `#/vendor/kustomer/incident/${id}`);
  await screen.findByRole('heading', { level: 2, name: 'Updates' });
  return b;
}

describe('incident view', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (window as unknown as { __pwned?: number }).__pwned;
  });

  it('shows title, impact, status, affected components by name, start and end in local time and relative', async () => {
    await openIncident('inc-2022-08-16');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Inbound messages delayed on PROD 1 (workflow service)',
    );
    // The words of the status it counts as (as the vendor's header), with the vendor's own word for it.
    expect(screen.getByText('Partial outage · major impact')).toBeInTheDocument();
    expect(screen.getAllByText('Postmortem').length).toBeGreaterThan(0);
    const affected = screen.getByText('Affected components').nextElementSibling as HTMLElement;
    expect(
      within(affected)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Workflow (Prod1 (US))', 'Channel - Chat (Prod1 (US))', 'Channel - Email (Prod1 (US))']);
    const started = screen.getByText('Started').nextElementSibling as HTMLElement;
    expect(started).toHaveTextContent(formatLocal('2022-08-16T14:30:00.000Z'));
    expect(started).toHaveTextContent('(4 years ago)');
    const ended = screen.getByText('Ended').nextElementSibling as HTMLElement;
    expect(ended).toHaveTextContent(formatLocal('2022-08-16T15:05:00.000Z'));
    expect(ended).toHaveTextContent('after 35 min');
  });

  it('shows every update in order and renders the postmortem markdown with real headings and lists', async () => {
    await openIncident('inc-2022-08-16');
    const items = screen.getByRole('region', { name: 'Updates' }).querySelectorAll('li.update');
    expect([...items].map((li) => li.querySelector('.update__head .pill')?.textContent)).toEqual([
      'Investigating',
      'Identified',
      'Resolved',
      'Postmortem',
    ]);
    const postmortem = items[3] as HTMLElement;
    const headings = within(postmortem)
      .getAllByRole('heading')
      .map((h) => h.textContent);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Summary',
        'Root Cause',
        'Timeline',
        'Lessons & Improvements (Completed and Planned)',
        'Addressing the Root Cause + Safeguards for Future',
        'Monitoring and Incident Response Process',
      ]),
    );
    expect(within(postmortem).getByRole('heading', { name: 'Summary' }).tagName).toBe('H4');
    expect(
      within(postmortem).getByRole('heading', { name: 'Monitoring and Incident Response Process' }).tagName,
    ).toBe('H5');
    // The two lists of "Lessons & Improvements" (4 and 3 items), as the vendor wrote them.
    expect(within(postmortem).getAllByRole('listitem')).toHaveLength(7);
    expect(within(postmortem).getByText('[DONE]').tagName).toBe('STRONG');
  });

  it('shows injected markup as inert text: no script, no event handler, no javascript: link, no iframe', async () => {
    const user = userEvent.setup();
    const b = await openIncident('inc-hostile');
    const article = screen.getByRole('article');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      '<img src=x onerror="window.__pwned=1"> Title with markup',
    );
    expect(article.querySelector('script, iframe, img, [onerror], [onclick]')).toBeNull();
    expect(article.querySelector('a[href^="javascript"]')).toBeNull();
    expect(article).toHaveTextContent('<script>window.__pwned = 1</script>');
    expect(article).toHaveTextContent('<iframe src="https://evil.example"></iframe>');
    // The javascript: link keeps its words but is no link; the https one stays a link, opened by the host.
    expect(screen.getByText('click me').closest('a')).toBeNull();
    const real = screen.getByRole('link', { name: 'the real page' });
    expect(real).toHaveAttribute('href', 'https://status.kustomer.com/');
    expect(real).toHaveAttribute('rel', expect.stringContaining('noopener'));
    await user.click(real);
    expect(b.callsTo('link:open')).toEqual([{ url: 'https://status.kustomer.com/' }]);
    expect(screen.queryByRole('link', { name: /Open on the vendor's page/ })).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(within(article).getByRole('heading', { name: 'Details' })).toBeInTheDocument();
  });

  it('copies the incident as text for a team chat', async () => {
    const user = userEvent.setup();
    await openIncident('inc-open-workflow');
    await user.click(screen.getByRole('button', { name: 'Copy as text' }));
    const text = await navigator.clipboard.readText();
    expect(text).toContain('Kustomer: Delays processing inbound messages on Prod1');
    expect(text).toContain('Impact: Major · Status: Identified');
    expect(text).toContain('Ended: not yet');
    expect(text).toContain('Affected: Workflow (Prod1 (US)), Channel - Email (Prod1 (US))');
    expect(text).toContain('The issue has been identified and a fix is being rolled out.');
    expect(screen.getByText('Copied to the clipboard.')).toBeInTheDocument();
    expect(screen.getByText('Ended').nextElementSibling).toHaveTextContent('Ongoing, for 1 h 35 min');
  });

  it('says so when the vendor no longer lists the incident', async () => {
    renderApp(bridge(), '#/vendor/kustomer/incident/gone');
    expect(await screen.findByRole('heading', { level: 1, name: 'Incident not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Kustomer' })).toHaveAttribute('href', '#/vendor/kustomer');
  });
});

describe('links in a host that cannot open them (web mode)', () => {
  it('opens the link in a new tab without opener, and then lets the browser follow links itself', async () => {
    const user = userEvent.setup();
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    const b = createFakeBridge({
      'state:get': async () => appState(mixedVendors()),
      'vendor:get': async () => kustomerDetail([HOSTILE_INCIDENT]),
      'link:open': async () => false,
    });
    renderApp(b, '#/vendor/kustomer/incident/inc-hostile');
    const real = await screen.findByRole('link', { name: 'the real page' });
    await user.click(real);
    await vi.waitFor(
      () =>
        expect(opened).toHaveBeenCalledWith('https://status.kustomer.com/', '_blank', 'noopener,noreferrer'),
      { timeout: 15_000 },
    );
    expect(real).toHaveAttribute('target', '_blank');
    const clicked = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    real.addEventListener('click', (e) => e.preventDefault()); // keep jsdom from navigating
    real.dispatchEvent(clicked);
    expect(b.callsTo('link:open')).toHaveLength(1);
    opened.mockRestore();
  });
});

describe('"Got it" for an open incident', () => {
  const OPEN = {
    ...HOSTILE_INCIDENT,
    id: 'inc-open',
    title: 'Chat messages delayed',
    status: 'investigating' as const,
    resolvedAt: null,
    url: null,
  };

  it('acknowledges the open incident, says since when, and takes it back', async () => {
    const b = createFakeBridge({
      'state:get': async () => appState(mixedVendors()),
      'vendor:get': async () => kustomerDetail([OPEN]),
      'incident:ack': async ({ vendorId, incidentId }) => [
        {
          key: `incident|${vendorId}|${incidentId}`,
          kind: 'incident',
          vendorId,
          incidentId,
          title: OPEN.title,
          at: new Date().toISOString(),
        },
      ],
      'ack:remove': async () => [],
    });
    await openIncident('inc-open', b);
    await userEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(b.callsTo('incident:ack')).toEqual([{ vendorId: 'kustomer', incidentId: 'inc-open' }]);
    expect(await screen.findByText(/its updates stay quiet until it ends or gets worse/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Notify me again' }));
    expect(b.callsTo('ack:remove')).toEqual([{ key: 'incident|kustomer|inc-open' }]);
    expect(await screen.findByRole('button', { name: 'Got it' })).toBeInTheDocument();
  });

  it('offers nothing to acknowledge on a resolved incident', async () => {
    await openIncident('inc-2022-08-16');
    expect(screen.queryByRole('button', { name: 'Got it' })).toBeNull();
  });
});

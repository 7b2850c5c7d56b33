import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AppNotification } from '../../shared/notification';
import { createFakeBridge } from './fake-bridge';
import { appState, kustomerDetail, mixedVendors } from './fixtures';
import { renderApp } from './render-app';

function webLikeBridge() {
  const listeners = new Set<(n: AppNotification) => void>();
  const bridge = Object.assign(
    createFakeBridge({
      'state:get': async () => appState(mixedVendors()),
      'vendor:get': async () => kustomerDetail(),
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

describe('in-page notifications (web mode)', () => {
  it('shows a notification with its severity in words and opens its incident', async () => {
    const user = userEvent.setup();
    const { bridge, notify } = webLikeBridge();
    renderApp(bridge);
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    act(() =>
      notify({
        key: 'k1',
        title: 'Kustomer: partial outage',
        body: 'Delays processing inbound messages on Prod1',
        severity: 'partial_outage',
        target: { vendorId: 'kustomer', incidentId: 'inc-open-workflow' },
        at: new Date().toISOString(),
      }),
    );
    const region = screen.getByRole('region', { name: 'Notifications' });
    expect(region).toHaveTextContent('Partial outage: Kustomer: partial outage');
    expect(region.querySelector('svg[data-glyph="exclamation"]')).not.toBeNull();
    await user.click(within(region).getByRole('button', { name: 'Open' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Delays processing inbound messages on Prod1' }),
    ).toBeInTheDocument();
    expect(within(region).queryByText('Kustomer: partial outage')).toBeNull();
  });
});

describe('toasts about outages', () => {
  it('stay until dismissed, while lesser news fades', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { bridge, notify } = webLikeBridge();
      renderApp(bridge);
      await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
      const base = { body: 'b', target: null, at: new Date().toISOString() };
      act(() => {
        notify({ ...base, key: 'out', title: 'Slack: major outage', severity: 'major_outage' });
        notify({ ...base, key: 'deg', title: 'Mailgun: degraded', severity: 'degraded' });
      });
      const region = screen.getByRole('region', { name: 'Notifications' });
      expect(region).toHaveTextContent('Slack: major outage');
      expect(region).toHaveTextContent('Mailgun: degraded');
      act(() => vi.advanceTimersByTime(60_000));
      expect(region).toHaveTextContent('Slack: major outage');
      expect(region).not.toHaveTextContent('Mailgun: degraded');
      act(() => within(region).getByRole('button', { name: 'Dismiss' }).click());
      expect(region).not.toHaveTextContent('Slack: major outage');
    } finally {
      vi.useRealTimers();
    }
  });
});

// Settings in the browser dashboard shows the lasting addresses in full (calendar subscription, metrics
// scrape, each with the access key) and copies them; the desktop window has none to show.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { feedAddresses } from '../../renderer/src/components/FeedAddresses';
import { TOKEN_STORAGE_KEY } from '../../renderer/src/web-bridge';
import { createFakeBridge } from './fake-bridge';
import { appState, mixedVendors } from './fixtures';
import { renderApp } from './render-app';

function bridge(web: boolean) {
  const fake = createFakeBridge({ 'state:get': async () => appState(mixedVendors()) });
  return web ? Object.assign(fake, { onNotification: () => () => undefined }) : fake;
}

afterEach(() => {
  sessionStorage.clear();
});

describe('feed addresses', () => {
  it('carry the key when there is one', () => {
    expect(feedAddresses('http://127.0.0.1:4780', 'k3y-_A')).toEqual({
      calendar: 'http://127.0.0.1:4780/calendar.ics?token=k3y-_A',
      metrics: 'http://127.0.0.1:4780/metrics?token=k3y-_A',
    });
    expect(feedAddresses('http://127.0.0.1:4780', null).calendar).toBe('http://127.0.0.1:4780/calendar.ics');
  });

  it('are shown in full in the browser dashboard, each with a copy button', async () => {
    const user = userEvent.setup();
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'the-kept-key-0123456789');
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    renderApp(bridge(true), '#/settings');
    const calendar = `${window.location.origin}/calendar.ics?token=the-kept-key-0123456789`;
    expect(await screen.findByText(calendar)).toBeInTheDocument();
    expect(
      screen.getByText(`${window.location.origin}/metrics?token=the-kept-key-0123456789`),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy the maintenance calendar address' }));
    expect(writeText).toHaveBeenCalledWith(calendar);
    expect(await screen.findByText('Copied.')).toBeInTheDocument();
  });

  it('are not shown in the desktop window', async () => {
    renderApp(bridge(false), '#/settings');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(screen.queryByText(/calendar\.ics\?token=/)).toBeNull();
  });
});

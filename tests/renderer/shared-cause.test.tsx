import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBridge } from './fake-bridge';
import { appState, minutesAgo, NOW, summary } from './fixtures';
import { renderApp } from './render-app';
import type { AppState } from '../../shared/ipc';

describe('overview banner for vendors failing together', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const state = (over: Partial<AppState> = {}): AppState =>
    appState(
      [
        summary({ id: 'openai', name: 'OpenAI', status: 'partial_outage' }),
        summary({ id: 'discord', name: 'Discord', status: 'partial_outage' }),
      ],
      {
        sharedCause: {
          id: 'g-1',
          since: minutesAgo(12),
          vendors: [
            { id: 'openai', name: 'OpenAI' },
            { id: 'discord', name: 'Discord' },
          ],
          recovered: [],
          cause: {
            vendor: 'Cloudflare',
            evidence: [
              'Cloudflare reports a major outage since 11:48 UTC',
              'OpenAI and Discord mention Cloudflare',
            ],
          },
          acknowledgedAt: null,
        },
        acks: [],
        ...over,
      },
    );

  it('says the group, the possible cause with its evidence, links each vendor, and sends "Got it"', async () => {
    const bridge = createFakeBridge({ 'state:get': async () => state(), 'group:ack': async () => [] });
    renderApp(bridge);
    const banner = await screen.findByRole('region', { name: 'Vendors failing together' });
    expect(banner.textContent).toContain('2 vendors in trouble');
    expect(banner.textContent).toContain('possibly because of Cloudflare');
    expect(within(banner).getByRole('list', { name: 'Evidence' }).textContent).toContain(
      'OpenAI and Discord mention Cloudflare',
    );
    const links = within(within(banner).getByRole('list', { name: 'Vendors in trouble' })).getAllByRole(
      'link',
    );
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/vendor/openai', '#/vendor/discord']);
    await userEvent
      .setup({ advanceTimers: vi.advanceTimersByTime })
      .click(within(banner).getByRole('button', { name: 'Got it' }));
    expect(bridge.callsTo('group:ack')).toEqual([{ groupId: 'g-1' }]);
  });

  it('shows what is acknowledged and since when', async () => {
    const acked = state({
      acks: [
        {
          key: 'incident|linear|i1',
          kind: 'incident',
          vendorId: 'linear',
          incidentId: 'i1',
          title: 'Linear: Degraded API',
          at: minutesAgo(5),
        },
      ],
    });
    acked.sharedCause!.acknowledgedAt = minutesAgo(3);
    renderApp(createFakeBridge({ 'state:get': async () => acked }));
    const banner = await screen.findByRole('region', { name: 'Vendors failing together' });
    expect(banner.textContent).toMatch(/Got it .*3 min/);
    expect(within(banner).getByRole('list', { name: 'Acknowledged incidents' }).textContent).toMatch(
      /Linear: Degraded API — got it .*5 min/,
    );
    expect(within(banner).queryByRole('button', { name: 'Got it' })).toBeNull();
  });
});

describe('the setting to look up common providers', () => {
  it('is on by default and can be turned off', async () => {
    const bridge = createFakeBridge({
      'state:get': async () =>
        appState([], { settings: { ...appState([]).settings, lookUpCommonProviders: true } }),
      'settings:update': async (patch) => ({ ...appState([]).settings, ...patch }),
    });
    renderApp(bridge, '#/settings');
    const box = await screen.findByRole('checkbox', {
      name: /Look up common providers when several vendors fail/,
    });
    expect((box as HTMLInputElement).checked).toBe(true);
    await userEvent.click(box);
    expect(bridge.callsTo('settings:update')).toEqual([{ lookUpCommonProviders: false }]);
  });
});

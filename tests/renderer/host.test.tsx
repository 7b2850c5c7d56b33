import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pickBridge } from '../../renderer/src/bridge';
import { takeAccessToken, TOKEN_STORAGE_KEY } from '../../renderer/src/web-bridge';
import { connectAppState, useAppStore } from '../../renderer/src/stores/app-store';
import { createFakeBridge } from './fake-bridge';
import { appState, mixedVendors, NOW, summary, minutesAgo } from './fixtures';
import { renderApp } from './render-app';
import type { AppState } from '../../shared/ipc';

describe('talking to the host', () => {
  afterEach(() => {
    delete window.statusTray;
  });

  it("uses Electron's preload bridge when present, and the web bridge otherwise", () => {
    const electron = createFakeBridge({});
    window.statusTray = electron;
    expect(pickBridge(window)).toBe(electron);
    delete window.statusTray;
    const web = pickBridge(window);
    expect(web).not.toBe(electron);
    expect(typeof web.invoke).toBe('function');
    expect(typeof (web as { onNotification?: unknown }).onNotification).toBe('function');
  });

  it('moves the access token from the address into the tab, keeping the route, and keeps it across reloads', () => {
    window.history.replaceState(null, '', '/?token=abc123#/vendor/kustomer');
    expect(takeAccessToken(window)).toBe('abc123');
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/vendor/kustomer');
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('abc123');
    // A reload: the address no longer has it, the tab still does.
    expect(takeAccessToken(window)).toBe('abc123');
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/');
    expect(takeAccessToken(window)).toBeNull();
  });

  it('keeps a pushed state that arrives before the answer to state:get', async () => {
    let answer: (s: AppState) => void = () => undefined;
    const bridge = createFakeBridge({ 'state:get': () => new Promise<AppState>((r) => (answer = r)) });
    const off = connectAppState(bridge);
    const pushed = appState([summary({ id: 'new', name: 'Newer' })]);
    bridge.push('state:changed', pushed);
    answer(appState([summary({ id: 'old', name: 'Older' })]));
    await Promise.resolve();
    await Promise.resolve();
    expect(useAppStore.getState().state?.vendors.map((v) => v.name)).toEqual(['Newer']);
    off();
  });
});

describe('warnings about data that cannot be trusted', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tells stale data, a failed check on fresh data, and a never-read vendor apart', async () => {
    const vendors = [
      summary({ id: 'stale', name: 'Stale Co', stale: true, lastGoodAt: minutesAgo(45) }),
      summary({
        id: 'failed',
        name: 'Flaky Co',
        error: { kind: 'http', message: 'The page answered 503 Service Unavailable.' },
      }),
      summary({
        id: 'never',
        name: 'Never Co',
        status: 'unknown',
        stale: true,
        lastGoodAt: null,
        lastCheckedAt: minutesAgo(1),
        error: { kind: 'dns', message: 'No such host: status.never.invalid.' },
      }),
      ...mixedVendors().slice(0, 1),
    ];
    renderApp(createFakeBridge({ 'state:get': async () => appState(vendors) }));
    expect(await screen.findByRole('link', { name: /Stale Co/ })).toHaveTextContent(
      'Stale data. Last good data: 45 min ago.',
    );
    expect(screen.getByRole('link', { name: /Flaky Co/ })).toHaveTextContent(
      'Last check failed: The page answered 503 Service Unavailable.',
    );
    expect(screen.getByRole('link', { name: /Never Co/ })).toHaveTextContent(
      'Unreachable: No such host: status.never.invalid. No good data yet.',
    );
  });

  it('shows the warning on the vendor page too', async () => {
    const vendors = [
      summary({
        id: 'never',
        name: 'Never Co',
        status: 'unknown',
        stale: true,
        lastGoodAt: null,
        error: { kind: 'dns', message: 'No such host: status.never.invalid.' },
      }),
    ];
    renderApp(
      createFakeBridge({
        'state:get': async () => appState(vendors),
        'vendor:get': async () => ({ summary: vendors[0]!, snapshot: null, uptime: [] }),
      }),
      '#/vendor/never',
    );
    expect(await screen.findByText(/No good read of this page yet/)).toBeInTheDocument();
    expect(screen.getByRole('article')).toHaveTextContent('Unreachable: No such host: status.never.invalid.');
    expect(screen.getByRole('img', { name: /No history observed yet/ })).toBeInTheDocument();
  });
});

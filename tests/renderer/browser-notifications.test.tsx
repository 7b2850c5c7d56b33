import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppNotification } from '../../shared/notification';
import { createFakeBridge } from './fake-bridge';
import { appState, kustomerDetail, mixedVendors } from './fixtures';
import { renderApp } from './render-app';

/** The browser's Notification API as a test double: records what is shown, answers permission prompts. */
class FakeNotification {
  static permission: NotificationPermission = 'default';
  static answer: NotificationPermission = 'granted';
  static shown: FakeNotification[] = [];
  static async requestPermission(): Promise<NotificationPermission> {
    FakeNotification.permission = FakeNotification.answer;
    return FakeNotification.answer;
  }
  onclick: (() => void) | null = null;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeNotification.shown.push(this);
  }
  close(): void {}
}

function webBridge() {
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

const OUTAGE: AppNotification = {
  key: 'kustomer:1',
  title: 'Kustomer — Partial outage',
  body: 'Delays processing inbound messages on Prod1',
  severity: 'partial_outage',
  target: { vendorId: 'kustomer', incidentId: 'inc-open-workflow' },
  at: new Date().toISOString(),
};

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}

describe('browser notifications (web mode)', () => {
  beforeEach(() => {
    FakeNotification.permission = 'default';
    FakeNotification.answer = 'granted';
    FakeNotification.shown = [];
    Object.defineProperty(window, 'Notification', { configurable: true, value: FakeNotification });
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'Notification');
    setVisibility('visible');
  });

  it('are opt-in; once allowed, a background tab shows what the desktop would, and a click opens it', async () => {
    const user = userEvent.setup();
    const { bridge, notify } = webBridge();
    renderApp(bridge, '#/settings');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    setVisibility('hidden');
    act(() => notify({ ...OUTAGE, key: 'before' }));
    expect(FakeNotification.shown).toHaveLength(0); // not asked for yet

    await user.click(
      screen.getByRole('checkbox', { name: 'Show browser notifications when this tab is in the background' }),
    );
    expect(FakeNotification.permission).toBe('granted');
    act(() => notify(OUTAGE));
    expect(FakeNotification.shown).toHaveLength(1);
    const shown = FakeNotification.shown[0]!;
    expect(shown.title).toBe('Kustomer — Partial outage');
    expect(shown.options).toMatchObject({ body: OUTAGE.body, tag: OUTAGE.key });
    act(() => shown.onclick?.());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Delays processing inbound messages on Prod1' }),
    ).toBeInTheDocument();

    // In view, the in-page toast says it; no second notification.
    setVisibility('visible');
    act(() => notify({ ...OUTAGE, key: 'visible' }));
    expect(FakeNotification.shown).toHaveLength(1);
  });

  it('say how to allow them when the browser blocks them', async () => {
    const user = userEvent.setup();
    FakeNotification.answer = 'denied';
    renderApp(webBridge().bridge, '#/settings');
    const box = await screen.findByRole('checkbox', {
      name: 'Show browser notifications when this tab is in the background',
    });
    await user.click(box);
    expect(box).not.toBeChecked();
    expect(screen.getByText(/The browser blocks notifications from this page/)).toBeInTheDocument();
  });
});

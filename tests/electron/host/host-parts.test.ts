// The desktop host's parts on their own: the tray's actions reach the window and the engine, launch at
// login follows the setting once per change, machine signals reach the engine, and a quit waits for the
// engine to flush.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../electron-mock')).electronModule());

import { app, net, powerMonitor, resetElectronMock } from '../electron-mock';
import { quitAfterFlush } from '../../../electron/host/lifecycle';
import { forwardMachineSignals } from '../../../electron/host/signals';
import { followSettings, trayActions } from '../../../electron/host/tray-wiring';
import type { AppCore } from '../../../electron/core/app-types';
import { appState } from '../fixtures';

beforeEach(() => resetElectronMock());

describe('tray actions', () => {
  it('opens the window where asked and pauses through the engine', async () => {
    const open = vi.fn();
    const update = vi.fn(async () => appState([], 'unknown').settings);
    const core = { handlers: { 'settings:update': update, 'vendors:refresh': vi.fn(async () => {}) } };
    const act = trayActions(core as unknown as Pick<AppCore, 'handlers'>, { open }, () => {});
    act({ kind: 'open-vendor', vendorId: 'v1' });
    act({ kind: 'open-window' });
    act({ kind: 'pause', until: '2026-11-24T11:00:00.000Z' });
    expect(open.mock.calls).toEqual([[{ vendorId: 'v1' }], []]);
    expect(update).toHaveBeenCalledWith({ pausedUntil: '2026-11-24T11:00:00.000Z' });
  });
});

describe('settings the host follows', () => {
  it('applies launch at login only when the setting changes', () => {
    const follower = followSettings({
      tray: { current: null, update: () => {} },
      platform: 'darwin',
      now: Date.now,
      log: () => {},
    });
    const state = appState([], 'unknown');
    follower.follow(state);
    follower.follow(state);
    follower.follow({ ...state, settings: { ...state.settings, launchAtLogin: true } });
    follower.stop();
    expect(
      app.setLoginItemSettings.mock.calls.map((c) => (c[0] as { openAtLogin: boolean }).openAtLogin),
    ).toEqual([false, true]);
  });
});

describe('machine signals', () => {
  it('tells the engine about wake, and about the network when it changes', () => {
    const signal = vi.fn();
    const signals = forwardMachineSignals({ signal });
    powerMonitor.emit('resume');
    signals.checkOnline();
    net.isOnline.mockReturnValue(false);
    signals.checkOnline();
    signals.checkOnline();
    signals.stop();
    expect(signal.mock.calls).toEqual([['wake'], ['offline']]);
  });
});

describe('quit', () => {
  it('holds the quit until the engine has flushed, then quits for real', async () => {
    let finish: () => void = () => {};
    const order: string[] = [];
    quitAfterFlush({
      cleanUp: () => order.push('clean up'),
      stopEngine: () => new Promise<void>((resolve) => (finish = resolve)),
      afterStop: () => order.push('tray gone'),
      log: () => {},
    });
    app.quit();
    expect(app.quitted).toBe(false);
    app.quit();
    finish();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    expect(order).toEqual(['clean up', 'tray gone']);
  });
});

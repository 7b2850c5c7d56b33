// IPC: only our window's main frame on our page may call; every argument is validated before a handler
// runs; the preload exposes exactly the contract.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import { contextBridge, exposed, FakeFrame, ipcMain, ipcRenderer, resetElectronMock } from './electron-mock';
import { registerRequestHandlers, TrustedSenders } from '../../electron/ipc-main';
import { isSamePage } from '../../electron/core/window-policy';
import { PUSH_CHANNELS, REQUEST_CHANNELS, type Bridge, type RequestHandlers } from '../../shared/ipc';
import { appState } from './fixtures';

const PAGE = 'file:///app/out/renderer/index.html';

function fakeHandlers(): RequestHandlers {
  const fail = async (): Promise<never> => {
    throw new Error('not in this test');
  };
  return {
    'state:get': vi.fn(async () => appState([], 'unknown')),
    'vendor:get': vi.fn(async () => null),
    'vendors:detect': fail,
    'vendors:add': fail,
    'vendors:remove': vi.fn(async () => undefined),
    'vendors:update': fail,
    'vendors:snooze': fail,
    'vendors:refresh': vi.fn(async () => undefined),
    'catalog:search': vi.fn(async () => []),
    'settings:update': fail,
    'watchlist:export': vi.fn(async () => '{}'),
    'watchlist:import': fail,
    'link:open': vi.fn(async () => true),
    'forward:list': vi.fn(async () => []),
    'forward:add': fail,
    'forward:remove': fail,
    'forward:test': fail,
    'calendar:export': fail,
    'incident:ack': fail,
    'group:ack': fail,
    'ack:remove': fail,
  };
}

function sender(id: number, url = PAGE) {
  const mainFrame = new FakeFrame(url);
  return { sender: { id, mainFrame }, senderFrame: mainFrame };
}

function setup() {
  const handlers = fakeHandlers();
  const trusted = new TrustedSenders((url) => isSamePage(PAGE, url));
  trusted.add({ id: 7 });
  const log = vi.fn();
  const unregister = registerRequestHandlers(ipcMain as never, handlers, trusted, log);
  return { handlers, trusted, log, unregister };
}

beforeEach(() => resetElectronMock());

describe('main-process IPC', () => {
  it('handles every channel of the contract', () => {
    const { unregister } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers our window', async () => {
    const { handlers } = setup();
    const state = await ipcMain.invoke('state:get', sender(7));
    expect(state).toMatchObject({ vendors: [], tray: 'unknown' });
    await ipcMain.invoke('vendor:get', sender(7), { id: 'github' });
    expect(handlers['vendor:get']).toHaveBeenCalledWith({ id: 'github' });
  });

  it('refuses and logs a call from any other web contents', async () => {
    const { handlers, log } = setup();
    await expect(ipcMain.invoke('vendors:remove', sender(8), { id: 'github' })).rejects.toThrow(/Refused/);
    expect(handlers['vendors:remove']).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('vendors:remove refused: sender 8'));
  });

  it('refuses our window once it shows another page, or a call from a subframe', async () => {
    const { handlers } = setup();
    await expect(ipcMain.invoke('state:get', sender(7, 'https://evil.example/'))).rejects.toThrow(/Refused/);
    const top = new FakeFrame(PAGE);
    const frameCall = { sender: { id: 7, mainFrame: top }, senderFrame: new FakeFrame(PAGE, top) };
    await expect(ipcMain.invoke('state:get', frameCall)).rejects.toThrow(/Refused/);
    const noFrame = { sender: { id: 7, mainFrame: top }, senderFrame: null };
    await expect(ipcMain.invoke('state:get', noFrame)).rejects.toThrow(/Refused/);
    expect(handlers['state:get']).not.toHaveBeenCalled();
  });

  it('refuses a window that was closed', async () => {
    const { trusted } = setup();
    trusted.delete({ id: 7 });
    await expect(ipcMain.invoke('state:get', sender(7))).rejects.toThrow(/Refused/);
  });

  it('refuses bad arguments before any handler runs', async () => {
    const { handlers } = setup();
    const bad: Array<[string, unknown[]]> = [
      ['vendor:get', [{ id: 42 }]],
      ['vendor:get', []],
      ['vendors:remove', [{ id: 'x', extra: true }]],
      ['vendors:refresh', ['all']],
      ['catalog:search', [{ query: 'a'.repeat(10_000) }]],
      ['state:get', [{ sneaky: 1 }]],
      ['vendor:get', [{ id: 'a' }, { id: 'b' }]],
    ];
    for (const [channel, args] of bad) {
      await expect(ipcMain.invoke(channel, sender(7), ...args), channel).rejects.toThrow(/Invalid argument/);
    }
    expect(handlers['vendor:get']).not.toHaveBeenCalled();
    expect(handlers['vendors:refresh']).not.toHaveBeenCalled();
    expect(handlers['catalog:search']).not.toHaveBeenCalled();
  });

  it('refuses a vendor URL that is not http(s)', async () => {
    setup();
    await expect(ipcMain.invoke('vendors:add', sender(7), { url: 'file:///etc/passwd' })).rejects.toThrow(
      /^Enter an address that starts with https:\/\//,
    );
    await expect(ipcMain.invoke('vendors:detect', sender(7), { url: 'javascript:alert(1)' })).rejects.toThrow(
      /^Enter an address that starts with https:\/\//,
    );
  });
});

describe('preload', () => {
  // The preload exposes the bridge when it loads: load it once, remember what it exposed.
  let exposedKeys: string[] = [];
  let exposeCalls = 0;
  let bridge: Bridge;
  beforeAll(async () => {
    await import('../../electron/preload');
    exposedKeys = [...exposed.keys()];
    exposeCalls = contextBridge.exposeInMainWorld.mock.calls.length;
    bridge = exposed.get('statusTray') as Bridge;
  });
  const loadBridge = async (): Promise<Bridge> => bridge;

  it('exposes exactly the contract as window.statusTray', async () => {
    const bridge = await loadBridge();
    expect(exposeCalls).toBe(1);
    expect(exposedKeys).toEqual(['statusTray']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards contract channels with at most one argument', async () => {
    const bridge = await loadBridge();
    await bridge.invoke('vendor:get', { id: 'github' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('vendor:get', { id: 'github' });
    await (bridge.invoke as (...a: unknown[]) => Promise<unknown>)('state:get', 'extra', 'more');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('state:get', 'extra');
  });

  it('refuses channel names outside the contract', async () => {
    const bridge = await loadBridge();
    const invoke = bridge.invoke as (channel: string) => Promise<unknown>;
    await expect(invoke('electron-store-get-data')).rejects.toThrow(/Unknown channel/);
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    const on = bridge.on as (channel: string, l: () => void) => () => void;
    expect(() => on('electron-store-get-data', () => {})).toThrow(/Unknown channel/);
  });

  it('delivers pushes without the IPC event, and unsubscribes', async () => {
    const bridge = await loadBridge();
    const seen: unknown[] = [];
    const off = bridge.on('navigate', (...args: unknown[]) => seen.push(args));
    ipcRenderer.emit('navigate', { vendorId: 'github' });
    expect(seen).toEqual([[{ vendorId: 'github' }]]);
    off();
    ipcRenderer.emit('navigate', { vendorId: 'slack' });
    expect(seen).toHaveLength(1);
    for (const channel of PUSH_CHANNELS) expect(() => bridge.on(channel, () => {})).not.toThrow();
  });
});

// The window follows the host's patches: a changed vendor by id, a removed one, the tray summary; and a
// missed patch (a reconnected stream, a hidden window) makes it read the whole state again.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBridge } from './fake-bridge';
import { appState, mixedVendors, NOW, summary } from './fixtures';
import { renderApp } from './render-app';
import { applyPatch, checkedAtOf } from '../../renderer/src/stores/app-store';
import { readStateEarly } from '../../renderer/src/early-state';
import { resortWorstFirst, sortWorstFirst } from '../../renderer/src/views/OverviewView';
import type { AppState, StatePatch, VendorSummary } from '../../shared/ipc';
import type { VendorStatus } from '../../shared/status';

function patchOf(state: AppState, seq: number, vendors: VendorSummary[], removed: string[] = []): StatePatch {
  const { vendors: _all, seq: _seq, ...summary } = state;
  return { seq, since: seq - 1, vendors, removed, summary };
}

function rowText(name: string): string {
  const list = screen.getByRole('list', { name: /Vendors, worst first/ });
  return within(list).getByRole('link', { name: new RegExp(name) }).textContent ?? '';
}

describe('state patches', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a vendor’s change from a patch that carries only that vendor, and drops a removed one', async () => {
    const vendors = mixedVendors();
    const state = appState(vendors, { seq: 4 });
    const bridge = createFakeBridge({ 'state:get': async () => state });
    renderApp(bridge);
    await screen.findByText('3 vendors with problems, 1 unknown');
    const slack = vendors.find((v) => v.id === 'slack')!;
    expect(rowText('Slack')).not.toContain('Operational');

    act(() => bridge.push('state:patch', patchOf(state, 5, [{ ...slack, status: 'operational', open: [] }])));
    expect(screen.getByText('2 vendors with problems, 1 unknown')).toBeInTheDocument();
    expect(rowText('Slack')).toContain('Operational');

    const removedId = vendors.find((v) => v.status === 'unknown')!.id;
    act(() => bridge.push('state:patch', patchOf(state, 6, [], [removedId])));
    expect(screen.getByText('2 vendors with problems')).toBeInTheDocument();
    // Patches followed one another: the state was read once, at start.
    expect(bridge.callsTo('state:get')).toHaveLength(1);
  });

  it('reads the whole state again when a patch shows one was missed, and ignores one already included', async () => {
    const vendors = mixedVendors();
    let current = appState(vendors, { seq: 1 });
    const bridge = createFakeBridge({ 'state:get': async () => current });
    renderApp(bridge);
    await screen.findByText('3 vendors with problems, 1 unknown');

    // Patch 2 never arrived; the host is at 3 with every vendor operational.
    current = appState(
      vendors.map((v) => ({ ...v, status: 'operational' as const, open: [], problems: [], problemCount: 0 })),
      { seq: 3, tray: 'operational' },
    );
    act(() => bridge.push('state:patch', patchOf(current, 3, [])));
    await screen.findByText('All 6 vendors operational');
    expect(bridge.callsTo('state:get')).toHaveLength(2);

    // An old patch (a late delivery of 3) changes nothing and reads nothing.
    const stale = { ...vendors[0]!, status: 'major_outage' as const };
    act(() => bridge.push('state:patch', patchOf(current, 3, [stale])));
    expect(screen.getByText('All 6 vendors operational')).toBeInTheDocument();

    // A reconnected stream's first event says which state is current: behind it, the window reads again.
    current = { ...current, seq: 9 };
    act(() => bridge.push('state:patch', { ...patchOf(current, 9, []), since: 9 }));
    await waitFor(() => expect(bridge.callsTo('state:get')).toHaveLength(3));
    // A garbled patch is never applied: the window reads the state instead.
    act(() => bridge.push('state:patch', { seq: 'x' } as unknown as StatePatch));
    await waitFor(() => expect(bridge.callsTo('state:get')).toHaveLength(4));
    expect(screen.getByText('All 6 vendors operational')).toBeInTheDocument();
  });

  it('applies patches that arrive while the state is being read, on top of it', async () => {
    const vendors = mixedVendors();
    const state = appState(vendors, { seq: 2 });
    let answer: (s: AppState) => void = () => {};
    const bridge = createFakeBridge({
      'state:get': () => new Promise<AppState>((resolve) => (answer = resolve)),
    });
    renderApp(bridge);
    const slack = vendors.find((v) => v.id === 'slack')!;
    act(() => bridge.push('state:patch', patchOf(state, 3, [{ ...slack, status: 'operational', open: [] }])));
    await act(async () => answer(state));
    await screen.findByText('2 vendors with problems, 1 unknown');
    expect(bridge.callsTo('state:get')).toHaveLength(1);
  });

  it('applyPatch replaces by id, appends new vendors and keeps the rest as they were', () => {
    const vendors = mixedVendors();
    const state = appState(vendors, { seq: 0 });
    const added = { ...vendors[0]!, id: 'new', name: 'New' };
    const next = applyPatch(state, patchOf(state, 1, [added]));
    expect(next).not.toBe('gap');
    const after = next as AppState;
    expect(after.vendors.map((v) => v.id)).toEqual([...vendors.map((v) => v.id), 'new']);
    expect(after.vendors[1]).toBe(state.vendors[1]);
    expect(after.seq).toBe(1);
    expect(applyPatch(state, patchOf(state, 2, []))).toBe('gap');
  });

  it('derives when a quiet vendor was last checked from the interval, but never for a failing or paused one', () => {
    const state = appState([], { seq: 1 });
    const at = '2026-11-24T11:50:00.000Z';
    const now = Date.parse('2026-11-24T12:00:30.000Z');
    // Every 2 minutes since 11:50: the latest check was due at 12:00.
    expect(checkedAtOf({ lastCheckedAt: at, error: null, stale: false }, state, now)).toBe(
      '2026-11-24T12:00:00.000Z',
    );
    const failing = { lastCheckedAt: at, error: { kind: 'timeout', message: 'x' }, stale: false } as const;
    expect(checkedAtOf(failing as never, state, now)).toBe(at);
    expect(checkedAtOf({ lastCheckedAt: at, error: null, stale: true }, state, now)).toBe(at);
    expect(
      checkedAtOf({ lastCheckedAt: at, error: null, stale: false }, { ...state, tray: 'paused' }, now),
    ).toBe(at);
    expect(
      checkedAtOf({ lastCheckedAt: at, error: null, stale: false }, { ...state, offline: true }, now),
    ).toBe(at);
    expect(checkedAtOf({ lastCheckedAt: null, error: null, stale: false }, state, now)).toBeNull();
  });

  it('shows the state the entry script started reading before the app loaded, without reading it twice', async () => {
    const state = appState(mixedVendors(), { seq: 2 });
    let answer: (s: AppState) => void = () => {};
    const bridge = createFakeBridge({ 'state:get': () => new Promise<AppState>((r) => (answer = r)) });
    readStateEarly(bridge);
    renderApp(bridge);
    expect(screen.getByText('Loading your vendors…')).toBeInTheDocument();
    act(() => answer(state));
    await screen.findByText('3 vendors with problems, 1 unknown');
    expect(bridge.callsTo('state:get')).toHaveLength(1);
  });

  it('keeps 2,000 vendors worst first through patches that move a few, as a full sort would', () => {
    const statuses: VendorStatus[] = ['operational', 'degraded', 'major_outage', 'unknown', 'maintenance'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed % n;
    };
    let vendors = Array.from({ length: 2000 }, (_, i) =>
      summary({ id: `v${i}`, name: `Vendor ${random(500)}`, status: statuses[random(5)]! }),
    );
    let sorted = resortWorstFirst(null, vendors);
    expect(sorted.map((v) => v.id)).toEqual(sortWorstFirst(vendors).map((v) => v.id));
    for (let round = 0; round < 30; round++) {
      const next = [...vendors];
      for (let k = 0; k < 1 + random(4); k++) {
        const at = random(next.length);
        const stale = random(4) === 0;
        next[at] = {
          ...next[at]!,
          status: statuses[random(5)]!,
          stale,
          error: stale ? { kind: 'timeout', message: 'No answer' } : null,
        };
      }
      sorted = resortWorstFirst({ input: vendors, sorted }, next);
      vendors = next;
      expect(sorted.map((v) => v.id)).toEqual(sortWorstFirst(vendors).map((v) => v.id));
    }
    // Nothing replaced: the same order, the same array (the rows need not render again).
    expect(resortWorstFirst({ input: vendors, sorted }, [...vendors])).toBe(sorted);
  });
});

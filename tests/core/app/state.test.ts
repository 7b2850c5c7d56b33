// What hosts show: a vendor's summary from its entry and the monitor's view, the tray's one colour,
// and a burst of changes pushed once.
import { describe, expect, it } from 'vitest';
import {
  buildAppState,
  createStatePush,
  Notices,
  STATE_DEBOUNCE_MS,
  summaryOf,
} from '../../../electron/core/app/state';
import { DEFAULT_SETTINGS } from '../../../electron/core/app/stores';
import type { VendorRuntimeView } from '../../../electron/core/monitor/monitor';
import type { AppState, VendorSummary } from '../../../shared/ipc';
import { component, FakeTimers, incident, snapshot } from '../monitor/helpers';

const URL = 'https://status.kustomer.test';

function view(over: Partial<VendorRuntimeView>): VendorRuntimeView {
  return {
    id: 'status.kustomer.test',
    name: null,
    status: 'unknown',
    lastGood: null,
    lastGoodAt: null,
    lastCheckedAt: null,
    lastError: null,
    stale: false,
    detection: null,
    ...over,
  } as VendorRuntimeView;
}

function summary(name: string, status: VendorSummary['status']): VendorSummary {
  return { ...summaryOf({ url: `https://${name}.test` }, null, null), name, status };
}

describe('vendor summary', () => {
  it('names only the watched components that are in trouble, worst first', () => {
    const snap = snapshot(
      [
        component('c1', 'Workflow', 'Prod1 (US)', 'degraded'),
        component('c2', 'Workflow', 'Prod2 (EU)', 'major_outage'),
        component('c3', 'Email', null, 'major_outage'),
      ],
      [incident('i1')],
    );
    const s = summaryOf(
      { url: URL, components: ['c1', 'c2'], notify: 'outages' },
      view({ status: 'major_outage', lastGood: snap, lastCheckedAt: 1000, lastGoodAt: 1000 }),
      Date.parse('2026-11-24T12:00:00.000Z'),
    );
    expect(s.problems?.map((p) => p.group)).toEqual(['Prod2 (EU)', 'Prod1 (US)']);
    expect(s.problemCount).toBe(2);
    expect(s.open.map((i) => i.id)).toEqual(['i1']);
    expect(s.notify).toBe('outages');
    expect(s.snoozedUntil).toBe('2026-11-24T12:00:00.000Z');
    expect(s.name).toBe('Kustomer');
  });

  it('shows the address until anything is known about the page', () => {
    const s = summaryOf({ url: URL }, null, null);
    expect(s).toMatchObject({ name: URL, status: 'unknown', platform: 'unknown', notify: 'all' });
  });
});

describe('app state', () => {
  const base = { settings: DEFAULT_SETTINGS, dataDir: '/data', notices: [] as string[] };

  it('lists vendors worst first and colours the tray by the worst', () => {
    const state = buildAppState({
      ...base,
      vendors: [summary('b', 'operational'), summary('a', 'major_outage'), summary('c', 'operational')],
      offline: false,
      paused: false,
    });
    expect(state.vendors.map((v) => v.name)).toEqual(['a', 'b', 'c']);
    expect(state.tray).toBe('major_outage');
  });

  it('says paused over offline over the vendors', () => {
    const vendors = [summary('a', 'major_outage')];
    expect(buildAppState({ ...base, vendors, offline: true, paused: false }).tray).toBe('offline');
    expect(buildAppState({ ...base, vendors, offline: true, paused: true }).tray).toBe('paused');
    expect(buildAppState({ ...base, vendors: [], offline: false, paused: false }).tray).toBe('unknown');
  });

  it('shows a repeated save failure once', () => {
    const notices = new Notices();
    notices.addOnce('Could not save the history: disk full');
    notices.addOnce('Could not save the history: disk full');
    notices.add('settings.json could not be read');
    expect(notices.all()).toEqual([
      'Could not save the history: disk full',
      'settings.json could not be read',
    ]);
  });
});

describe('state push', () => {
  it('pushes a burst of changes once, after the debounce, and nothing after stop', async () => {
    const timers = new FakeTimers();
    let n = 0;
    const push = createStatePush(timers, () => ({ tray: `t${++n}` }) as unknown as AppState);
    const seen: string[] = [];
    push.on('state:changed', (s) => seen.push(s.tray));
    push.changed();
    push.changed();
    push.changed();
    await timers.advance(STATE_DEBOUNCE_MS - 1);
    expect(seen).toEqual([]);
    await timers.advance(1);
    expect(seen).toEqual(['t1']);
    push.changed();
    push.stop();
    await timers.advance(STATE_DEBOUNCE_MS * 2);
    expect(seen).toEqual(['t1']);
  });
});

// What hosts show: a vendor's summary from its entry and the monitor's view, the tray's one colour,
// and a burst of changes pushed once.
import { describe, expect, it } from 'vitest';
import {
  buildAppState,
  createStatePush,
  Notices,
  STATE_DEBOUNCE_MS,
  STATE_PUSH_GAP_MS,
  snapshotRevision,
  summaryOf,
} from '../../../electron/core/app/state';
import { DEFAULT_SETTINGS } from '../../../electron/core/app/stores';
import type { VendorRuntimeView } from '../../../electron/core/monitor/monitor';
import type { AppState, StatePatch, VendorSummary } from '../../../shared/ipc';
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

  it('follows a change of the watched components on a page read once', () => {
    const snap = snapshot([
      component('c1', 'API', null, 'degraded'),
      component('c2', 'Email', null, 'major_outage'),
    ]);
    const read = view({ status: 'major_outage', lastGood: snap, lastCheckedAt: 1000, lastGoodAt: 1000 });
    expect(summaryOf({ url: URL, components: ['c1'] }, read, null).problems?.map((p) => p.name)).toEqual([
      'API',
    ]);
    expect(summaryOf({ url: URL, components: ['c2'] }, read, null).problems?.map((p) => p.name)).toEqual([
      'Email',
    ]);
    const gone = summaryOf({ url: URL, components: ['Billing'] }, read, null);
    expect(gone.problemCount).toBe(0);
    expect(gone.unmatchedComponents?.map((u) => u.name)).toEqual(['Billing']);
    expect(summaryOf({ url: URL }, read, null).problemCount).toBe(2);
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
  const settings = structuredClone(DEFAULT_SETTINGS);
  function vendorAt(id: string, over: Partial<VendorSummary> = {}): VendorSummary {
    return {
      id,
      url: `https://${id}`,
      name: id,
      platform: 'statuspage',
      pageUrl: `https://${id}`,
      status: 'operational',
      open: [],
      problems: [],
      problemCount: 0,
      lastCheckedAt: '2026-01-01T00:00:00.000Z',
      lastGoodAt: '2026-01-01T00:00:00.000Z',
      stale: false,
      error: null,
      watchedComponents: [],
      notify: 'all',
      snoozedUntil: null,
      ...over,
    };
  }
  /** A watchlist of `n` vendors whose readings a test changes, polled (checked-at moving) at will. */
  function fakeApp(n: number) {
    const timers = new FakeTimers();
    const vendors = new Map<string, VendorSummary>();
    for (let i = 0; i < n; i++) vendors.set(`v${i}.test`, vendorAt(`v${i}.test`));
    const asked: number[] = [];
    const push = createStatePush(timers, {
      allVendors: () => {
        asked.push(vendors.size);
        return [...vendors.values()];
      },
      vendorsById: (ids) => {
        asked.push(ids.size);
        return [...ids].flatMap((id) => vendors.get(id) ?? []);
      },
      summaryInput: () => ({ offline: false, paused: false, settings, dataDir: '/data', notices: [] }),
    });
    const patches: StatePatch[] = [];
    push.on('state:patch', (p) => patches.push(p));
    const poll = (id: string, over: Partial<VendorSummary> = {}): void => {
      const at = new Date(timers.now()).toISOString();
      vendors.set(id, { ...vendors.get(id)!, lastCheckedAt: at, lastGoodAt: at, ...over });
      push.changed(id);
    };
    return { timers, vendors, push, patches, poll, asked };
  }

  it('pushes every vendor once at start, then nothing for polls that find the pages as they were', async () => {
    const { timers, push, patches, poll } = fakeApp(50);
    push.changed();
    await timers.advance(STATE_DEBOUNCE_MS);
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ seq: 1, since: 0, removed: [] });
    expect(patches[0]!.vendors).toHaveLength(50);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 50; i++) poll(`v${i}.test`);
      await timers.advance(STATE_PUSH_GAP_MS * 2);
    }
    expect(patches).toHaveLength(1);
    expect(push.seq()).toBe(1);
  });

  it('pushes only the vendor that changed, with the summary the tray needs', async () => {
    const { timers, push, patches, poll } = fakeApp(50);
    push.changed();
    await timers.advance(STATE_DEBOUNCE_MS);
    await timers.advance(STATE_PUSH_GAP_MS);
    for (let i = 0; i < 50; i++) poll(`v${i}.test`, i === 7 ? { status: 'major_outage' } : {});
    await timers.advance(STATE_PUSH_GAP_MS);
    expect(patches).toHaveLength(2);
    const patch = patches[1]!;
    expect(patch).toMatchObject({ seq: 2, since: 1, removed: [] });
    expect(patch.vendors.map((v) => [v.id, v.status])).toEqual([['v7.test', 'major_outage']]);
    expect(patch.summary.tray).toBe('major_outage');
    expect(patch.summary).not.toHaveProperty('vendors');
  });

  it('says which vendor was removed, and the tray after it', async () => {
    const { timers, vendors, push, patches, poll } = fakeApp(3);
    poll('v1.test', { status: 'partial_outage' });
    push.changed();
    await timers.advance(STATE_DEBOUNCE_MS);
    expect(patches[0]!.summary.tray).toBe('partial_outage');
    vendors.delete('v1.test');
    push.changed();
    await timers.advance(STATE_PUSH_GAP_MS);
    expect(patches[1]).toMatchObject({ seq: 2, since: 1, vendors: [], removed: ['v1.test'] });
    expect(patches[1]!.summary.tray).toBe('operational');
  });

  it('coalesces changes to at most one push a second', async () => {
    const { timers, push, patches, poll } = fakeApp(20);
    push.changed();
    await timers.advance(STATE_DEBOUNCE_MS);
    const pushedAt: number[] = [];
    push.on('state:patch', () => pushedAt.push(timers.now()));
    // Every vendor changes, one every 50 ms, for 4 s.
    for (let step = 0; step < 80; step++) {
      poll(`v${step % 20}.test`, { status: step % 2 ? 'degraded' : 'operational', name: `n${step}` });
      await timers.advance(50);
    }
    await timers.advance(STATE_PUSH_GAP_MS);
    for (let i = 1; i < pushedAt.length; i++) {
      expect(pushedAt[i]! - pushedAt[i - 1]!).toBeGreaterThanOrEqual(STATE_PUSH_GAP_MS);
    }
    expect(pushedAt.length).toBeGreaterThanOrEqual(4);
    expect(pushedAt.length).toBeLessThanOrEqual(6);
    // Numbered without a gap, each following the one before.
    expect(patches.map((p) => p.since)).toEqual(patches.map((p) => p.seq - 1));
    // The last push holds every vendor's last reading.
    const last = new Map<string, string>();
    for (const p of patches) for (const v of p.vendors) last.set(v.id, v.name);
    expect(last.get('v19.test')).toBe('n79');
  });

  it('reads only the vendors that polled, not the whole watchlist', async () => {
    const { timers, push, poll, asked } = fakeApp(500);
    push.changed();
    await timers.advance(STATE_DEBOUNCE_MS);
    asked.length = 0;
    poll('v3.test');
    poll('v4.test');
    await timers.advance(STATE_PUSH_GAP_MS);
    expect(asked).toEqual([2]);
  });

  it('pushes the whole state to in-process listeners when something changed, and nothing after stop', async () => {
    const { timers, push, poll } = fakeApp(3);
    const seen: AppState[] = [];
    push.on('state:changed', (s) => seen.push(s));
    poll('v2.test', { status: 'degraded' });
    push.changed();
    await timers.advance(STATE_DEBOUNCE_MS);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.vendors.map((v) => v.id)).toEqual(['v2.test', 'v0.test', 'v1.test']);
    expect(seen[0]!.seq).toBe(1);
    poll('v0.test', { status: 'major_outage' });
    push.stop();
    await timers.advance(STATE_PUSH_GAP_MS * 2);
    expect(seen).toHaveLength(1);
  });
});

describe("a vendor summary's revision", () => {
  const resolved = incident('pm', {
    status: 'resolved',
    resolvedAt: '2026-11-24T11:00:00.000Z',
    updates: [{ status: 'resolved', body: 'Fixed.', at: '2026-11-24T11:00:00.000Z' }],
  });
  const page = snapshot([component('a', 'API', null)], [resolved]);

  it('moves when the page publishes something the summary does not show (a postmortem, a component)', () => {
    const postmortem = snapshot(
      [component('a', 'API', null)],
      [
        {
          ...resolved,
          status: 'postmortem',
          updates: [
            ...resolved.updates,
            { status: 'postmortem', body: '## Root Cause', at: '2026-11-25T09:00:00.000Z' },
          ],
        },
      ],
    );
    expect(snapshotRevision(postmortem)).not.toBe(snapshotRevision(page));
    const unwatched = snapshot([component('a', 'API', null, 'degraded')], [resolved]);
    expect(snapshotRevision(unwatched)).not.toBe(snapshotRevision(page));
  });

  it('stays put for a read that found the page as it was', () => {
    expect(snapshotRevision({ ...page, fetchedAt: '2026-12-01T00:00:00.000Z' })).toBe(snapshotRevision(page));
  });
});

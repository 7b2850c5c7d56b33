// The monitor's state: last good snapshot, stale limit, unreachable and offline, detection, stop, listeners.
import { FakeTimers, S, component, failed, ok, setup, snapshot, vendor } from './helpers';
import { Monitor } from '../../../electron/core/monitor/monitor';
import type { Snapshot } from '../../../shared/model';
import type { HttpClient } from '../../../electron/core/http/types';

const http = {} as HttpClient;

describe('monitor state', () => {
  it('keeps the last good snapshot while failing, then turns unknown after 3 intervals, announcing it once', async () => {
    let answer: Snapshot = snapshot([component('c1', 'Workflow', 'Prod1 (US)', 'degraded')]);
    const { timers, monitor, events } = setup(() => answer, { random: () => 0 });
    monitor.setVendors([vendor(1)]);
    await timers.advance(1);
    events.length = 0;
    answer = failed('http', 'The page answered HTTP 503.');
    await timers.advance(121 * S);
    let view = monitor.view('v1')!;
    expect(view.status).toBe('degraded');
    expect(view.stale).toBe(true);
    expect(view.lastGood?.components[0]?.status).toBe('degraded');
    expect(events).toEqual([]);
    await timers.advance(360 * S);
    view = monitor.view('v1')!;
    expect(view.status).toBe('unknown');
    expect(view.reason).toBe('The page answered HTTP 503.');
    expect(events.map((e) => e.type)).toEqual(['vendor_status_changed', 'vendor_unreachable']);
    await timers.advance(3600 * S);
    expect(events).toHaveLength(2);
    answer = snapshot([component('c1', 'Workflow', 'Prod1 (US)', 'degraded')]);
    monitor.refresh();
    await timers.advance(1);
    expect(events.slice(2).map((e) => [e.type, 'to' in e ? e.to : null])).toEqual([
      ['vendor_recovered', null],
      ['vendor_status_changed', 'degraded'],
    ]);
    expect(monitor.view('v1')!.stale).toBe(false);
  });

  it('announces at once a vendor that was never read because its page is not a status page', async () => {
    const { timers, monitor, events } = setup(() =>
      failed('unrecognized', 'example.test does not look like a status page StatusTray can read'),
    );
    monitor.setVendors([vendor(1)]);
    await timers.advance(1);
    expect(events.map((e) => e.type)).toEqual(['vendor_unreachable']);
    await timers.advance(3600 * S);
    expect(events).toHaveLength(1);
  });

  it('waits out the stale limit before calling a never-read vendor unreachable on a network error', async () => {
    const { timers, monitor, events } = setup(() => failed('timeout', 'status1.test did not answer'));
    monitor.setVendors([vendor(1)]);
    await timers.advance(1);
    expect(events).toEqual([]);
    await timers.advance(400 * S);
    expect(events.map((e) => e.type)).toEqual(['vendor_unreachable']);
  });

  it('reports one offline state, not N unreachable vendors, and announces what changed once back', async () => {
    let network = false;
    let outage = false;
    const { timers, monitor, events } = setup(() =>
      network
        ? failed('network', 'No route')
        : snapshot([component('c1', 'W', null, outage ? 'major_outage' : 'operational')]),
    );
    const changes: Array<string | null> = [];
    monitor.onChange((id) => changes.push(id));
    monitor.setVendors([vendor(1), vendor(2), vendor(3)]);
    await timers.advance(1);
    expect(monitor.isOffline()).toBe(false);
    network = true;
    await timers.advance(200 * S);
    expect(monitor.isOffline()).toBe(true);
    expect(changes).toContain(null);
    await timers.advance(3600 * S);
    expect(events).toEqual([]);
    network = false;
    outage = true;
    monitor.signal('online');
    await timers.advance(1);
    expect(monitor.isOffline()).toBe(false);
    const byType = events.map((e) => e.type);
    expect(byType.filter((t) => t === 'vendor_unreachable')).toHaveLength(0);
    expect(byType.filter((t) => t === 'component_status_changed')).toHaveLength(3);
  });

  it('caches a detection the read reports, and tells the host', async () => {
    const timers = new FakeTimers();
    const detection = {
      platform: 'statuspage' as const,
      apiUrl: 'https://status1.test/api/v2',
      pageUrl: 'https://status1.test',
    };
    const seen: Array<unknown> = [];
    const read = async (_url: string, o: { detection?: unknown }) => {
      seen.push(o.detection ?? null);
      return { snapshot: ok, detection, notModified: false };
    };
    const monitor = new Monitor({ read, http, timers, intervalMs: 10 * S });
    const told: string[] = [];
    monitor.onDetection((id) => told.push(id));
    monitor.start();
    monitor.setVendors([vendor(1)]);
    await timers.advance(30 * S);
    expect(told).toEqual(['v1']);
    expect(seen[0]).toBeNull();
    expect(seen[1]).toEqual(detection);
  });

  it('stops cleanly: no timers left and no reads after stop', async () => {
    const { timers, monitor, read } = setup(() => ok);
    monitor.setVendors([vendor(1)]);
    await timers.advance(1);
    await monitor.stop();
    expect(timers.count()).toBe(0);
    await timers.advance(3600 * S);
    expect(read.calls).toHaveLength(1);
  });
});

describe('monitor robustness', () => {
  it('keeps polling when a listener throws', async () => {
    const { timers, monitor, read } = setup(() => snapshot([component('c1', 'W', null, 'degraded')]), {
      intervalMs: 10 * S,
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    monitor.onEvents(() => {
      throw new Error('sink broke');
    });
    monitor.onChange(() => {
      throw new Error('sink broke');
    });
    monitor.setVendors([vendor(1)]);
    await timers.advance(60 * S);
    expect(read.calls.length).toBeGreaterThanOrEqual(5);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

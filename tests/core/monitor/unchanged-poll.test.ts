// A poll that finds the page shown last time (the read says `unchanged`) is cheap for the monitor: no
// events, the same snapshot kept, listeners told `unchanged`; and nothing is lost by it: the stale limit,
// recovery and real changes still behave as for any other read.
import type { MonitorEvent } from '../../../shared/model';
import { Monitor, type PollChange } from '../../../electron/core/monitor/monitor';
import type { HttpClient } from '../../../electron/core/http/types';
import { FakeTimers, PAGE_URL as URL, S, component, pageRead, snapshot } from './helpers';

function setup() {
  const timers = new FakeTimers();
  const { world, read } = pageRead(timers);
  const monitor = new Monitor({
    read,
    http: {} as HttpClient,
    timers,
    intervalMs: 60 * S,
    random: () => 0.5,
  });
  const events: MonitorEvent[] = [];
  const changes: PollChange[] = [];
  monitor.onEvents((e) => events.push(...e));
  monitor.onChange((id, change) => {
    if (id !== null) changes.push(change);
  });
  monitor.setVendors([{ id: 'acme', entry: { url: URL, name: 'Acme' } }]);
  monitor.start();
  return { timers, world, monitor, events, changes };
}

describe('an unchanged poll', () => {
  it('emits no events, keeps the snapshot and tells listeners it was unchanged', async () => {
    const { timers, world, monitor, events, changes } = setup();
    await timers.advance(1);
    const first = monitor.view('acme')!;
    expect(first.status).toBe('operational');
    await timers.advance(10 * 60 * S);
    expect(world.reads).toBeGreaterThanOrEqual(10);
    // Every poll after the first handed its basis to the read.
    expect(world.previous).toBe(world.reads - 1);
    expect(events).toEqual([]);
    expect(changes[0]).toBe('changed');
    expect(changes.slice(1).every((c) => c === 'unchanged')).toBe(true);
    const view = monitor.view('acme')!;
    expect(view.lastGood?.components).toBe(first.lastGood?.components);
    // Checked now: the times move, so the data is not stale.
    expect(view.lastGoodAt).toBe(view.lastCheckedAt);
    expect(view.lastCheckedAt).toBeGreaterThan(first.lastCheckedAt!);
    expect(view.stale).toBe(false);
    expect(monitor.stats.unchanged).toBe(world.reads - 1);
  });

  it('still turns a vendor failing past the stale limit unknown, and announces its recovery', async () => {
    const { timers, world, monitor, events, changes } = setup();
    await timers.advance(5 * 60 * S);
    const page = world.page;
    world.page = null;
    await timers.advance(10 * 60 * S);
    expect(monitor.view('acme')!.status).toBe('unknown');
    expect(events.map((e) => e.type)).toEqual(['vendor_status_changed', 'vendor_unreachable']);
    events.length = 0;
    changes.length = 0;
    // The page comes back as it was: the read finds it unchanged, yet the recovery is news.
    world.page = page;
    await timers.advance(40 * 60 * S);
    expect(monitor.view('acme')!.status).toBe('operational');
    expect(events.map((e) => e.type)).toEqual(['vendor_recovered', 'vendor_status_changed']);
    expect(events[1]).toMatchObject({ from: 'unknown', to: 'operational' });
    expect(changes[0]).toBe('changed');
    expect(changes.at(-1)).toBe('unchanged');
  });

  it('gives way to a real change: the new page is diffed and announced', async () => {
    const { timers, world, monitor, events, changes } = setup();
    await timers.advance(5 * 60 * S);
    world.page = snapshot([component('c1', 'API', null, 'major_outage')]);
    changes.length = 0;
    await timers.advance(61 * S);
    expect(monitor.view('acme')!.status).toBe('major_outage');
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['vendor_status_changed', 'component_status_changed']),
    );
    expect(changes).toEqual(['changed']);
    await timers.advance(5 * 60 * S);
    expect(changes.slice(1).every((c) => c === 'unchanged')).toBe(true);
  });
});

// The monitor's schedule: when each vendor is polled, how many at once, backoff, interval changes, jitter.
import { FakeTimers, S, component, failed, incident, ok, setup, snapshot, stubRead, vendor } from './helpers';
import { Monitor } from '../../../electron/core/monitor/monitor';
import type { HttpClient } from '../../../electron/core/http/types';
import { coalescedWakeAt, coalesceWindowMs } from '../../../electron/core/monitor/schedule';

const http = {} as HttpClient;

describe('monitor schedule', () => {
  it('sets no timer while nothing is watched, and none again after the last vendor is removed', async () => {
    const { timers, monitor, read } = setup(() => ok);
    expect(timers.count()).toBe(0);
    expect(monitor.nextTimerInMs()).toBeNull();
    monitor.setVendors([vendor(1)]);
    await timers.advance(1);
    expect(read.calls).toHaveLength(1);
    expect(timers.count()).toBe(1);
    monitor.setVendors([]);
    await timers.advance(1);
    expect(timers.count()).toBe(0);
    await timers.advance(3600 * S);
    expect(read.calls).toHaveLength(1);
  });

  it('reads a new vendor at once, then once per interval and never more often', async () => {
    const { timers, monitor, read } = setup(() => ok);
    monitor.setVendors([vendor(1), vendor(2), vendor(3)]);
    await timers.advance(3600 * S);
    for (const n of [1, 2, 3]) {
      const times = read.calls.filter((c) => c.url === `https://status${n}.test`).map((c) => c.at);
      expect(times.length).toBeGreaterThanOrEqual(28);
      expect(times.length).toBeLessThanOrEqual(31);
      for (let i = 1; i < times.length; i++)
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(120 * S);
    }
  });

  it('polls every 30 s while an incident is open, and back to the interval after', async () => {
    let open = true;
    const { timers, monitor, read } = setup(() =>
      open ? snapshot([component('c1', 'W', null)], [incident('i1')]) : ok,
    );
    monitor.setVendors([vendor(1)]);
    await timers.advance(600 * S);
    const during = read.calls.length;
    expect(during).toBeGreaterThanOrEqual(19);
    open = false;
    await timers.advance(60 * S);
    const mark = read.calls.length;
    await timers.advance(600 * S);
    expect(read.calls.length - mark).toBeLessThanOrEqual(5);
  });

  it('never slows a vendor down during an incident when the interval is shorter than the fast one', async () => {
    const { timers, monitor, read } = setup(() => snapshot([], [incident('i1')]), { intervalMs: 5 * S });
    monitor.setVendors([vendor(1)]);
    await timers.advance(60 * S);
    expect(read.calls.length).toBeGreaterThanOrEqual(10);
  });

  it('backs off exponentially on errors and honours Retry-After', async () => {
    const { timers, monitor, read } = setup(() => failed('http', 'HTTP 500'));
    monitor.setVendors([vendor(1)]);
    await timers.advance(3600 * S);
    const gaps = read.calls.slice(1).map((c, i) => c.at - read.calls[i]!.at);
    expect(gaps[0]).toBe(120 * S);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
    expect(read.calls.length).toBeLessThan(8);

    const limited = setup(() => ({
      snapshot: failed('rate_limited', 'Too many requests'),
      retryAfterMs: 900 * S,
    }));
    limited.monitor.setVendors([vendor(1)]);
    await limited.timers.advance(899 * S);
    expect(limited.read.calls).toHaveLength(1);
    await limited.timers.advance(2 * S);
    expect(limited.read.calls).toHaveLength(2);
  });

  it('keeps at most `concurrency` reads in flight and at most two per host', async () => {
    let inFlight = 0;
    let peak = 0;
    const perHost = new Map<string, number>();
    let peakHost = 0;
    const timers = new FakeTimers();
    const read = async (url: string) => {
      const host = new URL(url).host;
      inFlight++;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
      peak = Math.max(peak, inFlight);
      peakHost = Math.max(peakHost, perHost.get(host)!);
      await new Promise<void>((r) => timers.setTimeout(r, 2 * S));
      inFlight--;
      perHost.set(host, perHost.get(host)! - 1);
      return { snapshot: ok, detection: null, notModified: false };
    };
    const monitor = new Monitor({ read, http, timers, intervalMs: 120 * S, concurrency: 4 });
    monitor.start();
    monitor.setVendors([
      ...Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, entry: { url: `https://shared.test/p${i}` } })),
      ...Array.from({ length: 10 }, (_, i) => vendor(i)),
    ]);
    await timers.advance(100 * S);
    expect(peak).toBe(4);
    expect(peakHost).toBe(2);
  });

  it('does not let a slow vendor delay the others', async () => {
    const timers = new FakeTimers();
    const calls: Array<{ url: string; at: number }> = [];
    const read = async (url: string) => {
      calls.push({ url, at: timers.now() });
      if (url.includes('slow')) await new Promise<void>((r) => timers.setTimeout(r, 20 * S));
      return { snapshot: ok, detection: null, notModified: false };
    };
    const monitor = new Monitor({ read, http, timers, intervalMs: 10 * S, concurrency: 2, random: () => 0 });
    monitor.start();
    monitor.setVendors([{ id: 's', entry: { url: 'https://slow.test' } }, vendor(1)]);
    await timers.advance(60 * S);
    const fast = calls.filter((c) => c.url.includes('status1'));
    expect(fast.length).toBeGreaterThanOrEqual(6);
  });

  it('refreshes on demand and on wake', async () => {
    const { timers, monitor, read } = setup(() => ok);
    monitor.setVendors([vendor(1), vendor(2)]);
    await timers.advance(10 * S);
    expect(read.calls).toHaveLength(2);
    monitor.refresh('v1');
    await timers.advance(1);
    expect(read.calls).toHaveLength(3);
    monitor.signal('wake');
    await timers.advance(1);
    expect(read.calls).toHaveLength(5);
  });
});

describe('monitor interval changes', () => {
  it('applies a shorter interval from each vendor’s last poll, without polling sooner than it', async () => {
    const { timers, monitor, read } = setup(() => ok, { random: () => 0 });
    monitor.setVendors([vendor(1)]);
    await timers.advance(10 * S);
    expect(read.calls).toHaveLength(1);
    monitor.setIntervalMs(30 * S);
    await timers.advance(15 * S);
    expect(read.calls).toHaveLength(1);
    await timers.advance(6 * S);
    expect(read.calls).toHaveLength(2);
    expect(read.calls[1]!.at - read.calls[0]!.at).toBe(30 * S);
  });
});

describe('monitor jitter and shared wake-ups', () => {
  it('spreads vendors across the interval after the first read, in a few groups that each wake once', async () => {
    const timers = new FakeTimers();
    const read = stubRead(timers, () => ok);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const monitor = new Monitor({ read, http, timers, intervalMs: 120 * S, random });
    monitor.start();
    monitor.setVendors(Array.from({ length: 50 }, (_, i) => vendor(i)));
    await timers.advance(3000 * S);
    const secondPolls = new Set<number>();
    const lastPolls = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const times = read.calls.filter((c) => c.url === `https://status${i}.test`).map((c) => c.at);
      secondPolls.add(times[1]!);
      lastPolls.add(times.at(-1)!);
      // Never sooner than the interval, and at most the shared wake-up's window (1/20 of it, 3 s here) later.
      for (let k = 2; k < times.length; k++) {
        expect(times[k]! - times[k - 1]!).toBeGreaterThanOrEqual(120 * S);
        expect(times[k]! - times[k - 1]!).toBeLessThanOrEqual(123 * S);
      }
      // Once grouped, each vendor keeps exactly its interval.
      expect(times.at(-1)! - times.at(-2)!).toBe(120 * S);
    }
    // Not all at once (spread over the first 15 s), and not one wake-up each: at most 15 s / 3 s + 1.
    expect(secondPolls.size).toBeGreaterThan(1);
    expect(secondPolls.size).toBeLessThanOrEqual(6);
    expect(lastPolls.size).toBeGreaterThan(1);
    expect(lastPolls.size).toBeLessThanOrEqual(6);
  });

  it('polls vendors due within the window in one wake-up, none early and none later than the window', async () => {
    const { timers, monitor, read } = setup(() => ok, { coalesceMs: 2 * S, random: () => 0 });
    const t0 = timers.now();
    // Read at once when added (at 0 s, 1 s and 5 s), so due 120 s, 121 s and 125 s after the start.
    monitor.setVendors([vendor(1)]);
    await timers.advance(1 * S);
    monitor.setVendors([vendor(1), vendor(2)]);
    await timers.advance(4 * S);
    monitor.setVendors([vendor(1), vendor(2), vendor(3)]);
    await timers.advance(117 * S);
    const at = (n: number) =>
      read.calls.filter((c) => c.url === `https://status${n}.test`).map((c) => c.at - t0);
    expect([at(1)[0], at(2)[0], at(3)[0]]).toEqual([0, 1 * S, 5 * S]);
    // Vendors 1 and 2 (due 1 s apart) woke together, at the later one's time; vendor 3 (4 s later) waits.
    expect(at(1)[1]).toBe(121 * S);
    expect(at(2)[1]).toBe(121 * S);
    expect(at(3)).toHaveLength(1);
    await timers.advance(4 * S);
    expect(at(3)[1]).toBe(125 * S);
    // From then on 1 and 2 are due together: one wake-up for both, each exactly an interval later.
    await timers.advance(120 * S);
    expect(at(1)[2]).toBe(241 * S);
    expect(at(2)[2]).toBe(241 * S);
  });

  it('still polls a new or refreshed vendor at once, whatever is due soon', async () => {
    const { timers, monitor, read } = setup(() => ok, { coalesceMs: 60 * S });
    monitor.setVendors([vendor(1)]);
    await timers.advance(100 * S);
    expect(read.calls).toHaveLength(1);
    monitor.setVendors([vendor(1), vendor(2)]);
    await timers.advance(1);
    expect(read.calls).toHaveLength(2);
    monitor.refresh('v1');
    await timers.advance(1);
    expect(read.calls).toHaveLength(3);
  });
});

describe('coalescedWakeAt', () => {
  it('wakes at the last due time within the window after the earliest, never before the earliest', () => {
    expect(coalescedWakeAt([], 1000)).toBe(Infinity);
    expect(coalescedWakeAt([5000], 1000)).toBe(5000);
    expect(coalescedWakeAt([5000, 5400, 5999, 6000, 6001, 9000], 1000)).toBe(6000);
    expect(coalescedWakeAt([9000, 6001, 5000], 1000)).toBe(5000);
    expect(coalescedWakeAt([5000, 5400], 0)).toBe(5000);
  });

  it('allows 1/20 of the interval, at most 3 s', () => {
    expect(coalesceWindowMs(5_000)).toBe(250);
    expect(coalesceWindowMs(30_000)).toBe(1_500);
    expect(coalesceWindowMs(600_000)).toBe(3_000);
  });
});

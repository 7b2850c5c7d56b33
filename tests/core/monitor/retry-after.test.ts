// A page asking to be left alone for centuries (Retry-After: 9999999999) is left alone for an hour at most,
// and no timer is ever armed past Node's limit (2^31-1 ms), which Node would fire at once: a spin.
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../electron/core/http/client';
import type { HttpClient } from '../../../electron/core/http/types';
import { Monitor } from '../../../electron/core/monitor/monitor';
import { MAX_TIMER_MS, realTimers } from '../../../electron/core/monitor/types';
import { FakeTimers, component, failed, snapshot, stubRead } from './helpers';

const S = 1000;
const H = 3600 * S;

describe('Retry-After', () => {
  it('is honoured up to one hour, whatever the page asks', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120 * S);
    expect(parseRetryAfter('9999999999', now)).toBe(H);
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', now)).toBe(H);
  });

  it('far in the future never stops the monitor polling the vendor, nor makes it spin', async () => {
    const timers = new FakeTimers();
    const armed: number[] = [];
    const setTimeout = timers.setTimeout;
    timers.setTimeout = (fn, ms) => {
      armed.push(ms);
      return setTimeout(fn, ms);
    };
    let calls = 0;
    const read = stubRead(timers, () =>
      ++calls === 1
        ? { snapshot: failed('rate_limited', 'Too many requests'), retryAfterMs: 9_999_999_999 * S }
        : snapshot([component('c1', 'API', null)]),
    );
    const monitor = new Monitor({
      read,
      http: { get: async () => ({}), forget: () => {}, close: async () => {} } as unknown as HttpClient,
      timers,
      intervalMs: 120 * S,
      random: () => 0.5,
    });
    monitor.setVendors([{ id: 'v1', entry: { url: 'https://status.example.test' } }]);
    monitor.start();
    await timers.advance(H + 5 * S);
    expect(read.calls.length).toBeGreaterThanOrEqual(2);
    expect(read.calls[1]!.at - read.calls[0]!.at).toBeLessThanOrEqual(H + S);
    expect(Math.max(...armed)).toBeLessThanOrEqual(MAX_TIMER_MS);
    expect(armed.length).toBeLessThan(100);
    await monitor.stop();
  });

  it('the real timers never hand Node a delay past its limit', async () => {
    const fired = await new Promise<boolean>((resolve) => {
      const h = realTimers.setTimeout(() => resolve(true), 2 ** 40);
      // Armed past the limit, Node would fire it within a millisecond.
      globalThis.setTimeout(() => {
        realTimers.clearTimeout(h);
        resolve(false);
      }, 200);
    });
    expect(fired).toBe(false);
  });
});

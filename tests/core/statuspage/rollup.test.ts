// The status rollup and incident order: pure rules of DESIGN.md.
import { describe, expect, it } from 'vitest';
import type { Component, Incident } from '../../../shared/model';
import { orderIncidents, vendorStatus } from '../../../electron/core/rollup';
import { mapPool, createLimiter } from '../../../electron/core/pool';

const c = (id: string, status: Component['status'], group: string | null = null): Component => ({
  id,
  name: id,
  group,
  status,
});
const incident = (over: Partial<Incident>): Incident => ({
  id: 'i',
  title: 't',
  impact: 'minor',
  status: 'investigating',
  startedAt: '2026-01-01T00:00:00.000Z',
  resolvedAt: null,
  url: null,
  components: [],
  updates: [],
  kind: 'incident',
  ...over,
});

describe('vendor status', () => {
  it('is unknown, never operational, when a watched component is no longer on the page', () => {
    const page = [c('API', 'operational', 'US'), c('Web', 'operational', 'US')];
    expect(vendorStatus(page, [], ['US/API'])).toBe('operational');
    expect(vendorStatus(page, [], ['US/API', 'US/Renamed'])).toBe('unknown');
    // A real problem still wins over the missing one.
    expect(vendorStatus([c('API', 'major_outage', 'US')], [], ['US/API', 'US/Renamed'])).toBe('major_outage');
  });

  it('watches a whole group (a region) when the watch list names the group', () => {
    const page = [
      c('EC2', 'operational', 'us-east-1'),
      c('S3', 'partial_outage', 'us-east-1'),
      c('EC2b', 'major_outage', 'eu-west-1'),
    ];
    expect(vendorStatus(page, [], ['us-east-1'])).toBe('partial_outage');
    expect(vendorStatus(page, [], ['eu-west-1'])).toBe('major_outage');
  });

  it('is the worst of the components and the open incidents', () => {
    expect(vendorStatus([c('a', 'operational'), c('b', 'degraded')], [])).toBe('degraded');
    expect(vendorStatus([c('a', 'operational')], [incident({ impact: 'critical' })])).toBe('major_outage');
    expect(vendorStatus([c('a', 'operational')], [incident({ impact: 'major' })])).toBe('partial_outage');
    expect(vendorStatus([c('a', 'operational')], [incident({ impact: 'minor' })])).toBe('degraded');
    expect(
      vendorStatus(
        [c('a', 'operational')],
        [incident({ impact: 'critical', status: 'resolved', resolvedAt: 'x' })],
      ),
    ).toBe('operational');
  });

  it('never says operational for an unknown value', () => {
    expect(vendorStatus([c('a', 'operational'), c('b', 'unknown')], [])).toBe('unknown');
    expect(vendorStatus([c('a', 'operational')], [incident({ impact: 'unknown' })])).toBe('unknown');
    expect(vendorStatus([c('a', 'major_outage'), c('b', 'unknown')], [])).toBe('major_outage');
  });

  it('reads a page without components by its incidents, and a watch list matching nothing as unknown', () => {
    expect(vendorStatus([], [])).toBe('operational');
    expect(vendorStatus([], [incident({ impact: 'major' })])).toBe('partial_outage');
    expect(vendorStatus([c('a', 'operational')], [], ['gone'])).toBe('unknown');
  });

  it('matches watched names as Group/Component or Component', () => {
    const list = [c('API', 'major_outage', 'US'), c('API', 'operational', 'EU')];
    list[1]!.id = 'api-eu';
    expect(vendorStatus(list, [], ['EU/API'])).toBe('operational');
    expect(vendorStatus(list, [], ['US/API'])).toBe('major_outage');
    expect(vendorStatus(list, [], ['API'])).toBe('major_outage');
  });
});

describe('incident order', () => {
  it('puts open ones first, then history newest first', () => {
    const list = [
      incident({ id: 'old', status: 'resolved', resolvedAt: 'x', startedAt: '2020-01-01' }),
      incident({ id: 'new', status: 'resolved', resolvedAt: 'x', startedAt: '2025-01-01' }),
      incident({ id: 'open', startedAt: '2019-01-01' }),
    ];
    expect(orderIncidents(list).map((i) => i.id)).toEqual(['open', 'new', 'old']);
  });
});

describe('pool', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapPool([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('limits work that arrives over time', async () => {
    const limiter = createLimiter(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => limiter.run(async () => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(limiter.active()).toBe(0);
  });
});

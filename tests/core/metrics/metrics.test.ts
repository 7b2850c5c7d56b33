// /metrics as Prometheus scrapes it: parsed back and compared with the state it was made from.
import { describe, expect, it } from 'vitest';
import { createMetrics, type VendorMetricsInput } from '../../../electron/core/metrics/metrics';
import type { ReadOutcome } from '../../../electron/core/read';
import type { Snapshot } from '../../../shared/model';
import { parsePrometheus, sampleValue } from '../../fakes/prometheus';

const snapshot: Snapshot = {
  url: 'https://status.kustomer.com',
  vendor: { name: 'Kustomer', platform: 'statuspage', pageUrl: 'https://status.kustomer.com' },
  status: 'partial_outage',
  components: [
    { id: 'c1', name: 'Channel - Email', group: 'Prod2 (EU)', status: 'partial_outage' },
    { id: 'c2', name: 'API "v2"', group: null, status: 'operational' },
  ],
  incidents: [
    {
      id: 'i1',
      title: 'Email delays',
      impact: 'major',
      status: 'investigating',
      startedAt: '2026-11-24T09:41:00.000Z',
      resolvedAt: null,
      url: null,
      components: ['c1'],
      updates: [],
    },
    {
      id: 'm1',
      title: 'Upgrade',
      impact: 'maintenance',
      status: 'scheduled',
      startedAt: null as unknown as string,
      resolvedAt: null,
      url: null,
      components: [],
      updates: [],
      kind: 'maintenance',
    },
  ],
  fetchedAt: '2026-11-24T09:45:00.000Z',
  error: null,
};

describe('metrics', () => {
  it('exposes vendor status, up, open incidents and component status as in the state', async () => {
    const state: VendorMetricsInput[] = [
      { name: 'Kustomer', status: 'partial_outage', lastCheckedAt: 1, lastError: null, lastGood: snapshot },
      {
        name: 'GitHub',
        status: 'unknown',
        lastCheckedAt: 1,
        lastError: { kind: 'timeout', message: 'timed out' },
        lastGood: null,
      },
    ];
    const metrics = createMetrics(() => state);
    const samples = parsePrometheus(await metrics.text());
    expect(
      sampleValue(samples, 'statustray_vendor_status', { vendor: 'Kustomer', status: 'partial_outage' }),
    ).toBe(1);
    expect(
      sampleValue(samples, 'statustray_vendor_status', { vendor: 'Kustomer', status: 'operational' }),
    ).toBe(0);
    expect(
      samples.filter((s) => s.name === 'statustray_vendor_status' && s.labels.vendor === 'Kustomer'),
    ).toHaveLength(6);
    expect(sampleValue(samples, 'statustray_vendor_status', { vendor: 'GitHub', status: 'unknown' })).toBe(1);
    expect(sampleValue(samples, 'statustray_vendor_up', { vendor: 'Kustomer' })).toBe(1);
    expect(sampleValue(samples, 'statustray_vendor_up', { vendor: 'GitHub' })).toBe(0);
    expect(sampleValue(samples, 'statustray_open_incidents', { vendor: 'Kustomer' })).toBe(1);
    expect(
      sampleValue(samples, 'statustray_component_status', {
        vendor: 'Kustomer',
        group: 'Prod2 (EU)',
        component: 'Channel - Email',
        status: 'partial_outage',
      }),
    ).toBe(1);
    expect(sampleValue(samples, 'statustray_component_status', { component: 'API "v2"', group: '' })).toBe(1);

    // The state changes; the next scrape follows it and forgets what is gone.
    state[0] = { ...state[0]!, status: 'operational' };
    state.pop();
    const next = parsePrometheus(await metrics.text());
    expect(sampleValue(next, 'statustray_vendor_status', { vendor: 'Kustomer', status: 'operational' })).toBe(
      1,
    );
    expect(sampleValue(next, 'statustray_vendor_up', { vendor: 'GitHub' })).toBeUndefined();
  });

  it('counts polls by result and times them; two engines never share a registry', async () => {
    const a = createMetrics(() => []);
    const b = createMetrics(() => []);
    const ok = (error: Snapshot['error']): ReadOutcome => ({
      snapshot: { ...snapshot, error },
      detection: null,
      notModified: false,
    });
    const readA = a.instrument(
      async (url) => ok(url.includes('bad') ? { kind: 'timeout', message: 't' } : null),
      () => 'Kustomer',
    );
    await readA('https://status.kustomer.com', {} as never);
    await readA('https://status.kustomer.com', {} as never);
    await readA('https://bad.example.com', {} as never);
    const samples = parsePrometheus(await a.text());
    expect(sampleValue(samples, 'statustray_polls_total', { vendor: 'Kustomer', result: 'ok' })).toBe(2);
    expect(sampleValue(samples, 'statustray_polls_total', { vendor: 'Kustomer', result: 'timeout' })).toBe(1);
    expect(sampleValue(samples, 'statustray_poll_seconds_count')).toBe(3);
    const other = parsePrometheus(await b.text());
    expect(sampleValue(other, 'statustray_poll_seconds_count')).toBe(0);
  });
});

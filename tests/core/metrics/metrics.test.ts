// /metrics as Prometheus scrapes it: parsed back and compared with the state it was made from.
import { describe, expect, it } from 'vitest';
import { createMetrics, type VendorMetricsInput } from '../../../electron/core/metrics/metrics';
import type { ReadOutcome } from '../../../electron/core/read';
import type { Snapshot } from '../../../shared/model';
import type { VendorStatus } from '../../../shared/status';
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

function reading(status: VendorStatus, name = 'Kustomer'): Omit<VendorMetricsInput, 'entry'> {
  return {
    status,
    lastCheckedAt: 1,
    lastError: null,
    lastGood: { ...snapshot, status, vendor: { ...snapshot.vendor, name } },
  };
}

describe('metrics', () => {
  it('exposes vendor status, up, open incidents and component status as in the state', async () => {
    const state: VendorMetricsInput[] = [
      {
        entry: { url: 'https://status.kustomer.com', name: 'Kustomer' },
        status: 'partial_outage',
        lastCheckedAt: 1,
        lastError: null,
        lastGood: snapshot,
      },
      {
        entry: { url: 'https://www.githubstatus.com/', name: 'GitHub' },
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
    // Every vendor series has the stable id of the watched URL.
    expect(
      sampleValue(samples, 'statustray_vendor_up', { id: 'status.kustomer.com', vendor: 'Kustomer' }),
    ).toBe(1);
    expect(sampleValue(samples, 'statustray_vendor_up', { id: 'www.githubstatus.com' })).toBe(0);
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
    const watched: VendorMetricsInput[] = [
      { entry: { url: 'https://status.kustomer.com', name: 'Kustomer' }, ...reading('operational') },
      { entry: { url: 'https://bad.example.com' }, ...reading('unknown') },
    ];
    const b = createMetrics(() => []);
    const ok = (error: Snapshot['error']): ReadOutcome => ({
      snapshot: { ...snapshot, error },
      detection: null,
      notModified: false,
    });
    const a = createMetrics(() => watched);
    const readA = a.instrument(async (url) =>
      ok(url.includes('bad') ? { kind: 'timeout', message: 't' } : null),
    );
    await readA('https://status.kustomer.com', {} as never);
    await readA('https://status.kustomer.com', {} as never);
    await readA('https://bad.example.com', {} as never);
    const samples = parsePrometheus(await a.text());
    expect(sampleValue(samples, 'statustray_polls_total', { vendor: 'Kustomer', result: 'ok' })).toBe(2);
    expect(sampleValue(samples, 'statustray_polls_total', { id: 'bad.example.com', result: 'timeout' })).toBe(
      1,
    );
    expect(sampleValue(samples, 'statustray_poll_seconds_count')).toBe(3);
    const other = parsePrometheus(await b.text());
    expect(sampleValue(other, 'statustray_poll_seconds_count')).toBe(0);
  });
});

describe('metrics identity', () => {
  it('two pages that both call themselves "MajorVendor" are two vendors: the outage is not masked', async () => {
    const state: VendorMetricsInput[] = [
      { entry: { url: 'http://127.0.0.1:4001/' }, ...reading('major_outage', 'MajorVendor') },
      { entry: { url: 'http://127.0.0.2:4002/' }, ...reading('operational', 'MajorVendor') },
    ];
    const samples = parsePrometheus(await createMetrics(() => state).text());
    const current = samples.filter((s) => s.name === 'statustray_vendor_status' && s.value === 1);
    expect(current.map((s) => s.labels)).toEqual([
      { id: '127.0.0.1:4001', vendor: 'MajorVendor', status: 'major_outage' },
      { id: '127.0.0.2:4002', vendor: 'MajorVendor (2)', status: 'operational' },
    ]);
  });

  it("the name the user gave wins over the page's", async () => {
    const state: VendorMetricsInput[] = [
      {
        entry: { url: 'https://status.kustomer.com', name: 'Our helpdesk' },
        ...reading('degraded', 'Page name'),
      },
    ];
    const samples = parsePrometheus(await createMetrics(() => state).text());
    expect(sampleValue(samples, 'statustray_vendor_up', { vendor: 'Our helpdesk' })).toBe(1);
  });

  it("a page whose name changes at every poll adds no series; a removed vendor's series are removed", async () => {
    const state: VendorMetricsInput[] = [
      { entry: { url: 'http://127.0.0.1:4001/' }, ...reading('operational', 'Renamer 0') },
      { entry: { url: 'https://status.kustomer.com', name: 'Kustomer' }, ...reading('operational') },
    ];
    const metrics = createMetrics(() => state);
    const read = metrics.instrument(async (url) => ({
      snapshot: { ...snapshot, url, vendor: { ...snapshot.vendor, name: `Renamer ${Math.random()}` } },
      detection: null,
      notModified: false,
    }));
    const seriesCount = async () => parsePrometheus(await metrics.text()).length;
    await read('http://127.0.0.1:4001/', {} as never);
    await read('https://status.kustomer.com', {} as never);
    const before = await seriesCount();
    for (let poll = 1; poll <= 50; poll++) {
      state[0] = { ...state[0]!, ...reading('operational', `Renamer ${poll}`) };
      await read('http://127.0.0.1:4001/', {} as never);
      expect(await seriesCount()).toBe(before);
    }
    const samples = parsePrometheus(await metrics.text());
    expect(sampleValue(samples, 'statustray_polls_total', { id: '127.0.0.1:4001', result: 'ok' })).toBe(51);
    // Named as first read, for as long as it is watched.
    expect(sampleValue(samples, 'statustray_vendor_up', { id: '127.0.0.1:4001' })).toBe(1);
    expect(samples.find((s) => s.labels.id === '127.0.0.1:4001')!.labels.vendor).toBe('Renamer 0');

    state.shift();
    const after = parsePrometheus(await metrics.text());
    expect(after.some((s) => s.labels.id === '127.0.0.1:4001')).toBe(false);
    expect(sampleValue(after, 'statustray_polls_total', { vendor: 'Kustomer', result: 'ok' })).toBe(1);
  });
});

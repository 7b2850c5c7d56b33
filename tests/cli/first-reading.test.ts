// What `watch` says at a vendor's first read, decided from the monitor's views: the first reading once, a
// failure once and at once, and the monitor's own later "unreachable" for it held back as already told.
import { describe, expect, it } from 'vitest';
import { FirstReadings, startLineText } from '../../electron/cli/first-reading';
import type { VendorRuntimeView } from '../../electron/core/monitor/monitor';
import { component, incident, snapshot } from '../core/monitor/helpers';

const AT = Date.parse('2026-11-29T04:00:00.000Z');

function view(over: Partial<VendorRuntimeView>): VendorRuntimeView {
  return {
    id: 'kustomer',
    entry: { url: 'https://status.kustomer.test' },
    name: 'Kustomer',
    detection: null,
    lastGood: null,
    lastGoodAt: null,
    lastCheckedAt: AT,
    lastError: null,
    status: 'unknown',
    stale: false,
    reason: null,
    ...over,
  };
}

describe('FirstReadings', () => {
  it('tells the first reading once, with the open incidents', () => {
    const readings = new FirstReadings();
    const snap = snapshot(
      [component('a', 'API', 'Prod2 (EU)', 'partial_outage')],
      [incident('i1', { title: 'EU API errors' })],
    );
    const read = view({ lastGood: snap, lastGoodAt: AT, status: snap.status });
    const line = readings.afterRead(read);
    expect(line).toMatchObject({
      type: 'vendor_first_reading',
      vendor: 'Kustomer',
      at: '2026-11-29T04:00:00.000Z',
      status: 'partial_outage',
      openIncidentCount: 1,
      openIncidents: ['EU API errors'],
    });
    expect(startLineText(line!)).toBe('Partial outage (first reading) — open: EU API errors');
    expect(readings.afterRead(read)).toBeNull();
  });

  it('tells a page it cannot read at the first failure, once, and its first reading when it comes', () => {
    const readings = new FirstReadings();
    const error = { kind: 'refused' as const, message: 'status.kustomer.test refused the connection' };
    const failing = view({ lastError: error });
    const line = readings.afterRead(failing);
    expect(line).toMatchObject({ type: 'vendor_unreachable', vendor: 'Kustomer', error });
    expect(startLineText(line!)).toBe(
      'Cannot read the page: status.kustomer.test refused the connection (refused)',
    );
    expect(readings.afterRead(failing)).toBeNull();
    // The monitor announces it too once its stale limit passes: already told.
    const later = {
      type: 'vendor_unreachable' as const,
      vendor: 'Kustomer',
      vendorId: 'kustomer',
      at: '',
      error,
    };
    expect(readings.alreadyTold(later)).toBe(true);

    const snap = snapshot([component('a', 'API', null)]);
    expect(readings.afterRead(view({ lastGood: snap, lastGoodAt: AT, status: 'operational' }))).toMatchObject(
      {
        type: 'vendor_first_reading',
        status: 'operational',
      },
    );
    // Once read, a later failure is the monitor's to announce (after its stale limit).
    expect(readings.alreadyTold(later)).toBe(false);
    expect(readings.afterRead(failing)).toBeNull();
  });

  it('keeps a storm of open incidents to a bounded line', () => {
    const incidents = Array.from({ length: 5000 }, (_, i) => incident(`i${i}`, { title: `Storm ${i}` }));
    const snap = snapshot([component('a', 'API', null)], incidents);
    const line = new FirstReadings().afterRead(view({ lastGood: snap, lastGoodAt: AT, status: snap.status }));
    expect(line).toMatchObject({ openIncidentCount: 5000 });
    expect(JSON.stringify(line).length).toBeLessThan(2000);
    expect(startLineText(line!)).toMatch(/open: Storm 0; Storm 1; Storm 2 \(\+4997 more\)$/);
  });
});

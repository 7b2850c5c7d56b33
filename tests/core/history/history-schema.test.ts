// A stored history is checked in depth: what History writes loads back, and a wrong type anywhere inside
// is refused with the place named (the store then keeps the file aside).
import { describe, expect, it } from 'vitest';
import { History } from '../../../electron/core/history/history';
import { validateHistoryData } from '../../../electron/core/history/history-schema';

describe('validateHistoryData', () => {
  it('accepts what History writes', () => {
    const history = new History(null, { gapMs: 360_000 });
    history.record('kustomer', 'operational', 1_000);
    history.record('kustomer', 'major_outage', 2_000);
    history.recordIncidents(
      'kustomer',
      [
        {
          id: 'i1',
          title: 'Workflows delayed',
          impact: 'critical',
          status: 'investigating',
          startedAt: new Date(1_500).toISOString(),
          resolvedAt: null,
          url: null,
          components: [],
          updates: [],
        },
      ],
      2_000,
    );
    const data = JSON.parse(JSON.stringify(history.toJSON())) as unknown;
    expect(validateHistoryData(data)).toEqual(history.toJSON());
  });

  it.each([
    [{ version: 1, vendors: { k: { segments: 'x', incidents: [] } } }, /vendors\.k\.segments/],
    [
      {
        version: 1,
        vendors: { k: { segments: [{ from: 1, to: '2', status: 'operational' }], incidents: [] } },
      },
      /vendors\.k\.segments\.0\.to/,
    ],
    [
      { version: 1, vendors: { k: { segments: [{ from: 1, to: 2, status: 'sparkling' }], incidents: [] } } },
      /status/,
    ],
    [{ version: 1, vendors: { k: { segments: [], incidents: [{ id: 3 }] } } }, /vendors\.k\.incidents\.0/],
    [{ version: 2, vendors: {} }, /version/],
    [null, /not a history/],
  ])('refuses %j', (data, where) => {
    expect(() => validateHistoryData(data)).toThrow(where);
  });
});

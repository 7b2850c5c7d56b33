// Benchmark: the `watch` loop (monitor + history + event lines) over 2,000 vendors for a simulated hour on
// a fake clock. Each read parses a realistic summary afresh, as the engine does; 2% of vendors change
// every few minutes. Reports RSS and heap (after GC) per simulated 10 minutes and the peak; goal: flat,
// the heap at 60 min within 10% (+5 MB) of the heap at 10 min.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { HttpClient } from '../electron/core/http/types';
import { History } from '../electron/core/history/history';
import { Monitor } from '../electron/core/monitor/monitor';
import type { ReadOptions } from '../electron/core/monitor/types';
import { formatEvent } from '../electron/cli/watch';
import type { Component, Incident, Snapshot } from '../shared/model';
import { FakeTimers } from '../tests/core/monitor/helpers';

export const name = 'monitor-memory';

const VENDORS = 2000;
const INTERVAL_MS = 120_000;
const MINUTE = 60_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function page(i: number, bad: boolean): string {
  const n = 4 + (i % 97);
  const components: Component[] = Array.from({ length: n }, (_, k) => ({
    id: `v${i}c${k}`,
    name: `Component ${k}`,
    group: k % 3 === 0 ? null : `Region ${k % 5}`,
    status: bad && k === 0 ? 'partial_outage' : 'operational',
  }));
  const incidents: Incident[] = Array.from({ length: (i % 20) + (bad ? 1 : 0) }, (_, k) => ({
    id: `v${i}i${k}`,
    title: `Elevated errors on component ${k}`,
    impact: 'minor',
    status: bad && k === 0 ? 'investigating' : 'resolved',
    startedAt: new Date(Date.UTC(2026, 9, 1 + (k % 28))).toISOString(),
    resolvedAt: bad && k === 0 ? null : new Date(Date.UTC(2026, 9, 1 + (k % 28), 2)).toISOString(),
    url: `https://status${i}.example/incidents/${k}`,
    components: [`v${i}c${k % n}`],
    updates: [
      {
        status: 'resolved',
        body: 'We saw elevated errors and fixed them. '.repeat(4),
        at: '2026-10-01T02:00:00.000Z',
      },
    ],
  }));
  const snapshot: Snapshot = {
    url: `https://status${i}.example`,
    vendor: { name: `Vendor ${i}`, platform: 'statuspage', pageUrl: `https://status${i}.example` },
    status: bad ? 'partial_outage' : 'operational',
    components,
    incidents,
    fetchedAt: '',
    error: null,
  };
  return JSON.stringify(snapshot);
}

export async function run(): Promise<boolean> {
  const timers = new FakeTimers();
  const good = Array.from({ length: VENDORS }, (_, i) => page(i, false));
  const bad = Array.from({ length: VENDORS }, (_, i) => (i % 50 === 0 ? page(i, true) : null));
  const read = async (url: string, _o: ReadOptions) => {
    const i = Number(/status(\d+)/.exec(url)![1]);
    // 2% of vendors flip between good and bad every 5 simulated minutes.
    const flipped = bad[i] !== null && Math.floor(timers.now() / (5 * MINUTE)) % 2 === 1;
    const snapshot = JSON.parse(flipped ? bad[i]! : good[i]!) as Snapshot;
    snapshot.fetchedAt = new Date(timers.now()).toISOString();
    return { snapshot, detection: null, notModified: !flipped };
  };
  const monitor = new Monitor({
    read,
    http: {} as HttpClient,
    timers,
    intervalMs: INTERVAL_MS,
    concurrency: 16,
  });
  const history = new History(null, { gapMs: 3 * INTERVAL_MS });
  let lines = 0;
  let bytes = 0;
  monitor.onEvents((events) => {
    for (const e of events) {
      const line = JSON.stringify(e) + formatEvent(e);
      lines++;
      bytes += line.length;
    }
  });
  monitor.onChange((id) => {
    if (id === null) return;
    const v = monitor.view(id);
    if (v?.lastCheckedAt) history.record(id, v.status, v.lastCheckedAt);
  });
  monitor.setVendors(
    Array.from({ length: VENDORS }, (_, i) => ({
      id: `v${i}`,
      entry: { url: `https://status${i}.example` },
    })),
  );
  monitor.start();

  let peakRss = process.memoryUsage().rss;
  const rows: Array<{ minute: number; rss: number; heap: number; reads: number }> = [];
  const wallStart = performance.now();
  for (let minute = 10; minute <= 60; minute += 10) {
    for (let m = 0; m < 10; m++) {
      await timers.advance(MINUTE);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    gc();
    const mem = process.memoryUsage();
    rows.push({ minute, rss: mem.rss, heap: mem.heapUsed, reads: monitor.stats.requests });
  }
  const wall = (performance.now() - wallStart) / 1000;
  await monitor.stop();
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `monitor-memory: ${VENDORS} vendors, interval ${INTERVAL_MS / 1000} s, one simulated hour in ${wall.toFixed(1)} s; ${lines} event lines (${(bytes / 1024).toFixed(0)} kB)`,
  );
  for (const r of rows)
    console.log(
      `  ${String(r.minute).padStart(2)} min: RSS ${mb(r.rss)}, heap after GC ${mb(r.heap)}, reads so far ${r.reads}`,
    );
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const flat = last.heap <= first.heap * 1.1 + 5 * 1024 * 1024;
  console.log(
    `  peak RSS ${mb(peakRss)}; heap 10 → 60 min: ${mb(first.heap)} → ${mb(last.heap)} (goal: flat, ≤ +10% +5 MB) ${flat ? 'OK' : 'MISSED'}`,
  );
  return flat;
}

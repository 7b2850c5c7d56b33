// Benchmark: from a change on a status page to its Event, with the real monitor, HTTP client and engine
// against fake Statuspage vendors that change state on a clock. Intervals are scaled down so the run takes
// seconds; the goal keeps its absolute 1 s margin: p95 ≤ interval + 1 s for a vendor with nothing open,
// p95 ≤ fast interval + 1 s while an incident is open.
import { createHttpClient } from '../electron/core/http/client';
import { Monitor } from '../electron/core/monitor/monitor';
import { readSnapshot } from '../electron/core/read';
import type { MonitorEvent } from '../shared/model';
import {
  buildFixture,
  openIncident,
  resolveIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../tests/fakes/statuspage-server';

export const name = 'monitor-latency';

const VENDORS = 40;
const INTERVAL_MS = 5_000;
const FAST_MS = 2_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<boolean> {
  const servers: StatuspageServer[] = [];
  for (let i = 0; i < VENDORS; i++) {
    const page = buildFixture({
      name: `Vendor ${i}`,
      standalone: ['API'],
      groups: [{ name: 'EU', components: ['Compute', 'Storage'] }],
    });
    servers.push(await startStatuspageServer({ page, host: `127.89.0.${i + 10}` }));
  }
  const http = createHttpClient();
  const monitor = new Monitor({
    read: readSnapshot,
    http,
    intervalMs: INTERVAL_MS,
    fastIntervalMs: FAST_MS,
    concurrency: 16,
  });
  const seen = new Map<string, number>();
  monitor.onEvents((events: MonitorEvent[]) => {
    for (const e of events) {
      if (e.type === 'incident_opened' || e.type === 'incident_resolved')
        seen.set(`${e.vendorId}:${e.type}`, Date.now());
    }
  });
  monitor.setVendors(servers.map((s, i) => ({ id: `v${i}`, entry: { url: s.pageUrl } })));
  try {
    monitor.start();
    while (monitor.stats.requests < VENDORS * 2) await sleep(20);

    // Phase 1: nothing open; each page opens an incident at a random moment.
    const opened = new Map<number, { at: number; id: string }>();
    await Promise.all(
      servers.map(async (s, i) => {
        await sleep(Math.random() * 2 * INTERVAL_MS);
        let id = '';
        s.update((f) => {
          setComponentStatus(f, 'EU/Compute', 'partial_outage');
          id = openIncident(f, {
            name: `Compute degraded ${i}`,
            impact: 'major',
            components: ['EU/Compute'],
          }).id;
        });
        opened.set(i, { at: Date.now(), id });
      }),
    );
    while ([...opened.keys()].some((i) => !seen.has(`v${i}:incident_opened`))) await sleep(20);
    const normal = [...opened].map(([i, o]) => seen.get(`v${i}:incident_opened`)! - o.at);

    // Phase 2: an incident is open, so polling is fast; each page resolves it at a random moment.
    await sleep(FAST_MS * 2);
    const resolved = new Map<number, number>();
    await Promise.all(
      servers.map(async (s, i) => {
        await sleep(Math.random() * 3 * FAST_MS);
        s.update((f) => {
          resolveIncident(f, opened.get(i)!.id);
          setComponentStatus(f, 'EU/Compute', 'operational');
        });
        resolved.set(i, Date.now());
      }),
    );
    while ([...resolved.keys()].some((i) => !seen.has(`v${i}:incident_resolved`))) await sleep(20);
    const fast = [...resolved].map(([i, at]) => seen.get(`v${i}:incident_resolved`)! - at);

    const report = (label: string, values: number[], goal: number): boolean => {
      const p50 = percentile(values, 50);
      const p95 = percentile(values, 95);
      const ok = p95 <= goal;
      console.log(
        `  ${label}: p50 ${(p50 / 1000).toFixed(2)} s, p95 ${(p95 / 1000).toFixed(2)} s, max ${(Math.max(...values) / 1000).toFixed(2)} s (goal p95 ≤ ${(goal / 1000).toFixed(1)} s) ${ok ? 'OK' : 'MISSED'}`,
      );
      return ok;
    };
    console.log(
      `monitor-latency: ${VENDORS} vendors, interval ${INTERVAL_MS / 1000} s, fast interval ${FAST_MS / 1000} s`,
    );
    const a = report('change → event, nothing open  ', normal, INTERVAL_MS + 1000);
    const b = report('change → event, incident open ', fast, FAST_MS + 1000);
    return a && b;
  } finally {
    await monitor.stop();
    await http.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}

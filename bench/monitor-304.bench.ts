// Benchmark: 200 and 2,000 unchanged Statuspage vendors (each its own loopback host) polled by the real
// monitor, HTTP client and engine on a short interval. Goals at both sizes: after the first cycle ≥ 90% of
// requests are answered 304, and no vendor is asked more often than its interval; it reports what the kept
// validators (and the deflated bodies they vouch for) cost in memory.
import { createHttpClient } from '../electron/core/http/client';
import { Monitor } from '../electron/core/monitor/monitor';
import { readSnapshot } from '../electron/core/read';
import { buildFixture, startStatuspageServer, type StatuspageServer } from '../tests/fakes/statuspage-server';

export const name = 'monitor-304';

const SIZES = process.env.BENCH_MONITOR_VENDORS ? [Number(process.env.BENCH_MONITOR_VENDORS)] : [200, 2_000];
const CYCLES = 4;

export async function run(): Promise<boolean> {
  let ok = true;
  for (const vendors of SIZES) if (!(await runWith(vendors))) ok = false;
  return ok;
}

async function runWith(VENDORS: number): Promise<boolean> {
  // A cycle of 2,000 vendors (4,000 requests, 16 at a time) must fit in one interval on a busy machine.
  const INTERVAL_MS = VENDORS > 500 ? 30_000 : 10_000;
  const servers: StatuspageServer[] = [];
  for (let i = 0; i < VENDORS; i++) {
    const page = buildFixture({
      name: `Vendor ${i}`,
      standalone: ['API', 'Dashboard'],
      groups: [
        { name: 'EU', components: ['Compute', 'Storage', 'Network'] },
        { name: 'US', components: ['Compute', 'Storage', 'Network'] },
      ],
    });
    servers.push(
      await startStatuspageServer({ page, host: `127.88.${Math.floor(i / 200)}.${(i % 200) + 10}` }),
    );
  }
  const http = createHttpClient();
  const monitor = new Monitor({ read: readSnapshot, http, intervalMs: INTERVAL_MS, concurrency: 16 });
  monitor.setVendors(servers.map((s, i) => ({ id: `v${i}`, entry: { url: s.pageUrl } })));
  try {
    monitor.start();
    // The first cycle: every vendor detected and read once.
    while (monitor.stats.requests < VENDORS) await new Promise((r) => setTimeout(r, 20));
    const total = () => servers.reduce((n, s) => n + s.requests.length, 0);
    const notModified = () => servers.reduce((n, s) => n + s.notModifiedCount(), 0);
    const baseTotal = total();
    const base304 = notModified();
    const started = Date.now();
    await new Promise((r) => setTimeout(r, CYCLES * INTERVAL_MS));
    const elapsed = Date.now() - started;
    const requests = total() - baseTotal;
    const answered304 = notModified() - base304;
    const share = answered304 / requests;

    // The shortest time between two polls of one vendor, on the monitor's clock (when each poll started),
    // and as the server saw its summary.json requests after the first cycle (the first poll also detects
    // the platform). Arrival times also carry the client's event-loop lag (JSON parsing of other vendors,
    // GC), so the server-side figure is reported with a 10% allowance.
    const minPollGap = monitor.stats.minStartGapMs;
    let minGap = Infinity;
    let maxPolls = 0;
    for (const s of servers) {
      const times = s.requests.filter((r) => r.path.endsWith('/summary.json')).map((r) => r.at);
      maxPolls = Math.max(maxPolls, times.length);
      for (let i = 2; i < times.length; i++) minGap = Math.min(minGap, times[i]! - times[i - 1]!);
    }
    const shareOk = share >= 0.9;
    const gapOk = minPollGap >= INTERVAL_MS && minGap >= INTERVAL_MS * 0.9;
    console.log(
      `monitor-304: ${VENDORS} unchanged vendors, interval ${INTERVAL_MS / 1000} s, ${(elapsed / 1000).toFixed(1)} s after the first cycle`,
    );
    console.log(
      `  requests after the first cycle: ${requests}, answered 304: ${answered304} (${(share * 100).toFixed(1)}%, goal ≥ 90%) ${shareOk ? 'OK' : 'MISSED'}`,
    );
    const cache = http.cacheStats?.() ?? { entries: 0, bytes: 0 };
    console.log(
      `  validators kept: ${cache.entries} URLs, ${(cache.bytes / 1024 / 1024).toFixed(2)} MB with their deflated bodies (${Math.round(cache.bytes / Math.max(1, cache.entries))} bytes a URL); heap used ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`,
    );
    console.log(
      `  shortest gap between two polls of one vendor: ${minPollGap} ms on the monitor's clock, ${minGap} ms between requests as the server saw them (interval ${INTERVAL_MS} ms) ${gapOk ? 'OK' : 'MISSED'}; most polls of one vendor: ${maxPolls}`,
    );
    return shareOk && gapOk;
  } finally {
    await monitor.stop();
    await http.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}

// Prometheus metrics of DESIGN.md over the engine's state, with prom-client on a registry of its own
// (one per engine, never the global one, so two engines in one process never mix). Gauges are read from
// the state at scrape time; polls are counted by wrapping the engine's read function.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Snapshot } from '../../../shared/model';
import { COMPONENT_STATUSES, type VendorStatus } from '../../../shared/status';
import type { ReadFn } from '../monitor/types';
import { isOpen } from '../rollup';

/** What the metrics need of one watched vendor (a Monitor's VendorRuntimeView has it all). */
export interface VendorMetricsInput {
  name: string;
  status: VendorStatus;
  lastCheckedAt: number | null;
  lastError: unknown;
  lastGood: Snapshot | null;
}

export interface VendorMetrics {
  vendor: string;
  status: VendorStatus;
  up: 0 | 1;
  openIncidents: number;
  components: Array<{ group: string; component: string; status: VendorStatus }>;
}

/** Bounds a page with thousands of components to a series count Prometheus stays comfortable with. */
const MAX_COMPONENTS_PER_VENDOR = 500;

export function vendorMetrics(v: VendorMetricsInput): VendorMetrics {
  const snap = v.lastGood;
  return {
    vendor: v.name,
    status: v.status,
    up: v.lastCheckedAt !== null && !v.lastError ? 1 : 0,
    openIncidents: snap ? snap.incidents.filter((i) => i.kind !== 'maintenance' && isOpen(i)).length : 0,
    components: (snap?.components ?? [])
      .slice(0, MAX_COMPONENTS_PER_VENDOR)
      .map((c) => ({ group: c.group ?? '', component: c.name, status: c.status })),
  };
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface EngineMetrics {
  registry: Registry;
  /** The Prometheus text exposition. */
  text(): Promise<string>;
  /** A read function that also counts polls and times them. */
  instrument(read: ReadFn, vendorOf: (url: string) => string): ReadFn;
}

export function createMetrics(
  source: () => readonly VendorMetricsInput[],
  /** 1 while several watched vendors are failing together (an open group), else 0. */
  sharedCauseOpen?: () => number,
): EngineMetrics {
  const registry = new Registry();
  const current = (): VendorMetrics[] => source().map(vendorMetrics);

  new Gauge({
    name: 'statustray_vendor_status',
    help: 'The vendor status: 1 for the current one, 0 for the others',
    labelNames: ['vendor', 'status'],
    registers: [registry],
    collect() {
      this.reset();
      for (const v of current())
        for (const s of COMPONENT_STATUSES) this.set({ vendor: v.vendor, status: s }, v.status === s ? 1 : 0);
    },
  });
  new Gauge({
    name: 'statustray_vendor_up',
    help: '1 when the last read of the vendor page succeeded',
    labelNames: ['vendor'],
    registers: [registry],
    collect() {
      this.reset();
      for (const v of current()) this.set({ vendor: v.vendor }, v.up);
    },
  });
  new Gauge({
    name: 'statustray_open_incidents',
    help: 'Open incidents (maintenances not counted) on the vendor page',
    labelNames: ['vendor'],
    registers: [registry],
    collect() {
      this.reset();
      for (const v of current()) this.set({ vendor: v.vendor }, v.openIncidents);
    },
  });
  new Gauge({
    name: 'statustray_component_status',
    help: 'A component status: one series with value 1, labelled with the current status',
    labelNames: ['vendor', 'group', 'component', 'status'],
    registers: [registry],
    collect() {
      this.reset();
      for (const v of current())
        for (const c of v.components)
          this.set({ vendor: v.vendor, group: c.group, component: c.component, status: c.status }, 1);
    },
  });
  if (sharedCauseOpen) {
    new Gauge({
      name: 'statustray_shared_cause_open',
      help: '1 while several watched vendors are failing together (one group), else 0',
      registers: [registry],
      collect() {
        this.set(sharedCauseOpen());
      },
    });
  }
  const polls = new Counter({
    name: 'statustray_polls_total',
    help: 'Reads of vendor pages, by result (ok, not_modified, or the error kind)',
    labelNames: ['vendor', 'result'],
    registers: [registry],
  });
  const pollSeconds = new Histogram({
    name: 'statustray_poll_seconds',
    help: 'How long one read of a vendor page took',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [registry],
  });

  return {
    registry,
    text: () => registry.metrics(),
    instrument(read, vendorOf) {
      return async (url, opts) => {
        const stop = pollSeconds.startTimer();
        try {
          const outcome = await read(url, opts);
          const result = outcome.snapshot.error
            ? outcome.snapshot.error.kind
            : outcome.notModified
              ? 'not_modified'
              : 'ok';
          polls.inc({ vendor: vendorOf(url), result });
          return outcome;
        } catch (err) {
          polls.inc({ vendor: vendorOf(url), result: 'network' });
          throw err;
        } finally {
          stop();
        }
      };
    },
  };
}

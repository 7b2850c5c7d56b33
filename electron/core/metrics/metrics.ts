// Prometheus metrics of DESIGN.md over the engine's state, with prom-client on a registry of its own
// (one per engine, never the global one, so two engines in one process never mix). Gauges are read from
// the state at scrape time; polls are counted by wrapping the engine's read function.
//
// Identity is ours, never the page's: every vendor series carries a stable `id` (the watched URL's host
// and path) and a `vendor` label that is the name the user gave, else the name the page had when first
// read (kept for as long as the vendor is watched), made unique ("MajorVendor", "MajorVendor (2)"). So two
// pages with one name are two series, a page that renames itself at every poll adds none, and a removed
// vendor's series go with it (polls included: they are counted per watched URL and exposed at scrape time).
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Snapshot, WatchEntry } from '../../../shared/model';
import { COMPONENT_STATUSES, type VendorStatus } from '../../../shared/status';
import type { ReadFn } from '../monitor/types';
import { isOpen } from '../rollup';
import { metricLabel } from '../text/metric-text';

/** What the metrics need of one watched vendor (a Monitor's VendorRuntimeView has it all). */
export interface VendorMetricsInput {
  entry: Pick<WatchEntry, 'url' | 'name'>;
  status: VendorStatus;
  lastCheckedAt: number | null;
  lastError: unknown;
  lastGood: Snapshot | null;
}

/** The labels that name a vendor in every series. */
export interface VendorLabels {
  id: string;
  vendor: string;
}

export interface VendorMetrics extends VendorLabels {
  status: VendorStatus;
  up: 0 | 1;
  openIncidents: number;
  components: Array<{ group: string; component: string; status: VendorStatus }>;
}

/** Bounds a page with thousands of components to a series count Prometheus stays comfortable with. */
const MAX_COMPONENTS_PER_VENDOR = 500;

/** The stable id of a watched URL: its host and path ("status.example.com", "example.com/status"). */
export function metricsId(url: string): string {
  try {
    const u = new URL(url);
    return metricLabel(`${u.host}${u.pathname.replace(/\/+$/, '')}`);
  } catch {
    return metricLabel(url);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Each vendor's labels, in the order given: `id` from its URL, `vendor` from the user's name, else the
 * page's first-read name (`pageNames`, keyed by URL, remembered here), else the host; both made unique.
 */
export function vendorLabels(
  inputs: readonly VendorMetricsInput[],
  pageNames: Map<string, string>,
): VendorLabels[] {
  const watched = new Set(inputs.map((v) => v.entry.url));
  for (const url of pageNames.keys()) if (!watched.has(url)) pageNames.delete(url);
  const seenNames = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const unique = (seen: Map<string, number>, label: string, suffix: (n: number) => string): string => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label}${suffix(n)}`;
  };
  return inputs.map((v) => {
    const url = v.entry.url;
    const pageName = v.lastGood?.vendor.name;
    if (!pageNames.has(url) && pageName) pageNames.set(url, pageName);
    const given = v.entry.name?.trim();
    const name = metricLabel(given || pageNames.get(url) || hostOf(url)) || hostOf(url);
    return {
      id: unique(seenIds, metricsId(url), (n) => `#${n}`),
      vendor: unique(seenNames, name, (n) => ` (${n})`),
    };
  });
}

export function vendorMetrics(v: VendorMetricsInput, labels: VendorLabels): VendorMetrics {
  const snap = v.lastGood;
  return {
    ...labels,
    status: v.status,
    up: v.lastCheckedAt !== null && !v.lastError ? 1 : 0,
    openIncidents: snap ? snap.incidents.filter((i) => i.kind !== 'maintenance' && isOpen(i)).length : 0,
    components: (snap?.components ?? []).slice(0, MAX_COMPONENTS_PER_VENDOR).map((c) => ({
      group: metricLabel(c.group ?? ''),
      component: metricLabel(c.name),
      status: c.status,
    })),
  };
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface EngineMetrics {
  registry: Registry;
  /** The Prometheus text exposition. */
  text(): Promise<string>;
  /** A read function that also counts polls (per watched URL) and times them. */
  instrument(read: ReadFn): ReadFn;
}

export function createMetrics(
  source: () => readonly VendorMetricsInput[],
  /** 1 while several watched vendors are failing together (an open group), else 0. */
  sharedCauseOpen?: () => number,
): EngineMetrics {
  const registry = new Registry();
  const pageNames = new Map<string, string>();
  /** Poll counts by watched URL, then by result. */
  const polls = new Map<string, Map<string, number>>();
  const current = (): Array<{ url: string; metrics: VendorMetrics }> => {
    const inputs = source();
    const labels = vendorLabels(inputs, pageNames);
    return inputs.map((v, i) => ({ url: v.entry.url, metrics: vendorMetrics(v, labels[i]!) }));
  };
  const label = (v: VendorMetrics): VendorLabels => ({ id: v.id, vendor: v.vendor });

  new Gauge({
    name: 'statustray_vendor_status',
    help: 'The vendor status: 1 for the current one, 0 for the others',
    labelNames: ['id', 'vendor', 'status'],
    registers: [registry],
    collect() {
      this.reset();
      for (const { metrics: v } of current())
        for (const s of COMPONENT_STATUSES) this.set({ ...label(v), status: s }, v.status === s ? 1 : 0);
    },
  });
  new Gauge({
    name: 'statustray_vendor_up',
    help: '1 when the last read of the vendor page succeeded',
    labelNames: ['id', 'vendor'],
    registers: [registry],
    collect() {
      this.reset();
      for (const { metrics: v } of current()) this.set(label(v), v.up);
    },
  });
  new Gauge({
    name: 'statustray_open_incidents',
    help: 'Open incidents (maintenances not counted) on the vendor page',
    labelNames: ['id', 'vendor'],
    registers: [registry],
    collect() {
      this.reset();
      for (const { metrics: v } of current()) this.set(label(v), v.openIncidents);
    },
  });
  new Gauge({
    name: 'statustray_component_status',
    help: 'A component status: one series with value 1, labelled with the current status',
    labelNames: ['id', 'vendor', 'group', 'component', 'status'],
    registers: [registry],
    collect() {
      this.reset();
      for (const { metrics: v } of current())
        for (const c of v.components)
          this.set({ ...label(v), group: c.group, component: c.component, status: c.status }, 1);
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
  new Counter({
    name: 'statustray_polls_total',
    help: 'Reads of vendor pages, by result (ok, not_modified, or the error kind)',
    labelNames: ['id', 'vendor', 'result'],
    registers: [registry],
    collect() {
      this.reset();
      const now = current();
      const watched = new Set(now.map((v) => v.url));
      for (const url of polls.keys()) if (!watched.has(url)) polls.delete(url);
      for (const { url, metrics: v } of now)
        for (const [result, count] of polls.get(url) ?? []) this.inc({ ...label(v), result }, count);
    },
  });
  const pollSeconds = new Histogram({
    name: 'statustray_poll_seconds',
    help: 'How long one read of a vendor page took',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [registry],
  });
  const count = (url: string, result: string): void => {
    let byResult = polls.get(url);
    if (!byResult) polls.set(url, (byResult = new Map()));
    byResult.set(result, (byResult.get(result) ?? 0) + 1);
  };

  return {
    registry,
    text: () => registry.metrics(),
    instrument(read) {
      return async (url, opts) => {
        const stop = pollSeconds.startTimer();
        try {
          const outcome = await read(url, opts);
          const result = outcome.snapshot.error
            ? outcome.snapshot.error.kind
            : outcome.notModified
              ? 'not_modified'
              : 'ok';
          count(url, result);
          return outcome;
        } catch (err) {
          count(url, 'network');
          throw err;
        } finally {
          stop();
        }
      };
    },
  };
}

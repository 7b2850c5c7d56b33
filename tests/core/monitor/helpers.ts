// Test helpers for the monitor: snapshot builders, a fake clock with timers, and a stub read.
import type { Component, ErrorKind, Incident, Snapshot } from '../../../shared/model';
import { worstOf, impactToStatus, type ComponentStatus } from '../../../shared/status';
import type { MonitorEvent } from '../../../shared/model';
import type { HttpClient } from '../../../electron/core/http/types';
import { Monitor, type MonitorOptions } from '../../../electron/core/monitor/monitor';
import type { ReadFn, ReadOptions, ReadOutcome, Timers } from '../../../electron/core/monitor/types';
import type { ReadBasis } from '../../../electron/core/read-basis';
import { isOpenIncident } from '../../../electron/core/monitor/diff';

export function component(
  id: string,
  name: string,
  group: string | null,
  status: ComponentStatus = 'operational',
): Component {
  return { id, name, group, status };
}

export function incident(id: string, over: Partial<Incident> = {}): Incident {
  return {
    id,
    title: `Incident ${id}`,
    impact: 'major',
    status: 'investigating',
    startedAt: '2026-11-24T10:00:00.000Z',
    resolvedAt: null,
    url: null,
    components: [],
    updates: [{ status: 'investigating', body: 'Looking into it', at: '2026-11-24T10:00:00.000Z' }],
    ...over,
  };
}

/** A snapshot whose status is rolled up like the engine does (worst of components and open incidents). */
export function snapshot(components: Component[], incidents: Incident[] = [], name = 'Kustomer'): Snapshot {
  const status = worstOf([
    ...components.map((c) => c.status),
    ...incidents.filter(isOpenIncident).map((i) => impactToStatus(i.impact)),
    'operational',
  ]);
  return {
    url: 'https://status.kustomer.test',
    vendor: { name, platform: 'statuspage', pageUrl: 'https://status.kustomer.test' },
    status,
    components,
    incidents,
    fetchedAt: '2026-11-24T10:00:00.000Z',
    error: null,
  };
}

export function failed(kind: ErrorKind, message = 'it failed'): Snapshot {
  return {
    url: 'https://x.test',
    vendor: { name: 'X', platform: 'unknown', pageUrl: 'https://x.test' },
    status: 'unknown',
    components: [],
    incidents: [],
    fetchedAt: '2026-11-24T10:00:00.000Z',
    error: { kind, message },
  };
}

export class FakeTimers implements Timers {
  t = Date.parse('2026-11-24T10:00:00.000Z');
  private seq = 0;
  private pending = new Map<number, { at: number; fn: () => void }>();
  now = (): number => this.t;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.pending.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  };
  clearTimeout = (h: unknown): void => {
    this.pending.delete(h as number);
  };
  count(): number {
    return this.pending.size;
  }
  /** Run every timer due within `ms`, in order, letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await flush();
    for (;;) {
      let nextId = -1;
      let nextAt = Infinity;
      for (const [id, p] of this.pending) {
        if (p.at < nextAt) {
          nextAt = p.at;
          nextId = id;
        }
      }
      if (nextId < 0 || nextAt > end) break;
      const p = this.pending.get(nextId)!;
      this.pending.delete(nextId);
      this.t = Math.max(this.t, p.at);
      p.fn();
      await flush();
    }
    this.t = end;
    await flush();
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
}

/** A read stub: `answer(url, call)` gives the snapshot; every call is recorded with its time. */
export function stubRead(
  timers: FakeTimers,
  answer: (
    url: string,
    options: ReadOptions,
  ) => Snapshot | { snapshot: Snapshot; retryAfterMs?: number; delayMs?: number },
): ReadFn & { calls: Array<{ url: string; at: number }> } {
  const calls: Array<{ url: string; at: number }> = [];
  const fn = (async (url: string, options: ReadOptions) => {
    calls.push({ url, at: timers.now() });
    const a = answer(url, options);
    const r = 'snapshot' in a ? a : { snapshot: a };
    if ('delayMs' in r && r.delayMs) await new Promise<void>((res) => timers.setTimeout(res, r.delayMs!));
    return {
      snapshot: r.snapshot,
      detection: null,
      notModified: false,
      ...('retryAfterMs' in r && r.retryAfterMs ? { retryAfterMs: r.retryAfterMs } : {}),
    };
  }) as ReadFn & { calls: Array<{ url: string; at: number }> };
  fn.calls = calls;
  return fn;
}

export const S = 1000;
export const ok = snapshot([component('c1', 'Workflow', 'Prod1 (US)')]);
export const vendor = (n: number) => ({ id: `v${n}`, entry: { url: `https://status${n}.test` } });

/** A started monitor on a fake clock, reading through `answer`, every event it emits collected. */
export function setup(answer: Parameters<typeof stubRead>[1], over: Partial<MonitorOptions> = {}) {
  const timers = new FakeTimers();
  const read = stubRead(timers, answer);
  const http = {} as HttpClient;
  const monitor = new Monitor({ read, http, timers, intervalMs: 120 * S, random: () => 0.5, ...over });
  const events: MonitorEvent[] = [];
  monitor.onEvents((e) => events.push(...e));
  monitor.start();
  return { timers, read, monitor, events };
}

export const PAGE_URL = 'https://status.acme.test';
const detection = { platform: 'statuspage' as const, pageUrl: PAGE_URL, apiUrl: `${PAGE_URL}/api/v2` };

/** A read that behaves like readSnapshot with a basis: unchanged while the page is, a fresh read when not. */
export function pageRead(timers: FakeTimers) {
  const world = { page: snapshot([component('c1', 'API', null)]) as Snapshot | null, reads: 0, previous: 0 };
  const read = async (_url: string, options: { previous?: ReadBasis }): Promise<ReadOutcome> => {
    world.reads++;
    const at = new Date(timers.now()).toISOString();
    if (!world.page)
      return { snapshot: failed('network', 'No route to host'), detection, notModified: false };
    if (options.previous) world.previous++;
    const prev = options.previous;
    if (prev && prev.read.components === world.page.components) {
      const snap = { ...prev.snapshot, fetchedAt: at };
      return {
        snapshot: snap,
        detection,
        notModified: true,
        unchanged: true,
        basis: { ...prev, snapshot: snap },
      };
    }
    const snap = { ...world.page, fetchedAt: at };
    const read = {
      vendor: snap.vendor,
      components: snap.components,
      incidents: snap.incidents,
      notModified: false,
    };
    return {
      snapshot: snap,
      detection,
      notModified: false,
      basis: { apiUrl: detection.apiUrl, responses: [], read, snapshot: snap },
    };
  };
  return { world, read };
}

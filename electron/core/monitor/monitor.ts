// The monitor: polls every watched vendor on a schedule (phase-spread, bounded pool, per-host politeness,
// backoff with jitter, Retry-After, faster while an incident is open), keeps the last good snapshot per
// vendor, detects a machine that is offline, and turns each new snapshot into Events.
import type { MonitorEvent, Snapshot } from '../../../shared/model';
import { RETRY_AFTER_CAP_MS, type HttpClient } from '../http/types';
import type { Detection } from '../platforms/types';
import { applyGoodRead, applyUnchangedRead, staleEvents } from './outcome';
import {
  detectionFromEntry,
  hostOf,
  isNetworkError,
  newRuntime,
  toView,
  type MonitoredVendor,
  type VendorRuntime,
  type VendorRuntimeView,
} from './runtime';
import {
  coalescedWakeAt,
  coalesceWindowMs,
  intervalFor,
  nextDueAfterFailure,
  nextDueAfterSuccess,
} from './schedule';
import { MAX_TIMER_MS, realTimers, type ReadFn, type Timers } from './types';

export { isNetworkError, type MonitoredVendor, type VendorRuntimeView } from './runtime';

/**
 * What a poll did to a vendor, for change listeners: `unchanged` when it found the page shown last time and
 * had nothing to announce (only the vendor's check times moved), `changed` for anything else.
 */
export type PollChange = 'changed' | 'unchanged';

export interface MonitorOptions {
  read: ReadFn;
  http: HttpClient;
  timers?: Timers;
  /** The normal interval between two polls of a vendor. */
  intervalMs: number;
  /** The interval while a vendor has an open incident; never slower than `intervalMs`. Default 30 s. */
  fastIntervalMs?: number;
  /** A failing vendor's last good snapshot turns `unknown` after this many intervals. Default 3. */
  staleAfterIntervals?: number;
  /** Requests in flight at once, over all vendors. Default 8. */
  concurrency?: number;
  /** Requests in flight at once to one host. Default 2. */
  perHostConcurrency?: number;
  /** Budget of one read. Default: the interval, between 5 and 20 s. */
  timeoutMs?: number;
  /** Longest wait after repeated errors. Default 30 min (never shorter than the interval). */
  maxBackoffMs?: number;
  /**
   * How late a poll may start to share one wake-up with others due just after it (see schedule.ts).
   * Default: 1/20 of the interval, at most 3 s; 0 wakes for each vendor on its own.
   */
  coalesceMs?: number;
  random?: () => number;
}

/** A vendor's reads ask for a few URLs (summary, incidents, probes); more than this is not worth tracking. */
const MAX_URLS_PER_VENDOR = 32;

/** A listener that throws must not stop the monitor (nor the other listeners). */
function safely(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error('statustray monitor: a listener failed:', err);
  }
}

export class Monitor {
  private readonly opts: Required<Omit<MonitorOptions, 'timers' | 'timeoutMs' | 'random' | 'coalesceMs'>> & {
    timeoutMs: number | undefined;
    coalesceMs: number | undefined;
  };
  private readonly timers: Timers;
  private readonly random: () => number;
  /** The idle vendors' due times, gathered anew at each arm (see arm). */
  private readonly dueTimes: number[] = [];
  private readonly vendors = new Map<string, VendorRuntime>();
  private readonly queue: VendorRuntime[] = [];
  private readonly hostsInFlight = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private inFlight = 0;
  private timer: unknown = null;
  private timerAt = Infinity;
  private started = false;
  private hostSaysOffline = false;
  private offline = false;
  private readonly eventListeners = new Set<(events: MonitorEvent[]) => void>();
  private readonly changeListeners = new Set<(id: string | null, change: PollChange) => void>();
  private readonly detectionListeners = new Set<(id: string, detection: Detection) => void>();
  /** Counters for benchmarks and diagnostics. */
  readonly stats = {
    requests: 0,
    notModified: 0,
    /** Polls that found the page shown last time, with nothing new (nothing parsed, diffed or announced). */
    unchanged: 0,
    failures: 0,
    /** The shortest time between the starts of two polls of one vendor (ms). */
    minStartGapMs: Infinity,
  };

  constructor(options: MonitorOptions) {
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? Math.random;
    this.opts = {
      read: options.read,
      http: options.http,
      intervalMs: options.intervalMs,
      fastIntervalMs: options.fastIntervalMs ?? 30_000,
      staleAfterIntervals: options.staleAfterIntervals ?? 3,
      concurrency: options.concurrency ?? 8,
      perHostConcurrency: options.perHostConcurrency ?? 2,
      timeoutMs: options.timeoutMs,
      maxBackoffMs: options.maxBackoffMs ?? 30 * 60_000,
      coalesceMs: options.coalesceMs,
    };
  }

  // ---- listeners -------------------------------------------------------------------------------

  onEvents(listener: (events: MonitorEvent[]) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /**
   * A vendor was polled or its state changed (or, with null, the offline state changed). A poll that found
   * nothing new says `unchanged`: a host may then skip what only a change needs (re-rendering, saving).
   */
  onChange(listener: (id: string | null, change: PollChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** A vendor's platform was detected: the host caches it in the watch entry so polling costs no probes. */
  onDetection(listener: (id: string, detection: Detection) => void): () => void {
    this.detectionListeners.add(listener);
    return () => this.detectionListeners.delete(listener);
  }

  // ---- configuration ---------------------------------------------------------------------------

  get intervalMs(): number {
    return this.opts.intervalMs;
  }

  setIntervalMs(ms: number): void {
    if (ms === this.opts.intervalMs) return;
    this.opts.intervalMs = ms;
    // A shorter interval applies at once (from each vendor's last poll); a longer one from the next poll on.
    for (const v of this.vendors.values()) {
      if (v.state === 'idle' && v.lastStartedAt !== null) {
        v.nextDueAt = Math.min(v.nextDueAt, v.lastStartedAt + this.intervalFor(v));
      }
    }
    this.arm();
  }

  /** Replace the set of watched vendors; vendors that stay keep their state. */
  setVendors(list: MonitoredVendor[]): void {
    const now = this.timers.now();
    const keep = new Set(list.map((v) => v.id));
    const removedUrls: string[] = [];
    for (const [id, v] of this.vendors) {
      if (!keep.has(id)) {
        v.removed = true;
        v.controller?.abort();
        this.vendors.delete(id);
        const qi = this.queue.indexOf(v);
        if (qi >= 0) this.queue.splice(qi, 1);
        removedUrls.push(...v.urls);
      }
    }
    for (const { id, entry } of list) {
      const existing = this.vendors.get(id);
      if (existing) {
        const urlChanged = existing.entry.url !== entry.url;
        const componentsChanged =
          JSON.stringify(existing.entry.components ?? []) !== JSON.stringify(entry.components ?? []);
        existing.entry = entry;
        if (urlChanged) {
          existing.detection = detectionFromEntry(entry);
          existing.host = hostOf(entry.url);
          removedUrls.push(...existing.urls);
          existing.urls.clear();
          existing.basis = null;
        }
        if (urlChanged || componentsChanged) {
          // The status depends on the watched components: read again now rather than at the next tick.
          if (existing.state === 'idle') existing.nextDueAt = now;
          else if (existing.state === 'running') existing.refreshAgain = true;
        }
        continue;
      }
      this.vendors.set(id, newRuntime(id, entry, now));
    }
    this.forgetValidators(removedUrls);
    this.recomputeOffline();
    this.arm();
  }

  /**
   * The validators of URLs no watched vendor asks for any more go now, not a day later: a vendor
   * removed from the watchlist leaves nothing behind in the HTTP client's cache.
   */
  private forgetValidators(urls: string[]): void {
    if (urls.length === 0) return;
    const stillAsked = new Set<string>();
    for (const v of this.vendors.values()) for (const url of v.urls) stillAsked.add(url);
    for (const url of urls) if (!stillAsked.has(url)) this.opts.http.forget(url);
  }

  /** The client as one vendor's read sees it: the same client, noting which URLs the vendor asks for. */
  private httpFor(v: VendorRuntime): HttpClient {
    const http = this.opts.http;
    return {
      get: async (url, options) => {
        if (v.urls.size < MAX_URLS_PER_VENDOR) v.urls.add(url);
        const response = await http.get(url, options);
        // Answered after the vendor was removed: what that answer left in the cache goes too.
        if (v.removed) this.forgetValidators([url]);
        return response;
      },
      forget: (url) => http.forget(url),
      cacheStats: () => http.cacheStats?.() ?? { entries: 0, bytes: 0 },
      close: () => http.close(),
    };
  }

  /**
   * Start from a snapshot remembered from the last run: shown (as stale) until the first read, which then
   * announces only what changed since. Too old to trust (beyond the stale limit), it shows as unknown.
   */
  seed(id: string, snapshot: Snapshot, at: number): void {
    const v = this.vendors.get(id);
    if (!v || v.lastGood) return;
    v.lastGood = snapshot;
    v.lastGoodAt = at;
    v.shownStatus = snapshot.status;
  }

  start(): void {
    this.started = true;
    this.arm();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.clearTimer();
    for (const v of this.vendors.values()) v.controller?.abort();
    this.queue.length = 0;
    await Promise.allSettled([...this.running]);
  }

  /** Poll now: one vendor, or all of them. */
  refresh(id?: string): void {
    const now = this.timers.now();
    const targets =
      id === undefined ? [...this.vendors.values()] : [this.vendors.get(id)].filter((v) => v !== undefined);
    for (const v of targets) {
      if (v.state === 'running') v.refreshAgain = true;
      else if (v.state === 'idle') v.nextDueAt = now;
    }
    this.arm();
  }

  /** The host tells the monitor about the machine. */
  signal(what: 'wake' | 'online' | 'offline'): void {
    if (what === 'offline') {
      this.hostSaysOffline = true;
      this.recomputeOffline();
      return;
    }
    if (what === 'online') this.hostSaysOffline = false;
    // After sleep or a network change, everything we know may be old: read all again now.
    for (const v of this.vendors.values()) {
      if (v.lastError && isNetworkError(v.lastError)) v.failures = 0;
    }
    this.refresh();
    this.recomputeOffline();
  }

  // ---- state -----------------------------------------------------------------------------------

  isOffline(): boolean {
    return this.offline;
  }

  ids(): string[] {
    return [...this.vendors.keys()];
  }

  view(id: string): VendorRuntimeView | null {
    const v = this.vendors.get(id);
    return v ? toView(v, this.timers.now(), this.staleLimitMs()) : null;
  }

  views(): VendorRuntimeView[] {
    const now = this.timers.now();
    const limit = this.staleLimitMs();
    return [...this.vendors.values()].map((v) => toView(v, now, limit));
  }

  /** Milliseconds until the next poll, or null when no timer is set (nothing watched or stopped). */
  nextTimerInMs(): number | null {
    return this.timer === null ? null : Math.max(0, this.timerAt - this.timers.now());
  }

  private staleLimitMs(): number {
    return this.opts.staleAfterIntervals * this.opts.intervalMs;
  }

  private intervalFor(v: VendorRuntime): number {
    return intervalFor(v, this.opts);
  }

  private recomputeOffline(): void {
    let offline = this.hostSaysOffline && this.vendors.size > 0;
    if (!offline && this.vendors.size >= 2) {
      offline = [...this.vendors.values()].every(
        (v) => v.lastCheckedAt !== null && isNetworkError(v.lastError),
      );
    }
    if (offline !== this.offline) {
      const wasOffline = this.offline;
      this.offline = offline;
      if (wasOffline) {
        // Back online: read everything now, so that the catch-up digest comes at once.
        for (const v of this.vendors.values()) if (v.state === 'idle') v.nextDueAt = this.timers.now();
        this.arm();
      }
      for (const l of this.changeListeners) safely(() => l(null, 'changed'));
    }
  }

  // ---- scheduling ------------------------------------------------------------------------------

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }

  /**
   * Set one timer for the next due vendors (those due close together share it, see coalescedWakeAt); none
   * when nothing is watched or all are busy. A vendor due now (new, refreshed) is polled at once.
   */
  private arm(): void {
    if (!this.started) return;
    const now = this.timers.now();
    // One list kept for every arm (it runs after each poll): no array of every vendor allocated each time.
    const due = this.dueTimes;
    due.length = 0;
    let earliest = Infinity;
    for (const v of this.vendors.values()) {
      if (v.state !== 'idle') continue;
      due.push(v.nextDueAt);
      if (v.nextDueAt < earliest) earliest = v.nextDueAt;
    }
    if (earliest <= now) {
      this.enqueueDue(now);
      return this.arm();
    }
    const wakeAt = coalescedWakeAt(due, this.opts.coalesceMs ?? coalesceWindowMs(this.opts.intervalMs));
    if (wakeAt === this.timerAt && this.timer !== null) return;
    this.clearTimer();
    if (wakeAt === Infinity) return;
    this.timerAt = wakeAt;
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        this.enqueueDue(this.timers.now());
        this.arm();
      },
      Math.min(wakeAt - now, MAX_TIMER_MS),
    );
  }

  private enqueueDue(now: number): void {
    const due: VendorRuntime[] = [];
    for (const v of this.vendors.values()) if (v.state === 'idle' && v.nextDueAt <= now) due.push(v);
    due.sort((a, b) => a.nextDueAt - b.nextDueAt);
    for (const v of due) {
      v.state = 'queued';
      v.dueAt = v.nextDueAt;
      v.nextDueAt = Infinity;
      this.queue.push(v);
    }
    this.pump();
  }

  /** Start queued polls while the pool and each host allow; a busy host never blocks other hosts. */
  private pump(): void {
    if (!this.started) return;
    for (let i = 0; i < this.queue.length && this.inFlight < this.opts.concurrency;) {
      const v = this.queue[i]!;
      if ((this.hostsInFlight.get(v.host) ?? 0) >= this.opts.perHostConcurrency) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      const p = this.poll(v);
      this.running.add(p);
      void p.finally(() => this.running.delete(p));
    }
  }

  private async poll(v: VendorRuntime): Promise<void> {
    v.state = 'running';
    this.inFlight++;
    this.hostsInFlight.set(v.host, (this.hostsInFlight.get(v.host) ?? 0) + 1);
    const startedAt = this.timers.now();
    if (v.firstAttemptAt === null) v.firstAttemptAt = startedAt;
    if (v.lastStartedAt !== null)
      this.stats.minStartGapMs = Math.min(this.stats.minStartGapMs, startedAt - v.lastStartedAt);
    v.lastStartedAt = startedAt;
    const controller = new AbortController();
    v.controller = controller;
    const host = v.host;
    let outcome: Awaited<ReturnType<ReadFn>> | null = null;
    try {
      outcome = await this.opts.read(v.entry.url, {
        http: this.httpFor(v),
        ...(v.detection ? { detection: v.detection } : {}),
        timeoutMs: this.opts.timeoutMs ?? Math.min(20_000, Math.max(5_000, this.opts.intervalMs)),
        ...(v.entry.components && v.entry.components.length ? { watchedComponents: v.entry.components } : {}),
        signal: controller.signal,
        now: this.timers.now,
        ...(v.basis ? { previous: v.basis } : {}),
      });
    } catch (err) {
      // The engine's read never throws; a stub might. Treat it as the vendor failing, not the monitor.
      outcome = null;
      v.lastError = { kind: 'network', message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.inFlight--;
      const n = (this.hostsInFlight.get(host) ?? 1) - 1;
      if (n <= 0) this.hostsInFlight.delete(host);
      else this.hostsInFlight.set(host, n);
      v.controller = null;
    }
    if (v.removed || !this.started) return;
    this.stats.requests++;
    v.polls++;
    const now = this.timers.now();
    v.lastCheckedAt = now;
    const at = new Date(now).toISOString();
    let events: MonitorEvent[] = [];
    if (outcome && outcome.detection && outcome.detection !== v.detection) {
      const changed =
        !v.detection ||
        v.detection.apiUrl !== outcome.detection.apiUrl ||
        v.detection.platform !== outcome.detection.platform;
      v.detection = outcome.detection;
      const detection = outcome.detection;
      if (changed) for (const l of this.detectionListeners) safely(() => l(v.id, detection));
    }
    let change: PollChange = 'changed';
    if (outcome && outcome.snapshot.error === null) {
      if (outcome.notModified) this.stats.notModified++;
      if (applyUnchangedRead(v, outcome, now)) {
        change = 'unchanged';
        this.stats.unchanged++;
      } else events = applyGoodRead(v, outcome.snapshot, now, at);
      v.basis = outcome.basis ?? null;
      v.nextDueAt = nextDueAfterSuccess(v, startedAt, this.opts, this.random);
      this.recomputeOffline();
    } else {
      this.stats.failures++;
      let retryAfterMs = 0;
      if (outcome) {
        v.lastError = outcome.snapshot.error;
        // Honoured up to a cap: a page asking for years must not stop being polled for good.
        retryAfterMs = Math.min(outcome.retryAfterMs ?? 0, RETRY_AFTER_CAP_MS);
      }
      v.failures++;
      this.recomputeOffline();
      if (!this.offline) events = staleEvents(v, now, at, this.staleLimitMs());
      v.nextDueAt = nextDueAfterFailure(
        v,
        { startedAt, now, retryAfterMs, offline: this.offline },
        this.opts,
        this.random,
      );
    }
    v.state = 'idle';
    if (v.refreshAgain) {
      v.refreshAgain = false;
      v.nextDueAt = now;
    }
    if (events.length) for (const l of this.eventListeners) safely(() => l(events));
    for (const l of this.changeListeners) safely(() => l(v.id, change));
    this.arm();
    this.pump();
  }
}

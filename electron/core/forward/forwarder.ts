// The forwarding outlet: queues each forwarded message in every target's durable outbox, then delivers
// each target's queue in order, one message at a time, retrying as retry.ts decides. One bad message is
// that message's problem: a request that cannot be built, or that the HTTP client refuses before sending,
// is kept aside with a notice and the lane moves on at once. A target that answers 410 Gone is marked
// gone (kept across restarts) and not tried until the user resumes it. A target failing for longer than
// `tellFailingAfterMs` is told once, and told again when it works. Timers are clamped: no due time, however
// far (a hand-made file, a clock set back), is ever waited for longer than the longest retry step.
// Thin effects over the pure formatters (formats.ts), filters (targets.ts) and retry decisions (retry.ts).
import path from 'node:path';
import { Agent, request } from 'undici';
import { formatRequest, type ForwardRequest } from './formats';
import type { ForwardMessage } from './message';
import { DEFAULT_OUTBOX_LIMITS, TargetOutbox, type GoneMark, type OutboxLimits } from './outbox';
import {
  decideRetry,
  failureReason,
  longestWaitMs,
  RETRY,
  type AttemptOutcome,
  type FailureReason,
  type RetryPolicy,
} from './retry';
import { describeTarget, targetId, targetWants, type ForwardTarget } from './targets';

/** setTimeout's longest delay (2^31-1 ms); a longer one fires at once, which would be a busy loop. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** After this long failing, a target is told (once), and told again when it works. */
export const DEFAULT_TELL_FAILING_AFTER_MS = 10 * 60_000;

export type PostFn = (url: string, req: ForwardRequest) => Promise<AttemptOutcome>;

export interface ForwarderOptions {
  /** The data folder; the outbox lives in <dataDir>/outbox. */
  dataDir: string;
  targets: ForwardTarget[];
  /** Tells the user something went wrong (a dropped message); never given a target's URL. */
  notice: (text: string) => void;
  now?: () => number;
  post?: PostFn;
  limits?: OutboxLimits;
  /** Per-attempt time limit (ms). */
  timeoutMs?: number;
  /** Backoff timing; tests shorten it. */
  retry?: Partial<RetryPolicy>;
  /** How long a target fails before the user is told (default 10 min). */
  tellFailingAfterMs?: number;
}

export interface TargetQueueState {
  id: string;
  type: ForwardTarget['type'];
  /** Shortened, safe to show. */
  label: string;
  waiting: number;
  bytes: number;
  delivered: number;
  dropped: number;
  /** The receiver answered 410 Gone: nothing is sent to it until the user resumes it. */
  gone: boolean;
  /** Failing since (ms), or null when its last attempt worked. */
  failingSince: number | null;
  /** It has failed long enough to be told (and was). */
  toldFailing: boolean;
  /** Failed attempts by reason, since this run began. */
  failures: Partial<Record<FailureReason, number>>;
}

interface Lane {
  target: ForwardTarget;
  outbox: TargetOutbox;
  opened: Promise<void>;
  busy: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  delivered: number;
  dropped: number;
  gone: GoneMark | null;
  failingSince: number | null;
  toldFailing: boolean;
  /** Tells at the threshold even when the next attempt is later (backoff up to 5 min, Retry-After up to 1 h). */
  tellTimer: ReturnType<typeof setTimeout> | null;
  lastFailure: string;
  failures: Partial<Record<FailureReason, number>>;
}

/** Error text without the URL: undici's messages may quote it, and it is a secret. */
function safeMessage(err: unknown, url: string): string {
  const text =
    err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
  return text.split(url).join('(target)').slice(0, 200);
}

export function createPost(timeoutMs = 15_000): { post: PostFn; close(): Promise<void> } {
  const dispatcher = new Agent({
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const post: PostFn = async (url, req) => {
    try {
      const res = await request(url, {
        method: req.method,
        headers: { 'user-agent': 'StatusTray', ...req.headers },
        body: req.body,
        dispatcher,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      const retryAfter = res.headers['retry-after'];
      return {
        kind: 'status',
        status: res.statusCode,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : (retryAfter ?? null),
      };
    } catch (err) {
      // Refused before anything was sent (an invalid header value): retrying the same request cannot help.
      if ((err as { code?: string }).code === 'UND_ERR_INVALID_ARG')
        return { kind: 'refused', message: safeMessage(err, url) };
      return { kind: 'network', message: safeMessage(err, url) };
    }
  };
  // Closing aborts what is in flight: a quit never waits on a slow receiver, and the message stays queued.
  return { post, close: () => dispatcher.destroy() };
}

export class Forwarder {
  private lanes = new Map<string, Lane>();
  private readonly root: string;
  private readonly now: () => number;
  private readonly post: PostFn;
  private readonly closePost: () => Promise<void>;
  private stopped = false;
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly opts: ForwarderOptions) {
    this.root = path.join(opts.dataDir, 'outbox');
    this.now = opts.now ?? Date.now;
    if (opts.post) {
      this.post = opts.post;
      this.closePost = async () => undefined;
    } else {
      const made = createPost(opts.timeoutMs);
      this.post = made.post;
      this.closePost = made.close;
    }
    this.setTargets(opts.targets);
  }

  /** Replace the targets; queues of targets still named are kept (and resumed). */
  setTargets(targets: ForwardTarget[]): void {
    const next = new Map<string, Lane>();
    for (const target of targets) {
      const id = targetId(target);
      const existing = this.lanes.get(id);
      if (existing) {
        existing.target = target;
        next.set(id, existing);
        continue;
      }
      const outbox = new TargetOutbox(
        this.root,
        id,
        this.opts.limits ?? DEFAULT_OUTBOX_LIMITS,
        (text) => this.opts.notice(`Forwarding to ${describeTarget(target)}: ${text}`),
        this.now,
      );
      const lane: Lane = {
        target,
        outbox,
        opened: Promise.resolve(),
        busy: false,
        timer: null,
        delivered: 0,
        dropped: 0,
        gone: null,
        failingSince: null,
        toldFailing: false,
        tellTimer: null,
        lastFailure: '',
        failures: {},
      };
      lane.opened = outbox.open().then(async () => {
        lane.gone = await outbox.gone();
      });
      lane.opened.catch((err: unknown) =>
        this.opts.notice(
          `Forwarding to ${describeTarget(target)}: cannot open its outbox: ${(err as Error).message}`,
        ),
      );
      next.set(id, lane);
    }
    for (const [id, lane] of this.lanes) {
      if (next.has(id)) continue;
      if (lane.timer) clearTimeout(lane.timer);
      if (lane.tellTimer) clearTimeout(lane.tellTimer);
    }
    this.lanes = next;
  }

  /** Resume what an earlier run left waiting. */
  async start(): Promise<void> {
    await Promise.all([...this.lanes.values()].map((l) => l.opened.catch(() => undefined)));
    for (const lane of this.lanes.values()) this.kick(lane);
  }

  /** Queue a message for every target that wants it; resolves once it is on disk. */
  async enqueue(message: ForwardMessage): Promise<void> {
    if (this.stopped) return;
    for (const lane of this.lanes.values()) {
      if (!targetWants(lane.target, message.vendor, message.severity)) continue;
      await lane.opened;
      const dropped = await lane.outbox.append(lane.target.type, message, this.now());
      if (dropped.length > 0) {
        lane.dropped += dropped.length;
        this.opts.notice(
          `Forwarding to ${describeTarget(lane.target)}: ${dropped.length} old message(s) dropped, the outbox is full`,
        );
      }
      this.kick(lane);
    }
  }

  /**
   * Send one sample message now, outside the outbox ("Send test"). A target marked gone that accepts it
   * is resumed: the user acted, and the receiver is there again.
   */
  async sendTest(target: ForwardTarget, message: ForwardMessage): Promise<{ ok: boolean; detail: string }> {
    const outcome = await this.attempt(target, message);
    if (outcome.kind !== 'status') return { ok: false, detail: outcome.message };
    const ok = outcome.status >= 200 && outcome.status < 300;
    if (ok) await this.resume(target);
    return { ok, detail: `HTTP ${outcome.status}` };
  }

  /** Whether the receiver said this target is gone (410), until the user resumes it. */
  isGone(target: ForwardTarget): boolean {
    return this.lanes.get(targetId(target))?.gone != null;
  }

  /** The user acted on a gone target (a test that worked, adding it again): try it again now. */
  async resume(target: ForwardTarget): Promise<void> {
    const lane = this.lanes.get(targetId(target));
    if (!lane) return;
    await lane.opened.catch(() => undefined);
    if (!lane.gone) return;
    await lane.outbox.clearGone();
    lane.gone = null;
    lane.failingSince = null;
    lane.toldFailing = false;
    this.opts.notice(
      `Forwarding to ${describeTarget(lane.target)} resumed: ${lane.outbox.count} message(s) waiting`,
    );
    this.kick(lane);
  }

  state(): TargetQueueState[] {
    return [...this.lanes.entries()].map(([id, lane]) => ({
      id,
      type: lane.target.type,
      label: describeTarget(lane.target),
      waiting: lane.outbox.count,
      bytes: lane.outbox.bytes,
      delivered: lane.delivered,
      dropped: lane.dropped,
      gone: lane.gone !== null,
      failingSince: lane.failingSince,
      toldFailing: lane.toldFailing,
      failures: { ...lane.failures },
    }));
  }

  /** Resolves when every queue is empty (tests, benchmarks). */
  async drained(pollMs = 20): Promise<void> {
    while ([...this.lanes.values()].some((l) => (l.outbox.count > 0 && !l.gone) || l.busy)) {
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const lane of this.lanes.values()) {
      if (lane.timer) clearTimeout(lane.timer);
      if (lane.tellTimer) clearTimeout(lane.tellTimer);
      lane.timer = null;
      lane.tellTimer = null;
    }
    await this.closePost();
    await Promise.all([...this.inFlight]);
  }

  private kick(lane: Lane): void {
    if (this.stopped || lane.busy) return;
    if (lane.timer) {
      clearTimeout(lane.timer);
      lane.timer = null;
    }
    lane.busy = true;
    const run = this.drain(lane)
      .catch((err: unknown) => {
        this.opts.notice(`Forwarding to ${describeTarget(lane.target)} stopped: ${(err as Error).message}`);
      })
      .finally(() => {
        lane.busy = false;
        this.inFlight.delete(run);
      });
    this.inFlight.add(run);
  }

  private get policy(): RetryPolicy {
    return { ...RETRY, ...this.opts.retry };
  }

  /** One attempt; a request that cannot even be built is refused here, like one the client refuses. */
  private async attempt(target: ForwardTarget, message: ForwardMessage): Promise<AttemptOutcome> {
    let req: ForwardRequest;
    try {
      req = formatRequest(target.type, message);
    } catch (err) {
      return { kind: 'refused', message: safeMessage(err, target.url) };
    }
    return this.post(target.url, req);
  }

  private wait(lane: Lane, ms: number): void {
    lane.timer = setTimeout(
      () => {
        lane.timer = null;
        this.kick(lane);
      },
      Math.max(0, Math.min(ms, MAX_TIMER_MS)),
    );
  }

  /** A failed attempt: counted, and told once the target has failed for long enough. */
  private failed(lane: Lane, outcome: AttemptOutcome): void {
    const reason = failureReason(outcome);
    if (reason) lane.failures[reason] = (lane.failures[reason] ?? 0) + 1;
    if (outcome.kind === 'refused') return; // that message's problem, not the target's
    lane.lastFailure = outcome.kind === 'status' ? `HTTP ${outcome.status}` : outcome.message;
    const after = this.opts.tellFailingAfterMs ?? DEFAULT_TELL_FAILING_AFTER_MS;
    if (lane.failingSince === null) {
      lane.failingSince = this.now();
      if (lane.tellTimer) clearTimeout(lane.tellTimer);
      lane.tellTimer = setTimeout(
        () => {
          lane.tellTimer = null;
          this.tellFailing(lane);
        },
        Math.min(after, MAX_TIMER_MS),
      );
    }
    this.tellFailing(lane);
  }

  private tellFailing(lane: Lane): void {
    const after = this.opts.tellFailingAfterMs ?? DEFAULT_TELL_FAILING_AFTER_MS;
    if (this.stopped || lane.toldFailing || lane.failingSince === null || lane.gone) return;
    const failedFor = this.now() - lane.failingSince;
    if (failedFor < after) return;
    lane.toldFailing = true;
    this.opts.notice(
      `Forwarding to ${describeTarget(lane.target)} has failed for ${minutes(failedFor)} (last: ${lane.lastFailure}); ${lane.outbox.count} message(s) waiting. StatusTray keeps trying for 24 hours.`,
    );
  }

  private worked(lane: Lane): void {
    if (lane.toldFailing)
      this.opts.notice(
        `Forwarding to ${describeTarget(lane.target)} works again; ${lane.outbox.count} message(s) still waiting are on their way.`,
      );
    if (lane.tellTimer) clearTimeout(lane.tellTimer);
    lane.tellTimer = null;
    lane.failingSince = null;
    lane.toldFailing = false;
  }

  private async drain(lane: Lane): Promise<void> {
    await lane.opened;
    const policy = this.policy;
    while (!this.stopped && this.lanes.get(targetId(lane.target)) === lane && !lane.gone) {
      const entry = await lane.outbox.head();
      if (!entry) return;
      const now = this.now();
      if (entry.nextAt > now + longestWaitMs(policy)) {
        // Later than StatusTray ever waits: written by hand, or the clock was set back. Read as the longest wait.
        const due = Number.isFinite(new Date(entry.nextAt).getTime())
          ? new Date(entry.nextAt).toISOString()
          : String(entry.nextAt);
        entry.nextAt = now + longestWaitMs(policy);
        await lane.outbox.update(entry);
        this.opts.notice(
          `Forwarding to ${describeTarget(lane.target)}: "${entry.message.title}" was due at ${due}, later than StatusTray ever waits (was the clock set back?); it is tried within ${minutes(longestWaitMs(policy))}`,
        );
      }
      const wait = entry.nextAt - now;
      if (wait > 0) {
        this.wait(lane, wait);
        return;
      }
      const outcome = await this.attempt(lane.target, entry.message);
      entry.attempts += 1;
      const decision = decideRetry({
        outcome,
        attempts: entry.attempts,
        queuedAt: entry.queuedAt,
        now: this.now(),
        policy,
      });
      if (decision.action === 'done') {
        await lane.outbox.remove(entry.seq);
        lane.delivered += 1;
        this.worked(lane);
        continue;
      }
      this.failed(lane, outcome);
      if (decision.action === 'drop') {
        await lane.outbox.remove(entry.seq);
        lane.dropped += 1;
        this.opts.notice(
          `Forwarding to ${describeTarget(lane.target)}: dropped "${entry.message.title}": ${decision.reason}`,
        );
      } else if (decision.action === 'keep-aside') {
        const aside = await lane.outbox.setAside(entry.seq);
        lane.dropped += 1;
        this.opts.notice(
          `Forwarding to ${describeTarget(lane.target)}: "${entry.message.title}" ${decision.reason}; ${aside ? `it was kept aside as ${aside}` : 'it is skipped'}, the next messages go on`,
        );
      } else if (decision.action === 'gone') {
        lane.gone = { since: this.now(), status: decision.status };
        this.opts.notice(
          `Forwarding to ${describeTarget(lane.target)} stopped: the receiver says this address is gone (HTTP ${decision.status}). Nothing more is sent to it until you send a test from Settings → Team feeds, or add it again; ${lane.outbox.count} message(s) waiting.`,
        );
        await lane.outbox
          .markGone(lane.gone)
          .catch((err: unknown) =>
            this.opts.notice(
              `Forwarding to ${describeTarget(lane.target)}: could not note that it is gone (${(err as Error).message}); it will be tried again at the next start`,
            ),
          );
        return;
      } else {
        entry.nextAt = decision.at;
        await lane.outbox.update(entry);
      }
    }
  }
}

function minutes(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  const m = Math.round(ms / 60_000);
  return m === 1 ? '1 minute' : `${m} minutes`;
}

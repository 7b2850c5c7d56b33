// The forwarding outlet: queues each forwarded message in every target's durable outbox, then delivers
// each target's queue in order, one message at a time, retrying as retry.ts decides. Thin effects over
// the pure formatters (formats.ts), filters (targets.ts) and retry decisions (retry.ts).
import path from 'node:path';
import { Agent, request } from 'undici';
import { formatRequest, type ForwardRequest } from './formats';
import type { ForwardMessage } from './message';
import { DEFAULT_OUTBOX_LIMITS, TargetOutbox, type OutboxLimits } from './outbox';
import { decideRetry, RETRY, type AttemptOutcome, type RetryPolicy } from './retry';
import { describeTarget, targetId, targetWants, type ForwardTarget } from './targets';

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
}

interface Lane {
  target: ForwardTarget;
  outbox: TargetOutbox;
  opened: Promise<void>;
  busy: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  delivered: number;
  dropped: number;
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
      const outbox = new TargetOutbox(this.root, id, this.opts.limits ?? DEFAULT_OUTBOX_LIMITS);
      const lane: Lane = {
        target,
        outbox,
        opened: outbox.open(),
        busy: false,
        timer: null,
        delivered: 0,
        dropped: 0,
      };
      lane.opened.catch((err: unknown) =>
        this.opts.notice(
          `Forwarding to ${describeTarget(target)}: cannot open its outbox: ${(err as Error).message}`,
        ),
      );
      next.set(id, lane);
    }
    for (const [id, lane] of this.lanes) if (!next.has(id) && lane.timer) clearTimeout(lane.timer);
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

  /** Send one sample message now, outside the outbox ("Send test"). */
  async sendTest(target: ForwardTarget, message: ForwardMessage): Promise<{ ok: boolean; detail: string }> {
    const outcome = await this.post(target.url, formatRequest(target.type, message));
    if (outcome.kind === 'network') return { ok: false, detail: outcome.message };
    const ok = outcome.status >= 200 && outcome.status < 300;
    return { ok, detail: `HTTP ${outcome.status}` };
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
    }));
  }

  /** Resolves when every queue is empty (tests, benchmarks). */
  async drained(pollMs = 20): Promise<void> {
    while ([...this.lanes.values()].some((l) => l.outbox.count > 0 || l.busy)) {
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const lane of this.lanes.values()) {
      if (lane.timer) clearTimeout(lane.timer);
      lane.timer = null;
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

  private async drain(lane: Lane): Promise<void> {
    await lane.opened;
    while (!this.stopped && this.lanes.get(targetId(lane.target)) === lane) {
      const entry = await lane.outbox.head();
      if (!entry) return;
      const wait = entry.nextAt - this.now();
      if (wait > 0) {
        lane.timer = setTimeout(() => {
          lane.timer = null;
          this.kick(lane);
        }, wait);
        return;
      }
      const outcome = await this.post(lane.target.url, formatRequest(lane.target.type, entry.message));
      entry.attempts += 1;
      const decision = decideRetry({
        outcome,
        attempts: entry.attempts,
        queuedAt: entry.queuedAt,
        now: this.now(),
        policy: { ...RETRY, ...this.opts.retry },
      });
      if (decision.action === 'done') {
        await lane.outbox.remove(entry.seq);
        lane.delivered += 1;
      } else if (decision.action === 'drop') {
        await lane.outbox.remove(entry.seq);
        lane.dropped += 1;
        this.opts.notice(
          `Forwarding to ${describeTarget(lane.target)}: dropped "${entry.message.title}": ${decision.reason}`,
        );
      } else {
        entry.nextAt = decision.at;
        await lane.outbox.update(entry);
      }
    }
  }
}

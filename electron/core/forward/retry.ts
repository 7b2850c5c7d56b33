// What to do after one delivery attempt: done (2xx), retry later (network error, 429, 5xx: backoff from
// 2 s doubling to at most 5 min, Retry-After honoured up to 1 h, for 24 h), drop with a reason (another
// 4xx, or 24 h of failures), keep the message aside (a request that could not be built, or that the
// HTTP client refused before sending: retrying cannot help), or stop using the target (410 Gone).
// Pure: the caller passes the attempt's outcome and the time.

export type AttemptOutcome =
  | { kind: 'status'; status: number; retryAfter?: string | null }
  | { kind: 'network'; message: string }
  /** Never sent: the request could not be built or the HTTP client refused it (an invalid header). */
  | { kind: 'refused'; message: string };

export type RetryDecision =
  | { action: 'done' }
  | { action: 'retry'; at: number }
  | { action: 'drop'; reason: string }
  | { action: 'keep-aside'; reason: string }
  | { action: 'gone'; status: number };

/** Why an attempt failed, as the `reason` label of statustray_forward_failures_total. */
export type FailureReason =
  'network' | 'refused' | 'gone' | 'http_429' | 'http_4xx' | 'http_5xx' | 'http_other';

export function failureReason(outcome: AttemptOutcome): FailureReason | null {
  if (outcome.kind === 'network') return 'network';
  if (outcome.kind === 'refused') return 'refused';
  const s = outcome.status;
  if (s >= 200 && s < 300) return null;
  if (s === 410) return 'gone';
  if (s === 429) return 'http_429';
  if (s >= 500 && s < 600) return 'http_5xx';
  if (s >= 400 && s < 500) return 'http_4xx';
  return 'http_other';
}

/** The longest a message ever waits between two attempts: a due time beyond it is read as this. */
export function longestWaitMs(policy: RetryPolicy = RETRY): number {
  // The backoff's jitter may go 10 % over its cap.
  return Math.ceil(Math.max(policy.maxDelayMs * 1.1, policy.maxRetryAfterMs));
}

export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  giveUpAfterMs: number;
  maxRetryAfterMs: number;
}

export const RETRY: RetryPolicy = {
  firstDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  giveUpAfterMs: 24 * 3600_000,
  /** A Retry-After longer than this is read as this (a receiver cannot park us for days). */
  maxRetryAfterMs: 60 * 60_000,
};

/** Delay before retry number `attempt` (1 = the first retry): doubling, capped, with ±10 % jitter. */
export function backoffMs(
  attempt: number,
  random: () => number = Math.random,
  policy: RetryPolicy = RETRY,
): number {
  const base = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.9 + 0.2 * random()));
}

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number,
  policy: RetryPolicy = RETRY,
): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, policy.maxRetryAfterMs);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), policy.maxRetryAfterMs);
}

export function decideRetry(input: {
  outcome: AttemptOutcome;
  /** Attempts made so far, this one included. */
  attempts: number;
  /** When the message was first queued. */
  queuedAt: number;
  now: number;
  random?: () => number;
  policy?: RetryPolicy;
}): RetryDecision {
  const { outcome, attempts, queuedAt, now } = input;
  const policy = input.policy ?? RETRY;
  let retryAfterMs: number | null = null;
  let why: string;
  if (outcome.kind === 'refused')
    return { action: 'keep-aside', reason: `it could not be sent (${outcome.message})` };
  if (outcome.kind === 'status') {
    const s = outcome.status;
    if (s >= 200 && s < 300) return { action: 'done' };
    if (s === 410) return { action: 'gone', status: s };
    // Redirects are not followed: a webhook URL that moved must be replaced by the user.
    if (s < 200 || (s >= 300 && s < 400))
      return { action: 'drop', reason: `the receiver answered HTTP ${s} instead of accepting it` };
    if (s !== 429 && s !== 408 && s >= 400 && s < 500)
      return { action: 'drop', reason: `the receiver refused it (HTTP ${s})` };
    retryAfterMs = parseRetryAfter(outcome.retryAfter, now, policy);
    why = `HTTP ${s}`;
  } else {
    why = outcome.message;
  }
  const delay = Math.max(retryAfterMs ?? 0, backoffMs(attempts, input.random, policy));
  const at = now + delay;
  if (at - queuedAt > policy.giveUpAfterMs)
    return { action: 'drop', reason: `not delivered for 24 hours (last: ${why})` };
  return { action: 'retry', at };
}

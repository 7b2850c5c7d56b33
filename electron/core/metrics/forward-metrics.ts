// The forwarding series of /metrics: what waits in each target's outbox and how its attempts failed.
// `target` is the target's shortened, secret-free name (the one Settings shows), never its URL.
import { Counter, Gauge, type Registry } from 'prom-client';

/** What the metrics need of one forwarding target (a Forwarder's TargetQueueState has it). */
export interface ForwardMetricsInput {
  label: string;
  waiting: number;
  /** Failed attempts by reason since the engine started. */
  failures: Partial<Record<string, number>>;
}

export function registerForwardMetrics(
  registry: Registry,
  source: () => readonly ForwardMetricsInput[],
): void {
  new Gauge({
    name: 'statustray_forward_queue',
    help: 'Messages waiting in the outbox of a forwarding target',
    labelNames: ['target'],
    registers: [registry],
    collect() {
      this.reset();
      for (const t of source()) this.set({ target: t.label }, t.waiting);
    },
  });
  new Counter({
    name: 'statustray_forward_failures_total',
    help: 'Failed delivery attempts to a forwarding target, by reason (network, http_429, http_5xx, http_4xx, gone, refused, http_other)',
    labelNames: ['target', 'reason'],
    registers: [registry],
    collect() {
      this.reset();
      for (const t of source())
        for (const [reason, count] of Object.entries(t.failures))
          if (count) this.inc({ target: t.label, reason }, count);
    },
  });
}

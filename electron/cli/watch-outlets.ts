// What `watch` adds around its monitor for teams: forwarding the notifications the desktop would show
// (same policy, from a durable outbox in the data folder) and a Prometheus /metrics endpoint.
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ForwardTarget, MonitorEvent, SharedCauseEvent, WatchEntry } from '../../shared/model';
import { createOutlets } from '../core/app/outlets';
import { reconcilePolicyGroup } from '../core/app/open-group';
import type { OpenGroup } from '../core/policy/grouping';
import { createPolicyRunner, policyConfigOf, type PolicyRunner } from '../core/app/policy';
import { DEFAULT_SETTINGS, validatePolicyState } from '../core/app/stores';
import { forwardContextOf } from '../core/forward/context';
import { Forwarder } from '../core/forward/forwarder';
import { forwardMessage } from '../core/forward/message';
import { registerForwardMetrics } from '../core/metrics/forward-metrics';
import { METRICS_CONTENT_TYPE, type EngineMetrics } from '../core/metrics/metrics';
import type { Monitor } from '../core/monitor/monitor';
import { realTimers } from '../core/monitor/types';
import { initialPolicyState, type PolicyState } from '../core/policy/policy';
import { createFileStore } from '../core/storage/file-store';
import { PRIVATE_FILE_MODE } from '../core/storage/private-dir';
import { createAccessToken, presentedToken, tokenMatches } from '../web/access';

export interface WatchForwarding {
  stop(): Promise<void>;
}

/**
 * Runs the notification policy over the monitor's events (its state kept in the data folder, so a
 * restart never announces the same thing twice) and queues each notification for every target.
 */
export async function startWatchForwarding(opts: {
  monitor: Monitor;
  vendors: readonly WatchEntry[];
  targets: readonly ForwardTarget[];
  dataDir: string;
  log: (line: string) => void;
  /**
   * The groups of vendors failing together, told once as a group (and its later stages as follow-ups),
   * with the monitor's events they came from: one policy step for both, as in the app core, so that the
   * last vendor of a group to recover is told by the group's recovery, not once more on its own.
   */
  onGroups?: (listener: (groups: SharedCauseEvent[], events: MonitorEvent[]) => void) => () => void;
  /** Where the forwarding series go (/metrics), when watch serves them. */
  metrics?: EngineMetrics | null;
  /** The group continued from before a restart, which the policy's own group follows. */
  openGroup?: () => OpenGroup | null;
}): Promise<WatchForwarding> {
  const { monitor, log } = opts;
  // Its schema checks the file and its backup alike: a backup it refuses is kept aside, never restored.
  const store = createFileStore<PolicyState>(path.join(opts.dataDir, 'watch-notifications.json'), {
    validate: validatePolicyState,
  });
  const loaded = await store.load().catch(() => ({ value: null, notice: undefined }));
  if (loaded.notice) log(loaded.notice);
  let state: PolicyState = reconcilePolicyGroup(
    { ...initialPolicyState(), ...(loaded.value ?? {}) },
    opts.openGroup?.() ?? null,
  );
  let saving: Promise<void> = Promise.resolve();
  const save = (): void => {
    saving = saving
      .then(() => store.save(state))
      .catch((err: unknown) => log(`could not save: ${(err as Error).message}`));
  };

  const forwarder = new Forwarder({ dataDir: opts.dataDir, targets: [...opts.targets], notice: log });
  if (opts.metrics) registerForwardMetrics(opts.metrics.registry, () => forwarder.state());
  await forwarder.start();
  const outlets = createOutlets([
    {
      name: 'forwarding',
      deliver(notification) {
        const message = forwardMessage(
          notification,
          forwardContextOf(notification, (id) => monitor.view(id)),
        );
        forwarder
          .enqueue(message)
          .catch((err: unknown) => log(`could not queue a message: ${(err as Error).message}`));
      },
    },
  ]);
  const config = policyConfigOf(DEFAULT_SETTINGS, opts.vendors);
  const policy: PolicyRunner = createPolicyRunner({
    timers: realTimers,
    now: Date.now,
    config: () => config,
    getState: () => state,
    setState: (next) => {
      state = next;
      save();
    },
    outlets,
  });
  let lastOffline = false;
  const offEvents = opts.onGroups ? () => undefined : monitor.onEvents((events) => policy.step(events));
  const offGroups = opts.onGroups?.((groups, events) => {
    if (groups.length || events.length) policy.step(events, undefined, groups);
  });
  const offChange = monitor.onChange(() => {
    const offline = monitor.isOffline();
    if (offline !== lastOffline) {
      lastOffline = offline;
      policy.step([], offline);
    }
  });
  return {
    async stop() {
      offEvents();
      offGroups?.();
      offChange();
      policy.stop();
      save();
      await saving;
      await forwarder.stop();
    },
  };
}

/**
 * The key `/metrics` asks for when served beyond loopback: `STATUSTRAY_TOKEN` when set, else the one kept
 * in the data folder (0600, made on first need), so that a Prometheus scrape config keeps working across
 * restarts.
 */
export async function metricsAccessKey(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (env.STATUSTRAY_TOKEN) return env.STATUSTRAY_TOKEN;
  const file = path.join(dataDir, 'metrics-token');
  const kept = await fs.readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (kept) return kept;
  const key = createAccessToken();
  await fs.writeFile(file, key + '\n', { mode: PRIVATE_FILE_MODE });
  return key;
}

/**
 * Serves GET /metrics (and nothing else) on host:port; loopback unless the user names another host. With
 * a `key`, a scrape must present it as web's API does (`Authorization: Bearer`, `X-StatusTray-Token` or
 * `?token=`), else it gets 401.
 */
export async function startMetricsServer(
  metrics: EngineMetrics,
  port: number,
  host = '127.0.0.1',
  key: string | null = null,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = url.pathname;
    if (pathname !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Only GET /metrics is served here.\n');
      return;
    }
    if (key !== null && !tokenMatches(presentedToken(req, url), key)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer' });
      res.end(
        'These metrics need the key "statustray watch" printed: send it as Authorization: Bearer <key>.\n',
      );
      return;
    }
    metrics.text().then(
      (text) => {
        res.writeHead(200, { 'Content-Type': METRICS_CONTENT_TYPE, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (err: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`${(err as Error).message}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// `watch`: run the monitor over a watchlist file and print what it learns (each vendor's first reading or
// first failure, then Events as they happen; readable lines, or one JSON object a line with --json) until
// Ctrl-C / SIGTERM, keeping a history that is written every few minutes and on stop.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MonitorEvent, SharedCauseEvent } from '../../shared/model';
import { createSharedCauseTracker } from '../core/app/shared-cause';
import { restoreGrouping, storedGrouping, validateStoredGrouping } from '../core/app/open-group';
import { saveLater } from '../core/app/stores';
import { DEFAULT_GROUPING, type GroupingState } from '../core/policy/grouping';
import { realTimers } from '../core/monitor/types';
import { History, type HistoryData } from '../core/history/history';
import { validateHistoryData } from '../core/history/history-schema';
import { createHttpClient } from '../core/http/client';
import { Monitor } from '../core/monitor/monitor';
import { eventLine } from '../core/policy/text';
import { readSnapshot } from '../core/read';
import { createMetrics } from '../core/metrics/metrics';
import { createFileStore } from '../core/storage/file-store';
import { ensurePrivateDir } from '../core/storage/private-dir';
import { parseWatchlist, vendorIdFor } from '../core/watchlist';
import { FirstReadings, startLineText, type StartLine } from './first-reading';
import { periodicSave } from './periodic-save';
import { isLoopbackHost } from '../web/security';
import { metricsAccessKey, startMetricsServer, startWatchForwarding } from './watch-outlets';
import { WATCH_HELP as USAGE } from './help/watch';
import { terminalText } from '../core/text/terminal-text';
import { parseCommandArgs, usageLine, UsageError } from './args';
import { WATCH_OPTIONS } from './options';
import { keepResidentMemorySmall } from '../core/resident-memory';

/** How often, at most, the history is written while watching (it is also written on stop). */
export const HISTORY_SAVE_PERIOD_MS = 5 * 60_000;

/** Where the command line keeps its data. */
export function watchDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STATUSTRAY_DATA_DIR) return path.resolve(env.STATUSTRAY_DATA_DIR);
  const base = env.XDG_STATE_HOME ? env.XDG_STATE_HOME : path.join(os.homedir(), '.local', 'state');
  return path.join(base, 'statustray');
}

/** One readable line for an event: time, vendor, what changed. */
export function formatEvent(event: MonitorEvent): string {
  // The line starts with the vendor, so a storm's summary need not name it again (a notification's does).
  const what =
    event.type === 'incidents_summarised'
      ? `${event.count.toLocaleString('en-US')} more incident changes`
      : event.type === 'components_summarised'
        ? `${event.count.toLocaleString('en-US')} more component changes`
        : eventLine(event);
  // Vendor text goes through terminal-text: no control character, no forged line.
  return `${stamp(event.at)}  ${terminalText(event.vendor)} — ${terminalText(what)}`;
}

/** One readable line for several vendors failing together. */
export function formatSharedCauseEvent(event: SharedCauseEvent): string {
  const names = event.vendors.join(', ');
  const cause = event.cause ? ` — possibly ${event.cause.vendor}: ${event.cause.evidence.join('; ')}` : '';
  const what =
    event.type === 'shared_cause_closed'
      ? `${event.vendors.length} vendors recovered: ${names}`
      : `${event.vendors.length} vendors in trouble: ${names}${cause}`;
  return `${stamp(event.at)}  ${what}`;
}

/** One readable line for what is said at a vendor's first read. */
export function formatStartLine(line: StartLine): string {
  return `${stamp(line.at)}  ${terminalText(line.vendor)} — ${terminalText(startLineText(line))}`;
}

function stamp(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseCommandArgs(WATCH_OPTIONS, argv, { positionals: false }));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(usageLine('watch', err.message));
    return 1;
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  // Runs for days: its memory stays small (see resident-memory.ts).
  keepResidentMemorySmall();
  if (!values.config) {
    process.stderr.write(usageLine('watch', '--config <watchlist.json> is required'));
    return 1;
  }
  let interval: number | undefined;
  if (values.interval !== undefined) {
    interval = Number(values.interval);
    if (!Number.isFinite(interval) || interval < 1 || interval > 86_400) {
      process.stderr.write(
        usageLine(
          'watch',
          `--interval must be a number of seconds from 1 to 86400, not "${values.interval}"`,
        ),
      );
      return 1;
    }
  }

  const metricsPort = values['metrics-port'] === undefined ? undefined : Number(values['metrics-port']);
  if (
    metricsPort !== undefined &&
    !(Number.isInteger(metricsPort) && metricsPort >= 0 && metricsPort <= 65_535)
  ) {
    process.stderr.write(
      usageLine(
        'watch',
        `--metrics-port must be a port number from 0 to 65535, not "${values['metrics-port']}"`,
      ),
    );
    return 1;
  }

  const configPath = path.resolve(values.config);
  let text: string;
  try {
    text = await fs.readFile(configPath, 'utf8');
  } catch (err) {
    process.stderr.write(`statustray watch: cannot read ${configPath}: ${(err as Error).message}\n`);
    return 1;
  }
  const { watchlist, problems } = parseWatchlist(text);
  const name = path.basename(configPath);
  for (const p of problems) process.stderr.write(`statustray watch: ${terminalText(`${name}: ${p}`)}\n`);
  // A file that cannot be read as a watchlist at all has been told above, in its own words.
  if (!watchlist) return 1;
  if (watchlist.vendors.length === 0) {
    process.stderr.write(`statustray watch: ${name} has no vendor to watch\n`);
    return 1;
  }
  const intervalSeconds = interval ?? watchlist.intervalSeconds ?? 120;

  const dataDir = watchDataDir();
  await ensurePrivateDir(dataDir);
  // Through the same store as every other document: a file that is not a valid history is kept aside
  // with a message, and the watch starts with an empty one.
  const historyStore = createFileStore<HistoryData>(path.join(dataDir, 'watch-history.json'), {
    validate: validateHistoryData,
  });
  const loaded = await historyStore.load().catch((err: unknown) => ({
    value: null,
    notice: `could not read ${historyStore.location}: ${(err as Error).message}`,
  }));
  if (loaded.notice) process.stderr.write(`statustray watch: ${loaded.notice}\n`);
  const history = new History(loaded.value, { gapMs: 3 * intervalSeconds * 1000 });
  const historySave = periodicSave(async () => {
    history.prune(Date.now());
    await historyStore.save(history.toJSON()).catch((err: unknown) => {
      process.stderr.write(`statustray watch: could not save the history: ${(err as Error).message}\n`);
    });
  }, HISTORY_SAVE_PERIOD_MS);

  const http = createHttpClient();
  const metrics = metricsPort === undefined ? null : createMetrics(() => monitor.views());
  const monitor: Monitor = new Monitor({
    read: metrics ? metrics.instrument(readSnapshot) : readSnapshot,
    http,
    intervalMs: intervalSeconds * 1000,
    fastIntervalMs: Math.min(30, intervalSeconds) * 1000,
    concurrency: 16,
  });
  const out = process.stdout;
  const firstReadings = new FirstReadings();
  const groupListeners = new Set<(groups: SharedCauseEvent[], events: MonitorEvent[]) => void>();
  /** Prints the group events, and hands them to forwarding with the monitor's events they came from. */
  const tellGroups = (groups: SharedCauseEvent[], events: MonitorEvent[] = []): void => {
    for (const g of groups) out.write((values.json ? JSON.stringify(g) : formatSharedCauseEvent(g)) + '\n');
    for (const listener of groupListeners) listener(groups, events);
  };
  // Several vendors failing together: one group with its likely cause (the few common providers the
  // vendors name are read once per group, never polled).
  const sharedCause = createSharedCauseTracker({
    now: Date.now,
    views: () => monitor.views(),
    lookUp: async (provider) => (await readSnapshot(provider.url, { http })).snapshot,
    onLateEvents: tellGroups,
  });
  // The open group goes on across a restart (watch-shared-cause.json), with its members still watched.
  const groupStore = createFileStore<GroupingState>(path.join(dataDir, 'watch-shared-cause.json'), {
    validate: validateStoredGrouping,
  });
  const storedGroup = await groupStore.load().catch((err: unknown) => ({
    value: null,
    notice: `could not read ${groupStore.location}: ${(err as Error).message}`,
  }));
  if (storedGroup.notice) process.stderr.write(`statustray watch: ${terminalText(storedGroup.notice)}\n`);
  const restored = restoreGrouping(storedGroup.value, {
    watched: new Set(watchlist.vendors.map((e) => vendorIdFor(e.url))),
    now: Date.now(),
    windowMs: DEFAULT_GROUPING.windowMs,
  });
  sharedCause.restore(restored.state);
  if (restored.state.open) {
    const g = restored.state.open;
    process.stderr.write(
      `statustray watch: ${terminalText(`still following ${g.members.length} vendors in trouble together since ${stamp(new Date(g.since).toISOString())} (${g.id})`)}\n`,
    );
  }
  let groupSaving: Promise<void> = Promise.resolve();
  const saveGroup = (): void => {
    groupSaving = groupSaving
      .then(() => groupStore.save(storedGrouping(sharedCause.state())))
      .catch((err: unknown) => {
        process.stderr.write(
          `statustray watch: could not save the open group: ${terminalText((err as Error).message)}\n`,
        );
      });
  };
  const groupSave = saveLater(realTimers, 1_000, saveGroup);
  monitor.onEvents((events) => {
    for (const e of events) {
      if (firstReadings.alreadyTold(e)) continue;
      out.write((values.json ? JSON.stringify(e) : formatEvent(e)) + '\n');
    }
    const groups = sharedCause.step(events);
    if (groups.length || events.some((e) => e.type === 'vendor_status_changed')) groupSave.schedule();
    tellGroups(groups, events);
  });
  monitor.onChange((id) => {
    if (id === null) {
      if (!values.json)
        process.stderr.write(
          monitor.isOffline()
            ? 'statustray watch: this machine seems offline\n'
            : 'statustray watch: back online\n',
        );
      return;
    }
    const view = monitor.view(id);
    if (!view) return;
    const start = firstReadings.afterRead(view);
    if (start) out.write((values.json ? JSON.stringify(start) : formatStartLine(start)) + '\n');
    // A group continued from before the restart learns how its members are now.
    const settled = sharedCause.afterRead(view);
    if (settled.length) {
      groupSave.schedule();
      tellGroups(settled);
    }
    if (view.lastCheckedAt) {
      history.record(id, view.status, view.lastCheckedAt);
      historySave.changed();
    }
  });
  monitor.setVendors(watchlist.vendors.map((entry) => ({ id: vendorIdFor(entry.url), entry })));
  const n = watchlist.vendors.length;
  process.stderr.write(
    `statustray watch: watching ${n} vendor${n === 1 ? '' : 's'} every ${intervalSeconds} s. Press Ctrl-C to stop.\n`,
  );
  const log = (line: string): void => void process.stderr.write(`statustray watch: ${terminalText(line)}\n`);
  const forwarding = watchlist.forward?.length
    ? await startWatchForwarding({
        monitor,
        vendors: watchlist.vendors,
        targets: watchlist.forward,
        dataDir,
        log,
        openGroup: () => sharedCause.open(),
        onGroups: (listener) => {
          groupListeners.add(listener);
          return () => void groupListeners.delete(listener);
        },
        metrics,
      })
    : null;
  let metricsServer: Awaited<ReturnType<typeof startMetricsServer>> | null = null;
  if (metrics && metricsPort !== undefined) {
    try {
      // Beyond loopback, other machines can reach it: it asks for a key, as web's feeds do.
      const host = values['metrics-host'] ?? '127.0.0.1';
      const key = isLoopbackHost(host) ? null : await metricsAccessKey(dataDir);
      metricsServer = await startMetricsServer(metrics, metricsPort, host, key);
      log(`metrics at ${metricsServer.url}`);
      if (key !== null)
        log(
          `warning: metrics are served on ${host}, reachable from other machines; a scrape must send the key ` +
            `(Authorization: Bearer ${key}, or ?token=${key}). It is kept in ${path.join(dataDir, 'metrics-token')}; ` +
            'STATUSTRAY_TOKEN sets another.',
        );
    } catch (err) {
      log(`cannot serve metrics on port ${metricsPort}: ${(err as Error).message}`);
      await forwarding?.stop();
      await http.close();
      return 1;
    }
  }
  monitor.start();

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // The reader went away (`watch | head`): stop as cleanly as on Ctrl-C.
    out.on('error', stop);
  });
  await monitor.stop();
  sharedCause.stop();
  groupSave.cancel();
  saveGroup();
  await groupSaving;
  historySave.changed();
  await historySave.flush();
  await metricsServer?.close();
  await forwarding?.stop();
  await http.close();
  return 0;
}

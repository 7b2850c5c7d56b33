// `npm run demo [-- --web] [--speed n]`: a simulated Kustomer status page on loopback replays an outage
// modelled on Kustomer's August 16, 2022 incident over about three minutes, while the app (or, with
// --web, the browser dashboard) watches it: components degrade, an incident opens, updates arrive, it
// resolves and the postmortem follows. Nothing here touches your own watchlist or the network.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stopWithNpm } from './stop-with-npm.mjs';
import type { StatuspageFixture } from '../tests/fakes/statuspage-server';
import type { WatchlistFile } from '../shared/model';

// Ctrl-C (or SIGTERM) is caught from here on, before anything heavy loads, and stays caught until the
// process ends: whenever it arrives (start-up, the replay, or a second one during shutdown) the demo
// stops what it started and exits 0. The modules below are loaded after this, on demand.
let stopRequested = false;
let requestStop: () => void = () => {};
const stopSignal = new Promise<void>((resolve) => (requestStop = resolve));
const onStopSignal = (): void => {
  stopRequested = true;
  requestStop();
};
process.on('SIGINT', onStopSignal);
process.on('SIGTERM', onStopSignal);
// npm's shell does not pass its SIGTERM on: npm being stopped is noticed here and counts as one.
stopWithNpm();

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Usage: npm run demo [-- --web] [--speed <n>] [--port <n>]

Replays a simulated outage on a fake Kustomer status page (on 127.0.0.1) and points StatusTray at it.

Options:
  --web          show it in the browser dashboard (prints the address) instead of the desktop app
  --speed <n>    play the timeline n times faster (default 1: about three minutes)
  --port <n>     dashboard port with --web (default: any free port)
  --interval <s> poll interval in seconds (default 5, divided by --speed, at least 1)
  -h, --help     show this help`;

const INCIDENT_TITLE = 'Delayed processing of inbound messages on Prod1';
const WORKFLOW = 'Prod1 (US)/Workflow';
const HOOKS = 'Prod1 (US)/Web/Email/Form Hooks';

/** The fake status page's editing functions (loaded after the signal handlers are in place). */
type Edits = Pick<
  typeof import('../tests/fakes/statuspage-server'),
  'openIncident' | 'resolveIncident' | 'setComponentStatus' | 'updateIncident'
> & { postmortem: string };

interface Phase {
  /** Seconds from the start, at speed 1. */
  at: number;
  say: string;
  apply(fixture: StatuspageFixture, state: { incidentId: string | null }, edit: Edits): void;
}

/** The outage, modelled on the seed's August 16 incident (Prod1 workflow service stalls, rolled back). */
const PHASES: Phase[] = [
  {
    at: 15,
    say: 'Prod1 (US): Workflow and Web/Email/Form Hooks slow down (degraded performance).',
    apply(fixture, _state, edit) {
      edit.setComponentStatus(fixture, WORKFLOW, 'degraded_performance');
      edit.setComponentStatus(fixture, HOOKS, 'degraded_performance');
    },
  },
  {
    at: 30,
    say: `Incident opened: "${INCIDENT_TITLE}" (investigating, major impact).`,
    apply(fixture, state, edit) {
      const incident = edit.openIncident(fixture, {
        name: INCIDENT_TITLE,
        impact: 'major',
        status: 'investigating',
        components: [WORKFLOW, HOOKS],
        body: 'We are investigating delays in processing inbound messages for Kustomer instances on **PROD 1**. Outbound messaging is not affected.',
      });
      state.incidentId = incident.id;
    },
  },
  {
    at: 50,
    say: 'Prod1 (US) / Workflow: major outage.',
    apply(fixture, _state, edit) {
      edit.setComponentStatus(fixture, WORKFLOW, 'major_outage');
      edit.setComponentStatus(fixture, HOOKS, 'partial_outage');
    },
  },
  {
    at: 80,
    say: 'Update: identified (a deployment of the workflow service is the cause; rolling back).',
    apply(fixture, state, edit) {
      edit.updateIncident(fixture, state.incidentId!, {
        status: 'identified',
        body: 'A deployment in our workflow service prevents it from reading a subset of queued workflow events. We are rolling the service back to the previous version.',
      });
    },
  },
  {
    at: 110,
    say: 'Update: monitoring (rolled back, the backlog of events is being processed).',
    apply(fixture, state, edit) {
      edit.setComponentStatus(fixture, WORKFLOW, 'degraded_performance');
      edit.setComponentStatus(fixture, HOOKS, 'operational');
      edit.updateIncident(fixture, state.incidentId!, {
        status: 'monitoring',
        body: 'The workflow service has been rolled back and events are processing at normal speed. We are monitoring while the remaining backlog of events is processed.',
      });
    },
  },
  {
    at: 140,
    say: 'Resolved: every component is operational again.',
    apply(fixture, state, edit) {
      edit.setComponentStatus(fixture, WORKFLOW, 'operational');
      edit.resolveIncident(
        fixture,
        state.incidentId!,
        'All backlogged events have been processed and inbound messages are delivered in real time. This incident has been resolved.',
      );
    },
  },
  {
    at: 170,
    say: 'Postmortem published (the text of Kustomer’s August 16 postmortem).',
    apply(fixture, state, edit) {
      edit.updateIncident(fixture, state.incidentId!, { status: 'postmortem', body: edit.postmortem });
    },
  },
];

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        web: { type: 'boolean' },
        speed: { type: 'string' },
        port: { type: 'string' },
        interval: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`demo: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
    return 1;
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  const port = values.port === undefined ? 0 : Number(values.port);
  const baseInterval = values.interval === undefined ? 5 : Number(values.interval);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 1000) {
    process.stderr.write(`demo: --speed must be a number above 0 (up to 1000), not "${values.speed}".\n`);
    return 1;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`demo: --port must be a whole number from 0 to 65535, not "${values.port}".\n`);
    return 1;
  }
  if (!Number.isFinite(baseInterval) || baseInterval < 1) {
    process.stderr.write(`demo: --interval must be at least 1 second, not "${values.interval}".\n`);
    return 1;
  }
  if (stopRequested) return 0;
  if (!values.web) {
    // The same step as `npm start`: Electron's binary is downloaded on first use; when that fails, why and
    // the ways forward (this demo in the browser among them) are said, and the demo stops.
    const { ensureElectron } = await import('./ensure-electron.mjs');
    const binary = await ensureElectron({
      root: ROOT,
      command: 'npm run demo',
      browserCommand: 'npm run demo -- --web',
    });
    if (stopRequested) return 0;
    if (!binary) return 1;
  }
  const intervalSeconds = Math.max(1, Math.round(baseInterval / speed));

  // Everything started is stopped in reverse order, however the run ends.
  const cleanups: Array<() => Promise<void>> = [];
  try {
    return await run({ web: Boolean(values.web), speed, port, intervalSeconds }, cleanups);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((err: unknown) => {
        process.stderr.write(`demo: while stopping: ${err instanceof Error ? err.message : String(err)}\n`);
      });
    }
  }
}

interface RunOptions {
  web: boolean;
  speed: number;
  port: number;
  intervalSeconds: number;
}

/** Starts the fake page and the app, replays the timeline, and waits for Ctrl-C (or the app to close). */
async function run(options: RunOptions, cleanups: Array<() => Promise<void>>): Promise<number> {
  const { intervalSeconds, speed } = options;
  const fakePage = await import('../tests/fakes/statuspage-server');
  const { KUSTOMER_POSTMORTEM_AUG16, kustomerFixture } = await import('../tests/fixtures/kustomer');
  const edits: Edits = { ...fakePage, postmortem: KUSTOMER_POSTMORTEM_AUG16 };
  if (stopRequested) return 0;

  const vendor = await fakePage.startStatuspageServer({ page: kustomerFixture() });
  cleanups.push(() => vendor.close());
  const workDir = await mkdtemp(path.join(tmpdir(), 'statustray-demo-'));
  cleanups.push(() => rm(workDir, { recursive: true, force: true }));
  if (stopRequested) return 0;
  const watchlistPath = path.join(workDir, 'demo-watchlist.json');
  const watchlist: WatchlistFile = {
    version: 1,
    vendors: [{ url: vendor.pageUrl, name: 'Kustomer (demo)', platform: 'statuspage' }],
    intervalSeconds,
  };
  await writeFile(watchlistPath, JSON.stringify(watchlist, null, 2) + '\n');
  const dataDir = path.join(workDir, 'data');

  process.stdout.write(
    `Simulated Kustomer status page: ${vendor.pageUrl} (polled every ${intervalSeconds} s)\n` +
      `Demo data (your own watchlist is untouched): ${workDir}\n`,
  );

  let appClosed: Promise<void> = new Promise<void>(() => {});
  if (options.web) {
    const { createAppCore } = await import('../electron/core/app');
    const { startDashboard } = await import('../electron/web/dashboard');
    if (stopRequested) return 0;
    const core = createAppCore({ dataDir, watchlistPath, intervalSeconds });
    // A browser has no tray: show here what the desktop app would announce as notifications.
    core.onNotification((n) => {
      process.stdout.write(`  Notification: ${n.title} — ${n.body.replace(/\s+/g, ' ').slice(0, 160)}\n`);
    });
    try {
      const dashboard = await startDashboard({
        core,
        port: options.port,
        log: (line) => void process.stderr.write(`${line}\n`),
      });
      cleanups.push(() => dashboard.stop());
      if (stopRequested) return 0;
      process.stdout.write(`StatusTray dashboard: ${dashboard.url}\n`);
    } catch (err) {
      await core.stop().catch(() => {});
      process.stderr.write(`demo: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    }
  } else {
    const starter = path.join(ROOT, 'scripts', 'start.mjs');
    const child = spawn(process.execPath, [starter], {
      cwd: ROOT,
      stdio: 'inherit',
      // The Electron host reads these: the watchlist to load, where to keep the demo's data (not the
      // user's), and the poll interval below the app's 30 s floor.
      env: {
        ...process.env,
        STATUSTRAY_DEMO_WATCHLIST: watchlistPath,
        STATUSTRAY_DATA_DIR: dataDir,
        STATUSTRAY_DEMO_INTERVAL: String(intervalSeconds),
      },
    });
    appClosed = exitOf(child);
    cleanups.push(() => stopChild(child));
    process.stdout.write('Starting the StatusTray app; watch the tray icon.\n');
  }

  const ended = Promise.race([stopSignal, appClosed]).then(() => true);
  const state = { incidentId: null as string | null };
  const started = Date.now();
  process.stdout.write(`[${clock(0)}] Kustomer is fully operational.\n`);
  // Each phase waits its gap from the one before it actually happened (not from the start): a stalled
  // machine delays the story but never fires several phases at once, so each state is served for at
  // least its (scaled) gap.
  let previousAt = 0;
  for (const [index, phase] of PHASES.entries()) {
    const gapMs = ((phase.at - previousAt) * 1000) / speed;
    previousAt = phase.at;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), gapMs)));
    const stop = await Promise.race([waited, ended]);
    clearTimeout(timer);
    if (stop) return 0;
    vendor.update((fixture) => phase.apply(fixture, state, edits));
    process.stdout.write(`[${clock(Date.now() - started)}] ${phase.say}\n`);
    if (index === PHASES.length - 1) {
      process.stdout.write('The outage is over. Keep exploring; press Ctrl-C to stop.\n');
    }
  }
  await ended;
  return 0;
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Asks the app to quit, and waits for it (forcing it after a generous while). */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = exitOf(child);
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(force);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`demo: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);

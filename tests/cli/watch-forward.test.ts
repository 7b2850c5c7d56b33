// `watch` with "forward" targets, run as a team would run it: a receiver that is down while an outage
// is announced, the watcher killed with -9 while messages wait, a restart, the receiver back. Nothing
// is lost, nothing is sent twice after a 2xx. Also --metrics-port, scraped as Prometheus does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePrometheus, sampleValue } from '../fakes/prometheus';
import { startReceiver, until, type Receiver } from '../fakes/receiver';
import {
  openOutage,
  resolveIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { kustomerFixture } from '../fixtures/kustomer';
import { CLI_PATH, REPO_ROOT } from './spawn-cli';

let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];
const cleanups: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-watch-forward-'));
});
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const c of cleanups.splice(0).reverse()) await c();
  await fs.rm(dir, { recursive: true, force: true });
});

function watch(args: string[]) {
  const proc = spawn(process.execPath, [CLI_PATH, 'watch', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, STATUSTRAY_DATA_DIR: path.join(dir, 'data'), NO_COLOR: '1' },
  });
  children.push(proc);
  let err = '';
  proc.stdout.resume();
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exit = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return { proc, stderr: () => err, exit };
}

/** Message files waiting in the outbox, over all targets. */
async function waiting(): Promise<number> {
  const root = path.join(dir, 'data', 'outbox');
  const targets = await fs.readdir(root).catch(() => [] as string[]);
  let n = 0;
  for (const t of targets)
    n += (await fs.readdir(path.join(root, t))).filter((f) => /^\d+\.json$/.test(f)).length;
  return n;
}

async function untilAsync(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function kustomer(): Promise<StatuspageServer> {
  const server = await startStatuspageServer({ page: kustomerFixture() });
  cleanups.push(() => server.close());
  return server;
}

describe('watch forwarding', () => {
  it('keeps what it could not deliver across kill -9 and delivers it once the receiver is back', async () => {
    const server = await kustomer();
    const probe = await startReceiver();
    const { host, port } = probe.server;
    await probe.close(); // the receiver is down
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({
        version: 1,
        vendors: [{ url: server.pageUrl, name: 'Kustomer' }],
        forward: [{ type: 'slack', url: `http://${host}:${port}/services/T000/B000/SECRETSECRET` }],
      }),
    );
    const first = watch(['--config', config, '--interval', '1']);
    const polls = () => server.counts()['summary.json'] ?? 0;
    await until(() => polls() >= 2, 'the first reads', 30_000);

    let incidentId = '';
    server.update((f) => {
      incidentId = openOutage(f, 'Prod1 (US)/Workflow', {
        name: 'Workflows not running in Prod1 (US)',
        impact: 'critical',
      }).id;
    });
    // The policy gathers a vendor's events for a few seconds, then the message is queued.
    await untilAsync(async () => (await waiting()) >= 1, 'a queued message');
    server.update((f) => {
      resolveIncident(f, incidentId, 'Workflows are running again.');
      setComponentStatus(f, 'Prod1 (US)/Workflow', 'operational');
    });
    await untilAsync(async () => (await waiting()) >= 2, 'the recovery queued too');
    first.proc.kill('SIGKILL');
    await first.exit;
    expect(first.stderr()).not.toContain('SECRETSECRET');
    const queued = await waiting();

    const receiver: Receiver = await startReceiver({ host, port });
    cleanups.push(() => receiver.close());
    const second = watch(['--config', config, '--interval', '1']);
    await until(() => receiver.accepted().length >= queued, 'the waiting messages delivered', 60_000);
    await untilAsync(async () => (await waiting()) === 0, 'an empty outbox');
    const seen = polls();
    await until(() => polls() >= seen + 3, 'a few more polls', 30_000);
    second.proc.kill('SIGTERM');
    await second.exit;

    const delivered = receiver.accepted();
    const keys = delivered.map((d) => String(d.headers['x-statustray-key']));
    expect(new Set(keys).size).toBe(keys.length); // nothing twice
    expect(keys).toHaveLength(queued); // nothing lost, nothing new after the restart
    expect(queued).toBe(2);
    const texts = delivered.map((d) => JSON.parse(d.body) as { text: string; blocks: unknown[] });
    expect(texts[0]!.text).toMatch(/Kustomer/);
    expect(texts[0]!.blocks.length).toBeGreaterThan(0);
    // In order: the outage, then its end.
    expect(texts.map((t) => /^Kustomer — ([^:]+):/.exec(t.text)?.[1])).toEqual([
      'Major outage',
      'Operational',
    ]);

    // A third run has nothing to send again.
    const third = watch(['--config', config, '--interval', '1']);
    const now = polls();
    await until(() => polls() >= now + 3, 'polls of the third run', 30_000);
    third.proc.kill('SIGTERM');
    await third.exit;
    expect(receiver.accepted()).toHaveLength(queued);
  }, 180_000);

  it('--metrics-port serves the state as Prometheus metrics on loopback', async () => {
    const server = await kustomer();
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: [{ url: server.pageUrl, name: 'Kustomer' }] }),
    );
    const run = watch(['--config', config, '--interval', '1', '--metrics-port', '0']);
    let url = '';
    await until(() => /metrics at (http:\S+)/.test(run.stderr()), 'the metrics address', 30_000);
    url = /metrics at (http:\S+)/.exec(run.stderr())![1]!;
    expect(new URL(url).hostname).toBe('127.0.0.1');
    await until(() => (server.counts()['summary.json'] ?? 0) >= 2, 'reads', 30_000);
    server.update((f) => setComponentStatus(f, 'Prod1 (US)/Workflow', 'major_outage'));
    await untilAsync(async () => {
      const samples = parsePrometheus(await (await fetch(url)).text());
      return (
        sampleValue(samples, 'statustray_vendor_status', { vendor: 'Kustomer', status: 'major_outage' }) === 1
      );
    }, 'the outage in the metrics');
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toContain('version=0.0.4');
    const samples = parsePrometheus(await res.text());
    expect(sampleValue(samples, 'statustray_vendor_up', { vendor: 'Kustomer' })).toBe(1);
    expect(
      sampleValue(samples, 'statustray_component_status', {
        vendor: 'Kustomer',
        group: 'Prod1 (US)',
        component: 'Workflow',
        status: 'major_outage',
      }),
    ).toBe(1);
    expect(
      sampleValue(samples, 'statustray_polls_total', { vendor: 'Kustomer', result: 'ok' }),
    ).toBeGreaterThan(0);
    run.proc.kill('SIGTERM');
    await run.exit;
  }, 60_000);
});

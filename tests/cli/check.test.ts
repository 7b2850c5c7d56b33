// `check` end to end: good pages and every hostile page of the issue in one run, the Kustomer page through
// the real command line, usage errors and the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { run, type CheckIo } from '../../electron/cli/check';
import type { Snapshot } from '../../shared/model';
import { startServer, type FakeServer, type Handler } from '../fakes/server';
import {
  binaryGarbage,
  drip,
  gzipBomb,
  htmlChallenge,
  hugeBody,
  neverAnswer,
  redirectLoop,
  resetConnection,
  respond,
} from '../fakes/hostile';
import {
  openIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { KUSTOMER_POSTMORTEM_AUG16, kustomerFixture } from '../fixtures/kustomer';

function capture(isTTY = false, env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const io: CheckIo = {
    stdout: { write: (t: string) => (out += t), isTTY },
    stderr: { write: (t: string) => (err += t) },
    env,
  };
  return { io, out: () => out, err: () => err };
}

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
});
async function hostile(handler: Handler): Promise<FakeServer> {
  const s = await startServer();
  s.fallback(handler);
  closers.push(s.close);
  return s;
}
async function statuspage(opts: Parameters<typeof startStatuspageServer>[0]): Promise<StatuspageServer> {
  const s = await startStatuspageServer(opts);
  closers.push(s.close);
  return s;
}

describe('check with good and hostile pages in one run', () => {
  const cases: Array<{ name: string; url: string; kind: string | null }> = [];
  let kustomer: StatuspageServer;
  let snapshots: Snapshot[];
  let code: number;

  beforeAll(async () => {
    kustomer = await statuspage({ page: kustomerFixture() });
    const eu = await statuspage({ page: kustomerFixture(), prefix: '/status' });
    eu.update((f) => {
      setComponentStatus(f, 'Prod2 (EU)/API', 'partial_outage');
      openIncident(f, { name: 'EU API errors', impact: 'major', components: ['Prod2 (EU)/API'] });
    });
    const odd = await statuspage({ page: kustomerFixture() });
    odd.update((f) => setComponentStatus(f, 'Third Party/PubNub', 'sparkling'));

    const api = (s: FakeServer) => s.url('/api/v2/summary.json');
    const page = (s: FakeServer) => s.url('/');
    const closed = await startServer();
    await closed.close();
    const bad: Array<[string, Handler | null, (s: FakeServer) => string, string]> = [
      ['never answers', neverAnswer, page, 'timeout'],
      ['drips bytes', drip(50), api, 'timeout'],
      ['500 MB body', hugeBody(500 * 1024 * 1024), api, 'too_large'],
      ['gzip bomb', gzipBomb(), api, 'too_large'],
      ['HTML challenge', htmlChallenge, api, 'parse'],
      [
        'truncated JSON',
        respond(200, JSON.stringify({ page: { id: 'a', name: 'A' }, components: [] }).slice(0, 30)),
        api,
        'parse',
      ],
      ['wrong shape', respond(200, JSON.stringify({ hello: ['world'] })), api, 'schema'],
      ['500', respond(500, 'boom'), page, 'http'],
      ['503 Retry-After', respond(503, 'later', { 'retry-after': '30' }), api, 'http'],
      ['429 Retry-After', respond(429, 'slow', { 'retry-after': '60' }), page, 'rate_limited'],
      ['connection reset', resetConnection, page, 'reset'],
      ['redirect loop', redirectLoop, page, 'redirect'],
      ['empty body', respond(200, ''), api, 'parse'],
      ['binary garbage', binaryGarbage(), api, 'parse'],
    ];
    cases.push({ name: 'kustomer', url: kustomer.pageUrl, kind: null });
    for (const [name, handler, urlOf, kind] of bad) {
      cases.push({ name, url: urlOf(await hostile(handler!)), kind });
      if (name === 'wrong shape') cases.push({ name: 'eu under a path', url: eu.pageUrl, kind: null });
    }
    cases.push({ name: 'closed port', url: closed.url('/'), kind: 'refused' });
    cases.push({ name: 'unknown enum', url: odd.apiUrl + '/summary.json', kind: null });
    cases.push({ name: 'dns', url: 'http://something.invalid/', kind: 'dns' });

    const io = capture();
    const before = process.memoryUsage().arrayBuffers;
    // A timeout long enough that a loaded machine still reaches the size cap of the bomb before it (4 s once
    // ran out at load average 11).
    code = await run([...cases.map((c) => c.url), '--json', '--timeout', '8'], io.io);
    snapshots = JSON.parse(io.out());
    // Neither the 500 MB body nor the gigabyte bomb was held in memory.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('exits 2 and prints every page, in the order given', () => {
    expect(code).toBe(2);
    expect(snapshots.map((s) => s.url)).toEqual(cases.map((c) => c.url));
  });

  it('gives each hostile page an unknown snapshot with the right kind of error', () => {
    const got = cases.map((c, i) => [c.name, snapshots[i]!.error?.kind ?? null]);
    expect(got).toEqual(cases.map((c) => [c.name, c.kind]));
    for (const [i, c] of cases.entries()) {
      if (!c.kind) continue;
      const s = snapshots[i]!;
      expect(s.status, c.name).toBe('unknown');
      expect(s.components, c.name).toEqual([]);
      expect(s.error!.message.length, c.name).toBeGreaterThan(10);
    }
    const byName = (n: string) => snapshots[cases.findIndex((c) => c.name === n)]!;
    expect(byName('never answers').error!.message).toMatch(/did not answer within 8 s$/);
    expect(byName('429 Retry-After').error!.message).toContain('retry in 60 s');
    expect(byName('dns').error!.message).toBe('something.invalid could not be found (DNS lookup failed)');
  });

  it('reads the good pages right while the others fail', () => {
    const byName = (n: string) => snapshots[cases.findIndex((c) => c.name === n)]!;
    expect(byName('kustomer')).toMatchObject({ status: 'operational', error: null });
    expect(byName('kustomer').components).toHaveLength(47);
    const eu = byName('eu under a path');
    expect(eu.status).toBe('partial_outage');
    expect(eu.incidents[0]).toMatchObject({
      title: 'EU API errors',
      impact: 'major',
      status: 'investigating',
    });
    const odd = byName('unknown enum');
    expect(odd.error).toBeNull();
    expect(odd.status).toBe('unknown');
    expect(odd.components.find((c) => c.name === 'PubNub')!.status).toBe('unknown');
  });
});

describe('check from the command line', () => {
  it('prints the Kustomer page as JSON: 47 components in their groups and the postmortem markdown', async () => {
    const server = await statuspage({ page: kustomerFixture() });
    const child = spawn(process.execPath, ['dist-cli/statustray.mjs', 'check', server.pageUrl, '--json'], {
      cwd: process.cwd(),
      env: { ...process.env, NO_PROXY: '*' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
    const [snapshot] = JSON.parse(out) as Snapshot[];
    expect(snapshot!.vendor.name).toBe('Kustomer');
    const count = (g: string | null) => snapshot!.components.filter((c) => c.group === g).length;
    expect([count(null), count('Prod1 (US)'), count('Prod2 (EU)'), count('Third Party')]).toEqual([
      1, 22, 22, 2,
    ]);
    expect(snapshot!.incidents.map((i) => [i.impact, i.status])).toEqual([
      ['minor', 'resolved'],
      ['major', 'postmortem'],
      ['minor', 'postmortem'],
    ]);
    expect(snapshot!.incidents[1]!.updates.map((u) => u.body)).toEqual([KUSTOMER_POSTMORTEM_AUG16]);
  });
});

describe('check usage', () => {
  it.each([
    [['--bogus', 'https://x.example'], 'unknown option --bogus'],
    [[], 'at least one status page URL'],
    [['https://x.example', '--timeout', 'soon'], '--timeout must be'],
    [['https://x.example', '--timeout', '0'], '--timeout must be'],
    [['ftp://x.example'], 'not an http(s) URL'],
  ])('rejects %j with exit 1 and a clear message', async (argv, message) => {
    const io = capture();
    expect(await run(argv as string[], io.io)).toBe(1);
    expect(io.err()).toContain(message);
    // One line, with where the help is (not the whole help burying the message).
    expect(io.err().trimEnd().split('\n')).toHaveLength(1);
    expect(io.err()).toContain('Run `statustray check --help`');
    expect(io.out()).toBe('');
  });

  it('explains itself with --help', async () => {
    const io = capture();
    expect(await run(['--help'], io.io)).toBe(0);
    expect(io.out()).toContain('--timeout <s>');
    expect(io.out()).toContain('Exit status');
  });
});

describe('check table', () => {
  let server: StatuspageServer;
  beforeAll(async () => {
    server = await statuspage({ page: kustomerFixture() });
    server.update((f) => {
      setComponentStatus(f, 'Prod1 (US)/Search', 'major_outage');
      setComponentStatus(f, 'Prod1 (US)/API', 'degraded_performance');
      openIncident(f, { name: 'Search down', impact: 'critical' });
    });
  });

  it('shows vendor, status, problem count, open incidents and errors, without colour when piped', async () => {
    const closed = await startServer();
    await closed.close();
    const io = capture(false);
    expect(await run([server.pageUrl, closed.url('/'), '--timeout', '2'], io.io)).toBe(2);
    const lines = io.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^VENDOR\s+STATUS\s+COMPONENTS WITH PROBLEMS\s+OPEN INCIDENTS\s+ERROR$/);
    expect(lines[1]).toMatch(/^Kustomer\s+✗ Major outage\s+2\/47\s+1$/);
    expect(lines[2]).toContain('? Unknown');
    expect(lines[2]).toContain('refused:');
    expect(io.out()).not.toContain('\x1b[');
  });

  it('colours statuses on a terminal, unless NO_COLOR is set', async () => {
    const tty = capture(true);
    await run([server.pageUrl], tty.io);
    expect(tty.out()).toContain('\x1b[31m✗ Major outage');
    const noColor = capture(true, { NO_COLOR: '1' });
    await run([server.pageUrl], noColor.io);
    expect(noColor.out()).not.toContain('\x1b[');
  });
});

describe('check --component', () => {
  let server: StatuspageServer;
  beforeAll(async () => {
    server = await statuspage({ page: kustomerFixture() });
    server.update((f) => setComponentStatus(f, 'Prod1 (US)/API', 'major_outage'));
  });

  it('reads "api" as the page\'s "API" whatever the case, and the group prefix with spaces', async () => {
    const io = capture(false);
    expect(await run([server.pageUrl, '--json', '--component', 'prod1 (us) / api'], io.io)).toBe(0);
    const [snap] = JSON.parse(io.out()) as Snapshot[];
    expect(snap!.status).toBe('major_outage');
    expect(snap!.unmatchedComponents).toBeUndefined();
  });

  it('names a watched name the page lacks with the nearest one, in the table and the JSON', async () => {
    const table = capture(false);
    await run([server.pageUrl, '--component', 'Prod1 (US)/Serch', '--component', 'Nope'], table.io);
    expect(table.out()).toMatch(/^Kustomer\s+\? Unknown/m);
    expect(table.out()).toContain(
      "Kustomer: 'Prod1 (US)/Serch' is not on this page — did you mean 'Prod1 (US)/Search'?",
    );
    expect(table.out()).toMatch(/Kustomer: 'Nope' is not on this page — did you mean '.+'\?/);
    const json = capture(false);
    await run([server.pageUrl, '--json', '--component', 'Nope'], json.io);
    const [snap] = JSON.parse(json.out()) as Snapshot[];
    expect(snap!.status).toBe('unknown');
    expect(snap!.unmatchedComponents).toEqual([{ name: 'Nope', suggestion: expect.any(String) }]);
  });
});

describe('check help', () => {
  it('states the request timeout the command really uses', async () => {
    const { CHECK_HELP } = await import('../../electron/cli/help/check');
    const { DEFAULT_TIMEOUT_MS } = await import('../../electron/core/http/client');
    expect(CHECK_HELP).toContain(`(default ${DEFAULT_TIMEOUT_MS / 1000})`);
  });
});

// Issue #18 §3, §4: hand-made outbox files and hostile messages cost one notice each and never silence a
// channel; a receiver down for a while is told once, and its recovery once; an idle outbox is idle.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPost, Forwarder } from '../../../electron/core/forward/forwarder';
import type { ForwardMessage } from '../../../electron/core/forward/message';
import { targetId, type ForwardTarget } from '../../../electron/core/forward/targets';
import { startReceiver, until, type Receiver } from '../../fakes/receiver';

/** One retry step is at most 440 ms here (400 and its jitter), Retry-After included. */
const fast = { firstDelayMs: 50, maxDelayMs: 400, maxRetryAfterMs: 400 };
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function msg(n: number, link = `https://status.kustomer.com/incidents/${n}`): ForwardMessage {
  return {
    key: `key-${n}`,
    title: `Kustomer: incident ${n}`,
    body: `body ${n}`,
    severity: 'major_outage',
    vendor: { id: 'v1', name: 'Kustomer', pageUrl: 'https://status.kustomer.com' },
    incident: { id: `inc-${n}`, title: `incident ${n}`, url: link },
    at: new Date(1_700_000_000_000 + n).toISOString(),
  };
}

function entry(seq: number, message: unknown, nextAt = Date.now()) {
  return { version: 1, seq, type: 'ntfy', message, queuedAt: Date.now(), attempts: 0, nextAt };
}

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-hostile-'));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  cleanups.push(() => r.close());
  return r;
}

function forwarder(
  dataDir: string,
  targets: ForwardTarget[],
  notices: string[],
  extra: Partial<ConstructorParameters<typeof Forwarder>[0]> = {},
): Forwarder {
  const f = new Forwarder({
    dataDir,
    targets,
    notice: (t) => notices.push(t),
    retry: fast,
    timeoutMs: 3000,
    ...extra,
  });
  cleanups.push(() => f.stop());
  return f;
}

const name = (seq: number) => `${String(seq).padStart(12, '0')}.json`;
const keysOf = (r: Receiver): string[] => r.accepted().map((d) => String(d.headers['x-statustray-key']));

/** CPU time (ms) this process spends over `ms` of wall time. */
async function cpuOver(ms: number): Promise<number> {
  const before = process.cpuUsage();
  await new Promise((r) => setTimeout(r, ms));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('a hostile outbox', () => {
  it('an entry without a title, one due in 2099, an unreadable file and a CR/LF link cost one notice each; the rest arrive', async () => {
    const r = await receiver();
    const dir = await tempDir();
    const target: ForwardTarget = { type: 'ntfy', url: r.url('/alerts-SECRET') };
    const lane = path.join(dir, 'outbox', targetId(target));
    await fs.mkdir(lane, { recursive: true });
    const { title: _dropped, ...untitled } = msg(1);
    await fs.writeFile(path.join(lane, name(1)), JSON.stringify(entry(1, untitled)));
    await fs.writeFile(
      path.join(lane, name(2)),
      JSON.stringify(entry(2, msg(2), Date.parse('2099-01-01T00:00:00Z'))),
    );
    // A file nobody can read (running as root, a permission bit would not stop us: a folder does).
    await fs.mkdir(path.join(lane, name(3)));
    await fs.writeFile(path.join(lane, name(4)), JSON.stringify(entry(4, msg(4))));
    const notices: string[] = [];
    const f = forwarder(dir, [target], notices);
    await f.start();
    await f.enqueue(msg(5, 'https://status.kustomer.com/i/5\r\nX-Injected: yes'));
    await f.enqueue(msg(6));
    const started = Date.now();
    await until(() => keysOf(r).includes('key-6'), 'the messages behind them delivered');
    // One retry step (440 ms) for the one due in 2099, with room for a busy machine.
    expect(Date.now() - started).toBeLessThan(440 + 5_000);
    expect(keysOf(r)).toEqual(expect.arrayContaining(['key-2', 'key-4', 'key-6']));
    expect(keysOf(r).filter((k) => k !== 'key-5')).toEqual(['key-2', 'key-4', 'key-6']);
    expect(r.deliveries.every((d) => d.headers['x-injected'] === undefined)).toBe(true);

    const about = (re: RegExp) => notices.filter((n) => re.test(n));
    expect(
      about(
        /000000000001\.json is not a message StatusTray can send \(message\.title: .*kept aside as outbox\/ntfy-[0-9a-f]+\/000000000001\.unusable-/,
      ),
    ).toHaveLength(1);
    expect(
      about(/"Kustomer: incident 2" was due at 2099-01-01T00:00:00\.000Z, later than StatusTray ever waits/),
    ).toHaveLength(1);
    expect(
      about(/000000000003\.json cannot be read \(EISDIR\); it is left in place and skipped/),
    ).toHaveLength(1);
    // The CR/LF link: refused by the HTTP client and kept aside (one notice), or made safe and delivered.
    const crlf = about(/incident 5/);
    if (keysOf(r).includes('key-5')) expect(crlf).toHaveLength(0);
    else
      expect(crlf.join('\n')).toMatch(
        /"Kustomer: incident 5" it could not be sent \(invalid click header\); it was kept aside as outbox\//,
      );
    expect(notices.length).toBeLessThanOrEqual(4);
    expect(notices.join('\n')).not.toContain('SECRET');
    // Left in place, never renamed; the bad entry is on disk for a person to read.
    const files = await fs.readdir(lane);
    expect((await fs.stat(path.join(lane, name(3)))).isDirectory()).toBe(true);
    expect(files.filter((n) => n.includes('.unusable-')).length).toBeGreaterThanOrEqual(1);
  });

  it('keeps a request the HTTP client refuses aside and moves on at once, never as a network error', async () => {
    const r = await receiver();
    const made = createPost(3000);
    cleanups.push(() => made.close());
    const refused = await made.post(r.url('/x'), {
      method: 'POST',
      headers: { click: 'https://a.test/\r\nX-Injected: yes' },
      body: 'x',
    });
    expect(refused.kind).toBe('refused');
    expect(r.deliveries).toHaveLength(0);

    const notices: string[] = [];
    const dir = await tempDir();
    const target: ForwardTarget = { type: 'webhook', url: r.url('/hook') };
    const f = forwarder(dir, [target], notices, {
      post: async (url, req) =>
        req.body.includes('incident 1')
          ? { kind: 'refused', message: 'invalid title header' }
          : made.post(url, req),
    });
    await f.start();
    await f.enqueue(msg(1));
    await f.enqueue(msg(2));
    await until(() => keysOf(r).includes('key-2'), 'the next message delivered');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /"Kustomer: incident 1" it could not be sent \(invalid title header\); it was kept aside as outbox\/webhook-/,
    );
    await until(() => f.state()[0]!.waiting === 0, 'the outbox empty');
    expect(f.state()[0]!.failures).toEqual({ refused: 1 });
  });

  it('stays idle while the only message waits for a due time far away (no busy loop)', async () => {
    const r = await receiver();
    const dir = await tempDir();
    const target: ForwardTarget = { type: 'ntfy', url: r.url('/t') };
    const lane = path.join(dir, 'outbox', targetId(target));
    await fs.mkdir(lane, { recursive: true });
    await fs.writeFile(
      path.join(lane, name(1)),
      JSON.stringify(entry(1, msg(1), Date.parse('2099-01-01T00:00:00Z'))),
    );
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    cleanups.push(async () => process.off('warning', onWarning));
    const notices: string[] = [];
    // The real retry policy: the longest wait is an hour (a Retry-After's cap).
    const f = new Forwarder({ dataDir: dir, targets: [target], notice: (t) => notices.push(t) });
    cleanups.push(() => f.stop());
    await f.start();
    await until(() => notices.length === 1, 'the notice');
    expect(notices[0]).toMatch(/it is tried within 60 minutes/);
    // A busy loop used a third of a core (and warned of a timeout overflow 650 times a second); idle is
    // a few ms. Loosely bounded (a fifth of a core) for a busy machine; the first second lets the
    // earlier tests' leftovers, such as garbage collection, settle.
    await cpuOver(1000);
    expect(await cpuOver(2000)).toBeLessThan(400);
    expect(warnings).toEqual([]);
    expect(r.deliveries).toHaveLength(0);
    expect(notices).toHaveLength(1);
  });
});

describe('a failing target is told', () => {
  it('once when it has failed long enough, and once when it works again', async () => {
    const r = await receiver();
    r.answer(503);
    const notices: string[] = [];
    const dir = await tempDir();
    const f = forwarder(dir, [{ type: 'slack', url: r.url('/services/T/B/SECRET') }], notices, {
      tellFailingAfterMs: 600,
    });
    await f.start();
    await f.enqueue(msg(1));
    await f.enqueue(msg(2));
    await until(() => notices.length === 1, 'told it fails');
    expect(notices[0]).toMatch(
      /^Forwarding to slack http:\/\/127\.[\d.]+:\d+\/…CRET has failed for \d+ s \(last: HTTP 503\); 2 message\(s\) waiting\. StatusTray keeps trying for 24 hours\.$/,
    );
    expect(f.state()[0]!.failures.http_5xx).toBeGreaterThanOrEqual(1);
    // Still failing: not told again.
    const attempts = r.deliveries.length;
    await until(() => r.deliveries.length >= attempts + 3, 'more attempts');
    expect(notices).toHaveLength(1);
    r.answer(200);
    await until(() => r.accepted().length === 2, 'delivered once it is up');
    await until(() => notices.length === 2, 'told it works again');
    expect(notices[1]).toMatch(/works again/);
    await f.enqueue(msg(3));
    await until(() => r.accepted().length === 3, 'the next one');
    expect(notices).toHaveLength(2);
  });
});

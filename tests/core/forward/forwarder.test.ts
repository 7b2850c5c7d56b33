// The forwarding outbox against real receivers on loopback: down, slow, answering 500/429/410, then
// recovering; across a restart. Nothing is lost, order is kept, nothing is sent twice after a 2xx.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Forwarder } from '../../../electron/core/forward/forwarder';
import type { ForwardMessage } from '../../../electron/core/forward/message';
import type { ForwardTarget } from '../../../electron/core/forward/targets';
import { startReceiver, until, type Receiver } from '../../fakes/receiver';

const fast = { firstDelayMs: 50, maxDelayMs: 400 };
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function msg(n: number, severity: ForwardMessage['severity'] = 'major_outage'): ForwardMessage {
  return {
    key: `key-${n}`,
    title: `Kustomer: incident ${n}`,
    body: `body ${n}`,
    severity,
    vendor: { id: 'v1', name: 'Kustomer', pageUrl: 'https://status.kustomer.com' },
    incident: { id: `inc-${n}`, title: `incident ${n}`, url: `https://status.kustomer.com/incidents/${n}` },
    at: new Date(1_700_000_000_000 + n).toISOString(),
  };
}

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-forward-'));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

async function receiver(opts: { host?: string; port?: number } = {}): Promise<Receiver> {
  const r = await startReceiver(opts);
  cleanups.push(() => r.close());
  return r;
}

function forwarder(dataDir: string, targets: ForwardTarget[], notices: string[] = []): Forwarder {
  const f = new Forwarder({ dataDir, targets, notice: (t) => notices.push(t), retry: fast, timeoutMs: 3000 });
  cleanups.push(() => f.stop());
  return f;
}

const keysOf = (r: Receiver): string[] => r.accepted().map((d) => String(d.headers['x-statustray-key']));

describe('forwarding outbox', () => {
  it('delivers to every kind of target with its own format', async () => {
    const r = await receiver();
    const types = ['webhook', 'slack', 'teams', 'discord', 'ntfy'] as const;
    const f = forwarder(
      await tempDir(),
      types.map((type) => ({ type, url: r.url(`/${type}/SECRET`) })),
    );
    await f.start();
    await f.enqueue(msg(1));
    await until(() => r.accepted().length === 5, 'five deliveries');
    const byPath = Object.fromEntries(r.accepted().map((d) => [d.path.split('/')[1], d]));
    expect(JSON.parse(byPath.slack!.body).blocks).toBeDefined();
    expect(JSON.parse(byPath.teams!.body).attachments[0].contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
    expect(JSON.parse(byPath.discord!.body).embeds[0].color).toBe(0xd92b2b);
    expect(byPath.ntfy!.headers.priority).toBe('5');
    expect(byPath.ntfy!.body).toBe('body 1');
    expect(JSON.parse(byPath.webhook!.body).key).toBe('key-1');
  });

  it('keeps messages while the receiver is down, then delivers them in order once it is up', async () => {
    const probe = await startReceiver();
    const { host, port } = probe.server;
    await probe.close();
    const dataDir = await tempDir();
    const f = forwarder(dataDir, [{ type: 'webhook', url: `http://${host}:${port}/hook/SECRET` }]);
    await f.start();
    for (let i = 1; i <= 5; i++) await f.enqueue(msg(i));
    await until(() => f.state()[0]!.waiting === 5, 'five waiting');
    const r = await receiver({ host, port });
    await until(() => r.accepted().length === 5, 'five deliveries', 30_000);
    expect(keysOf(r)).toEqual(['key-1', 'key-2', 'key-3', 'key-4', 'key-5']);
    await f.drained();
    expect(await fs.readdir(path.join(dataDir, 'outbox', f.state()[0]!.id))).toEqual([]);
  });

  it('retries 500 and 429 (honouring Retry-After), in order, and sends each once after a 2xx', async () => {
    const r = await receiver();
    r.answer(500);
    const f = forwarder(await tempDir(), [{ type: 'slack', url: r.url() }]);
    await f.start();
    await f.enqueue(msg(1));
    await f.enqueue(msg(2));
    await until(() => r.deliveries.length >= 2, 'two refused attempts');
    r.answer(429, { 'retry-after': '1' });
    const before = r.deliveries.length;
    await until(() => r.deliveries.length > before, 'an attempt answered 429');
    const at429 = Date.now();
    r.answer(200);
    await until(() => r.accepted().length === 2, 'both delivered');
    // Retry-After: 1 s held the next attempt back (the backoff alone is 50–400 ms here).
    expect(Date.now() - at429).toBeGreaterThanOrEqual(900);
    expect(keysOf(r)).toEqual(['key-1', 'key-2']);
    // Every attempt before the success was of key-1: key-2 waited behind it.
    const firstOk = r.deliveries.findIndex((d) => d.status === 200);
    expect(r.deliveries.slice(0, firstOk).every((d) => d.headers['x-statustray-key'] === 'key-1')).toBe(true);
    await f.drained();
    await new Promise((res) => setTimeout(res, 300));
    expect(r.accepted()).toHaveLength(2);
  });

  it('a 410 marks the target gone (kept across restarts) until a test that works resumes it', async () => {
    const r = await receiver();
    r.answer(410);
    const dir = await tempDir();
    const target: ForwardTarget = { type: 'discord', url: r.url('/api/webhooks/1/TOPSECRET') };
    const notices: string[] = [];
    const f = forwarder(dir, [target], notices);
    await f.start();
    await f.enqueue(msg(1));
    await until(() => notices.length === 1, 'a notice');
    expect(notices[0]).toMatch(/stopped: the receiver says this address is gone \(HTTP 410\)/);
    expect(notices[0]).not.toContain('TOPSECRET');
    expect(f.state()[0]).toMatchObject({ gone: true, waiting: 1, failures: { gone: 1 } });
    await f.enqueue(msg(2));
    await f.stop();
    // Not tried again: not by this run, not by the next.
    r.answer(204);
    const next = forwarder(dir, [target], notices);
    await next.start();
    await next.enqueue(msg(3));
    expect(next.isGone(target)).toBe(true);
    expect(r.deliveries).toHaveLength(1);
    // The user sends a test: it works, so the target is resumed and what waited goes, in order.
    expect(await next.sendTest(target, msg(0))).toEqual({ ok: true, detail: 'HTTP 204' });
    await until(() => r.accepted().length === 4, 'the waiting messages delivered');
    expect(keysOf(r)).toEqual(['key-0', 'key-1', 'key-2', 'key-3']);
    expect(next.isGone(target)).toBe(false);
  });

  it('a slow receiver delays but loses nothing', async () => {
    const r = await receiver();
    r.delay(400);
    const f = forwarder(await tempDir(), [{ type: 'ntfy', url: r.url('/topic') }]);
    await f.start();
    for (let i = 1; i <= 3; i++) await f.enqueue(msg(i));
    await until(() => r.accepted().length === 3, 'three slow deliveries');
    expect(keysOf(r)).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('what waits survives a restart and is sent by the next run, not twice', async () => {
    const probe = await startReceiver();
    const { host, port } = probe.server;
    await probe.close();
    const dataDir = await tempDir();
    const target: ForwardTarget = { type: 'webhook', url: `http://${host}:${port}/hook` };
    const first = new Forwarder({ dataDir, targets: [target], notice: () => undefined, retry: fast });
    await first.start();
    await first.enqueue(msg(1));
    await first.enqueue(msg(2));
    await first.stop();
    const r = await receiver({ host, port });
    const second = forwarder(dataDir, [target]);
    await second.start();
    await until(() => r.accepted().length === 2, 'delivered by the second run');
    await second.drained();
    await second.stop();
    const third = forwarder(dataDir, [target]);
    await third.start();
    await new Promise((res) => setTimeout(res, 300));
    expect(keysOf(r)).toEqual(['key-1', 'key-2']);
    expect(third.state()[0]!.waiting).toBe(0);
  });

  it('stopping does not wait for a slow receiver, and the message it was sending stays queued', async () => {
    const r = await receiver();
    r.delay(10_000);
    const dataDir = await tempDir();
    const target: ForwardTarget = { type: 'webhook', url: r.url('/hook') };
    const first = new Forwarder({ dataDir, targets: [target], notice: () => undefined, retry: fast });
    await first.start();
    await first.enqueue(msg(1));
    await until(() => r.server.requests.length === 1, 'the slow request under way');
    const t0 = Date.now();
    await first.stop();
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(first.state()[0]!.waiting).toBe(1);
    r.delay(0);
    const second = forwarder(dataDir, [target]);
    await second.start();
    await until(() => r.accepted().length === 1, 'delivered by the next run', 30_000);
    expect(keysOf(r)).toEqual(['key-1']);
  });

  it('level and vendors filters decide which target gets a message', async () => {
    const r = await receiver();
    const f = forwarder(await tempDir(), [
      { type: 'webhook', url: r.url('/outages'), level: 'outages' },
      { type: 'webhook', url: r.url('/github'), vendors: ['GitHub'] },
      { type: 'webhook', url: r.url('/all') },
    ]);
    await f.start();
    await f.enqueue(msg(1, 'degraded'));
    await f.enqueue(msg(2, 'major_outage'));
    await until(() => r.accepted().length === 3, 'three deliveries');
    await f.drained();
    const paths = r
      .accepted()
      .map((d) => `${d.path}:${d.headers['x-statustray-key']}`)
      .sort();
    expect(paths).toEqual(['/all:key-1', '/all:key-2', '/outages:key-2']);
  });

  it('the outbox is bounded: beyond its size the oldest messages go, with a notice', async () => {
    const probe = await startReceiver();
    const { host, port } = probe.server;
    await probe.close();
    const notices: string[] = [];
    const f = new Forwarder({
      dataDir: await tempDir(),
      targets: [{ type: 'webhook', url: `http://${host}:${port}/` }],
      notice: (t) => notices.push(t),
      retry: { firstDelayMs: 60_000 },
      limits: { maxCount: 3, maxBytes: 1_000_000 },
    });
    cleanups.push(() => f.stop());
    await f.start();
    for (let i = 1; i <= 5; i++) await f.enqueue(msg(i));
    expect(f.state()[0]!.waiting).toBe(3);
    expect(notices.some((n) => n.includes('outbox is full'))).toBe(true);
  });
});

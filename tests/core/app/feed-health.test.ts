// Issue #18 §3, §4 through the app core every host shares: a team feed that fails is told in the window's
// notices and the tray's state, and its recovery too; a gone one is shown in Settings, survives a
// restart, and is resumed by adding it again; /metrics carries the outbox and its failures.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../electron/core/app';
import type { AppCore } from '../../../electron/core/app-types';
import { targetId, type ForwardTarget } from '../../../electron/core/forward/targets';
import type { HttpClient } from '../../../electron/core/http/types';
import { parsePrometheus, sampleValue } from '../../fakes/prometheus';
import { startReceiver, until, type Receiver } from '../../fakes/receiver';

const http = { close: async () => undefined } as unknown as HttpClient;
let dir: string;
const cleanups: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-feed-health-'));
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await fs.rm(dir, { recursive: true, force: true });
});

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  cleanups.push(() => r.close());
  return r;
}

/** A message an earlier run left waiting for `target`. */
async function waiting(target: ForwardTarget, n: number): Promise<void> {
  const lane = path.join(dir, 'outbox', targetId(target));
  await fs.mkdir(lane, { recursive: true });
  const message = {
    key: `key-${n}`,
    title: `Kustomer: incident ${n}`,
    body: 'Email is down',
    severity: 'major_outage',
    vendor: null,
    incident: null,
    at: new Date().toISOString(),
  };
  const entry = {
    version: 1,
    seq: n,
    type: target.type,
    message,
    queuedAt: Date.now(),
    attempts: 0,
    nextAt: 0,
  };
  await fs.writeFile(path.join(lane, `${String(n).padStart(12, '0')}.json`), JSON.stringify(entry));
}

async function core(forward: ForwardTarget[]): Promise<AppCore> {
  await fs.writeFile(
    path.join(dir, 'watchlist.json'),
    JSON.stringify({ schemaVersion: 1, savedAt: 'x', data: { version: 1, vendors: [], forward } }),
  );
  const c = createAppCore({
    dataDir: dir,
    http,
    read: async () => {
      throw new Error('no vendor is read here');
    },
    forwardFailingAfterMs: 300,
  });
  cleanups.push(() => c.stop());
  await c.start();
  return c;
}

const notices = async (c: AppCore) => (await c.handlers['state:get']()).notices;

describe('team feed health in the app', () => {
  it('tells a failing feed once (window, tray) and its recovery once; /metrics shows the queue and failures', async () => {
    const r = await receiver();
    r.answer(503);
    const target: ForwardTarget = { type: 'webhook', url: r.url('/hooks/TEAMSECRET') };
    await waiting(target, 1);
    const c = await core([target]);
    await until(() => r.deliveries.length >= 1, 'a first attempt');
    await expect.poll(async () => (await notices(c)).filter((n) => /has failed for/.test(n))).toHaveLength(1);
    const state = await c.handlers['state:get']();
    const label = (await c.handlers['forward:list']())[0]!.label;
    expect(state.failingFeeds).toEqual([label]);
    expect((await c.handlers['forward:list']())[0]!.failingSince).toEqual(expect.any(String));

    const metrics = parsePrometheus(await c.metrics());
    expect(sampleValue(metrics, 'statustray_forward_queue', { target: label })).toBe(1);
    expect(
      sampleValue(metrics, 'statustray_forward_failures_total', { target: label, reason: 'http_5xx' }),
    ).toBeGreaterThanOrEqual(1);
    expect(await c.metrics()).not.toContain('TEAMSECRET');

    r.answer(200);
    await until(() => r.accepted().length === 1, 'delivered once the receiver is up', 60_000);
    await expect.poll(async () => (await notices(c)).filter((n) => /works again/.test(n))).toHaveLength(1);
    expect((await notices(c)).filter((n) => /has failed for/.test(n))).toHaveLength(1);
    expect((await c.handlers['state:get']()).failingFeeds).toBeUndefined();
    expect(
      sampleValue(parsePrometheus(await c.metrics()), 'statustray_forward_queue', { target: label }),
    ).toBe(0);
  }, 90_000);

  it('shows a gone feed in Settings across a restart, and resumes it when the user adds it again', async () => {
    const r = await receiver();
    r.answer(410);
    const target: ForwardTarget = { type: 'ntfy', url: r.url('/team-alerts') };
    await waiting(target, 1);
    let c = await core([target]);
    await expect.poll(async () => (await c.handlers['forward:list']())[0]!.gone).toBe(true);
    expect((await notices(c)).join('\n')).toMatch(/the receiver says this address is gone \(HTTP 410\)/);
    expect((await c.handlers['state:get']()).failingFeeds).toHaveLength(1);
    await c.stop();
    r.answer(200);
    c = await core([target]);
    expect((await c.handlers['forward:list']())[0]).toMatchObject({ gone: true, waiting: 1 });
    expect(r.deliveries).toHaveLength(1);
    const views = await c.handlers['forward:add'](target);
    expect(views[0]!.gone).toBeUndefined();
    await until(() => r.accepted().length === 1, 'the waiting message delivered');
  });
});

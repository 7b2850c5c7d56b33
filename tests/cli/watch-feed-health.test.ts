// `watch`'s forwarding as its stderr tells it (issue #18): a receiver answering 410 Gone is said once and
// its target stopped; a notification-state backup its schema refuses is never restored.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWatchForwarding } from '../../electron/cli/watch-outlets';
import { targetId, type ForwardTarget } from '../../electron/core/forward/targets';
import type { Monitor } from '../../electron/core/monitor/monitor';
import { startReceiver, until, type Receiver } from '../fakes/receiver';

let dir: string;
const cleanups: Array<() => Promise<unknown>> = [];
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-watch-health-'));
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await fs.rm(dir, { recursive: true, force: true });
});

/** What startWatchForwarding needs of a monitor: nothing happens on it here. */
const quietMonitor = {
  onEvents: () => () => undefined,
  onChange: () => () => undefined,
  isOffline: () => false,
  view: () => null,
} as unknown as Monitor;

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  cleanups.push(() => r.close());
  return r;
}

async function start(targets: ForwardTarget[], lines: string[]) {
  const forwarding = await startWatchForwarding({
    monitor: quietMonitor,
    vendors: [],
    targets,
    dataDir: dir,
    log: (line) => lines.push(line),
  });
  cleanups.push(() => forwarding.stop());
  return forwarding;
}

describe('watch forwarding health', () => {
  it('says once on stderr that a target is gone, and sends it nothing more', async () => {
    const r = await receiver();
    r.answer(410);
    const target: ForwardTarget = { type: 'slack', url: r.url('/services/T/B/SECRETPART') };
    const lane = path.join(dir, 'outbox', targetId(target));
    await fs.mkdir(lane, { recursive: true });
    for (const n of [1, 2]) {
      const message = {
        key: `k${n}`,
        title: `Kustomer: incident ${n}`,
        body: 'down',
        severity: 'major_outage',
        vendor: null,
        incident: null,
        at: new Date().toISOString(),
      };
      await fs.writeFile(
        path.join(lane, `${String(n).padStart(12, '0')}.json`),
        JSON.stringify({
          version: 1,
          seq: n,
          type: 'slack',
          message,
          queuedAt: Date.now(),
          attempts: 0,
          nextAt: 0,
        }),
      );
    }
    const lines: string[] = [];
    await start([target], lines);
    await until(() => lines.some((l) => l.includes('gone')), 'the gone line');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Forwarding to slack http:\/\/127\.[\d.]+:\d+\/…PART stopped: the receiver says this address is gone \(HTTP 410\)\. .*2 message\(s\) waiting\.$/,
    );
    expect(r.deliveries).toHaveLength(1);
    // Noted on disk, so the next start does not try it either.
    await expect
      .poll(() => fs.readFile(path.join(lane, 'gone.json'), 'utf8').catch(() => ''))
      .toContain('410');
  });

  it('never restores a watch-notifications.json backup its schema refuses', async () => {
    const envelope = (data: unknown) => JSON.stringify({ schemaVersion: 1, savedAt: 'x', data });
    await fs.writeFile(path.join(dir, 'watch-notifications.json'), 'torn');
    await fs.writeFile(
      path.join(dir, 'watch-notifications.json.bak'),
      envelope({ version: 1, seen: 'x', pending: [], held: [] }),
    );
    const lines: string[] = [];
    await start([], lines);
    expect(lines.join('\n')).toMatch(
      /watch-notifications\.json could not be read .*Its backup could not be used either \(not a notification state/,
    );
    expect(lines.join('\n')).not.toMatch(/previous version was restored/);
  });
});

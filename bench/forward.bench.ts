// Benchmark: 1,000 notifications queued while the receiver is down (Slack format), then drained to a
// loopback receiver by the real outbox. Measures the outbox's disk use while they wait and how fast it
// drains once the receiver is back. Goals: every message delivered once, in order; draining ≥ 100
// messages/s on this 2-core machine (one at a time per target, each fsynced away after its 2xx);
// at most 2 KB of disk per waiting message.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Forwarder } from '../electron/core/forward/forwarder';
import type { ForwardMessage } from '../electron/core/forward/message';
import { startReceiver } from '../tests/fakes/receiver';

export const name = 'forward';

const MESSAGES = Number(process.env.BENCH_FORWARD_MESSAGES ?? 1000);

function message(n: number): ForwardMessage {
  return {
    key: `bench-${n}`,
    title: `Vendor ${n % 50}: API errors in EU`,
    body: `We are investigating elevated error rates on the API in the EU region (update ${n}).`,
    severity: n % 3 === 0 ? 'major_outage' : 'degraded',
    vendor: {
      id: `vendor-${n % 50}`,
      name: `Vendor ${n % 50}`,
      pageUrl: `https://status.vendor${n % 50}.test`,
    },
    incident: {
      id: `inc-${n}`,
      title: 'API errors in EU',
      url: `https://status.vendor${n % 50}.test/incidents/${n}`,
    },
    at: new Date(1_764_000_000_000 + n * 1000).toISOString(),
  };
}

async function diskUse(dir: string): Promise<{ files: number; bytes: number; blocks: number }> {
  let files = 0;
  let bytes = 0;
  let blocks = 0;
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const stat = await fs.stat(path.join(entry.parentPath, entry.name));
    files++;
    bytes += stat.size;
    blocks += stat.blocks * 512;
  }
  return { files, bytes, blocks };
}

export async function run(): Promise<boolean> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-bench-forward-'));
  const probe = await startReceiver();
  const { host, port } = probe.server;
  await probe.close();
  const url = `http://${host}:${port}/services/T0/B0/bench`;
  const forwarder = new Forwarder({
    dataDir,
    targets: [{ type: 'slack', url }],
    notice: () => undefined,
    // The receiver is down while we queue: keep the first retry out of the way.
    retry: { firstDelayMs: 60_000 },
  });
  let ok = true;
  try {
    await forwarder.start();
    const queueStart = performance.now();
    for (let i = 0; i < MESSAGES; i++) await forwarder.enqueue(message(i));
    const queueMs = performance.now() - queueStart;
    const disk = await diskUse(path.join(dataDir, 'outbox'));
    await forwarder.stop();

    const receiver = await startReceiver({ host, port });
    const drainer = new Forwarder({ dataDir, targets: [{ type: 'slack', url }], notice: () => undefined });
    const drainStart = performance.now();
    await drainer.start();
    while (receiver.accepted().length < MESSAGES) {
      if (performance.now() - drainStart > 120_000) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const totalMs = performance.now() - drainStart;
    // The first message keeps the backoff it was given while the receiver was down (60 s here): the
    // throughput is measured from the first delivery to the last.
    const times = receiver.server.requests.map((r) => r.at);
    const drainMs = Math.max(1, times[times.length - 1]! - times[0]!);
    await drainer.drained();
    await drainer.stop();
    await receiver.close();

    const keys = receiver.accepted().map((d) => String(d.headers['x-statustray-key']));
    const inOrder = keys.every((k, i) => k === `bench-${i}`);
    const rate = (MESSAGES / drainMs) * 1000;
    const perMessage = disk.blocks / MESSAGES;
    const after = await diskUse(path.join(dataDir, 'outbox'));
    console.log(
      `forward: queued ${MESSAGES} in ${queueMs.toFixed(0)} ms (${((MESSAGES / queueMs) * 1000).toFixed(0)}/s, each fsynced); ` +
        `outbox ${disk.files} files, ${(disk.bytes / 1024).toFixed(0)} KiB of data, ${(disk.blocks / 1024).toFixed(0)} KiB on disk ` +
        `(${perMessage.toFixed(0)} B per message); drained in ${drainMs.toFixed(0)} ms (${rate.toFixed(0)}/s; ${(totalMs / 1000).toFixed(0)} s with the first backoff); ` +
        `delivered ${keys.length}, in order: ${inOrder}, left ${after.files} files`,
    );
    if (keys.length !== MESSAGES || new Set(keys).size !== MESSAGES || !inOrder) {
      console.log('forward: FAIL — not every message delivered exactly once and in order');
      ok = false;
    }
    if (rate < 100) {
      console.log(
        `forward: FAIL — drained at ${rate.toFixed(0)}/s, goal ≥ 100/s (machine load: ${os.loadavg()[0]!.toFixed(1)})`,
      );
      ok = false;
    }
    if (disk.bytes / MESSAGES > 2048) {
      console.log('forward: FAIL — more than 2 KB of data per waiting message');
      ok = false;
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  return ok;
}

// The durable outbox: one folder per target under <data>/outbox/, one file per message named by its
// sequence number, so the order survives restarts. A message is written (fsynced, renamed into place)
// before it is sent and removed only once delivered or dropped; the thin effects only.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ForwardMessage } from './message';
import type { ForwardType } from './targets';

export interface OutboxEntry {
  version: 1;
  seq: number;
  type: ForwardType;
  message: ForwardMessage;
  queuedAt: number;
  attempts: number;
  /** Not before this time (ms). */
  nextAt: number;
}

export interface OutboxLimits {
  /** Messages waiting per target; the oldest are dropped (with a notice) beyond it. */
  maxCount: number;
  /** Bytes waiting per target. */
  maxBytes: number;
}

export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = { maxCount: 5_000, maxBytes: 10 * 1024 * 1024 };

const NAME = /^(\d{12})\.json$/;

function fileName(seq: number): string {
  return `${String(seq).padStart(12, '0')}.json`;
}

async function writeDurably(dir: string, name: string, text: string): Promise<void> {
  const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, path.join(dir, name));
  // The rename itself must reach the disk before we claim the message is queued.
  const dirHandle = await fs.open(dir, 'r').catch(() => null);
  if (dirHandle) {
    await dirHandle.sync().catch(() => undefined);
    await dirHandle.close();
  }
}

/** One target's queue on disk. Not safe for two processes at once: one engine owns a data folder. */
export class TargetOutbox {
  private readonly dir: string;
  private seqs: number[] = [];
  private sizes = new Map<number, number>();
  private nextSeq = 1;

  constructor(
    root: string,
    readonly id: string,
    private readonly limits: OutboxLimits = DEFAULT_OUTBOX_LIMITS,
  ) {
    this.dir = path.join(root, id);
  }

  /** Read the folder: what waits from an earlier run, in order; leftovers of interrupted writes go. */
  async open(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const names = await fs.readdir(this.dir);
    const seqs: number[] = [];
    for (const name of names) {
      const m = NAME.exec(name);
      if (m) {
        const seq = Number(m[1]);
        seqs.push(seq);
        const stat = await fs.stat(path.join(this.dir, name)).catch(() => null);
        this.sizes.set(seq, stat?.size ?? 0);
      } else if (name.endsWith('.tmp')) {
        // Killed mid-write: the message was never acknowledged as queued.
        await fs.rm(path.join(this.dir, name), { force: true });
      }
    }
    this.seqs = seqs.sort((a, b) => a - b);
    this.nextSeq = (this.seqs[this.seqs.length - 1] ?? 0) + 1;
  }

  get count(): number {
    return this.seqs.length;
  }

  get bytes(): number {
    let sum = 0;
    for (const s of this.sizes.values()) sum += s;
    return sum;
  }

  /** Queue a message; returns the entries dropped to stay within the limits (oldest first). */
  async append(type: ForwardType, message: ForwardMessage, now: number): Promise<OutboxEntry[]> {
    const entry: OutboxEntry = {
      version: 1,
      seq: this.nextSeq++,
      type,
      message,
      queuedAt: now,
      attempts: 0,
      nextAt: now,
    };
    const text = JSON.stringify(entry);
    await writeDurably(this.dir, fileName(entry.seq), text);
    this.seqs.push(entry.seq);
    this.sizes.set(entry.seq, Buffer.byteLength(text));
    const dropped: OutboxEntry[] = [];
    // Keep the newest: the latest word on a vendor matters more than an old one.
    while (
      this.seqs.length > 1 &&
      (this.seqs.length > this.limits.maxCount || this.bytes > this.limits.maxBytes)
    ) {
      const old = await this.head();
      if (!old) break;
      dropped.push(old);
      await this.remove(old.seq);
    }
    return dropped;
  }

  /** The oldest waiting entry; an unreadable file is kept aside (".corrupt") and skipped. */
  async head(): Promise<OutboxEntry | null> {
    while (this.seqs.length > 0) {
      const seq = this.seqs[0]!;
      const file = path.join(this.dir, fileName(seq));
      try {
        const entry = JSON.parse(await fs.readFile(file, 'utf8')) as OutboxEntry;
        if (entry.version !== 1 || typeof entry.message?.key !== 'string')
          throw new Error('not an outbox entry');
        entry.seq = seq;
        return entry;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
          await fs.rename(file, `${file}.corrupt`).catch(() => undefined);
        this.seqs.shift();
        this.sizes.delete(seq);
      }
    }
    return null;
  }

  /** Record an attempt (count and next time) so that a restart keeps the backoff. */
  async update(entry: OutboxEntry): Promise<void> {
    const text = JSON.stringify(entry);
    await writeDurably(this.dir, fileName(entry.seq), text);
    this.sizes.set(entry.seq, Buffer.byteLength(text));
  }

  async remove(seq: number): Promise<void> {
    await fs.rm(path.join(this.dir, fileName(seq)), { force: true });
    this.seqs = this.seqs.filter((s) => s !== seq);
    this.sizes.delete(seq);
  }
}

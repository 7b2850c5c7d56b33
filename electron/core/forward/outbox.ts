// The durable outbox: one folder per target under <data>/outbox/, one file per message named by its
// sequence number, so the order survives restarts. A message is written (fsynced, renamed into place)
// before it is sent and removed only once delivered or dropped; the thin effects only. Every entry is
// checked by its schema when read: one that cannot be used is kept aside (`<seq>.unusable-<time>.json`)
// and told, one that cannot be read is left in place and told; either way the queue moves on.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { COMPONENT_STATUSES } from '../../../shared/status';
import type { ForwardMessage } from './message';
import { FORWARD_TYPES, type ForwardType } from './targets';

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

/** What a queued message file must hold; checked at every read (a hand-made or torn file is not trusted). */
const outboxEntrySchema = z.object({
  version: z.literal(1),
  seq: z.number().int().nonnegative(),
  type: z.enum(FORWARD_TYPES),
  message: z
    .object({
      key: z.string().min(1),
      title: z.string(),
      body: z.string(),
      severity: z.enum(COMPONENT_STATUSES),
      vendor: z.object({ id: z.string(), name: z.string(), pageUrl: z.string() }).loose().nullable(),
      incident: z
        .object({ id: z.string(), title: z.string(), url: z.string().nullable() })
        .loose()
        .nullable(),
      at: z.string(),
    })
    // A field a newer version adds to a message (a group, say) travels along.
    .loose(),
  queuedAt: z.number().finite(),
  attempts: z.number().int().nonnegative(),
  nextAt: z.number().finite(),
});

/** Where a target is marked gone (the receiver answered 410): kept across restarts until the user acts. */
const GONE_FILE = 'gone.json';

export interface GoneMark {
  /** When the receiver said so (ms). */
  since: number;
  status: number;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

function plainReason(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'the entry'}: ${i.message}`)
    .join('; ');
}

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
    /** Tells the user about a message file that is skipped (kept aside, or left in place unreadable). */
    private readonly tell: (text: string) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = path.join(root, id);
  }

  /** The gone mark of an earlier run, or null. */
  async gone(): Promise<GoneMark | null> {
    try {
      const parsed = z
        .object({ since: z.number(), status: z.number() })
        .safeParse(JSON.parse(await fs.readFile(path.join(this.dir, GONE_FILE), 'utf8')));
      return parsed.success ? parsed.data : { since: this.now(), status: 410 };
    } catch (err) {
      // Present but unreadable still means gone: the user's word (resume) is what clears it.
      return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : { since: this.now(), status: 410 };
    }
  }

  async markGone(mark: GoneMark): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeDurably(this.dir, GONE_FILE, JSON.stringify(mark));
  }

  async clearGone(): Promise<void> {
    await fs.rm(path.join(this.dir, GONE_FILE), { force: true });
  }

  /**
   * Moves a message file out of the queue as `<seq>.unusable-<time>.json` (it stays on disk for a
   * person to read); returns its name, or null when it could not be moved (then it is only skipped).
   */
  async setAside(seq: number): Promise<string | null> {
    const from = path.join(this.dir, fileName(seq));
    const name = `${String(seq).padStart(12, '0')}.unusable-${stamp(this.now())}.json`;
    const moved = await fs.rename(from, path.join(this.dir, name)).then(
      () => true,
      () => false,
    );
    this.seqs = this.seqs.filter((s) => s !== seq);
    this.sizes.delete(seq);
    return moved ? `outbox/${this.id}/${name}` : null;
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

  /**
   * The oldest waiting entry that can be used. A file that cannot be read (permissions) is left in place
   * and skipped for this run; one that is not an outbox entry is kept aside; each is told once.
   */
  async head(): Promise<OutboxEntry | null> {
    while (this.seqs.length > 0) {
      const seq = this.seqs[0]!;
      const name = fileName(seq);
      let text: string;
      try {
        text = await fs.readFile(path.join(this.dir, name), 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        this.seqs.shift();
        this.sizes.delete(seq);
        if (code !== 'ENOENT')
          this.tell(
            `message file outbox/${this.id}/${name} cannot be read (${code ?? (err as Error).message}); it is left in place and skipped`,
          );
        continue;
      }
      let reason: string;
      try {
        const parsed = outboxEntrySchema.safeParse(JSON.parse(text));
        if (parsed.success) return { ...parsed.data, seq };
        reason = plainReason(parsed.error);
      } catch {
        reason = 'not valid JSON';
      }
      const aside = await this.setAside(seq);
      this.tell(
        `message file outbox/${this.id}/${name} is not a message StatusTray can send (${reason}); ${aside ? `it was kept aside as ${aside}` : 'it is left in place and skipped'}`,
      );
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

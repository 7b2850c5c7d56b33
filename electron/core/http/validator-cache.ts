// The bounded per-URL cache of validators (ETag, Last-Modified) and the body they vouch for, kept deflated,
// that makes every poll after the first a conditional request.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export interface CacheEntry {
  etag: string | undefined;
  lastModified: string | undefined;
  finalUrl: string;
  headers: Record<string, string>;
  /** The body the validators vouch for, deflated: status JSON shrinks about tenfold. */
  deflated: Buffer;
  askedAt: number;
}

/** A URL nobody asked for in this long is no longer watched: its validators go. */
const UNWATCHED_AFTER_MS = 24 * 3600_000;

/**
 * Validators (ETag, Last-Modified) and the body they vouch for, one entry per URL. Not an LRU sized below
 * the watchlist (2,000 vendors ask for 4,000 URLs a cycle): an entry stays while its URL is asked for,
 * up to a count far above any watchlist and a byte budget on the deflated bodies, and goes with `forget`
 * or once its URL has not been asked for in a day (it is no longer watched).
 */
export class ValidatorCache {
  private readonly entries = new Map<string, CacheEntry>();
  private bytes = 0;
  private sweptAt: number;
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly now: () => number,
  ) {
    this.sweptAt = now();
  }
  /** The validators of `url`, and its body inflated only when asked for (a 304 needs it; a 200 does not). */
  get(url: string): (Omit<CacheEntry, 'deflated' | 'askedAt'> & { body: () => Buffer }) | undefined {
    const hit = this.entries.get(url);
    if (!hit) return undefined;
    // Most recently asked last, so that the budget, if ever reached, drops what nobody asks for any more.
    this.entries.delete(url);
    this.entries.set(url, hit);
    hit.askedAt = this.now();
    const { deflated, askedAt: _askedAt, ...rest } = hit;
    return { ...rest, body: () => inflateRawSync(deflated) };
  }
  set(url: string, entry: Omit<CacheEntry, 'deflated' | 'askedAt'> & { body: Buffer }): void {
    this.delete(url);
    const { body, ...rest } = entry;
    const deflated = deflateRawSync(body);
    const size = deflated.length + url.length;
    if (size > this.maxBytes) return;
    const now = this.now();
    this.entries.set(url, { ...rest, deflated, askedAt: now });
    this.bytes += size;
    for (const [key] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(key);
    }
    if (now - this.sweptAt > UNWATCHED_AFTER_MS / 24) {
      this.sweptAt = now;
      for (const [key, e] of this.entries) if (now - e.askedAt > UNWATCHED_AFTER_MS) this.delete(key);
    }
  }
  delete(url: string): void {
    const old = this.entries.get(url);
    if (old) {
      this.entries.delete(url);
      this.bytes -= old.deflated.length + url.length;
    }
  }
  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

// Server-sent events: every connected browser gets the host's pushes ('state:patch', 'navigate') and
// the notifications of the policy ('notification', for an in-page toast), with a heartbeat so that
// proxies and the browser keep the stream open, and a clean end when the server stops.
import type { ServerResponse } from 'node:http';
import type { StatePatch } from '../../shared/ipc';

export interface EventStreamHub {
  /**
   * Takes over a response as an event stream until the client goes away or the hub closes; false (and
   * nothing written) when the hub already serves its maximum of streams.
   */
  attach(res: ServerResponse, headers: Record<string, string>): boolean;
  send(event: string, data: unknown): void;
  /** Number of connected streams (for tests and logs). */
  size(): number;
  close(): void;
}

/** A patch that changes nothing: says which state is current (the first event of every stream). */
export function syncPatch(from: Pick<StatePatch, 'seq' | 'summary'>): StatePatch {
  return { seq: from.seq, since: from.seq, vendors: [], removed: [], summary: from.summary };
}

export function formatEvent(event: string, data: unknown): string {
  // JSON.stringify never emits a raw newline, so one `data:` line carries the whole payload.
  return `event: ${event}\ndata: ${JSON.stringify(data ?? null)}\n\n`;
}

export interface EventStreamOptions {
  heartbeatMs?: number;
  /** Open streams at most (a page holds one; a few tabs are fine; hundreds is a leak or an attack). */
  maxClients?: number;
  /** A client that has not read this much of what was sent is dropped (it reconnects and reads the state again). */
  maxBufferedBytes?: number;
}

export function createEventStreamHub(options: EventStreamOptions = {}): EventStreamHub {
  const clients = new Set<ServerResponse>();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxClients = options.maxClients ?? 64;
  const maxBuffered = options.maxBufferedBytes ?? 8 * 1024 * 1024;
  const write = (res: ServerResponse, chunk: string): void => {
    if (res.writableLength > maxBuffered) {
      clients.delete(res);
      res.destroy();
      return;
    }
    res.write(chunk);
  };
  let timer: NodeJS.Timeout | null = null;

  const startHeartbeat = (): void => {
    if (timer || heartbeatMs <= 0) return;
    timer = setInterval(() => {
      for (const res of [...clients]) write(res, ': heartbeat\n\n');
    }, heartbeatMs);
    timer.unref();
  };
  const stopHeartbeatIfIdle = (): void => {
    if (clients.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };

  return {
    attach(res, headers) {
      if (clients.size >= maxClients) return false;
      res.writeHead(200, {
        ...headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      clients.add(res);
      startHeartbeat();
      res.on('close', () => {
        clients.delete(res);
        stopHeartbeatIfIdle();
      });
      return true;
    },
    send(event, data) {
      const chunk = formatEvent(event, data);
      for (const res of [...clients]) write(res, chunk);
    },
    size: () => clients.size,
    close() {
      for (const res of clients) res.end();
      clients.clear();
      stopHeartbeatIfIdle();
    },
  };
}

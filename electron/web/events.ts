// Server-sent events: every connected browser gets the host's pushes ('state:changed', 'navigate') and
// the notifications of the policy ('notification', for an in-page toast), with a heartbeat so that
// proxies and the browser keep the stream open, and a clean end when the server stops.
import type { ServerResponse } from 'node:http';

export interface EventStreamHub {
  /** Takes over a response as an event stream until the client goes away or the hub closes. */
  attach(res: ServerResponse, headers: Record<string, string>): void;
  send(event: string, data: unknown): void;
  /** Number of connected streams (for tests and logs). */
  size(): number;
  close(): void;
}

export function formatEvent(event: string, data: unknown): string {
  // JSON.stringify never emits a raw newline, so one `data:` line carries the whole payload.
  return `event: ${event}\ndata: ${JSON.stringify(data ?? null)}\n\n`;
}

export function createEventStreamHub(options: { heartbeatMs?: number } = {}): EventStreamHub {
  const clients = new Set<ServerResponse>();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  let timer: NodeJS.Timeout | null = null;

  const startHeartbeat = (): void => {
    if (timer || heartbeatMs <= 0) return;
    timer = setInterval(() => {
      for (const res of clients) res.write(': heartbeat\n\n');
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
    },
    send(event, data) {
      const chunk = formatEvent(event, data);
      for (const res of clients) res.write(chunk);
    },
    size: () => clients.size,
    close() {
      for (const res of clients) res.end();
      clients.clear();
      stopHeartbeatIfIdle();
    },
  };
}

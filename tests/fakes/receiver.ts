// A fake forwarding receiver on loopback (a webhook, Slack, Teams, Discord or ntfy endpoint): records
// every delivery (headers and body) and answers as the test scripts it — ok, an HTTP error, slowly.
import { startServer, type FakeServer } from './server';

export interface Delivery {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  status: number;
}

export interface Receiver {
  server: FakeServer;
  url(path?: string): string;
  deliveries: Delivery[];
  /** Only those answered 2xx. */
  accepted(): Delivery[];
  /** Answer the next requests with this status (and headers); 200 by default. */
  answer(status: number, headers?: Record<string, string>): void;
  /** Wait this long before answering. */
  delay(ms: number): void;
  close(): Promise<void>;
}

export async function startReceiver(opts: { host?: string; port?: number } = {}): Promise<Receiver> {
  let status = 200;
  let extraHeaders: Record<string, string> = {};
  let delayMs = 0;
  const deliveries: Delivery[] = [];
  const server = await startServer({ host: opts.host, port: opts.port });
  server.fallback(async (req, res, url) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    const answered = status;
    deliveries.push({
      path: url.pathname,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      status: answered,
    });
    res.writeHead(answered, { 'content-type': 'text/plain', ...extraHeaders });
    res.end(answered < 300 ? 'ok' : 'no');
  });
  return {
    server,
    url: (path = '/hook/SECRET-token-1234') => server.url(path),
    deliveries,
    accepted: () => deliveries.filter((d) => d.status >= 200 && d.status < 300),
    answer: (s, headers = {}) => {
      status = s;
      extraHeaders = headers;
    },
    delay: (ms) => void (delayMs = ms),
    close: () => server.close(),
  };
}

/** Resolves once `check` holds, polling; fails after `timeoutMs` with `what`. */
export async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// The floor of the footprint benchmark: the plainest poller of the same vendors (undici `request`, one
// conditional GET of summary.json then incidents.json per vendor every interval, validators kept, bodies
// JSON.parse'd when they change, nothing else). What the engine costs above it is the engine's own work.
// Usage: node footprint-floor.mjs <watchlist.json> <interval seconds>
import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';

const watchlist = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const intervalMs = Number(process.argv[3]) * 1000;
const dispatcher = new Agent({ keepAliveTimeout: 4_000 });
const validators = new Map();

async function get(url) {
  const etag = validators.get(url);
  const res = await request(url, { dispatcher, headers: etag ? { 'if-none-match': etag } : {} });
  if (res.statusCode === 304) {
    await res.body.dump();
    return;
  }
  const data = JSON.parse(await res.body.text());
  if (data && res.headers.etag) validators.set(url, String(res.headers.etag));
}

async function poll(base) {
  await get(`${base}api/v2/summary.json`).catch(() => undefined);
  await get(`${base}api/v2/incidents.json`).catch(() => undefined);
}

for (const [i, vendor] of watchlist.vendors.entries()) {
  const base = vendor.url.endsWith('/') ? vendor.url : `${vendor.url}/`;
  // Spread over the interval, as the monitor does after its first read.
  setTimeout(
    () => {
      void poll(base);
      setInterval(() => void poll(base), intervalMs);
    },
    (i * intervalMs) / watchlist.vendors.length,
  );
}

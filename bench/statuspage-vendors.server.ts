// Child process of the check benchmark: N fake Statuspage vendors, each on its own 127.x.y.z address,
// with every body serialized once up front so that serving costs almost nothing. Reports its URLs over IPC.
import http from 'node:http';
import {
  buildFixture,
  openIncident,
  resolveIncident,
  setComponentStatus,
  summaryOf,
  incidentsOf,
  updateIncident,
} from '../tests/fakes/statuspage-fixture';

const count = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 42);

let state = seed >>> 0;
function random(): number {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
}
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const WORDS =
  'api database latency errors elevated customers region requests delayed investigating queue email chat webhook deploy rollback monitoring fix identified'.split(
    ' ',
  );
const sentence = (n: number) => Array.from({ length: n }, () => WORDS[int(0, WORDS.length - 1)]).join(' ');

interface Vendor {
  html: Buffer;
  summary: Buffer;
  incidents: Buffer;
}

function makeVendor(i: number): Vendor {
  const components = int(4, 400);
  const groups: Array<{ name: string; components: string[] }> = [];
  const standalone: string[] = [];
  let made = 0;
  while (made < components) {
    const size = Math.min(components - made, int(1, 25));
    if (size <= 2) {
      for (let k = 0; k < size; k++) standalone.push(`Service ${made + k}`);
    } else {
      groups.push({
        name: `Region ${groups.length + 1}`,
        components: Array.from({ length: size }, (_, k) => `Component ${k + 1}`),
      });
    }
    made += size;
  }
  const fixture = buildFixture({ name: `Vendor ${i}`, standalone, groups });
  const leaves = fixture.components.filter((c) => !c.group);
  const past = int(0, 25);
  let day = Date.parse('2026-11-20T00:00:00Z');
  for (let k = 0; k < past; k++) {
    day -= int(1, 10) * 86_400_000;
    const at = new Date(day).toISOString();
    const affected = Array.from({ length: int(1, 3) }, () => leaves[int(0, leaves.length - 1)]!.id);
    const incident = openIncident(fixture, {
      name: sentence(5),
      impact: ['minor', 'major', 'critical'][int(0, 2)],
      body: sentence(int(20, 120)),
      components: affected,
      at,
    });
    if (random() < 0.5)
      updateIncident(fixture, incident.id, {
        status: 'identified',
        body: sentence(int(10, 80)),
        at: new Date(day + 1_800_000).toISOString(),
      });
    resolveIncident(fixture, incident.id, sentence(int(10, 60)), new Date(day + 3_600_000).toISOString());
  }
  fixture.incidents.reverse().sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
  if (random() < 0.1) {
    setComponentStatus(
      fixture,
      leaves[int(0, leaves.length - 1)]!.id,
      'partial_outage',
      '2026-11-24T10:00:00Z',
    );
    openIncident(fixture, {
      name: sentence(4),
      impact: 'major',
      body: sentence(40),
      at: '2026-11-24T10:00:00Z',
    });
  }
  return {
    html: Buffer.from(
      `<!DOCTYPE html><html><head><title>${fixture.page.name} Status</title></head><body>Powered by Atlassian Statuspage</body></html>`,
    ),
    summary: Buffer.from(JSON.stringify(summaryOf(fixture))),
    incidents: Buffer.from(JSON.stringify(incidentsOf(fixture))),
  };
}

function hostFor(i: number): string {
  return `127.77.${Math.floor(i / 200)}.${(i % 200) + 10}`;
}

async function main() {
  const servers: http.Server[] = [];
  const urls: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const vendor = makeVendor(i);
    bytes += vendor.html.length + vendor.summary.length + vendor.incidents.length;
    const server = http.createServer((req, res) => {
      const path = req.url ?? '/';
      const body =
        path === '/api/v2/summary.json'
          ? vendor.summary
          : path === '/api/v2/incidents.json'
            ? vendor.incidents
            : path === '/'
              ? vendor.html
              : null;
      if (!body) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': path === '/' ? 'text/html' : 'application/json',
        'content-length': body.length,
      });
      res.end(body);
    });
    server.keepAliveTimeout = 30_000;
    const host = hostFor(i);
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    servers.push(server);
    urls.push(`http://${host}:${(server.address() as { port: number }).port}/`);
  }
  process.send!({ urls, bytes });
  process.on('message', (msg) => {
    if (msg === 'rss') process.send!({ maxRssKb: process.resourceUsage().maxRSS });
    if (msg === 'close') {
      for (const s of servers) s.closeAllConnections();
      process.exit(0);
    }
  });
}

void main();

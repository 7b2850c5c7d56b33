// Detection from any address a user may paste: a page's own address, its API or feed address, under a path,
// on a custom domain, for every platform; a plain web page is `unrecognized` and says what was tried; a
// detection costs a few requests at most; and the real `check` command reads them all.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Snapshot } from '../../shared/model';
import type { PlatformId } from '../../shared/platforms';
import { PLATFORM_IDS } from '../../shared/platforms';
import { createHttpClient } from '../../electron/core/http/client';
import type { HttpClient } from '../../electron/core/http/types';
import { detectPlatform } from '../../electron/core/read';
import { ADAPTERS } from '../../electron/core/platforms';
import { knownPlatform } from '../../electron/core/platforms/common/known-hosts';
import { CATALOG } from '../../shared/catalog';
import { fixtureText, htmlPage, startPlatformFake, type PlatformFake } from '../fakes/platforms';
import { startServer, type FakeServer } from '../fakes/server';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const KINDS = PLATFORM_IDS.filter((p): p is Exclude<PlatformId, 'statuspage'> => p !== 'statuspage');

let http: HttpClient;
const fakes = new Map<string, PlatformFake>();

beforeAll(async () => {
  http = createHttpClient({ proxy: 'none' });
  for (const kind of [...KINDS, 'plain' as const]) fakes.set(kind, await startPlatformFake(kind));
});
afterAll(async () => {
  await Promise.all([...fakes.values()].map((f) => f.close()));
  await http.close();
});

it('has one adapter per platform, Statuspage before the generic feed, the feed last', () => {
  expect(new Set(ADAPTERS.map((a) => a.id))).toEqual(new Set(PLATFORM_IDS));
  expect(ADAPTERS[ADAPTERS.length - 1]!.id).toBe('feed');
});

describe.each(KINDS)('%s', (kind) => {
  it('is detected from its API or feed address', async () => {
    const fake = fakes.get(kind)!;
    const detection = await detectPlatform(fake.apiUrl, { http });
    expect(detection.platform).toBe(kind);
  });

  it("is detected from its page's own address (where the platform has a readable page) within a few requests", async () => {
    const fake = fakes.get(kind)!;
    if (!fake.pageUrl) return; // AWS and Azure: script-only pages; their JSON and feeds are the way in.
    const before = fake.server.requests.length;
    const detection = await detectPlatform(fake.pageUrl, { http });
    expect(detection.platform).toBe(kind);
    expect(fake.server.requests.length - before).toBeLessThanOrEqual(3);
  });
});

describe('pages that are not status pages', () => {
  it('reports a plain web page as unrecognized, naming what was tried, after a few requests', async () => {
    const plain = fakes.get('plain')!;
    const before = plain.server.requests.length;
    await expect(detectPlatform(plain.pageUrl!, { http })).rejects.toMatchObject({
      kind: 'unrecognized',
      message: expect.stringMatching(
        /does not look like a status page.*tried .*incident\.io.*Atlassian Statuspage.*RSS\/Atom feed/,
      ),
    });
    // The page itself and Statuspage's summary.json probe: nothing else.
    expect(plain.server.requests.length - before).toBeLessThanOrEqual(3);
  });

  it('does not take a shop with a blog feed for a status feed', async () => {
    const shop = await startServer({
      routes: {
        '/': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(
            htmlPage(
              'Pelican Bakery',
              '<link rel="alternate" type="application/rss+xml" title="Recipes" href="/recipes.rss">',
            ),
          );
        },
      },
    });
    try {
      await expect(detectPlatform(shop.url('/'), { http })).rejects.toMatchObject({ kind: 'unrecognized' });
    } finally {
      await shop.close();
    }
  });
});

describe('pages under a path and on custom domains', () => {
  let site: FakeServer;
  beforeAll(async () => {
    const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    const json = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    };
    site = await startServer();
    site.route(
      '/status',
      html(
        htmlPage('Heron Status', '', '<footer>Powered by <a href="https://cachethq.io">Cachet</a></footer>'),
      ),
    );
    site.route('/status/api/v1/components', json(fixtureText('cachet', 'components.json')));
    site.route('/status/api/v1/incidents', json(fixtureText('cachet', 'incidents.json')));
    site.route(
      '/health',
      html(htmlPage('Plover status', '<link rel="alternate" type="application/rss+xml" href="history.rss">')),
    );
    site.route('/history.rss', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(fixtureText('feed', 'history.rss'));
    });
    site.route('/ops/summary.json', json(fixtureText('instatus', 'summary.json')));
    site.route('/ops/v2/components.json', json(fixtureText('instatus', 'components.json')));
  });
  afterAll(() => site.close());

  it('reads a Cachet page under /status with its API under the same path', async () => {
    const detection = await detectPlatform(site.url('/status'), { http });
    expect(detection).toMatchObject({
      platform: 'cachet',
      apiUrl: site.url('/status/api/v1'),
      name: 'Heron',
    });
  });

  it("follows a page's relative feed link", async () => {
    const detection = await detectPlatform(site.url('/health'), { http });
    expect(detection).toMatchObject({ platform: 'feed', apiUrl: site.url('/history.rss') });
  });

  it('reads an Instatus summary.json under a path', async () => {
    const detection = await detectPlatform(site.url('/ops/summary.json'), { http });
    expect(detection).toMatchObject({
      platform: 'instatus',
      pageUrl: site.url('/ops'),
      apiUrl: site.url('/ops/summary.json'),
    });
  });
});

describe('the check command', () => {
  it('reads every platform from its API or feed address and its page, and reports the plain page as unrecognized', async () => {
    const urls: Array<{ url: string; kind: string }> = [];
    for (const kind of KINDS) {
      const fake = fakes.get(kind)!;
      urls.push({ url: fake.apiUrl, kind });
      if (fake.pageUrl) urls.push({ url: fake.pageUrl, kind });
    }
    urls.push({ url: fakes.get('plain')!.pageUrl!, kind: 'plain' });
    const { code, stdout, stderr } = await run([
      'check',
      '--json',
      '--timeout',
      '10',
      ...urls.map((u) => u.url),
    ]);
    expect(stderr).not.toMatch(/Error/);
    const snaps = JSON.parse(stdout) as Snapshot[];
    expect(snaps).toHaveLength(urls.length);
    snaps.forEach((snap, i) => {
      const want = urls[i]!;
      expect(snap.url).toBe(want.url);
      if (want.kind === 'plain') {
        expect(snap.error?.kind).toBe('unrecognized');
        expect(snap.status).toBe('unknown');
      } else {
        expect({ url: snap.url, platform: snap.vendor.platform, error: snap.error }).toEqual({
          url: want.url,
          platform: want.kind,
          error: null,
        });
      }
    });
    expect(code).toBe(2); // one page (the plain one) could not be read
  });
});

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // The compiled `statustray` (built by the tests' global setup), as a user runs it.
    const child = spawn(process.execPath, ['dist-cli/statustray.mjs', ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', NO_PROXY: '*' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('page encodings', () => {
  it('probes a page served as UTF-16 with a byte-order mark (the encoding is sniffed, not assumed)', async () => {
    const { utf16leWithBom } = await import('../fakes/platforms');
    const server = await startServer({
      routes: {
        '/': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/rss+xml' });
          res.end(
            utf16leWithBom(
              fixtureText('feed', 'history.rss').replace('encoding="UTF-8"', 'encoding="UTF-16"'),
            ),
          );
        },
      },
    });
    try {
      expect(await detectPlatform(server.url('/'), { http })).toMatchObject({ platform: 'feed' });
    } finally {
      await server.close();
    }
  });
});

describe('hosts the catalog knows', () => {
  // No request may be made: the address alone says the platform.
  const noNetwork: HttpClient = {
    get: () => Promise.reject(new Error('no request expected')),
    forget: () => undefined,
    close: () => Promise.resolve(),
  };

  it("reads a known incident.io host's Statuspage-compatible /api/v2 address as incident.io, not as Statuspage", async () => {
    const detection = await detectPlatform('https://status.openai.com/api/v2/summary.json', {
      http: noNetwork,
    });
    expect(detection).toMatchObject({
      platform: 'incidentio',
      pageUrl: 'https://status.openai.com/',
      apiUrl: 'https://status.openai.com/',
    });
  });

  it('recognises known Instatus, Better Stack and cState hosts and the big platforms by their own addresses', async () => {
    const fromCatalog = (platform: PlatformId): [string, PlatformId] => {
      const entry = CATALOG.find(
        (e) => e.platform === platform && knownPlatform(new URL(e.url).hostname) === platform,
      );
      if (!entry) throw new Error(`the catalog has no ${platform} vendor`);
      return [entry.url, platform];
    };
    const cases: Array<[string, PlatformId]> = [
      fromCatalog('instatus'),
      fromCatalog('betterstack'),
      ['https://status.cloud.google.com/', 'gcp'],
      ['https://health.aws.amazon.com/health/status', 'aws'],
      ['https://status.slack.com/', 'slack'],
      ['https://status.heroku.com/', 'heroku'],
      ['https://www.apple.com/support/systemstatus/', 'apple'],
      ['https://azure.status.microsoft/en-us/status', 'azure'],
    ];
    for (const [url, platform] of cases) {
      expect((await detectPlatform(url, { http: noNetwork })).platform).toBe(platform);
    }
  });
});

describe('feed and incident addresses of page-reading platforms', () => {
  const noNetwork: HttpClient = {
    get: () => Promise.reject(new Error('no request expected')),
    forget: () => undefined,
    close: () => Promise.resolve(),
  };

  it("reads a known incident.io or hosted Instatus/Better Stack page's feed address as the page itself", async () => {
    expect(await detectPlatform('https://status.openai.com/feed.rss', { http: noNetwork })).toMatchObject({
      platform: 'incidentio',
      apiUrl: 'https://status.openai.com/',
    });
    expect(
      await detectPlatform('https://nimbus.instatus.com/history.rss', { http: noNetwork }),
    ).toMatchObject({
      platform: 'instatus',
      apiUrl: 'https://nimbus.instatus.com/',
    });
    expect(
      await detectPlatform('https://orbit.betteruptime.com/incident/900', { http: noNetwork }),
    ).toMatchObject({
      platform: 'betterstack',
      pageUrl: 'https://orbit.betteruptime.com/',
    });
  });
});

describe('pages that only talk about status platforms', () => {
  it('a blog post naming every platform and linking to their pages is not taken for any of them', async () => {
    const text =
      '<p>We compared incident.io, Instatus, Better Stack (Better Uptime), Statuspal, cState, Cachet and Sorry. ' +
      'See <a href="https://statuspal.io/pricing">Statuspal pricing</a>, <a href="https://status.cloud.google.com/">Google Cloud Service Health</a>, ' +
      '<a href="https://www.google.com/appsstatus/dashboard/">Google Workspace Status Dashboard</a> and status.io.</p>';
    const blog = await startServer({
      routes: {
        '/': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(
            htmlPage(
              'Choosing a status page tool',
              '<script id="__NEXT_DATA__" type="application/json">{"props":{}}</script>',
              text,
            ),
          );
        },
      },
    });
    try {
      await expect(detectPlatform(blog.url('/'), { http })).rejects.toMatchObject({ kind: 'unrecognized' });
    } finally {
      await blog.close();
    }
  });
});

// A platform address that answers something else (an HTML error page, an empty JSON object) is a read error
// a person can understand, with the vendor unknown: never a crash and never operational.
import { PLATFORM_IDS } from '../../../shared/platforms';
import { createHttpClient } from '../../../electron/core/http/client';
import type { HttpClient } from '../../../electron/core/http/types';
import { readSnapshot } from '../../../electron/core/read';
import { startServer, type FakeServer } from '../../fakes/server';

const API_PATH: Record<(typeof PLATFORM_IDS)[number], string> = {
  statuspage: '/api/v2',
  incidentio: '/',
  instatus: '/summary.json',
  statusio: '/1.0/status/5f0c00000000000000000abc',
  betterstack: '/',
  cachet: '/api/v1',
  statuspal: '/api/v2/status_pages/x/summary',
  sorry: '/v1/pages/946f5b28',
  cstate: '/index.json',
  gcp: '/incidents.json',
  google_workspace: '/incidents.json',
  aws: '/public/currentevents',
  azure: '/feed/',
  slack: '/api/v2.0.0/current',
  heroku: '/api/v4/current-status',
  apple: '/system_status_en_US.js',
  pagerduty: '/',
  salesforce: '/v1/instances/status/preview',
  zendesk: '/api/ssp/incidents.json',
  rootly: '/api/v1/status.json',
  statuscast: '/',
  feed: '/history.rss',
};

let http: HttpClient;
let htmlServer: FakeServer;
let emptyServer: FakeServer;

beforeAll(async () => {
  http = createHttpClient({ proxy: 'none' });
  htmlServer = await startServer();
  htmlServer.fallback((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!DOCTYPE html><html><body><h1>Under construction</h1></body></html>');
  });
  emptyServer = await startServer();
  emptyServer.fallback((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
});
afterAll(async () => {
  await htmlServer.close();
  await emptyServer.close();
  await http.close();
});

describe.each(PLATFORM_IDS.filter((p) => p !== 'statuspage'))('%s', (platform) => {
  it.each([
    ['an HTML page', () => htmlServer],
    ['an empty JSON object', () => emptyServer],
  ])('reports %s as a parse or schema error, vendor unknown', async (_what, server) => {
    const apiUrl = server().url(API_PATH[platform]);
    const out = await readSnapshot(apiUrl, {
      http,
      detection: { platform, pageUrl: server().origin, apiUrl },
    });
    expect(out.snapshot.error).not.toBeNull();
    expect(['parse', 'schema']).toContain(out.snapshot.error!.kind);
    expect(out.snapshot.error!.message.length).toBeGreaterThan(10);
    expect(out.snapshot.status).toBe('unknown');
  });
});

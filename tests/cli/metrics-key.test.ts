// `watch --metrics-host <not loopback>` serves /metrics to other machines: then a scrape must present the
// key, as web's feeds do (Bearer, X-StatusTray-Token or ?token=), and the key survives a restart.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { metricsAccessKey, startMetricsServer } from '../../electron/cli/watch-outlets';
import { createMetrics } from '../../electron/core/metrics/metrics';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-metrics-key-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the metrics key', () => {
  it('a scrape without the key gets 401 with WWW-Authenticate: Bearer; with it, the metrics', async () => {
    const key = await metricsAccessKey(dir, {});
    // The test server stays on loopback; the key is what a non-loopback host turns on.
    const server = await startMetricsServer(
      createMetrics(() => []),
      0,
      '127.0.0.1',
      key,
    );
    try {
      const bare = await fetch(server.url);
      expect(bare.status).toBe(401);
      expect(bare.headers.get('www-authenticate')).toBe('Bearer');
      expect(await bare.text()).not.toContain(key);
      const wrong = await fetch(server.url, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const bearer = await fetch(server.url, { headers: { authorization: `Bearer ${key}` } });
      expect(bearer.status).toBe(200);
      expect(await bearer.text()).toContain('statustray_poll_seconds');
      expect((await fetch(`${server.url}?token=${encodeURIComponent(key)}`)).status).toBe(200);
      expect((await fetch(server.url, { headers: { 'x-statustray-token': key } })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('is kept in the data folder (0600) across restarts; STATUSTRAY_TOKEN sets another', async () => {
    const first = await metricsAccessKey(dir, {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await metricsAccessKey(dir, {})).toBe(first);
    const stat = await fs.stat(path.join(dir, 'metrics-token'));
    expect(stat.mode & 0o777).toBe(0o600);
    expect(await metricsAccessKey(dir, { STATUSTRAY_TOKEN: 'from-the-environment' })).toBe(
      'from-the-environment',
    );
  });

  it('on loopback no key is asked (as before)', async () => {
    const server = await startMetricsServer(
      createMetrics(() => []),
      0,
      '127.0.0.1',
    );
    try {
      expect((await fetch(server.url)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

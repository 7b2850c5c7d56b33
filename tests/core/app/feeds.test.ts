// The app core's feeds as their consumers use them: a team's webhook receives what the desktop would
// show; Prometheus scrapes /metrics and a calendar app reads /calendar.ics from the web server.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../electron/core/app';
import type { AppCore } from '../../../electron/core/app-types';
import type { HttpClient } from '../../../electron/core/http/types';
import { createWebServer, type WebServer } from '../../../electron/web/server';
import type { Snapshot } from '../../../shared/model';
import { parsePrometheus, sampleValue } from '../../fakes/prometheus';
import { startReceiver, until, type Receiver } from '../../fakes/receiver';
import { component, incident, snapshot } from '../monitor/helpers';

const http = { close: async () => undefined } as unknown as HttpClient;
const KUSTOMER = 'https://status.kustomer.test';
let dir: string;
const cleanups: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-feeds-'));
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await fs.rm(dir, { recursive: true, force: true });
});

async function setup(receiver: Receiver | null) {
  const pages = new Map<string, Snapshot>([[KUSTOMER, snapshot([component('c1', 'Email', 'Prod2 (EU)')])]]);
  const read = async (url: string) => ({
    snapshot: { ...pages.get(url)!, url },
    detection: { platform: 'statuspage' as const, pageUrl: url, apiUrl: `${url}/api/v2`, name: 'Kustomer' },
    notModified: false,
  });
  const watchlistPath = path.join(dir, 'watchlist.json');
  await fs.writeFile(
    watchlistPath,
    JSON.stringify({
      version: 1,
      vendors: [{ url: KUSTOMER, name: 'Kustomer' }],
      ...(receiver ? { forward: [{ type: 'webhook', url: receiver.url('/hook/SECRET') }] } : {}),
    }),
  );
  const core: AppCore = createAppCore({
    dataDir: path.join(dir, 'data'),
    read,
    http,
    watchlistPath,
    intervalSeconds: 1,
    coalesceMs: 20,
  });
  cleanups.push(() => core.stop());
  await core.start();
  return { core, pages };
}

describe('app feeds', () => {
  it('forwards to a webhook exactly what the desktop is notified of, with vendor and incident', async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const { core, pages } = await setup(receiver);
    const shown: string[] = [];
    core.onNotification((n) => shown.push(n.key));
    // The first reading is not news: change the page only once it was read.
    let read = false;
    core.onPush('state:changed', (st) => (read = st.vendors.some((v) => v.lastCheckedAt !== null)));
    await until(() => read, 'the first reading');
    pages.set(
      KUSTOMER,
      snapshot(
        [component('c1', 'Email', 'Prod2 (EU)', 'major_outage')],
        [incident('inc1', { title: 'Email down', url: `${KUSTOMER}/incidents/inc1`, impact: 'critical' })],
      ),
    );
    await until(
      () => shown.length > 0 && receiver.accepted().length >= shown.length,
      'a forwarded notification',
    );
    await new Promise((r) => setTimeout(r, 300));
    const keys = receiver.accepted().map((d) => d.headers['x-statustray-key']);
    expect(keys).toEqual(shown);
    const body = JSON.parse(receiver.accepted()[0]!.body);
    expect(body.vendor).toMatchObject({ name: 'Kustomer', pageUrl: 'https://status.kustomer.test' });
    expect(body.incident).toEqual({ id: 'inc1', title: 'Email down', url: `${KUSTOMER}/incidents/inc1` });
    expect(body.severity).toBe('major_outage');

    const list = await core.handlers['forward:list']();
    expect(list).toHaveLength(1);
    expect(list[0]!.label).not.toContain('SECRET');
    const test = await core.handlers['forward:test']({ index: 0 });
    expect(test.ok).toBe(true);
    // The stored watchlist keeps the target; the export leaves the secret out.
    expect(await core.handlers['watchlist:export']()).not.toContain('SECRET');
  });

  it('serves /metrics and /calendar.ics from the web server', async () => {
    const { core, pages } = await setup(null);
    pages.set(
      KUSTOMER,
      snapshot(
        [component('c1', 'Email', 'Prod2 (EU)', 'partial_outage')],
        [
          incident('inc1', { impact: 'major' }),
          incident('m1', {
            kind: 'maintenance',
            impact: 'maintenance',
            status: 'scheduled',
            title: 'Database upgrade',
            url: `${KUSTOMER}/incidents/m1`,
            scheduledFor: '2026-12-01T02:00:00.000Z',
            scheduledUntil: '2026-12-01T04:00:00.000Z',
          }),
        ],
      ),
    );
    await core.handlers['vendors:refresh']({});
    const staticDir = await fs.mkdtemp(path.join(dir, 'static-'));
    const server: WebServer = await createWebServer({ core, staticDir, log: () => undefined });
    cleanups.push(() => server.close());

    let samples = parsePrometheus('');
    const scrape = async () => {
      // Prometheus sends the dashboard's key as a bearer token (scrape config `authorization`).
      const res = await fetch(new URL('/metrics', server.url), {
        headers: { authorization: `Bearer ${server.token}` },
      });
      if (!res.ok) throw new Error(`/metrics: ${res.status} ${await res.text()}`);
      expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      return parsePrometheus(await res.text());
    };
    const deadline = Date.now() + 20_000;
    do {
      samples = await scrape();
      if (
        sampleValue(samples, 'statustray_vendor_status', { vendor: 'Kustomer', status: 'partial_outage' }) ===
        1
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    } while (Date.now() < deadline);
    const state = await core.handlers['state:get']();
    const vendor = state.vendors[0]!;
    expect(
      sampleValue(samples, 'statustray_vendor_status', { vendor: 'Kustomer', status: vendor.status }),
    ).toBe(1);
    expect(sampleValue(samples, 'statustray_vendor_up', { vendor: 'Kustomer' })).toBe(1);
    expect(sampleValue(samples, 'statustray_open_incidents', { vendor: 'Kustomer' })).toBe(
      vendor.open.length,
    );
    expect(
      sampleValue(samples, 'statustray_polls_total', { vendor: 'Kustomer', result: 'ok' }),
    ).toBeGreaterThan(0);

    // A calendar app cannot send headers: it subscribes to the address with the key in it.
    expect((await fetch(new URL('/calendar.ics', server.url))).status).toBe(401);
    const res = await fetch(new URL(`/calendar.ics?token=${server.token}`, server.url));
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents('vevent');
    expect(events.map((e) => new ICAL.Event(e).summary)).toEqual(['Kustomer: Database upgrade']);
    expect(new ICAL.Event(events[0]!).startDate.toJSDate().toISOString()).toBe('2026-12-01T02:00:00.000Z');
  });
});

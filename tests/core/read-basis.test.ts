// A page polled again and answered 304 everywhere is the page read last time: the read says so and gives
// the same snapshot, checked now, without reading the bodies again; any change (a new body, a maintenance
// whose window opens) is read and shown as usual, with no request made twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../electron/core/http/client';
import type { HttpClient } from '../../electron/core/http/types';
import { readSnapshot, type ReadOutcome } from '../../electron/core/read';
import {
  buildFixture,
  scheduleMaintenance,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../fakes/statuspage-server';

const H = 3600_000;
const NOW = Date.parse('2026-11-24T10:00:00Z');

let http: HttpClient;
let server: StatuspageServer;
beforeAll(() => {
  http = createHttpClient({ proxy: 'none', timeoutMs: 5000 });
});
afterAll(() => http.close());
afterEach(() => server.close());

async function serve(): Promise<void> {
  server = await startStatuspageServer({
    page: buildFixture({ name: 'Acme', standalone: ['API', 'Dashboard'] }),
  });
}

async function firstRead(now = NOW): Promise<ReadOutcome> {
  // As the monitor does from its second poll on: with the detection the first read found.
  const probe = await readSnapshot(server.pageUrl, { http, now: () => now });
  expect(probe.snapshot.error).toBeNull();
  return readSnapshot(server.pageUrl, { http, detection: probe.detection!, now: () => now });
}

describe('reading an unchanged page', () => {
  it('checks it with 304s and gives the same snapshot, checked now, without reading it again', async () => {
    await serve();
    const first = await firstRead();
    expect(first.basis).toBeDefined();
    const before = server.notModifiedCount();
    const again = await readSnapshot(server.pageUrl, {
      http,
      detection: first.detection!,
      previous: first.basis!,
      now: () => NOW + 60_000,
    });
    expect(again.unchanged).toBe(true);
    expect(again.snapshot.error).toBeNull();
    expect(again.snapshot.fetchedAt).toBe(new Date(NOW + 60_000).toISOString());
    expect({ ...again.snapshot, fetchedAt: '' }).toEqual({ ...first.snapshot, fetchedAt: '' });
    // Not rebuilt: the very components of last time.
    expect(again.snapshot.components).toBe(first.snapshot.components);
    expect(server.notModifiedCount() - before).toBe(2);
  });

  it('reads a page that changed after 304s, asking for each file once', async () => {
    await serve();
    let outcome = await firstRead();
    for (let i = 0; i < 2; i++) {
      outcome = await readSnapshot(server.pageUrl, {
        http,
        detection: outcome.detection!,
        previous: outcome.basis!,
        now: () => NOW,
      });
      expect(outcome.unchanged).toBe(true);
    }
    server.update((f) => setComponentStatus(f, 'API', 'major_outage'));
    const counts = { ...server.counts() };
    const changed = await readSnapshot(server.pageUrl, {
      http,
      detection: outcome.detection!,
      previous: outcome.basis!,
      now: () => NOW,
    });
    expect(changed.unchanged).toBeFalsy();
    expect(changed.snapshot.status).toBe('major_outage');
    expect(changed.snapshot.components.find((c) => c.name === 'API')?.status).toBe('major_outage');
    const after = server.counts();
    expect(after['summary.json']! - counts['summary.json']!).toBe(1);
    expect(after['incidents.json']! - counts['incidents.json']!).toBe(1);
    // And from the new page on, unchanged again.
    const next = await readSnapshot(server.pageUrl, {
      http,
      detection: changed.detection!,
      previous: changed.basis!,
      now: () => NOW,
    });
    expect(next.unchanged).toBe(true);
    expect(next.snapshot.status).toBe('major_outage');
  });

  it('starts a maintenance whose window opens while the page stays the same', async () => {
    await serve();
    server.update((f) =>
      scheduleMaintenance(f, {
        name: 'Database upgrade',
        from: new Date(NOW + H).toISOString(),
        until: new Date(NOW + 2 * H).toISOString(),
        at: new Date(NOW - H).toISOString(),
      }),
    );
    const first = await firstRead();
    expect(first.snapshot.incidents[0]?.status).toBe('scheduled');
    const before = server.notModifiedCount();
    const during = await readSnapshot(server.pageUrl, {
      http,
      detection: first.detection!,
      previous: first.basis!,
      now: () => NOW + 1.5 * H,
    });
    expect(server.notModifiedCount() - before).toBe(2);
    expect(during.unchanged).toBeFalsy();
    expect(during.snapshot.incidents[0]?.status).toBe('in_progress');
    expect(during.snapshot.status).toBe('maintenance');
  });

  it('reads the page again when the cached answer no longer matches what the last read used', async () => {
    await serve();
    const first = await firstRead();
    // Another reader of the same URL saw the page change in between: the cache now vouches for a body
    // this vendor's last read never parsed.
    server.update((f) => setComponentStatus(f, 'Dashboard', 'degraded_performance'));
    await readSnapshot(server.pageUrl, { http, detection: first.detection!, now: () => NOW });
    const again = await readSnapshot(server.pageUrl, {
      http,
      detection: first.detection!,
      previous: first.basis!,
      now: () => NOW,
    });
    expect(again.unchanged).toBeFalsy();
    expect(again.snapshot.status).toBe('degraded');
  });
});

// A planned maintenance is planned: Statuspage's started_at is when it was announced, scheduled_for when it
// starts. Read, diffed and notified, it is news twice: when it starts and when it completes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorEvent, Snapshot } from '../../../shared/model';
import { createHttpClient } from '../../../electron/core/http/client';
import type { HttpClient } from '../../../electron/core/http/types';
import { readSnapshot } from '../../../electron/core/read';
import { diffSnapshots } from '../../../electron/core/monitor/diff';
import { initialPolicyState, runPolicy, type PolicyConfig } from '../../../electron/core/policy/policy';
import {
  scheduleMaintenance,
  startStatuspageServer,
  updateIncident,
  type StatuspageServer,
} from '../../fakes/statuspage-server';
import { kustomerFixture } from '../../fixtures/kustomer';

const H = 3600_000;
const NOW = Date.parse('2026-11-24T04:32:00Z');
const START = new Date(NOW + 22 * H).toISOString();
const END = new Date(NOW + 24 * H).toISOString();
const ANNOUNCED = new Date(NOW - 14 * 60_000).toISOString();

let http: HttpClient;
let server: StatuspageServer;
let id = '';
beforeAll(() => {
  http = createHttpClient({ proxy: 'none', timeoutMs: 3000 });
});
afterAll(() => http.close());
afterEach(() => server.close());

async function serve(): Promise<void> {
  server = await startStatuspageServer({ page: kustomerFixture() });
  server.update((f) => {
    id = scheduleMaintenance(f, {
      name: 'Database upgrade',
      from: START,
      until: END,
      at: ANNOUNCED,
      components: ['Prod1 (US)/Search'],
    }).id;
  });
}
const read = async (at: number): Promise<Snapshot> =>
  (await readSnapshot(server.pageUrl, { http, now: () => at })).snapshot;

describe('a planned Statuspage maintenance', () => {
  it('is scheduled with no start until its window opens, and the vendor is not in maintenance', async () => {
    await serve();
    const planned = await read(NOW);
    const m = planned.incidents.find((i) => i.id === id)!;
    expect(m).toMatchObject({
      kind: 'maintenance',
      status: 'scheduled',
      startedAt: null,
      scheduledFor: START,
    });
    expect(planned.status).toBe('operational');

    // The window opens while the page still says "scheduled": it has started, at the window's start.
    const opened = await read(Date.parse(START) + 60_000);
    expect(opened.incidents.find((i) => i.id === id)).toMatchObject({
      status: 'in_progress',
      startedAt: START,
    });
    expect(opened.status).toBe('maintenance');
  });

  it('started by the page, it starts when the page said so, not when it was announced', async () => {
    await serve();
    const began = new Date(Date.parse(START) + 5 * 60_000).toISOString();
    server.update((f) => updateIncident(f, id, { status: 'in_progress', body: 'Under way.', at: began }));
    const m = (await read(Date.parse(began) + 60_000)).incidents.find((i) => i.id === id)!;
    expect(m.startedAt).toBe(began);
  });

  it('notifies once when it starts and once when it completes', async () => {
    await serve();
    const config: PolicyConfig = {
      settings: {
        notificationsEnabled: true,
        quietHours: { enabled: false, start: '22:00', end: '07:00' },
        pausedUntil: null,
      },
      vendors: {},
    };
    let state = initialPolicyState();
    const titles: string[] = [];
    let prev: Snapshot | null = null;
    const poll = async (at: number): Promise<MonitorEvent[]> => {
      const next = await read(at);
      const events = diffSnapshots(prev, next, { vendor: 'Kustomer', vendorId: 'kustomer', at: '' });
      prev = next;
      for (const t of [at, at + 10_000]) {
        const r = runPolicy(state, { now: t, events: t === at ? events : [] }, config);
        state = r.state;
        titles.push(...r.notifications.map((n) => `${n.title}\n${n.body}`));
      }
      return events;
    };
    await poll(NOW);
    await poll(NOW + H);
    expect(titles).toEqual([]);
    const startAt = Date.parse(START);
    server.update((f) =>
      updateIncident(f, id, {
        status: 'in_progress',
        body: 'Under way.',
        at: new Date(startAt).toISOString(),
      }),
    );
    await poll(startAt + 30_000);
    await poll(startAt + 60_000);
    server.update((f) =>
      updateIncident(f, id, { status: 'completed', body: 'Done.', at: new Date(startAt + H).toISOString() }),
    );
    await poll(startAt + H + 30_000);
    await poll(startAt + H + 60_000);
    // The headline is the vendor's status after the change; the body says which maintenance.
    expect(titles).toEqual([
      'Kustomer — Under maintenance\nMaintenance started: Database upgrade',
      'Kustomer — Operational\nMaintenance completed: Database upgrade',
    ]);
  });
});

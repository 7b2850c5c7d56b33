// A shared layer's day replayed through the real app core: six Statuspage fakes on loopback, read by the
// engine's own reader, on a fake clock set to 18 November 2025. What a person receives is asserted in order:
// Cloudflare's own notification, one group naming the four vendors that failed with it and Cloudflare as the
// possible cause with its evidence, Linear's unrelated outage on its own, and one notice when all recovered.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppCore } from '../../../electron/core/app';
import type { AppCore } from '../../../electron/core/app-types';
import { createHttpClient } from '../../../electron/core/http/client';
import type { ReadFn } from '../../../electron/core/monitor/types';
import { readSnapshot } from '../../../electron/core/read';
import type { SharedCauseEvent } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import {
  openOutage,
  resolveIncident,
  startStatuspageServer,
  updateIncident,
  type StatuspageServer,
} from '../../fakes/statuspage-server';
import {
  AFTERNOON,
  at,
  CLOUDFLARE_RESOLVED,
  MORNING,
  PAGES,
  type Step,
  type VendorName,
} from '../../fixtures/shared-cause/cloudflare-2025-11-18';
import { FakeTimers } from '../monitor/helpers';

let dir: string;
let servers: Partial<Record<VendorName, StatuspageServer>> = {};
let core: AppCore | null = null;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-shared-'));
});
afterEach(async () => {
  await core?.stop();
  core = null;
  await Promise.all(Object.values(servers).map((s) => s.close()));
  servers = {};
  await fs.rm(dir, { recursive: true, force: true });
});

/** The app core on a fake clock, reading the fakes for real; `tick` moves the clock and waits for reads. */
async function day(vendors: VendorName[], settings: Record<string, unknown> = {}) {
  for (const name of vendors) servers[name] = await startStatuspageServer({ page: PAGES[name]() });
  const watchlist = path.join(dir, 'vendors.json');
  await fs.writeFile(
    watchlist,
    JSON.stringify({ version: 1, vendors: vendors.map((n) => ({ url: servers[n]!.pageUrl, name: n })) }),
  );
  await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify(settings));
  const d = await startCore(at('11:40:00'), watchlist);
  await d.until(at('11:45:00'));
  return d;
}

/**
 * A new app core on the data folder from `startIso` (the vendors from `watchlist`, or as stored by the
 * last run), with what it tells recorded; `restart` stops it and starts the next one on the same folder.
 */
async function startCore(startIso: string, watchlist?: string) {
  const timers = new FakeTimers();
  timers.t = Date.parse(startIso);
  let inFlight = 0;
  const read: ReadFn = async (url, options) => {
    inFlight++;
    try {
      return await readSnapshot(url, options);
    } finally {
      inFlight--;
    }
  };
  const http = createHttpClient();
  const started = createAppCore({
    dataDir: dir,
    read,
    timers,
    http,
    ...(watchlist ? { watchlistPath: watchlist } : {}),
    intervalSeconds: 60,
  });
  core = started;
  const received: AppNotification[] = [];
  const groups: SharedCauseEvent[] = [];
  started.onNotification((n) => received.push(n));
  started.onSharedCause?.((events) => groups.push(...events));
  await started.start();
  const settle = async (): Promise<void> => {
    await vi.waitFor(() => expect(inFlight).toBe(0), { timeout: 10_000 });
    await timers.advance(0);
  };
  /** Moves the clock to `iso` in steps of at most 15 s, letting every read finish on the way. */
  const until = async (iso: string): Promise<void> => {
    const end = Date.parse(iso);
    while (timers.t < end) {
      await timers.advance(Math.min(15_000, end - timers.t));
      await settle();
    }
  };
  const apply = async (steps: Step[]): Promise<void> => {
    for (const step of steps) {
      await until(step.at);
      servers[step.vendor]!.update(step.change);
    }
  };
  const restart = async (iso: string) => {
    await started.stop();
    await http.close();
    return startCore(iso);
  };
  return { core: started, timers, received, groups, until, apply, restart };
}

const FOUR = ['OpenAI', 'Discord', 'Canva', 'Shopify'];

/** What a person notices: new notifications, not the silent in-place updates of one already shown. */
const noticed = (list: AppNotification[]): AppNotification[] => list.filter((n) => !n.silent);

describe('a shared layer fails (Cloudflare, 18 November 2025)', () => {
  it('tells the upstream, then one group with the possible cause and its evidence, then an unrelated outage on its own, then one recovery', async () => {
    const d = await day(['Cloudflare', 'OpenAI', 'Discord', 'Canva', 'Shopify', 'Linear']);
    expect(d.received).toEqual([]);

    await d.apply(MORNING);
    await d.until(at('12:05:00'));
    const morning = noticed(d.received);
    expect(morning.map((n) => n.title)).toEqual([
      expect.stringMatching(/^Cloudflare — /),
      expect.stringMatching(/^\d vendors in trouble since \d\d:\d\d: /),
    ]);
    // The group's notification, as last replaced in place, names the four and the possible cause.
    const group = d.received.filter((n) => n.tag === morning[1]!.tag).at(-1)!;
    // (In the order the polls saw them: two pages read in one poll may come either way.)
    expect(group.title).toMatch(/^4 vendors in trouble since \d\d:\d\d: /);
    for (const name of FOUR) expect(group.title).toContain(name);
    expect(group.body).toContain('Possibly Cloudflare: Cloudflare reports a major outage since 11:48 UTC');
    expect(group.body).toContain('OpenAI and Discord mention Cloudflare');
    expect([...group.group!.vendors].sort()).toEqual([...FOUR].sort());
    expect(group.group!.cause!.vendor).toBe('Cloudflare');
    // The window shows the group and the tray-facing state names the cause.
    const state = await d.core.handlers['state:get']();
    expect(state.sharedCause?.vendors.map((v) => v.name).sort()).toEqual([...FOUR].sort());
    expect(state.sharedCause?.cause?.evidence).toContain('OpenAI and Discord mention Cloudflare');
    // Each vendor's own detail stays in the window.
    expect(state.vendors.find((v) => v.name === 'Discord')?.open[0]?.title).toBe('Connectivity issues');
    expect(d.groups.map((g) => g.type)[0]).toBe('shared_cause_opened');

    // An hour later, Linear's own unrelated outage is its own notification.
    await d.apply([
      {
        at: at('12:55:00'),
        vendor: 'Linear',
        change: (f) =>
          void openOutage(f, 'API', {
            name: 'Degraded API performance',
            impact: 'major',
            at: at('12:55:00'),
          }),
      },
    ]);
    await d.until(at('13:00:00'));
    expect(
      noticed(d.received)
        .slice(2)
        .map((n) => n.title),
    ).toEqual([expect.stringMatching(/^Linear — /)]);

    // The four recover one by one: one notice, once all have.
    const before = noticed(d.received).length;
    await d.apply(AFTERNOON);
    await d.until(at('14:41:00'));
    const afternoon = noticed(d.received).slice(before);
    expect(afternoon).toHaveLength(1);
    expect(afternoon[0]!.title).toMatch(/^4 vendors recovered: /);
    for (const name of FOUR) expect(afternoon[0]!.title).toContain(name);
    expect(d.groups.at(-1)).toMatchObject({ type: 'shared_cause_closed', vendor: 'Cloudflare' });
    expect((await d.core.handlers['state:get']()).sharedCause).toBeNull();

    // Cloudflare's own recovery is its own.
    await d.apply([CLOUDFLARE_RESOLVED]);
    await d.until(at('14:50:00'));
    expect(
      noticed(d.received)
        .slice(before + 1)
        .map((n) => n.title),
    ).toEqual([expect.stringMatching(/^Cloudflare — /)]);
  }, 120_000);

  it('names no cause when no upstream has an incident and no vendor names one', async () => {
    const d = await day(['Canva', 'Shopify', 'Linear']);
    await d.apply([
      {
        at: at('11:50:00'),
        vendor: 'Canva',
        change: (f) =>
          void openOutage(f, 'Editor', { name: 'Elevated errors', impact: 'major', at: at('11:50:00') }),
      },
      {
        at: at('11:50:30'),
        vendor: 'Shopify',
        change: (f) =>
          void openOutage(f, 'Admin', { name: 'Admin slow', impact: 'major', at: at('11:50:30') }),
      },
      {
        at: at('11:51:00'),
        vendor: 'Linear',
        change: (f) =>
          void openOutage(f, 'Sync', { name: 'Sync delayed', impact: 'major', at: at('11:51:00') }),
      },
    ]);
    await d.until(at('12:00:00'));
    // The first had nobody to wait for; the next two are told as one group with it.
    const got = noticed(d.received);
    expect(got.map((n) => n.title)).toEqual([
      expect.stringMatching(/^Canva — /),
      expect.stringMatching(/^3 vendors in trouble since \d\d:\d\d: /),
    ]);
    expect([...got[1]!.group!.vendors].sort()).toEqual(['Canva', 'Linear', 'Shopify']);
    expect(got[1]!.body).toContain('No common cause is known.');
    expect(got[1]!.group?.cause).toBeNull();
    expect(d.groups[0]).toMatchObject({ type: 'shared_cause_opened', cause: null, vendor: null });
  }, 60_000);

  it('after "Got it" on an incident, its next two updates notify nothing and its resolution once', async () => {
    const d = await day(['Linear']);
    let id = '';
    await d.apply([
      {
        at: at('12:00:00'),
        vendor: 'Linear',
        change: (f) =>
          void (id = openOutage(f, 'API', {
            name: 'Degraded API performance',
            impact: 'major',
            at: at('12:00:00'),
          }).id),
      },
    ]);
    await d.until(at('12:03:00'));
    expect(noticed(d.received)).toHaveLength(1);
    const vendorId = (await d.core.handlers['state:get']()).vendors[0]!.id;
    const acks = await d.core.handlers['incident:ack']({ vendorId, incidentId: id });
    expect(acks).toEqual([
      expect.objectContaining({ kind: 'incident', title: 'Linear: Degraded API performance' }),
    ]);
    const state = await d.core.handlers['state:get']();
    expect(state.acks?.[0]?.at).toBe(new Date(d.timers.t).toISOString());

    await d.apply([
      {
        at: at('12:10:00'),
        vendor: 'Linear',
        change: (f) =>
          void updateIncident(f, id, {
            status: 'identified',
            body: 'We found the cause.',
            at: at('12:10:00'),
          }),
      },
      {
        at: at('12:20:00'),
        vendor: 'Linear',
        change: (f) =>
          void updateIncident(f, id, { status: 'monitoring', body: 'A fix is out.', at: at('12:20:00') }),
      },
    ]);
    await d.until(at('12:25:00'));
    expect(noticed(d.received)).toHaveLength(1);
    // Kept on disk, so a restart does not forget it.
    await vi.waitFor(async () =>
      expect(await fs.readFile(path.join(dir, 'acknowledgements.json'), 'utf8')).toContain(id),
    );

    await d.apply([
      {
        at: at('12:30:00'),
        vendor: 'Linear',
        change: (f) => void resolveIncident(f, id, 'Resolved.', at('12:30:00')),
      },
    ]);
    await d.until(at('12:35:00'));
    const got = noticed(d.received);
    expect(got).toHaveLength(2);
    expect(got[1]!.title + got[1]!.body).toMatch(/Resolved|Operational/);
    // Forgotten once the incident ended.
    expect((await d.core.handlers['state:get']()).acks).toEqual([]);
  }, 60_000);
});

describe('a group open across a restart', () => {
  const FIVE: VendorName[] = ['Cloudflare', 'OpenAI', 'Discord', 'Canva', 'Shopify'];

  /** The morning through one core, the group acknowledged ("Got it"), then that core stopped. */
  async function morningThenStop() {
    const d = await day(FIVE);
    await d.apply(MORNING);
    await d.until(at('12:05:00'));
    const state = await d.core.handlers['state:get']();
    expect(state.sharedCause?.vendors.map((v) => v.name).sort()).toEqual([...FOUR].sort());
    await d.core.handlers['group:ack']({ groupId: state.sharedCause!.id });
    return { d, groupId: state.sharedCause!.id };
  }

  it('shows the group again after a restart and tells its recovery once, as one group', async () => {
    const { d, groupId } = await morningThenStop();
    const after = await d.restart(at('13:00:00'));
    await after.until(at('13:02:00'));

    const state = await after.core.handlers['state:get']();
    expect(state.sharedCause).toMatchObject({ id: groupId, cause: { vendor: 'Cloudflare' } });
    expect(state.sharedCause?.vendors.map((v) => v.name).sort()).toEqual([...FOUR].sort());
    // "Got it" on the group still applies.
    expect(state.sharedCause?.acknowledgedAt).not.toBeNull();
    expect(state.acks).toEqual([expect.objectContaining({ kind: 'group', groupId })]);
    expect(await after.core.metrics()).toMatch(/^statustray_shared_cause_open 1$/m);
    expect(noticed(after.received)).toEqual([]);

    await after.apply(AFTERNOON);
    await after.until(at('14:41:00'));
    const told = noticed(after.received);
    expect(told.map((n) => n.title)).toEqual([expect.stringMatching(/^4 vendors recovered: /)]);
    for (const name of FOUR) expect(told[0]!.title).toContain(name);
    expect(after.groups.at(-1)).toMatchObject({ type: 'shared_cause_closed', group: groupId });
    const closed = await after.core.handlers['state:get']();
    expect(closed.sharedCause).toBeNull();
    expect(closed.acks).toEqual([]);
    expect(await after.core.metrics()).toMatch(/^statustray_shared_cause_open 0$/m);
  }, 120_000);

  it('tells one group recovery when its vendors recovered while the app was closed', async () => {
    const { d } = await morningThenStop();
    await d.core.stop();
    for (const step of AFTERNOON) servers[step.vendor]!.update(step.change);
    const after = await d.restart(at('14:45:00'));
    await after.until(at('14:48:00'));
    const told = noticed(after.received);
    expect(told.map((n) => n.title)).toEqual([expect.stringMatching(/^4 vendors recovered: /)]);
    expect((await after.core.handlers['state:get']()).sharedCause).toBeNull();
  }, 120_000);

  it('a broken store file: told in plain words, kept aside, the group not restored and nothing else lost', async () => {
    const { d } = await morningThenStop();
    await d.core.stop();
    // The file and its backup alike (a good backup would be restored by the file store).
    const broken = JSON.stringify({
      schemaVersion: 1,
      data: { version: 1, recent: {}, open: { id: 'g-1', members: 'OpenAI, Discord' } },
    });
    await fs.writeFile(path.join(dir, 'shared-cause.json'), broken);
    await fs.writeFile(path.join(dir, 'shared-cause.json.bak'), broken);
    const after = await d.restart(at('13:00:00'));
    await after.until(at('13:02:00'));
    const state = await after.core.handlers['state:get']();
    expect(state.sharedCause).toBeNull();
    expect(state.notices).toContainEqual(
      expect.stringMatching(
        /^shared-cause\.json could not be read \(not a group of vendors failing together \(open\.[a-z]+: .*\)\); kept aside as shared-cause\.unusable-.*\.json\. Its backup could not be used either/,
      ),
    );
    expect((await fs.readdir(dir)).some((f) => /^shared-cause\.unusable-.*\.json$/.test(f))).toBe(true);
    expect(state.vendors.map((v) => v.name).sort()).toEqual([...FIVE].sort());
    expect(await after.core.metrics()).toMatch(/^statustray_shared_cause_open 0$/m);
    // Without the group, each vendor's recovery is its own news again (none stays unsaid).
    await after.apply(AFTERNOON.slice(0, 1));
    await after.until(at('14:33:00'));
    expect(noticed(after.received).map((n) => n.title)).toEqual([expect.stringMatching(/^OpenAI — /)]);
  }, 120_000);

  it('leaves out a member the user stops watching, and ends the group silently when too few remain', async () => {
    const { d } = await morningThenStop();
    const before = noticed(d.received).length;
    const idOf = async (name: string) =>
      (await d.core.handlers['state:get']()).vendors.find((v) => v.name === name)!.id;
    await d.core.handlers['vendors:remove']({ id: await idOf('Discord') });
    await d.core.handlers['vendors:remove']({ id: await idOf('Canva') });
    const two = await d.core.handlers['state:get']();
    expect(two.sharedCause?.vendors.map((v) => v.name).sort()).toEqual(['OpenAI', 'Shopify']);
    await d.core.handlers['vendors:remove']({ id: await idOf('Shopify') });
    expect((await d.core.handlers['state:get']()).sharedCause).toBeNull();
    expect(await d.core.metrics()).toMatch(/^statustray_shared_cause_open 0$/m);
    // No "recovered" for a group whose vendors are still in trouble; OpenAI's recovery is its own again.
    await d.apply(AFTERNOON.slice(0, 1));
    await d.until(at('14:31:00'));
    expect(
      noticed(d.received)
        .slice(before)
        .map((n) => n.title),
    ).toEqual([expect.stringMatching(/^OpenAI — /)]);
    expect((await d.core.handlers['state:get']()).acks).toEqual([]);
  }, 120_000);
});

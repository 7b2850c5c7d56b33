import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Snapshot } from '../../../shared/model';
import type { AppNotification } from '../../../shared/notification';
import type { AppState } from '../../../shared/ipc';
import { createAppCore } from '../../../electron/core/app';
import type { AppCore } from '../../../electron/core/app-types';
import type { HttpClient } from '../../../electron/core/http/types';
import type { ReadOptions } from '../../../electron/core/monitor/types';
import { vendorIdFor } from '../../../electron/core/watchlist';
import { FakeTimers, component, failed, incident, snapshot } from '../monitor/helpers';

const S = 1000;
const http = { close: async () => undefined } as unknown as HttpClient;
let dir: string;
const cores: AppCore[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-app-'));
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.stop()));
  await fs.rm(dir, { recursive: true, force: true });
});

const KUSTOMER = 'https://status.kustomer.test';
const GITHUB = 'https://www.githubstatus.test';

/** A world of vendor pages the stub read answers from; change `pages` to change what vendors say. */
function world() {
  const timers = new FakeTimers();
  const pages = new Map<string, Snapshot>([
    [
      KUSTOMER,
      snapshot([component('c1', 'Workflow', 'Prod1 (US)'), component('c2', 'Workflow', 'Prod2 (EU)')]),
    ],
    [GITHUB, snapshot([component('g1', 'Actions', null)], [], 'GitHub')],
  ]);
  const calls: Array<{ url: string; options: ReadOptions }> = [];
  const slow = { ms: 0 };
  const read = async (url: string, options: ReadOptions) => {
    calls.push({ url, options });
    if (slow.ms) await new Promise<void>((r) => timers.setTimeout(r, slow.ms));
    const snap = pages.get(url) ?? failed('network', 'No route to host');
    const detection = snap.error
      ? null
      : { platform: 'statuspage' as const, pageUrl: url, apiUrl: `${url}/api/v2`, name: snap.vendor.name };
    return { snapshot: { ...snap, url }, detection, notModified: false };
  };
  const make = (extra: Partial<Parameters<typeof createAppCore>[0]> = {}) => {
    const core = createAppCore({ dataDir: dir, read, timers, http, ...extra });
    const notifications: AppNotification[] = [];
    const pushes: AppState[] = [];
    core.onNotification((n) => notifications.push(n));
    core.onPush('state:changed', (s) => pushes.push(s));
    cores.push(core);
    return { core, notifications, pushes };
  };
  return { timers, pages, calls, make, slow };
}

async function settle(timers: FakeTimers, ms = 1): Promise<void> {
  await timers.advance(ms);
  // Let file writes finish.
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 1));
  await timers.advance(1);
}

describe('app core', () => {
  it('starts empty with no timer and an unknown tray', async () => {
    const w = world();
    const { core } = w.make();
    await core.start();
    await settle(w.timers, 1000);
    const state = await core.handlers['state:get']();
    expect(state.vendors).toEqual([]);
    expect(state.tray).toBe('unknown');
    expect(state.dataDir).toBe(dir);
    expect(w.timers.count()).toBe(0);
  });

  it('adds a vendor detecting it once, caches the platform in the watchlist and polls without probing', async () => {
    const w = world();
    const { core } = w.make();
    await core.start();
    const summary = await core.handlers['vendors:add']({ url: KUSTOMER, name: 'Kustomer' });
    expect(summary.id).toBe(vendorIdFor(KUSTOMER));
    expect(w.calls[0]!.options.detection).toBeUndefined();
    await settle(w.timers, 300 * S);
    expect(w.calls.length).toBeGreaterThanOrEqual(3);
    expect(w.calls.slice(1).every((c) => c.options.detection?.apiUrl === `${KUSTOMER}/api/v2`)).toBe(true);
    const exported = JSON.parse(await core.handlers['watchlist:export']());
    expect(exported.vendors).toEqual([
      { url: KUSTOMER, name: 'Kustomer', platform: 'statuspage', apiUrl: `${KUSTOMER}/api/v2` },
    ]);
    const stored = JSON.parse(await fs.readFile(path.join(dir, 'watchlist.json'), 'utf8'));
    expect(stored.data.vendors[0].apiUrl).toBe(`${KUSTOMER}/api/v2`);
  });

  it('exports forwarding targets, secret addresses and all, only when asked', async () => {
    const w = world();
    const { core } = w.make();
    await core.start();
    await core.handlers['vendors:add']({ url: KUSTOMER });
    const hook = 'https://hooks.slack.test/services/T000/B000/SECRET';
    await core.handlers['forward:add']({ type: 'slack', url: hook, level: 'outages' });
    for (const plain of [
      await core.handlers['watchlist:export'](),
      await core.handlers['watchlist:export']({}),
    ]) {
      expect(plain).not.toContain('SECRET');
      expect(JSON.parse(plain)).not.toHaveProperty('forward');
    }
    const full = JSON.parse(await core.handlers['watchlist:export']({ includeForward: true }));
    expect(full.forward).toEqual([{ type: 'slack', url: hook, level: 'outages' }]);
    expect(full.vendors.map((v: { url: string }) => v.url)).toEqual([KUSTOMER]);
    await expect(core.handlers['watchlist:export']({ includeForward: 'yes' } as never)).rejects.toThrow();
  });

  it('adding the same page again watches both choices (two services of one provider), never ignores it', async () => {
    const w = world();
    const { core } = w.make();
    await core.start();
    await core.handlers['vendors:add']({ url: KUSTOMER, components: ['Prod1 (US)/Workflow'] });
    const again = await core.handlers['vendors:add']({ url: KUSTOMER, components: ['Prod2 (EU)/API'] });
    expect(again.watchedComponents).toEqual(['Prod1 (US)/Workflow', 'Prod2 (EU)/API']);
    const state = await core.handlers['state:get']();
    expect(state.vendors).toHaveLength(1);
    const whole = await core.handlers['vendors:add']({ url: KUSTOMER });
    expect(whole.watchedComponents).toEqual([]);
  });

  it('lists vendors worst first and shows the worst on the tray, offline and paused states included', async () => {
    const w = world();
    const { core } = w.make();
    await core.start();
    await core.handlers['vendors:add']({ url: KUSTOMER });
    await core.handlers['vendors:add']({ url: GITHUB });
    await settle(w.timers, 10);
    w.pages.set(GITHUB, snapshot([component('g1', 'Actions', null, 'partial_outage')], [], 'GitHub'));
    await core.handlers['vendors:refresh']({});
    await settle(w.timers, 10);
    let state = await core.handlers['state:get']();
    expect(state.vendors.map((v) => [v.name, v.status])).toEqual([
      ['GitHub', 'partial_outage'],
      ['Kustomer', 'operational'],
    ]);
    expect(state.tray).toBe('partial_outage');
    // The overview can name what is broken even when no incident is open.
    expect(state.vendors[0]!.problems).toEqual([{ name: 'Actions', group: null, status: 'partial_outage' }]);
    expect(state.vendors[0]!.problemCount).toBe(1);
    expect(state.vendors[1]!.problemCount).toBe(0);

    await core.handlers['settings:update']({ pausedUntil: new Date(w.timers.now() + 600 * S).toISOString() });
    expect((await core.handlers['state:get']()).tray).toBe('paused');
    await core.handlers['settings:update']({ pausedUntil: null });

    w.pages.clear();
    await settle(w.timers, 400 * S);
    state = await core.handlers['state:get']();
    expect(state.offline).toBe(true);
    expect(state.tray).toBe('offline');
  });

  it('gives a vendor detail with its last good snapshot and 90 days of uptime', async () => {
    const w = world();
    const { core } = w.make();
    await core.start();
    const { id } = await core.handlers['vendors:add']({ url: KUSTOMER });
    await settle(w.timers, 600 * S);
    w.pages.delete(KUSTOMER);
    await settle(w.timers, 130 * S);
    const detail = (await core.handlers['vendor:get']({ id }))!;
    expect(detail.snapshot?.components).toHaveLength(2);
    expect(detail.summary.stale).toBe(true);
    expect(detail.summary.error?.message).toBe('No route to host');
    expect(detail.uptime).toHaveLength(90);
    expect(detail.uptime[89]!.uptime).toBe(1);
    expect(await core.handlers['vendor:get']({ id: 'nope' })).toBeNull();
  });

  it('notifies an outage once, with vendor, what changed and severity', async () => {
    const w = world();
    const { core, notifications } = w.make();
    await core.start();
    await core.handlers['vendors:add']({ url: KUSTOMER, name: 'Kustomer' });
    await settle(w.timers, 10 * S);
    w.pages.set(
      KUSTOMER,
      snapshot(
        [
          component('c1', 'Workflow', 'Prod1 (US)', 'major_outage'),
          component('c2', 'Workflow', 'Prod2 (EU)'),
        ],
        [incident('i1', { title: 'Workflows failing in US', components: ['c1'], impact: 'critical' })],
      ),
    );
    await settle(w.timers, 600 * S);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.title).toBe('Kustomer — Major outage: Prod1 (US) / Workflow');
    expect(notifications[0]!.body).toContain('Workflows failing in US');
    expect(notifications[0]!.target).toEqual({ vendorId: vendorIdFor(KUSTOMER), incidentId: 'i1' });
  });

  it('remembers the watchlist, settings and announcements across a restart', async () => {
    const w = world();
    const first = w.make();
    await first.core.start();
    await first.core.handlers['vendors:add']({ url: KUSTOMER, name: 'Kustomer' });
    await first.core.handlers['settings:update']({ intervalSeconds: 60 });
    w.pages.set(
      KUSTOMER,
      snapshot([component('c1', 'Workflow', 'Prod1 (US)', 'major_outage')], [incident('i1')]),
    );
    await settle(w.timers, 120 * S);
    expect(first.notifications).toHaveLength(1);
    await first.core.stop();

    w.slow.ms = 5 * S;
    const second = w.make();
    await second.core.start();
    await settle(w.timers, 120 * S);
    const state = await second.core.handlers['state:get']();
    expect(state.settings.intervalSeconds).toBe(60);
    expect(state.vendors.map((v) => [v.name, v.status])).toEqual([['Kustomer', 'major_outage']]);
    expect(second.notifications).toEqual([]);
  });

  it('reports a corrupt watchlist in the state and keeps the file aside', async () => {
    await fs.writeFile(path.join(dir, 'watchlist.json'), '{"schemaVersion":1,"data":{"vendors":[{"url":');
    const w = world();
    const { core } = w.make();
    await core.start();
    const state = await core.handlers['state:get']();
    expect(state.notices.join('\n')).toMatch(
      /watchlist\.json could not be read.*kept aside as watchlist\.unusable-/,
    );
    const names = await fs.readdir(dir);
    expect(names.some((n) => n.startsWith('watchlist.unusable-'))).toBe(true);
  });

  it('imports a watchlist, reporting bad entries and losing nothing already watched', async () => {
    const w = world();
    const { core } = w.make();
    await core.start();
    await core.handlers['vendors:add']({ url: KUSTOMER });
    const result = await core.handlers['watchlist:import']({
      text: JSON.stringify({
        version: 1,
        vendors: [{ url: KUSTOMER }, { url: GITHUB, name: 'GitHub' }, { url: 'file:///etc/passwd' }],
      }),
    });
    expect(result.added).toBe(1);
    expect(result.skipped).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/vendor #3 \(file:\/\/\/etc\/passwd\)/);
    const bad = await core.handlers['watchlist:import']({ text: '{ not json' });
    expect(bad.added).toBe(0);
    expect(bad.errors[0]).toMatch(/line 1, column 3/);
    expect((await core.handlers['state:get']()).vendors).toHaveLength(2);
  });

  it('validates every argument, the app interval floor included', async () => {
    const w = world();
    const { core } = w.make();
    await core.start();
    await expect(core.handlers['vendors:add']({ url: 'javascript:alert(1)' })).rejects.toThrow(
      /^Enter an address that starts with https:\/\//,
    );
    await expect(core.handlers['settings:update']({ intervalSeconds: 5 })).rejects.toThrow(/intervalSeconds/);
    await expect(
      core.handlers['vendors:update']({ id: 'x', evil: true } as unknown as { id: string }),
    ).rejects.toThrow(/Invalid argument/);
    await expect(core.handlers['vendors:snooze']({ id: 'missing', choice: '1h' })).rejects.toThrow(
      /No watched vendor/,
    );
  });

  it('opens only http(s) links, through the host', async () => {
    const w = world();
    const opened: string[] = [];
    const { core } = w.make({ openExternal: async (url) => (opened.push(url), true) });
    await core.start();
    expect(await core.handlers['link:open']({ url: 'https://status.kustomer.test/incidents/1' })).toBe(true);
    expect(await core.handlers['link:open']({ url: 'file:///etc/passwd' })).toBe(false);
    expect(await core.handlers['link:open']({ url: 'javascript:alert(1)' })).toBe(false);
    expect(opened).toEqual(['https://status.kustomer.test/incidents/1']);
  });

  it('snoozes, updates and removes a vendor', async () => {
    const w = world();
    const { core, pushes } = w.make();
    await core.start();
    const { id } = await core.handlers['vendors:add']({ url: KUSTOMER });
    const snoozed = await core.handlers['vendors:snooze']({ id, choice: '1h' });
    expect(Date.parse(snoozed.snoozedUntil!)).toBe(w.timers.now() + 3600 * S);
    const updated = await core.handlers['vendors:update']({
      id,
      notify: 'outages',
      components: ['Prod1 (US)/Workflow'],
    });
    expect(updated.notify).toBe('outages');
    expect(updated.watchedComponents).toEqual(['Prod1 (US)/Workflow']);
    await settle(w.timers, 10);
    expect(w.calls.at(-1)!.options.watchedComponents).toEqual(['Prod1 (US)/Workflow']);
    await core.handlers['vendors:remove']({ id });
    await settle(w.timers, 1000);
    expect((await core.handlers['state:get']()).vendors).toEqual([]);
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.at(-1)!.vendors).toEqual([]);
    // Once the pending saves are written, nothing is scheduled while nothing is watched.
    await settle(w.timers, 11 * 60 * S);
    expect(w.timers.count()).toBe(0);
  });

  it('loads the watchlist file given at start, with its problems as notices', async () => {
    const file = path.join(dir, 'my-list.json');
    await fs.writeFile(
      file,
      JSON.stringify({ version: 1, vendors: [{ url: KUSTOMER }, { url: 'ftp://x.test' }] }),
    );
    const w = world();
    const { core } = w.make({ watchlistPath: file, intervalSeconds: 1 });
    await core.start();
    await settle(w.timers, 3 * S);
    const state = await core.handlers['state:get']();
    expect(state.vendors.map((v) => v.url)).toEqual([KUSTOMER]);
    expect(state.notices.join('\n')).toMatch(/my-list\.json: vendor #2/);
    expect(w.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a watchlist file that is one of its own data files, and leaves that file alone', async () => {
    const own = path.join(dir, 'watchlist.json');
    const text = JSON.stringify({ version: 1, vendors: [{ url: KUSTOMER }] });
    await fs.writeFile(own, text);
    const { core } = world().make({ watchlistPath: own });
    await expect(core.start()).rejects.toThrow(/own data files/);
    expect(await fs.readFile(own, 'utf8')).toBe(text);
  });

  it('tells the window when the command line sets the interval, and not otherwise', async () => {
    const overridden = world().make({ intervalSeconds: 5 }).core;
    await overridden.start();
    expect((await overridden.handlers['state:get']()).intervalOverrideSeconds).toBe(5);
    await overridden.stop();
    const plain = world().make().core;
    await plain.start();
    expect((await plain.handlers['state:get']()).intervalOverrideSeconds).toBeUndefined();
    await plain.stop();
  });

  it('stays silent while offline and sends one catch-up digest when the network is back', async () => {
    const w = world();
    const THIRD = 'https://status.third.test';
    w.pages.set(THIRD, snapshot([component('t1', 'API', null)], [], 'Third'));
    const saved = new Map(w.pages);
    const { core, notifications } = w.make();
    await core.start();
    for (const url of [KUSTOMER, GITHUB, THIRD]) await core.handlers['vendors:add']({ url });
    await settle(w.timers, 10 * S);
    w.pages.clear();
    await settle(w.timers, 3600 * S);
    expect((await core.handlers['state:get']()).tray).toBe('offline');
    expect(notifications).toEqual([]);
    for (const [url, snap] of saved) w.pages.set(url, snap);
    w.pages.set(
      KUSTOMER,
      snapshot([component('c1', 'Workflow', 'Prod1 (US)', 'major_outage')], [incident('k1')]),
    );
    w.pages.set(GITHUB, snapshot([component('g1', 'Actions', null, 'degraded')], [], 'GitHub'));
    core.signal('online');
    await settle(w.timers, 600 * S);
    expect((await core.handlers['state:get']()).tray).toBe('major_outage');
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.title).toBe('While you were offline: 2 vendors changed');
    expect(notifications[0]!.target).toBeNull();
  });

  it('shows the last known status at once after a restart, and announces what changed while it was closed', async () => {
    const w = world();
    const first = w.make();
    await first.core.start();
    await first.core.handlers['vendors:add']({ url: KUSTOMER, name: 'Kustomer' });
    w.pages.set(
      KUSTOMER,
      snapshot(
        [component('c1', 'Workflow', 'Prod1 (US)', 'major_outage')],
        [incident('i1', { title: 'Workflows failing' })],
      ),
    );
    await settle(w.timers, 300 * S);
    expect(first.notifications).toHaveLength(1);
    await first.core.stop();

    // Closed for a minute; meanwhile the vendor recovered.
    await w.timers.advance(60 * S);
    w.pages.set(
      KUSTOMER,
      snapshot(
        [component('c1', 'Workflow', 'Prod1 (US)')],
        [incident('i1', { title: 'Workflows failing', status: 'resolved', resolvedAt: 'x' })],
      ),
    );
    w.slow.ms = 5 * S;
    const second = w.make();
    await second.core.start();
    const before = await second.core.handlers['state:get']();
    expect(before.vendors.map((v) => [v.status, v.stale])).toEqual([['major_outage', true]]);
    await settle(w.timers, 30 * S);
    const after = await second.core.handlers['state:get']();
    expect(after.vendors.map((v) => [v.status, v.stale])).toEqual([['operational', false]]);
    expect(second.notifications.map((n) => n.title)).toEqual([
      'Kustomer — Operational: Prod1 (US) / Workflow',
    ]);
    expect(second.notifications[0]!.body).toContain('Resolved: Workflows failing');
  });

  it('tells the hosts when a pause ends by itself', async () => {
    const w = world();
    const { core, pushes } = w.make();
    await core.start();
    await core.handlers['settings:update']({ pausedUntil: new Date(w.timers.now() + 600 * S).toISOString() });
    await settle(w.timers, 599 * S);
    expect(pushes.at(-1)!.tray).toBe('paused');
    const before = pushes.length;
    await settle(w.timers, 2 * S);
    expect(pushes.length).toBe(before + 1);
    expect(pushes.at(-1)!.tray).toBe('unknown');
  });

  it('checks what a host-provided store returns, and says so when it cannot use it', async () => {
    const w = world();
    const docs = new Map<string, unknown>([
      ['watchlist', { version: 1, vendors: [{ url: KUSTOMER }, { url: 'ftp://bad.test' }] }],
      ['settings', { intervalSeconds: 'often' }],
      ['notifications', { nonsense: true }],
    ]);
    const openStore = <T>(name: string) => ({
      location: `/host/${name}.json`,
      load: async () => ({ value: (docs.get(name) ?? null) as T | null }),
      save: async (value: T) => void docs.set(name, value),
    });
    const { core } = w.make({ openStore });
    await core.start();
    const state = await core.handlers['state:get']();
    expect(state.vendors.map((v) => v.url)).toEqual([KUSTOMER]);
    expect(state.settings.intervalSeconds).toBe(120);
    expect(state.notices.join('\n')).toMatch(/notifications\.json holds data StatusTray cannot use/);
  });
});

// Reading Atlassian Statuspage pages into Snapshots: detection, groups, incidents, unknown values, rollup.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../electron/core/http/client';
import type { HttpClient } from '../../../electron/core/http/types';
import { detectPlatform, readSnapshot } from '../../../electron/core/read';
import {
  openIncident,
  scheduleMaintenance,
  setComponentStatus,
  startStatuspageServer,
  updateIncident,
  type StatuspageServer,
} from '../../fakes/statuspage-server';
import { startServer } from '../../fakes/server';
import { respond } from '../../fakes/hostile';
import {
  KUSTOMER_GROUPS,
  KUSTOMER_INCIDENT_IDS,
  KUSTOMER_POSTMORTEM_AUG10,
  KUSTOMER_POSTMORTEM_AUG16,
  kustomerFixture,
} from '../../fixtures/kustomer';

let http: HttpClient;
const servers: StatuspageServer[] = [];
async function serve(opts: Parameters<typeof startStatuspageServer>[0]) {
  const s = await startStatuspageServer(opts);
  servers.push(s);
  return s;
}
beforeAll(() => {
  http = createHttpClient({ proxy: 'none', timeoutMs: 3000 });
});
afterAll(() => http.close());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const NOW = () => Date.parse('2026-11-24T12:00:00Z');

describe('reading a Statuspage page', () => {
  it('reads the Kustomer page from its page URL: 47 components in their groups and every past incident', async () => {
    const server = await serve({ page: kustomerFixture() });
    const { snapshot, detection } = await readSnapshot(server.pageUrl, { http, now: NOW });
    expect(snapshot.error).toBeNull();
    expect(detection).toEqual({
      platform: 'statuspage',
      pageUrl: server.origin,
      apiUrl: `${server.origin}/api/v2`,
      name: 'Kustomer',
    });
    expect(snapshot.vendor).toEqual({ name: 'Kustomer', platform: 'statuspage', pageUrl: server.origin });
    expect(snapshot.status).toBe('operational');
    expect(snapshot.fetchedAt).toBe('2026-11-24T12:00:00.000Z');
    expect(snapshot.components).toHaveLength(47);
    const byGroup = (g: string | null) => snapshot.components.filter((c) => c.group === g).map((c) => c.name);
    expect(byGroup(null)).toEqual(['Regional Incident']);
    expect(byGroup('Prod1 (US)')).toEqual(KUSTOMER_GROUPS['Prod1 (US)']);
    expect(byGroup('Prod2 (EU)')).toEqual(KUSTOMER_GROUPS['Prod2 (EU)']);
    expect(byGroup('Third Party')).toEqual(['OpenAI', 'PubNub']);
    // The same name in two groups stays two components.
    const apis = snapshot.components.filter((c) => c.name === 'API');
    expect(apis.map((c) => c.group)).toEqual(['Prod1 (US)', 'Prod2 (EU)']);
    expect(new Set(apis.map((c) => c.id)).size).toBe(2);

    expect(snapshot.incidents.map((i) => [i.startedAt, i.impact, i.status])).toEqual([
      ['2022-09-09T16:58:00.000Z', 'minor', 'resolved'],
      ['2022-08-16T14:30:00.000Z', 'major', 'postmortem'],
      ['2022-08-10T13:16:00.000Z', 'minor', 'postmortem'],
    ]);
    const workflow = snapshot.incidents.find((i) => i.id === KUSTOMER_INCIDENT_IDS.workflow)!;
    expect(workflow.updates.map((u) => u.body)).toEqual([KUSTOMER_POSTMORTEM_AUG16]);
    expect(workflow.updates[0]!.body).toContain('# **Root Cause**');
    expect(workflow.updates[0]!.body).toContain('\n* Patch the library');
    expect(workflow.url).toBe(`${server.origin}/incidents/${KUSTOMER_INCIDENT_IDS.workflow}`);
    expect(workflow.kind).toBe('incident');
    expect(snapshot.incidents[2]!.updates[0]!.body).toBe(KUSTOMER_POSTMORTEM_AUG10);
    // Detection and read share one summary.json request.
    expect(server.counts()).toEqual({ 'index.html': 1, 'summary.json': 1, 'incidents.json': 1 });
  });

  it('finds a page that lives under a path, and takes the API URL itself', async () => {
    const server = await serve({ page: kustomerFixture(), prefix: '/status' });
    const ctx = { http, timeoutMs: 3000 };
    expect((await detectPlatform(`${server.origin}/status`, ctx)).apiUrl).toBe(
      `${server.origin}/status/api/v2`,
    );
    expect((await detectPlatform(`${server.origin}/status/`, ctx)).apiUrl).toBe(
      `${server.origin}/status/api/v2`,
    );
    const direct = await detectPlatform(`${server.origin}/status/api/v2/summary.json`, ctx);
    expect(direct).toEqual({
      platform: 'statuspage',
      pageUrl: `${server.origin}/status`,
      apiUrl: `${server.origin}/status/api/v2`,
    });
    const before = server.requests.length;
    const { snapshot } = await readSnapshot(`${server.origin}/status/api/v2/summary.json`, { http });
    expect(snapshot.components).toHaveLength(47);
    expect(server.requests.length - before).toBe(2);
  });

  it('puts open incidents first and rolls their impact into the vendor status', async () => {
    const server = await serve({ page: kustomerFixture() });
    let id = '';
    server.update((f) => {
      id = openIncident(f, {
        name: 'Email delays',
        impact: 'major',
        components: ['Prod2 (EU)/Channel - Email'],
        body: 'We are **investigating**.',
        at: '2026-11-24T09:41:00Z',
      }).id;
      updateIncident(f, id, { status: 'identified', body: 'Found it.', at: '2026-11-24T10:00:00Z' });
    });
    const { snapshot } = await readSnapshot(server.pageUrl, { http });
    expect(snapshot.status).toBe('partial_outage');
    const open = snapshot.incidents[0]!;
    expect(open).toMatchObject({
      id,
      title: 'Email delays',
      impact: 'major',
      status: 'identified',
      resolvedAt: null,
    });
    expect(open.updates.map((u) => [u.status, u.body])).toEqual([
      ['investigating', 'We are **investigating**.'],
      ['identified', 'Found it.'],
    ]);
    expect(snapshot.incidents).toHaveLength(4);
  });

  it('counts only watched components, and incidents that touch them', async () => {
    const server = await serve({ page: kustomerFixture() });
    server.update((f) => setComponentStatus(f, 'Prod1 (US)/API', 'major_outage'));
    const read = (watched: string[]) => readSnapshot(server.pageUrl, { http, watchedComponents: watched });
    expect((await read(['Prod2 (EU)/API'])).snapshot.status).toBe('operational');
    expect((await read(['Prod1 (US)/API'])).snapshot.status).toBe('major_outage');
    expect((await read([])).snapshot.status).toBe('major_outage');
    expect((await read(['Regional Incident'])).snapshot.status).toBe('operational');
    server.update((f) => {
      setComponentStatus(f, 'Prod1 (US)/API', 'operational');
      openIncident(f, { name: 'EU chat', impact: 'minor', components: ['Prod2 (EU)/Channel - Chat'] });
    });
    expect((await read(['Prod1 (US)/API'])).snapshot.status).toBe('operational');
    expect((await read(['Prod2 (EU)/Channel - Chat'])).snapshot.status).toBe('degraded');
  });

  it('reads maintenances: in progress shows as maintenance, scheduled ones do not change the status', async () => {
    const server = await serve({ page: kustomerFixture() });
    let id = '';
    server.update((f) => {
      id = scheduleMaintenance(f, {
        name: 'Database upgrade',
        from: '2026-11-25T02:00:00Z',
        until: '2026-11-25T04:00:00Z',
        components: ['Prod1 (US)/Search'],
      }).id;
    });
    let { snapshot } = await readSnapshot(server.pageUrl, { http });
    expect(snapshot.status).toBe('operational');
    const m = snapshot.incidents.find((i) => i.id === id)!;
    expect(m).toMatchObject({
      kind: 'maintenance',
      impact: 'maintenance',
      status: 'scheduled',
      scheduledFor: '2026-11-25T02:00:00.000Z',
      scheduledUntil: '2026-11-25T04:00:00.000Z',
    });
    server.update((f) => updateIncident(f, id, { status: 'in_progress', body: 'Started.' }));
    ({ snapshot } = await readSnapshot(server.pageUrl, { http }));
    expect(snapshot.status).toBe('maintenance');
    expect(snapshot.incidents[0]!.id).toBe(id);
  });

  it('reads a value Statuspage adds tomorrow as unknown, never as operational', async () => {
    const server = await serve({ page: kustomerFixture() });
    server.update((f) => setComponentStatus(f, 'Third Party/OpenAI', 'melting'));
    let { snapshot } = await readSnapshot(server.pageUrl, { http });
    expect(snapshot.error).toBeNull();
    expect(snapshot.components.find((c) => c.name === 'OpenAI')!.status).toBe('unknown');
    expect(snapshot.status).toBe('unknown');

    server.update((f) => {
      setComponentStatus(f, 'Third Party/OpenAI', 'operational');
      openIncident(f, { name: 'Something new', impact: 'apocalyptic', status: 'pondering' });
    });
    ({ snapshot } = await readSnapshot(server.pageUrl, { http }));
    expect(snapshot.error).toBeNull();
    expect(snapshot.incidents[0]).toMatchObject({ impact: 'unknown', status: 'unknown' });
    expect(snapshot.status).toBe('unknown');
  });

  it('costs 304s when nothing changed, with the cached detection', async () => {
    const server = await serve({ page: kustomerFixture() });
    const cached = createHttpClient({ proxy: 'none' });
    try {
      const first = await readSnapshot(server.pageUrl, { http: cached });
      const second = await readSnapshot(server.pageUrl, { http: cached, detection: first.detection! });
      expect(second.notModified).toBe(true);
      expect(second.snapshot.components).toEqual(first.snapshot.components);
      expect(server.notModifiedCount()).toBe(2);
      server.update((f) => setComponentStatus(f, 'Prod1 (US)/CSAT', 'degraded_performance'));
      const third = await readSnapshot(server.pageUrl, { http: cached, detection: first.detection! });
      expect(third.notModified).toBe(false);
      expect(third.snapshot.status).toBe('degraded');
    } finally {
      await cached.close();
    }
  });

  it('says a page lacks history when incidents.json is missing, and still reads it', async () => {
    const server = await serve({ page: kustomerFixture() });
    server.route('/api/v2/incidents.json', respond(404, 'nope'));
    const { snapshot } = await readSnapshot(server.pageUrl, { http });
    expect(snapshot.error).toBeNull();
    expect(snapshot.vendor.lacks).toEqual(['history']);
    expect(snapshot.components).toHaveLength(47);
  });

  it('says a look-alike summary without incidents tells nothing of incidents, rather than "none open"', async () => {
    const server = await startServer({
      routes: {
        '/api/v2/summary.json': respond(
          200,
          JSON.stringify({
            page: { id: 'x', name: 'Look-alike', url: 'https://status.example.com' },
            components: [
              { id: 'c1', name: 'API', status: 'operational', group: false, group_id: null, position: 1 },
            ],
          }),
        ),
        '/api/v2/incidents.json': respond(404, 'nope'),
      },
    });
    try {
      const { snapshot } = await readSnapshot(server.url('/api/v2/summary.json'), { http });
      expect(snapshot.error).toBeNull();
      expect(snapshot.vendor.lacks).toEqual(['incidents', 'history']);
      expect(snapshot.components.map((c) => c.name)).toEqual(['API']);
    } finally {
      await server.close();
    }
  });

  it('reports JSON of the wrong shape as a schema error naming the field', async () => {
    const server = await startServer({
      routes: {
        '/api/v2/summary.json': respond(
          200,
          JSON.stringify({ page: { id: 'x', name: 'X' }, components: 'none' }),
        ),
      },
    });
    try {
      const { snapshot } = await readSnapshot(server.url('/api/v2/summary.json'), { http });
      expect(snapshot.status).toBe('unknown');
      expect(snapshot.error?.kind).toBe('schema');
      expect(snapshot.error?.message).toContain('components');
    } finally {
      await server.close();
    }
  });

  it('says what it tried when a page is on no platform it knows', async () => {
    const server = await startServer({
      routes: { '/': respond(200, '<html>hello</html>', { 'content-type': 'text/html' }) },
    });
    try {
      const { snapshot, detection } = await readSnapshot(server.url('/'), { http });
      expect(detection).toBeNull();
      expect(snapshot.error?.kind).toBe('unrecognized');
      expect(snapshot.error?.message).toContain('Atlassian Statuspage');
      expect(snapshot.vendor).toEqual({
        name: server.host + ':' + server.port,
        platform: 'unknown',
        pageUrl: server.url('/'),
      });
    } finally {
      await server.close();
    }
  });

  it('rejects what is not an http(s) URL without a request', async () => {
    const { snapshot } = await readSnapshot('ftp://status.example.com', { http });
    expect(snapshot.error?.kind).toBe('invalid_url');
  });
});

describe('fast shape checks', () => {
  it('accept only what the zod schemas accept', async () => {
    const { SpSummarySchema, SpIncidentsSchema, isSpSummary, isSpIncidents } =
      await import('../../../electron/core/platforms/statuspage-schema');
    const { summaryOf, incidentsOf } = await import('../../fakes/statuspage-fixture');
    const good = kustomerFixture();
    openIncident(good, { name: 'x', impact: 'major', components: ['Prod1 (US)/API'] });
    const summary = JSON.parse(JSON.stringify(summaryOf(good)));
    const history = JSON.parse(JSON.stringify(incidentsOf(good)));
    // Every way of breaking one field must be refused by both or accepted by both.
    const breakers: Array<(v: unknown) => unknown> = [
      () => 42,
      () => null,
      () => [],
      () => ({}),
      () => 'text',
      () => true,
      () => undefined,
    ];
    const paths: Array<[object, string[]]> = [
      [summary, ['page']],
      [summary, ['page', 'name']],
      [summary, ['components']],
      [summary, ['components', '0']],
      [summary, ['components', '0', 'id']],
      [summary, ['components', '0', 'status']],
      [summary, ['components', '0', 'group']],
      [summary, ['components', '1', 'components']],
      [summary, ['components', '1', 'components', '0']],
      [summary, ['incidents', '0', 'impact']],
      [summary, ['incidents', '0', 'incident_updates', '0', 'body']],
      [summary, ['incidents', '0', 'components', '0', 'id']],
      [history, ['incidents']],
      [history, ['incidents', '1', 'name']],
      [history, ['incidents', '1', 'resolved_at']],
      [history, ['incidents', '1', 'incident_updates']],
      [history, ['page']],
    ];
    let compared = 0;
    for (const [root, path] of paths) {
      for (const breaker of breakers) {
        const copy = JSON.parse(JSON.stringify(root));
        let parent = copy;
        for (const key of path.slice(0, -1)) parent = parent[key];
        parent[path.at(-1)!] = breaker(parent[path.at(-1)!]);
        const isSummary = root === summary;
        const fast = isSummary ? isSpSummary(copy) : isSpIncidents(copy);
        const slow = (isSummary ? SpSummarySchema : SpIncidentsSchema).safeParse(copy).success;
        if (fast) expect(slow, `${path.join('.')} = ${JSON.stringify(breaker(undefined))}`).toBe(true);
        compared++;
      }
    }
    expect(compared).toBe(paths.length * breakers.length);
    expect(isSpSummary(summary)).toBe(true);
    expect(isSpIncidents(history)).toBe(true);
  });
});

describe('groups', () => {
  it('names a child with its group from the group list when the child lacks group_id', async () => {
    const { toComponents } = await import('../../../electron/core/platforms/statuspage');
    const components = toComponents([
      { id: 'g', name: 'EU', group: true, components: ['a'] },
      { id: 'a', name: 'API', status: 'operational' },
      { id: 'b', name: 'Web', status: 'major_outage', group_id: null },
    ]);
    expect(components).toEqual([
      { id: 'a', name: 'API', group: 'EU', status: 'operational' },
      { id: 'b', name: 'Web', group: null, status: 'major_outage' },
    ]);
  });
});

describe('reading outcomes', () => {
  it('passes Retry-After on to the caller so that it can wait', async () => {
    const server = await startServer({ routes: {} });
    server.fallback(respond(429, 'slow down', { 'retry-after': '90' }));
    try {
      const outcome = await readSnapshot(server.url('/api/v2/summary.json'), { http });
      expect(outcome.snapshot.error?.kind).toBe('rate_limited');
      expect(outcome.retryAfterMs).toBe(90_000);
      expect(outcome.detection?.platform).toBe('statuspage');
    } finally {
      await server.close();
    }
  });

  it('knows a *.statuspage.io page by its address, without a request', async () => {
    const { statuspage } = await import('../../../electron/core/platforms/statuspage');
    expect(statuspage.matchUrl(new URL('https://acme.statuspage.io/'))).toEqual({
      platform: 'statuspage',
      pageUrl: 'https://acme.statuspage.io',
      apiUrl: 'https://acme.statuspage.io/api/v2',
    });
    expect(statuspage.matchUrl(new URL('https://status.example.com/'))).toBeNull();
  });
});

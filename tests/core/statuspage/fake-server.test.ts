// The fake Statuspage server that every engine, monitor and e2e test builds on.
import { afterEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import {
  openIncident,
  resolveIncident,
  setComponentStatus,
  startStatuspageServer,
  type StatuspageServer,
} from '../../fakes/statuspage-server';
import { kustomerFixture, KUSTOMER_POSTMORTEM_AUG16 } from '../../fixtures/kustomer';

let server: StatuspageServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function getJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return {
    status: res.status,
    etag: res.headers.get('etag'),
    json: res.status === 200 ? await res.json() : null,
  };
}

describe('fake Statuspage server', () => {
  it('serves the Kustomer fixture with 47 leaf components and its postmortem', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const summary = (await getJson(`${server.apiUrl}/summary.json`)).json;
    const leaves = summary.components.filter((c: { group: boolean }) => !c.group);
    expect(leaves).toHaveLength(47);
    expect(
      summary.components.filter((c: { group: boolean }) => c.group).map((c: { name: string }) => c.name),
    ).toEqual(['Prod1 (US)', 'Prod2 (EU)', 'Third Party']);
    expect(summary.incidents).toEqual([]);
    const history = (await getJson(`${server.apiUrl}/incidents.json`)).json;
    expect(history.incidents).toHaveLength(3);
    expect(history.incidents[1].incident_updates[0].body).toBe(KUSTOMER_POSTMORTEM_AUG16);
    expect(KUSTOMER_POSTMORTEM_AUG16).toContain('# **Summary**\n\nAt 9:41 AM ET');
  });

  it('answers 304 to a matching If-None-Match until the page changes', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const first = await getJson(`${server.apiUrl}/summary.json`);
    const again = await getJson(`${server.apiUrl}/summary.json`, { 'if-none-match': first.etag! });
    expect(again.status).toBe(304);
    server.update((f) => setComponentStatus(f, 'Prod2 (EU)/API', 'major_outage'));
    const changed = await getJson(`${server.apiUrl}/summary.json`, { 'if-none-match': first.etag! });
    expect(changed.status).toBe(200);
    const api = changed.json.components.find(
      (c: { name: string; status: string; group_id: string | null }) =>
        c.name === 'API' && c.status !== 'operational',
    );
    expect(api.status).toBe('major_outage');
    expect(server.notModifiedCount()).toBe(1);
    expect(server.counts()['summary.json']).toBe(3);
  });

  it('shows open incidents in the summary until they resolve', async () => {
    server = await startStatuspageServer({ page: kustomerFixture(), prefix: '/status' });
    let id = '';
    server.update((f) => {
      id = openIncident(f, {
        name: 'Email delays',
        impact: 'major',
        components: ['Prod1 (US)/Channel - Email'],
      }).id;
    });
    expect(
      (await getJson(`${server.apiUrl}/summary.json`)).json.incidents.map((i: { id: string }) => i.id),
    ).toEqual([id]);
    server.update((f) => resolveIncident(f, id));
    expect((await getJson(`${server.apiUrl}/summary.json`)).json.incidents).toEqual([]);
    expect(server.apiUrl).toMatch(/\/status\/api\/v2$/);
  });

  it('gzips when asked', async () => {
    server = await startStatuspageServer({ page: kustomerFixture() });
    const http = await import('node:http');
    const body = await new Promise<Buffer>((resolve, reject) => {
      http
        .get(`${server!.apiUrl}/components.json`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          expect(res.headers['content-encoding']).toBe('gzip');
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        })
        .on('error', reject);
    });
    expect(JSON.parse(gunzipSync(body).toString()).components).toHaveLength(50);
  });
});

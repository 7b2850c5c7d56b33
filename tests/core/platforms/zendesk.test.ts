// Zendesk's own status API, read from captures of status.zendesk.com: its top-level services as components,
// its incidents (open and recent) with the services they touch.
import { parseZendesk } from '../../../electron/core/platforms/zendesk';
import { fixtureJson, fixtureText, readThroughEngine } from '../../fakes/platforms';
import { startServer, type FakeServer } from '../../fakes/server';

type Attrs = Record<string, unknown>;
type Doc = { data: Array<{ id: string; attributes: Attrs }>; included: Array<{ attributes: Attrs }> };
const incidents = fixtureJson<Doc>('zendesk', 'incidents.json');
const services = fixtureJson('zendesk', 'services.json');
const PAGE = 'https://status.zendesk.com';

/** The capture with incident 10315 (Voice, degraded) still open. */
function withVoiceOpen(): Doc {
  const doc = structuredClone(incidents);
  const voice = doc.data.find((i) => i.id === '10315')!;
  voice.attributes.status = 'investigating';
  voice.attributes.resolvedAt = null;
  for (const s of doc.included) if (s.attributes.incidentId === 10315) s.attributes.resolvedAt = null;
  return doc;
}

describe('Zendesk status API', () => {
  it('lists the top-level services, all operational when every incident is resolved', () => {
    const read = parseZendesk(incidents, services, PAGE);
    expect(read.vendor).toMatchObject({ name: 'Zendesk', platform: 'zendesk', lacks: ['updates'] });
    expect(read.components.map((c) => c.name).slice(0, 5)).toEqual([
      'Support',
      'Knowledge',
      'AI Agents',
      'Chat',
      'Voice',
    ]);
    expect(read.components.every((c) => c.status === 'operational')).toBe(true);
  });

  it('reads every incident as history, resolved at its resolvedAt even where its status word still says monitoring', () => {
    const read = parseZendesk(incidents, services, PAGE);
    expect(read.incidents.map((i) => [i.id, i.impact, i.status, i.resolvedAt])).toEqual([
      ['10315', 'minor', 'resolved', '2026-09-17T18:26:00.000Z'],
      ['10302', 'major', 'resolved', '2026-09-16T12:20:00.000Z'],
      ['10079', 'major', 'resolved', '2026-07-24T12:42:29.000Z'],
    ]);
    // Sub-services count for their parent: Ticketing (a Support sub-service) names Support.
    expect(read.incidents.find((i) => i.id === '10302')!.components).toEqual(['1']);
  });

  it('shows an open incident on the services it touches: degraded Voice, from its sub-services too', () => {
    const read = parseZendesk(withVoiceOpen(), services, PAGE);
    const voice = read.components.find((c) => c.name === 'Voice')!;
    expect(voice.status).toBe('degraded');
    expect(read.components.filter((c) => c.status !== 'operational')).toHaveLength(1);
    expect(read.incidents.find((i) => i.id === '10315')).toMatchObject({
      status: 'investigating',
      resolvedAt: null,
      startedAt: '2026-09-17T16:53:02.000Z',
      components: ['31'],
    });
  });
});

describe('reading Zendesk over HTTP', () => {
  let server: FakeServer;
  let body = fixtureText('zendesk', 'incidents.json');
  beforeAll(async () => {
    server = await startServer({
      routes: {
        '/api/ssp/incidents.json': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(body);
        },
        '/api/ssp/services.json': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(fixtureText('zendesk', 'services.json'));
        },
      },
    });
  });
  afterAll(() => server.close());

  it('reads the API address as operational with its history', async () => {
    const snap = await readThroughEngine(server.origin + '/api/ssp/incidents.json');
    expect(snap).toMatchObject({ error: null, status: 'operational' });
    expect(snap.vendor.platform).toBe('zendesk');
    expect(snap.incidents).toHaveLength(3);
  });

  it('shows an open outage as the vendor status', async () => {
    body = JSON.stringify(withVoiceOpen());
    const snap = await readThroughEngine(server.origin + '/api/ssp/incidents.json');
    expect(snap.error).toBeNull();
    expect(snap.status).toBe('degraded');
    expect(snap.incidents[0]).toMatchObject({ id: '10315', resolvedAt: null });
  });
});

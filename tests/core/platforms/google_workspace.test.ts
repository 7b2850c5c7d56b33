// Google Workspace: the same incidents.json shape as Google Cloud, under /appsstatus/dashboard.
import { googleWorkspaceAdapter } from '../../../electron/core/platforms/google_workspace';
import { parseGoogleIncidents } from '../../../electron/core/platforms/common/google';
import { fixtureJson, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

describe('Google Workspace incidents.json', () => {
  const read = parseGoogleIncidents(
    fixtureJson('google_workspace', 'incidents.json'),
    fixtureJson('google_workspace', 'products.json'),
    {
      platform: 'google_workspace',
      name: 'Google Workspace',
      pageUrl: 'https://www.google.com/appsstatus/dashboard',
    },
  );

  it('reads products and an open Gmail disruption with both updates', () => {
    expect(read.components.map((c) => [c.name, c.status])).toEqual([
      ['Gmail', 'partial_outage'],
      ['Google Drive', 'operational'],
      ['Google Calendar', 'operational'],
    ]);
    const gmail = read.incidents[0]!;
    expect(gmail).toMatchObject({ id: 'ws1', impact: 'major', resolvedAt: null });
    expect(gmail.updates).toHaveLength(2);
    // An information notice, not a disruption.
    expect(read.incidents[1]).toMatchObject({ id: 'ws0', status: 'resolved', impact: 'none' });
  });

  it("recognises the dashboard's real addresses without a request", () => {
    const page = googleWorkspaceAdapter.matchUrl(new URL('https://www.google.com/appsstatus/dashboard/'));
    expect(page).toMatchObject({
      platform: 'google_workspace',
      apiUrl: 'https://www.google.com/appsstatus/dashboard/incidents.json',
    });
    expect(googleWorkspaceAdapter.matchUrl(new URL('https://www.google.com/search?q=status'))).toBeNull();
  });
});

describe('reading Google Workspace over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('google_workspace');
  });
  afterAll(() => fake.close());

  it('reads incidents.json and the dashboard page as Google Workspace, not Google Cloud', async () => {
    for (const url of [fake.apiUrl, fake.pageUrl!]) {
      const snap = await readThroughEngine(url);
      expect(snap).toMatchObject({ error: null, status: 'partial_outage' });
      expect(snap.vendor.platform).toBe('google_workspace');
    }
  });
});

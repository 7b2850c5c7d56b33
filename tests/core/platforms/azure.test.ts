// Azure: the RSS feed of current issues; Azure as one component that follows it.
import { azureAdapter, parseAzureFeed } from '../../../electron/core/platforms/azure';
import { fixtureText, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

describe('Azure status feed', () => {
  it('reads an active outage and a mitigated issue, HTML descriptions as text', () => {
    const read = parseAzureFeed(fixtureText('azure', 'feed.rss'), 'feed');
    expect(read.components).toEqual([
      { id: 'azure', name: 'Azure (all services)', group: null, status: 'partial_outage' },
    ]);
    expect(read.incidents.map((i) => [i.title, i.impact, i.status])).toEqual([
      ['Active - Azure Storage outage in West Europe', 'major', 'investigating'],
      ['Mitigated - Intermittent latency for Azure Monitor', 'minor', 'resolved'],
    ]);
    expect(read.incidents[0]!.updates[0]!.body).toMatch(/^Impact Statement: Starting at 09:41 UTC/);
    expect(read.vendor.lacks).toEqual(['history']);
  });

  it('reads an empty feed as all of Azure operational', () => {
    const read = parseAzureFeed(fixtureText('azure', 'empty.rss'), 'feed');
    expect(read.components[0]!.status).toBe('operational');
    expect(read.incidents).toEqual([]);
  });

  it("recognises Azure's status page address and reads its feed", () => {
    expect(azureAdapter.matchUrl(new URL('https://azure.status.microsoft/en-us/status'))).toMatchObject({
      apiUrl: 'https://azure.status.microsoft/en-us/status/feed/',
    });
  });
});

describe('reading Azure over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('azure');
  });
  afterAll(() => fake.close());

  it('reads the feed address as Azure, not as a generic feed', async () => {
    const snap = await readThroughEngine(fake.apiUrl);
    expect(snap).toMatchObject({ error: null, status: 'partial_outage' });
    expect(snap.vendor.platform).toBe('azure');
  });
});

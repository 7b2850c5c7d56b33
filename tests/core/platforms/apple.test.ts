// Apple System Status: the JSONP data file with every service and its events.
import { appleAdapter, parseApple } from '../../../electron/core/platforms/apple';
import { parseJsonp } from '../../../electron/core/platforms/common/fetch';
import { fixtureText, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

describe('Apple system status', () => {
  const read = parseApple(
    parseJsonp(fixtureText('apple', 'system_status_en_US.jsonp.txt'), 'x'),
    'https://www.apple.com/support/systemstatus/',
  );

  it('lists every service, each as bad as its ongoing events; an unknown event type is unknown', () => {
    expect(read.components.map((c) => [c.name, c.status])).toEqual([
      ['App Store', 'operational'],
      ['iCloud Mail', 'major_outage'],
      ['iCloud Web Apps (iCloud.com)', 'major_outage'],
      ['Photos', 'degraded'],
      ['Apple Music', 'operational'],
      ['Apple ID', 'operational'],
      ['Siri', 'unknown'],
    ]);
  });

  it('reads one event posted for two services as one incident; "MM/DD/YYYY HH:MM PST" dates to UTC', () => {
    const mail = read.incidents.find((i) => i.id === '1000001')!;
    expect(mail).toMatchObject({
      impact: 'critical',
      status: 'investigating',
      startedAt: '2026-11-24T09:41:00.000Z',
      components: ['iCloud Mail', 'iCloud Web Apps (iCloud.com)'],
    });
    expect(mail.updates).toEqual([
      {
        status: 'investigating',
        body: 'Users may be unable to access iCloud Mail. We are investigating & will update.',
        at: '2026-11-24T09:45:00.000Z',
      },
    ]);
  });

  it('says Apple publishes one message per event, no separate updates', () => {
    expect(read.vendor.lacks).toEqual(['updates']);
  });

  it('reads upcoming maintenance and resolved events', () => {
    expect(read.incidents.find((i) => i.id === '1000004')).toMatchObject({
      kind: 'maintenance',
      status: 'scheduled',
      scheduledFor: '2026-11-25T07:00:00.000Z',
    });
    expect(read.incidents.find((i) => i.id === '1000003')).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-11-23T03:13:20.000Z',
    });
  });

  it("recognises Apple's consumer and developer status pages", () => {
    expect(appleAdapter.matchUrl(new URL('https://www.apple.com/support/systemstatus/'))).toMatchObject({
      apiUrl: 'https://www.apple.com/support/systemstatus/data/system_status_en_US.js',
    });
    expect(appleAdapter.matchUrl(new URL('https://developer.apple.com/system-status/'))).toMatchObject({
      name: 'Apple Developer',
    });
  });
});

describe('reading Apple over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('apple');
  });
  afterAll(() => fake.close());

  it('reads the JSONP address and the page that loads it', async () => {
    for (const url of [fake.apiUrl, fake.pageUrl!]) {
      const snap = await readThroughEngine(url);
      expect(snap).toMatchObject({ error: null, status: 'major_outage' });
      expect(snap.vendor.platform).toBe('apple');
    }
  });
});

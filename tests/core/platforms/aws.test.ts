// AWS Health: currentevents (UTF-16 with a BOM on the wire) and the RSS feeds.
import {
  awsAdapter,
  catalogAwsRegions,
  catalogAwsServices,
  parseAwsCurrentEvents,
  parseAwsFeed,
} from '../../../electron/core/platforms/aws';
import { vendorStatus } from '../../../electron/core/rollup';
import {
  fixtureJson,
  fixtureText,
  readThroughEngine,
  startPlatformFake,
  type PlatformFake,
} from '../../fakes/platforms';

describe('AWS currentevents', () => {
  const read = parseAwsCurrentEvents(fixtureJson('aws', 'currentevents.json'));

  it('lists the services each event touches, by region, with their current status; unknown codes are unknown', () => {
    expect(read.components.map((c) => [c.id, c.group, c.status])).toEqual([
      ['ec2-us-east-1', 'N. Virginia', 'major_outage'],
      ['lambda-us-east-1', 'N. Virginia', 'partial_outage'],
      ['sqs-us-east-1', 'N. Virginia', 'degraded'],
      ['mystery-us-east-1', 'N. Virginia', 'unknown'],
      ['s3-eu-west-1', 'Ireland', 'operational'],
    ]);
    expect(read.vendor.lacks).toEqual(['components', 'history']);
  });

  it('reads an open event with its whole log (epoch seconds and milliseconds, string and number codes)', () => {
    const ec2 = read.incidents[0]!;
    expect(ec2).toMatchObject({
      title: 'Increased API Error Rates',
      impact: 'critical',
      status: 'investigating',
      resolvedAt: null,
    });
    expect(ec2.updates.map((u) => u.at)).toEqual([
      '2026-11-24T09:41:00.000Z',
      '2026-11-24T10:41:00.000Z',
      '2026-11-24T11:41:00.000Z',
    ]);
    expect(ec2.updates[1]!.body).toBe('We have identified the root cause & are working toward recovery.');
  });

  it('reads a [RESOLVED] event as resolved, keeping its worst impact', () => {
    expect(read.incidents[1]).toMatchObject({
      title: 'Elevated latency',
      status: 'resolved',
      impact: 'minor',
      resolvedAt: '2026-11-23T10:41:00.000Z',
    });
  });

  it('shows the services it knows by name and currentevents does not mention as operating normally', () => {
    const known = ['AWS Amplify', 'Amazon Elastic Compute Cloud'];
    const full = parseAwsCurrentEvents(fixtureJson('aws', 'currentevents.json'), undefined, known);
    expect(full.components.filter((c) => c.name === 'Amazon Elastic Compute Cloud')).toHaveLength(1);
    expect(full.components.find((c) => c.name === 'AWS Amplify')).toMatchObject({
      status: 'operational',
      group: null,
    });
    expect(full.vendor.lacks).toEqual(['history']);
    // A watch list naming a quiet service reads as healthy, one naming a troubled service as troubled.
    expect(vendorStatus(full.components, full.incidents, ['AWS Amplify'])).toBe('operational');
    expect(vendorStatus(full.components, full.incidents, ['Amazon Elastic Compute Cloud'])).toBe(
      'major_outage',
    );
    expect(catalogAwsServices()).toContain('Amazon Simple Storage Service');
  });

  it('reads no events (an empty list or an empty body) as every known service operating normally', () => {
    const quiet = parseAwsCurrentEvents([], undefined, ['AWS Amplify']);
    expect(quiet.incidents).toEqual([]);
    expect(quiet.components).toEqual([
      { id: 'service:AWS Amplify', name: 'AWS Amplify', group: null, status: 'operational' },
    ]);
  });

  it("reads a watched region as the worst of its services' events, and a quiet one as operating normally", () => {
    const regions = catalogAwsRegions();
    expect(regions).toEqual(expect.arrayContaining(['N. Virginia', 'Ireland', 'Frankfurt']));
    expect(catalogAwsServices()).not.toContain('N. Virginia');
    const full = parseAwsCurrentEvents(fixtureJson('aws', 'currentevents.json'), undefined, [], regions);
    expect(full.components.find((c) => c.id === 'region:N. Virginia')).toMatchObject({
      name: 'N. Virginia',
      status: 'major_outage',
    });
    // What the catalog's region entry watches: the region by name.
    expect(vendorStatus(full.components, full.incidents, ['N. Virginia'])).toBe('major_outage');
    expect(vendorStatus(full.components, full.incidents, ['Frankfurt'])).toBe('operational');
  });

  it('rejects an answer that is not a list of events', () => {
    expect(() => parseAwsCurrentEvents({ nope: true })).toThrow(/not a list/);
  });
});

describe('AWS RSS', () => {
  it('reads impact from the title prefix and resolution from "operating normally"', () => {
    const read = parseAwsFeed(fixtureText('aws', 'all.rss'), 'all.rss');
    expect(read.incidents.map((i) => [i.title, i.impact, i.status])).toEqual([
      ['Increased API Error Rates', 'critical', 'investigating'],
      ['Delayed CloudWatch metrics', 'minor', 'investigating'],
      ['Elevated latency', 'none', 'resolved'],
    ]);
    expect(read.incidents[0]!.startedAt).toBe('2026-11-24T09:41:00.000Z');
  });

  it("recognises AWS's own addresses without a request", () => {
    expect(awsAdapter.matchUrl(new URL('https://health.aws.amazon.com/health/status'))).toMatchObject({
      apiUrl: 'https://health.aws.amazon.com/public/currentevents',
    });
    expect(awsAdapter.matchUrl(new URL('https://status.aws.amazon.com/rss/ec2-us-east-1.rss'))).toMatchObject(
      { apiUrl: 'https://status.aws.amazon.com/rss/ec2-us-east-1.rss' },
    );
  });
});

describe('reading AWS over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('aws');
  });
  afterAll(() => fake.close());

  it('reads currentevents served as UTF-16 with a byte-order mark', async () => {
    const snap = await readThroughEngine(fake.apiUrl);
    expect(snap).toMatchObject({ error: null, status: 'major_outage' });
    expect(snap.vendor.platform).toBe('aws');
    expect(snap.incidents[0]!.title).toBe('Increased API Error Rates');
  });

  it('reads the RSS feed as AWS, not as a generic feed', async () => {
    const snap = await readThroughEngine(fake.server.url('/rss/all.rss'));
    expect(snap.error).toBeNull();
    expect(snap.vendor.platform).toBe('aws');
    expect(snap.status).toBe('major_outage');
  });
});

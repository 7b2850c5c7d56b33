// Generic RSS 2.0 / Atom history feeds: every update of Statuspage-style items, progress read from words,
// no component list claimed, and reading from the feed's address or a page that announces it.
import { parseFeedRead } from '../../../electron/core/platforms/feed';
import { fixtureText, readThroughEngine, startPlatformFake, type PlatformFake } from '../../fakes/platforms';

const FETCHED = '2026-11-24T12:00:00.000Z';

describe('feed parsing', () => {
  const rss = parseFeedRead(fixtureText('feed', 'history.rss'), 'history.rss', 'https://p.example', FETCHED);

  it('says plainly that a feed has no component list', () => {
    expect(rss.components).toEqual([]);
    expect(rss.vendor).toMatchObject({ name: 'Plover', platform: 'feed', lacks: ['components'] });
  });

  it('reads every update of an open incident, oldest first, with its status and text', () => {
    const open = rss.incidents[0]!;
    expect(open).toMatchObject({
      title: 'Delayed notifications',
      status: 'monitoring',
      resolvedAt: null,
      impact: 'unknown',
    });
    expect(open.updates.map((u) => [u.status, u.at])).toEqual([
      ['investigating', '2026-11-24T09:41:00.000Z'],
      ['identified', '2026-11-24T10:05:00.000Z'],
      ['monitoring', '2026-11-24T11:00:00.000Z'],
    ]);
    expect(open.updates[1]!.body).toBe('The issue has been identified & a fix is being implemented.');
  });

  it('reads a maintenance and a resolved incident with their end times', () => {
    expect(rss.incidents[1]).toMatchObject({
      kind: 'maintenance',
      impact: 'maintenance',
      status: 'completed',
      resolvedAt: '2026-11-20T02:00:00.000Z',
    });
    expect(rss.incidents[2]).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-10T09:00:00.000Z' });
  });

  it('reads Atom entries, offsets to UTC, progress from words, and an entry without progress as unknown', () => {
    const atom = parseFeedRead(
      fixtureText('feed', 'history.atom'),
      'history.atom',
      'https://s.example',
      FETCHED,
    );
    expect(atom.vendor.name).toBe('Sandpiper');
    const byTitle = new Map(atom.incidents.map((i) => [i.title, i]));
    expect(byTitle.get('Uploads failing')).toMatchObject({
      status: 'unknown',
      startedAt: '2026-11-24T09:41:00.000Z',
    });
    expect(byTitle.get('Uploads failing')!.updates[0]!.body).toBe(
      'We are looking into failing uploads & will update soon.',
    );
    expect(byTitle.get('[Resolved] Slow search')).toMatchObject({ status: 'resolved' });
    expect(byTitle.get('No date at all')!.startedAt).toBe(FETCHED);
  });
});

describe("an item's status comes from its latest update, as real Statuspage feeds write it", () => {
  const read = (file: string) => parseFeedRead(fixtureText('feed', file), file, 'https://x.example', FETCHED);
  const byTitle = (file: string) => new Map(read(file).incidents.map((i) => [i.title, i]));

  it('reads an RSS item whose newest update is "Resolved" as resolved, with "Update" entries in between', () => {
    const item = byTitle('statuspage-history.rss').get(
      'Incident with GitHub Actions, Codespaces, Issues, and Webhooks',
    )!;
    expect(item).toMatchObject({ status: 'resolved', resolvedAt: '2022-03-16T19:46:00.000Z' });
    expect(item.updates).toHaveLength(8);
    expect(item.updates[0]).toMatchObject({ status: 'investigating', at: '2022-03-16T14:09:00.000Z' });
    // "Update" carries no progress word of its own: it keeps the progress before it, never "unknown".
    expect(item.updates.slice(1, 7).every((u) => u.status === 'investigating')).toBe(true);
  });

  it('takes the first update as the latest when the updates carry no dates (RSS and Atom alike)', () => {
    expect(byTitle('statuspage-history.rss').get('Degraded Performance Across Lookup APIs')).toMatchObject({
      status: 'resolved',
    });
    expect(byTitle('statuspage-history.atom').get('Elevated latency')).toMatchObject({ status: 'resolved' });
    expect(byTitle('statuspage-history.atom').get('Instance failure')).toMatchObject({
      status: 'resolved',
      resolvedAt: '2021-12-26T14:45:00.000Z',
    });
  });

  it("reads a page's own time zone and a year boundary in update dates", () => {
    const item = byTitle('statuspage-history.rss').get('Blank content')!;
    expect(item.status).toBe('resolved');
    expect(item.updates.map((u) => u.at)).toEqual([
      '2021-12-31T09:16:00.000Z',
      '2021-12-31T15:16:00.000Z',
      '2022-01-01T09:30:00.000Z',
    ]);
  });

  it('no resolved item of a real feed reads as open', () => {
    for (const file of ['statuspage-history.rss', 'statuspage-history.atom']) {
      expect(read(file).incidents.filter((i) => i.resolvedAt === null)).toEqual([]);
    }
  });
});

describe('reading feeds over HTTP', () => {
  let fake: PlatformFake;
  beforeAll(async () => {
    fake = await startPlatformFake('feed');
  });
  afterAll(() => fake.close());

  it("reads the feed's own address", async () => {
    const snap = await readThroughEngine(fake.apiUrl);
    expect(snap.error).toBeNull();
    expect(snap.vendor.platform).toBe('feed');
    expect(snap.incidents).toHaveLength(3);
    // An open incident whose impact no feed tells: the vendor is unknown, never operational.
    expect(snap.status).toBe('unknown');
  });

  it('reads a page through the history feed it announces, not its blog feed', async () => {
    const snap = await readThroughEngine(fake.pageUrl!);
    expect(snap.error).toBeNull();
    expect(snap.vendor.platform).toBe('feed');
    expect(snap.incidents[0]!.title).toBe('Delayed notifications');
    expect(fake.server.count('/blog.atom')).toBe(0);
  });
});

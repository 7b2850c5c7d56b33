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

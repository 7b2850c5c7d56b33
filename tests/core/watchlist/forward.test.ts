// A watchlist's "forward" targets: read target by target (a bad one named without its secret URL and
// skipped), kept by the app, and left out of an export unless asked for.
import { describe, expect, it } from 'vitest';
import { parseWatchlist, serializeWatchlist } from '../../../electron/core/watchlist';

const SLACK = 'https://hooks.slack.com/services/T0123/B0456/7IsoQTrixdUtE971O1xQTm4T';

describe('watchlist forward targets', () => {
  it('reads valid targets and names a bad one by type and shortened URL', () => {
    const { watchlist, problems } = parseWatchlist(
      JSON.stringify({
        version: 1,
        vendors: [{ url: 'https://status.kustomer.com' }],
        forward: [
          { type: 'slack', url: SLACK, level: 'outages' },
          { type: 'pager', url: 'https://example.com/hook/SECRETPART' },
          { type: 'ntfy', url: 'ftp://ntfy.example.com/topic' },
          { type: 'slack', url: SLACK },
        ],
      }),
    );
    expect(watchlist?.forward).toEqual([{ type: 'slack', url: SLACK, level: 'outages' }]);
    expect(watchlist?.vendors).toHaveLength(1);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).not.toContain('SECRETPART');
    expect(problems.join('\n')).not.toContain('7IsoQ');
    expect(problems[0]).toMatch(/forward target #2/);
    expect(problems[1]).toMatch(/forward target #3.*http\(s\)/);
    expect(problems[2]).toMatch(/duplicate/);
  });

  it('an export leaves the targets out unless asked', () => {
    const file = {
      version: 1 as const,
      vendors: [{ url: 'https://status.kustomer.com' }],
      forward: [{ type: 'slack' as const, url: SLACK }],
    };
    expect(serializeWatchlist(file)).not.toContain('hooks.slack.com');
    expect(JSON.parse(serializeWatchlist(file, { includeForward: true })).forward).toEqual([
      { type: 'slack', url: SLACK },
    ]);
  });
});

import {
  normalizeUrl,
  parseWatchlist,
  serializeWatchlist,
  vendorIdFor,
} from '../../../electron/core/watchlist';

describe('watchlist file', () => {
  it('reads the file of DESIGN.md', () => {
    const text = JSON.stringify({
      version: 1,
      vendors: [
        { url: 'https://status.kustomer.com', name: 'Kustomer', components: ['Prod2 (EU)/Channel - Email'] },
      ],
      intervalSeconds: 120,
    });
    const { watchlist, problems } = parseWatchlist(text);
    expect(problems).toEqual([]);
    expect(watchlist).toEqual({
      version: 1,
      vendors: [
        { url: 'https://status.kustomer.com', name: 'Kustomer', components: ['Prod2 (EU)/Channel - Email'] },
      ],
      intervalSeconds: 120,
    });
  });

  it('names the line and column of a JSON syntax error', () => {
    const text = '{\n  "version": 1,\n  "vendors": [\n    { "url": "https://a.example" }\n  ,]\n}';
    const { watchlist, problems } = parseWatchlist(text);
    expect(watchlist).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe('not valid JSON at line 5, column 4: unexpected "]"');
  });

  it('names a truncated file at its end', () => {
    const { watchlist, problems } = parseWatchlist('{\n "version": 1,\n "vendors": [');
    expect(watchlist).toBeNull();
    expect(problems[0]).toMatch(/line 3/);
  });

  it('names bad entries by index and URL, still loads the valid ones and keeps unknown fields', () => {
    const text = JSON.stringify({
      version: 1,
      vendors: [
        { url: 'https://good.example' },
        { url: 'ftp://files.example' },
        { url: 'https://typo.example', nmae: 'Typo' },
        { url: 'https://good.example/' },
        { url: 'javascript:alert(1)' },
        { url: 'https://also-good.example', notify: 'outages' },
      ],
    });
    const { watchlist, problems } = parseWatchlist(text);
    expect(watchlist?.vendors.map((v) => v.url)).toEqual([
      'https://good.example',
      'https://typo.example',
      'https://also-good.example',
    ]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(
      /vendor #2 \(ftp:\/\/files\.example\): Enter an address that starts with https:/,
    );
    expect(problems[1]).toMatch(/vendor #3 \(https:\/\/typo\.example\).*unknown field.*"nmae".*kept/);
    expect(problems[2]).toMatch(/vendor #4 \(https:\/\/good\.example\/\).*duplicate of vendor #1/);
    expect(problems[3]).toMatch(/vendor #5 \(javascript:alert\(1\)\)/);
  });

  it('reports unknown top-level fields and a bad interval without losing the vendors', () => {
    const { watchlist, problems } = parseWatchlist(
      JSON.stringify({
        version: 1,
        vendors: [{ url: 'https://a.example' }],
        interval: 5,
        intervalSeconds: -3,
      }),
    );
    expect(watchlist?.vendors).toHaveLength(1);
    expect(watchlist?.intervalSeconds).toBeUndefined();
    expect(problems.join('\n')).toMatch(/unknown field "interval"/);
    expect(problems.join('\n')).toMatch(/intervalSeconds/);
  });

  it('rejects a file that is not an object', () => {
    expect(parseWatchlist('[1,2]').watchlist).toBeNull();
    expect(parseWatchlist('"x"').problems[0]).toMatch(/JSON object/);
  });

  it('round-trips through export and import', () => {
    const original = {
      version: 1 as const,
      vendors: [
        { url: 'https://status.kustomer.com', name: 'Kustomer', components: ['Prod1 (US)/Workflow'] },
        { url: 'https://status.example.com', notify: 'muted' as const, platform: 'statuspage' as const },
      ],
      intervalSeconds: 60,
    };
    const { watchlist, problems } = parseWatchlist(serializeWatchlist(original));
    expect(problems).toEqual([]);
    expect(watchlist).toEqual(original);
  });

  it('gives a URL a stable id, the same for trivially different spellings', () => {
    const id = vendorIdFor('https://status.kustomer.com');
    expect(id).toMatch(/^status-kustomer-com-[0-9a-f]{6}$/);
    expect(vendorIdFor('https://STATUS.kustomer.com/')).toBe(id);
    expect(vendorIdFor('https://status.other.com')).not.toBe(id);
    expect(normalizeUrl('https://a.example/x/#frag')).toBe('https://a.example/x');
  });
});

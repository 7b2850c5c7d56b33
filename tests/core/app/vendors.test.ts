// The vendor actions' own rules: adding a watched page again widens what is watched, and a list brought
// in adds only pages not watched yet.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/app/context';
import { addNewEntries, findEntry, mergeWatched } from '../../../electron/core/app/vendors';
import { vendorIdFor } from '../../../electron/core/watchlist';
import type { WatchEntry } from '../../../shared/model';

describe('adding a page that is already watched', () => {
  it('watches the union of both choices', () => {
    expect(mergeWatched(['Prod1 (US)/Workflow'], ['Prod2 (EU)/Workflow'])).toEqual([
      'Prod1 (US)/Workflow',
      'Prod2 (EU)/Workflow',
    ]);
  });

  it('watches the whole page when either choice asks for it', () => {
    expect(mergeWatched(['EC2'], undefined)).toBeUndefined();
    expect(mergeWatched(['EC2'], [])).toBeUndefined();
    expect(mergeWatched(undefined, ['EC2'])).toBeUndefined();
  });

  it('changes nothing when the choice is already covered', () => {
    const current = ['EC2', 'S3'];
    expect(mergeWatched(current, ['S3'])).toBe(current);
  });
});

describe('bringing a list in', () => {
  it('adds only the pages not watched yet, however their address is written', () => {
    const ctx = { entries: [{ url: 'https://status.kustomer.test' }] as WatchEntry[] } as AppContext;
    const result = addNewEntries(ctx, [
      { url: 'https://status.kustomer.test/' },
      { url: 'https://www.githubstatus.test', name: 'GitHub' },
      { url: 'https://www.githubstatus.test' },
    ]);
    expect(result).toEqual({ added: 1, skipped: 2 });
    expect(ctx.entries.map((e) => e.url)).toEqual([
      'https://status.kustomer.test',
      'https://www.githubstatus.test',
    ]);
    expect(findEntry(ctx, vendorIdFor('https://www.githubstatus.test'))?.name).toBe('GitHub');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative } from '../../renderer/src/format';
import { summaryLine } from '../../renderer/src/views/OverviewView';
import { summary } from './fixtures';

describe('times as people read them', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  it('says how long ago, in the largest unit that reads well', () => {
    expect(formatRelative('2026-11-24T11:59:40Z', now)).toBe('just now');
    expect(formatRelative('2026-11-24T11:55:00Z', now)).toBe('5 min ago');
    expect(formatRelative('2026-11-24T09:50:00Z', now)).toBe('2 h 10 min ago');
    expect(formatRelative('2026-11-21T10:00:00Z', now)).toBe('3 d 2 h ago');
    expect(formatRelative('2026-08-01T10:00:00Z', now)).toBe('3 months ago');
    expect(formatRelative('2022-08-16T14:30:00Z', now)).toBe('4 years ago');
    expect(formatRelative('2026-11-24T14:00:00Z', now)).toBe('in 2 h');
    expect(formatRelative(null, now)).toBe('never');
    expect(formatDuration(35 * 60_000)).toBe('35 min');
    expect(formatDuration(3_000)).toBe('under a minute');
  });
});

describe('summary line', () => {
  it('counts vendors with problems, and says all are operational only when they are', () => {
    const ok = (id: string) => summary({ id, name: id });
    expect(summaryLine([ok('a'), ok('b')])).toBe('All 2 vendors operational');
    expect(summaryLine([ok('a'), { ...ok('b'), status: 'unknown' }])).toBe(
      '1 of 2 vendors operational, 1 unknown',
    );
    expect(summaryLine([ok('a'), { ...ok('b'), status: 'degraded' }])).toBe('1 vendor with problems');
    expect(summaryLine([])).toBe('No vendors watched yet');
  });
});

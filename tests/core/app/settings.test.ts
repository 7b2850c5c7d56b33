// The end of a pause redraws the tray without anyone asking.
import { describe, expect, it } from 'vitest';
import { pauseEndTimer } from '../../../electron/core/app/settings';
import { DEFAULT_SETTINGS } from '../../../electron/core/app/stores';
import { FakeTimers } from '../monitor/helpers';

describe('pause end', () => {
  it('fires once when the pause ends, and re-arms for a new pause', async () => {
    const timers = new FakeTimers();
    let ended = 0;
    const pause = pauseEndTimer(timers, timers.now, () => ended++);
    const until = (ms: number) => ({
      ...DEFAULT_SETTINGS,
      pausedUntil: new Date(timers.now() + ms).toISOString(),
    });
    pause.follow(until(60_000));
    pause.follow(until(120_000));
    await timers.advance(60_001);
    expect(ended).toBe(0);
    await timers.advance(60_000);
    expect(ended).toBe(1);
  });

  it('sets no timer for a pause already over, and none after stop', async () => {
    const timers = new FakeTimers();
    const pause = pauseEndTimer(timers, timers.now, () => undefined);
    pause.follow({ ...DEFAULT_SETTINGS, pausedUntil: '2020-01-01T00:00:00.000Z' });
    expect(timers.count()).toBe(0);
    pause.follow({ ...DEFAULT_SETTINGS, pausedUntil: new Date(timers.now() + 1000).toISOString() });
    pause.stop();
    expect(timers.count()).toBe(0);
  });
});

// watch's history save: soon after the first change, then at most once a period, and whatever is pending
// on stop.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { periodicSave } from '../../electron/cli/periodic-save';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('periodicSave', () => {
  it('saves at the first change, then at most once a period, and the rest on flush', async () => {
    const save = vi.fn(async () => {});
    const saver = periodicSave(save, 300_000);
    saver.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 100; i++) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200_000);
    expect(save).toHaveBeenCalledTimes(2);

    saver.changed();
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(3);
    // Nothing pending: flushing again writes nothing, and no timer is left.
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
  });
});

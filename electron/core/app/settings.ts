// The user's settings while the app runs: a change is checked, saved, and takes effect at once (polling
// interval, the end of a pause).
import type { RequestHandlers, Settings } from '../../../shared/ipc';
import type { Timers } from '../monitor/types';
import type { AppContext } from './context';
import { storedSettings, validateSettings } from './stores';
import { check } from './validate';

async function saveSettings(ctx: AppContext): Promise<void> {
  await ctx.stores.settings.store.save(storedSettings(ctx.settings)).catch(ctx.reportSaveError('settings'));
  // The command line's interval wins over the stored one.
  if (ctx.options.intervalSeconds === undefined)
    ctx.monitor.setIntervalMs(ctx.settings.intervalSeconds * 1000);
}

/** A watchlist file's interval (already checked against the app's floor) becomes the setting. */
export async function applyInterval(ctx: AppContext, intervalSeconds: number): Promise<void> {
  ctx.settings = validateSettings({ ...ctx.settings, intervalSeconds }, ['intervalSeconds']);
  await saveSettings(ctx);
}

/** When a pause ends, the tray must change without anyone asking. */
export function pauseEndTimer(timers: Timers, now: () => number, onEnd: () => void) {
  let timer: unknown = null;
  const clear = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  return {
    /** Re-arms for the current pause (or none). */
    follow(settings: Settings): void {
      clear();
      if (settings.pausedUntil === null) return;
      const ms = Date.parse(settings.pausedUntil) - now();
      if (!(ms > 0)) return;
      timer = timers.setTimeout(() => {
        timer = null;
        onEnd();
      }, ms + 1);
    },
    stop: clear,
  };
}

export function settingsHandlers(
  ctx: AppContext,
  onChanged: (settings: Settings) => void,
): Pick<RequestHandlers, 'settings:update'> {
  return {
    async 'settings:update'(arg) {
      const patch = check('settings:update', arg);
      const next: Settings = { ...ctx.settings, ...patch };
      if (patch.quietHours) next.quietHours = { ...patch.quietHours };
      ctx.settings = validateSettings(next, Object.keys(patch));
      await saveSettings(ctx);
      onChanged(ctx.settings);
      ctx.push.changed();
      return structuredClone(ctx.settings);
    },
  };
}

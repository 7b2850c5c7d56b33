// The app core's side of a watchlist file that is THE watchlist (see ./config-file): at start its vendors
// and targets replace the stored ones, and each usable edit by hand replaces them again and is told.
import path from 'node:path';
import type { AppContext } from './context';
import { entriesFromFile, type ConfigFileSync } from './config-file';

const NOTICE_KEY = 'config-file';

export function followConfigFile(
  ctx: AppContext,
  configFile: ConfigFileSync,
  targetsChanged: () => Promise<void>,
): void {
  const stored = ctx.entries.length;
  ctx.entries = entriesFromFile(configFile.initial.vendors, ctx.entries);
  ctx.forward = [...(configFile.initial.forward ?? [])];
  const name = path.basename(configFile.file);
  const n = ctx.entries.length;
  ctx.notices.set(
    NOTICE_KEY,
    `Watching the ${n} vendor${n === 1 ? '' : 's'} of ${name}: the file is the watchlist, and changes made here are written to it.` +
      (stored > 0
        ? ` The ${stored} vendor${stored === 1 ? '' : 's'} stored in the data folder ${stored === 1 ? 'is' : 'are'} left as ${stored === 1 ? 'it is' : 'they are'}, for a start without --config.`
        : ''),
  );
  configFile.follow({
    changed(watchlist) {
      ctx.entries = entriesFromFile(watchlist.vendors, ctx.entries);
      ctx.forward = [...(watchlist.forward ?? [])];
      // A target removed from the file is no longer sent to.
      targetsChanged().catch((err: unknown) => ctx.reportSaveError('forwarding targets')(err));
      ctx.syncMonitor();
      ctx.push.changed();
    },
    notice(message) {
      ctx.notices.set(NOTICE_KEY, message);
      ctx.push.changed();
    },
  });
}

// The desktop's "Export maintenance calendar (.ics)": the engine builds the calendar, the host asks where
// to save it (a native save dialog) and writes it there. Cancelling saves nothing.
import { promises as fs } from 'node:fs';
import type { RequestHandlers } from '../../shared/ipc';

/** Shows a save dialog; resolves to the chosen path, or null when the user cancelled. */
export type AskSavePath = (defaultName: string) => Promise<string | null>;

export function withCalendarSaveDialog(handlers: RequestHandlers, askSavePath: AskSavePath): RequestHandlers {
  return {
    ...handlers,
    async 'calendar:export'(arg) {
      const result = await handlers['calendar:export'](arg);
      const where = await askSavePath('statustray-maintenance.ics');
      if (!where) return { ...result, savedTo: null };
      await fs.writeFile(where, result.ics, 'utf8');
      return { ...result, savedTo: where };
    },
  };
}

// The maintenance calendar of a running engine: built from the monitor's latest snapshots, remembering
// what it has published so that a maintenance the vendor removes before it ended shows as cancelled.
import type { RequestHandlers } from '../../../shared/ipc';
import { buildCalendar, type CalendarVendor } from '../calendar/calendar';
import { emptyMaintenanceMemory, rememberMaintenances } from '../calendar/vanished';
import type { AppContext } from './context';
import { check } from './validate';

export interface AppCalendar {
  ics(): string;
  handlers: Pick<RequestHandlers, 'calendar:export'>;
}

export function createAppCalendar(ctx: AppContext): AppCalendar {
  let memory = emptyMaintenanceMemory();
  const ics = (): string => {
    const vendors: CalendarVendor[] = ctx.monitor.views().map((v) => ({
      id: v.id,
      name: v.name,
      snapshot: v.lastGood && { ...v.lastGood, error: v.lastError },
    }));
    const now = ctx.now();
    const remembered = rememberMaintenances(memory, vendors, now);
    memory = remembered.memory;
    return buildCalendar(vendors, { now, vanished: remembered.vanished });
  };
  return {
    ics,
    handlers: {
      async 'calendar:export'(arg) {
        check('calendar:export', arg);
        return { ics: ics(), savedTo: null };
      },
    },
  };
}

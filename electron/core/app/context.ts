// What the parts of the app core share while it runs: the user's data in memory, the engine pieces, and
// the few effects every part may ask for (save, redraw). createAppCore builds one; each module reads it.
import type { Settings } from '../../../shared/ipc';
import type { ForwardTarget, WatchEntry } from '../../../shared/model';
import type { AppCoreOptions } from '../app-types';
import type { History } from '../history/history';
import type { HttpClient } from '../http/types';
import type { Monitor } from '../monitor/monitor';
import type { ReadFn } from '../monitor/types';
import type { Detection } from '../platforms/types';
import type { PolicyState } from '../policy/policy';
import type { Notices, StatePush } from './state';
import type { AppStores } from './stores';

export interface AppContext {
  readonly options: AppCoreOptions;
  readonly now: () => number;
  readonly read: ReadFn;
  readonly http: HttpClient;
  readonly monitor: Monitor;
  readonly stores: AppStores;
  readonly notices: Notices;
  readonly push: StatePush;
  /** What the user watches, in the order they added it. */
  entries: WatchEntry[];
  /** Where notifications are also forwarded (kept with the watchlist). */
  forward: ForwardTarget[];
  settings: Settings;
  policyState: PolicyState;
  history: History;
  /** Recent detections by normalized address, so that adding right after a preview costs no probes. */
  readonly detections: Map<string, { detection: Detection; at: number }>;
  /** Writes the watchlist (queued after any earlier write); failures become a notice. */
  saveWatchlist(): Promise<void>;
  /** Writes the notification state a little later. */
  savePolicySoon(): void;
  /** Tells the monitor the current list of vendors. */
  syncMonitor(): void;
  /** The polling interval in force (the command line's override, else the settings'). */
  intervalSeconds(): number;
  /** A save's catch handler that tells the user what could not be saved. */
  reportSaveError(what: string): (err: unknown) => void;
}

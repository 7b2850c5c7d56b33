// What a host (Electron main, the web server, tests) gets from the engine: the handlers of every request
// channel of shared/ipc.ts, pushes, and the notifications the policy decided on.
import type { PushChannel, PushChannels, RequestHandlers } from '../../shared/ipc';
import type { AppNotification } from '../../shared/notification';
import type { SharedCauseEvent } from '../../shared/model';
import type { NotificationOutlet } from './app/outlets';

export interface AppCore {
  handlers: RequestHandlers;
  onPush<C extends PushChannel>(channel: C, listener: (payload: PushChannels[C]) => void): () => void;
  onNotification(listener: (notification: AppNotification) => void): () => void;
  /** The shared_cause_* events (several vendors failing together), as they happen. */
  onSharedCause?(listener: (events: SharedCauseEvent[]) => void): () => void;
  /** Adds a destination for notifications (e.g. a forwarding outbox); returns its removal. */
  addOutlet(outlet: NotificationOutlet): () => void;
  /** The maintenance calendar (iCalendar text) of the watched vendors. */
  calendar(): string;
  /** The Prometheus text exposition of the engine's state. */
  metrics(): Promise<string>;
  /** Load the stores and start polling. */
  start(): Promise<void>;
  /** Stop timers, flush state. */
  stop(): Promise<void>;
  /** The host tells the engine about the machine: wake from sleep, network back. */
  signal(what: 'wake' | 'online' | 'offline'): void;
}

import type { ConfigFileSync } from './app/config-file';
import type { DocumentStore } from './storage/types';
import type { HttpClient } from './http/types';
import type { ReadFn, Timers } from './monitor/types';

export interface AppCoreOptions {
  /** Where file stores live (CLI and web mode); also shown to the user. */
  dataDir: string;
  /** Opens a named document store; default: an atomic JSON file under dataDir. The app passes electron-store. */
  openStore?: <T>(name: string) => DocumentStore<T>;
  /** Load this watchlist file at start (the demo, tests): its new vendors join the stored ones. */
  watchlistPath?: string;
  /**
   * A watchlist file that is THE watchlist (web `--config`): its vendors and targets replace the stored
   * ones, the window's changes are written to it (the data folder's watchlist is left as it is), and an
   * edit by hand while running is applied and told.
   */
  configFile?: ConfigFileSync;
  /** Open a link in the system browser; hosts check http(s) before calling. */
  openExternal?: (url: string) => Promise<boolean>;
  http?: HttpClient;
  /** Injectable clock for tests and benchmarks. */
  now?: () => number;
  /** Overrides the stored interval (command line); accepts anything from 1 s. */
  intervalSeconds?: number;
  /** The engine's readSnapshot, injectable for tests (default: electron/core/read.ts). */
  read?: ReadFn;
  /** Timers for the monitor, the policy and debounces; tests pass a fake clock (with `now` from it). */
  timers?: Timers;
  /** How long events of one vendor are gathered into one notification. Default 5 s. */
  coalesceMs?: number;
  /** Where notifications go besides the hosts' own listeners (onNotification), e.g. a forwarding outbox. */
  outlets?: readonly NotificationOutlet[];
  /** How long a forwarding target fails before the user is told (default 10 minutes). */
  forwardFailingAfterMs?: number;
}

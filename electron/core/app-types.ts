// What a host (Electron main, the web server, tests) gets from the engine: the handlers of every request
// channel of shared/ipc.ts, pushes, and the notifications the policy decided on.
import type { PushChannel, PushChannels, RequestHandlers } from '../../shared/ipc';
import type { AppNotification } from '../../shared/notification';

export interface AppCore {
  handlers: RequestHandlers;
  onPush<C extends PushChannel>(channel: C, listener: (payload: PushChannels[C]) => void): () => void;
  onNotification(listener: (notification: AppNotification) => void): () => void;
  /** Load the stores and start polling. */
  start(): Promise<void>;
  /** Stop timers, flush state. */
  stop(): Promise<void>;
  /** The host tells the engine about the machine: wake from sleep, network back. */
  signal(what: 'wake' | 'online' | 'offline'): void;
}

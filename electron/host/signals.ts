// Machine signals the engine cannot see under plain Node: wake from sleep, and whether the machine is
// online (Electron offers no event for that, so it is asked every ONLINE_POLL_MS).
import { net, powerMonitor } from 'electron';
import type { AppCore } from '../core/app-types';

/** How often the main process asks the OS whether the machine is online. */
export const ONLINE_POLL_MS = 15_000;

export interface MachineSignals {
  /** Runs one online check now. */
  checkOnline(): void;
  stop(): void;
}

export function forwardMachineSignals(core: Pick<AppCore, 'signal'>): MachineSignals {
  powerMonitor.on('resume', () => core.signal('wake'));
  let online = net.isOnline();
  if (!online) core.signal('offline');
  const checkOnline = (): void => {
    const next = net.isOnline();
    if (next !== online) {
      online = next;
      core.signal(next ? 'online' : 'offline');
    }
  };
  const timer = setInterval(checkOnline, ONLINE_POLL_MS);
  timer.unref?.();
  return { checkOnline, stop: () => clearInterval(timer) };
}

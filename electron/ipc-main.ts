// The main-process side of shared/ipc.ts: one typed `handle` per request channel that drops calls from
// anything but our own window and validates every argument, and a typed `push` to the window.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  REQUEST_CHANNELS,
  type PushChannel,
  type PushChannels,
  type RequestChannel,
  type RequestHandlers,
} from '../shared/ipc';
import { validateRequest } from '../shared/ipc-schemas';

export type Log = (message: string) => void;

/**
 * Which web contents may call us: the ids of our own windows, and only their main frame showing our own
 * page (a frame or a navigation to anything else is not us, even inside our window).
 */
export class TrustedSenders {
  private readonly ids = new Set<number>();

  constructor(private readonly isOurPage: (url: string) => boolean) {}

  add(contents: Pick<WebContents, 'id'>): void {
    this.ids.add(contents.id);
  }

  delete(contents: Pick<WebContents, 'id'>): void {
    this.ids.delete(contents.id);
  }

  trusts(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
    if (!this.ids.has(event.sender.id)) return false;
    // The top frame only (a frame without a parent); compared by structure, not object identity, as
    // Electron may hand out different wrapper objects for the same frame.
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return this.isOurPage(frame.url);
  }
}

/** Thrown to the window for a refused call; says why without details an attacker could use. */
export class IpcRefused extends Error {
  override name = 'IpcRefused';
}

/** Registers a handler for every request channel; returns a function that removes them. */
export function registerRequestHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: RequestHandlers,
  trusted: TrustedSenders,
  log: Log,
): () => void {
  for (const channel of REQUEST_CHANNELS) {
    handle(ipcMain, channel, handlers, trusted, log);
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel);
  };
}

function handle<C extends RequestChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  handlers: RequestHandlers,
  trusted: TrustedSenders,
  log: Log,
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!trusted.trusts(event)) {
      log(
        `IPC ${channel} refused: sender ${event.sender.id} (${event.senderFrame?.url ?? 'no frame'}) is not our window`,
      );
      throw new IpcRefused('Refused: not the StatusTray window');
    }
    if (args.length > 1) {
      log(`IPC ${channel} refused: ${args.length} arguments`);
      throw new IpcRefused(`Invalid argument for ${channel}: expected at most one argument`);
    }
    const checked = validateRequest(channel, args[0]);
    if (!checked.ok) {
      log(`IPC ${checked.error}`);
      throw new IpcRefused(checked.error);
    }
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    return handler(checked.value);
  });
}

/** Sends a pushed event to one window, if it is still there. */
export function push<C extends PushChannel>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'> | null,
  channel: C,
  payload: PushChannels[C],
): void {
  if (!contents || contents.isDestroyed()) return;
  contents.send(channel, payload);
}

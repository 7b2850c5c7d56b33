// The only bridge between the sandboxed window and the main process: exposes exactly the Bridge of
// shared/ipc.ts as `window.statusTray`, refusing any channel name the contract does not list.
import { contextBridge, ipcRenderer, type IpcRenderer } from 'electron';
import {
  PUSH_CHANNELS,
  REQUEST_CHANNELS,
  type Bridge,
  type PushChannel,
  type PushChannels,
  type RequestChannel,
} from '../shared/ipc';

function isListed<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Bridge {
  const bridge: Bridge = {
    invoke(channel, ...args) {
      if (!isListed<RequestChannel>(REQUEST_CHANNELS, channel)) {
        return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
      }
      // At most the one argument the contract declares; anything extra never leaves the page.
      return ipc.invoke(channel, ...args.slice(0, 1));
    },
    on<C extends PushChannel>(channel: C, listener: (payload: PushChannels[C]) => void): () => void {
      if (!isListed<PushChannel>(PUSH_CHANNELS, channel)) {
        throw new Error(`Unknown channel: ${String(channel)}`);
      }
      if (typeof listener !== 'function') throw new Error('listener must be a function');
      // The page gets the payload only, never the IpcRendererEvent (which would expose `sender`).
      const wrapped = (_event: unknown, payload: PushChannels[C]): void => listener(payload);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    },
  };
  return Object.freeze(bridge);
}

contextBridge.exposeInMainWorld('statusTray', createBridge(ipcRenderer));

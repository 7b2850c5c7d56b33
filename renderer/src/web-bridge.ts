// The bridge of shared/ipc.ts for the browser dashboard: requests are POST /api/<channel> with a JSON
// body, pushes arrive over one shared EventSource on /api/events. The views cannot tell it from Electron's.
import type { Bridge, PushChannel, PushChannels, Req, RequestChannel, Res } from '../../shared/ipc';
import type { AppNotification } from '../../shared/notification';

/** Events the web host streams: the bridge's pushes, plus the policy's notifications for an in-page toast. */
export interface WebPushChannels extends PushChannels {
  notification: AppNotification;
}

export interface WebBridge extends Bridge {
  /** Web mode only: the notifications the Electron host would show as OS notifications. */
  onNotification(listener: (notification: AppNotification) => void): () => void;
}

/** Whether the window runs in the browser dashboard (whose bridge streams notifications to show in-page). */
export function isWebBridge(bridge: Bridge): bridge is WebBridge {
  return typeof (bridge as Partial<WebBridge>).onNotification === 'function';
}

const STREAMED: ReadonlyArray<keyof WebPushChannels> = ['state:changed', 'navigate', 'notification'];

export function createWebBridge(baseUrl = ''): WebBridge {
  const base = baseUrl.replace(/\/+$/, '');
  const listeners = new Map<keyof WebPushChannels, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const dispatch = (channel: keyof WebPushChannels, event: MessageEvent<string>): void => {
    let payload: unknown;
    try {
      payload = JSON.parse(event.data);
    } catch {
      return;
    }
    for (const listener of [...(listeners.get(channel) ?? [])]) {
      (listener as (p: unknown) => void)(payload);
    }
  };

  const ensureSource = (): void => {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    for (const channel of STREAMED) {
      source.addEventListener(channel, (event) => dispatch(channel, event as MessageEvent<string>));
    }
  };

  const closeIfUnused = (): void => {
    for (const set of listeners.values()) if (set.size > 0) return;
    source?.close();
    source = null;
  };

  const subscribe = <C extends keyof WebPushChannels>(
    channel: C,
    listener: (payload: WebPushChannels[C]) => void,
  ): (() => void) => {
    let set = listeners.get(channel);
    if (!set) {
      set = new Set();
      listeners.set(channel, set);
    }
    const entry = listener as (payload: never) => void;
    set.add(entry);
    ensureSource();
    return () => {
      set.delete(entry);
      closeIfUnused();
    };
  };

  async function invoke<C extends RequestChannel>(
    channel: C,
    ...args: Req<C> extends void ? [] : [Req<C>]
  ): Promise<Res<C>> {
    const init: RequestInit = { method: 'POST', headers: { Accept: 'application/json' } };
    if (args.length > 0) {
      init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
      init.body = JSON.stringify(args[0]);
    }
    let response: Response;
    try {
      response = await fetch(`${base}/api/${channel}`, init);
    } catch {
      throw new Error('The StatusTray server cannot be reached. Is `statustray web` still running?');
    }
    const text = await response.text();
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`Unexpected answer from the server (${response.status}).`);
      }
    }
    if (!response.ok) {
      const message =
        body && typeof body === 'object' && 'error' in body && typeof body.error === 'string'
          ? body.error
          : `Request failed (${response.status}).`;
      throw new Error(message);
    }
    return body as Res<C>;
  }

  return {
    invoke,
    on<C extends PushChannel>(channel: C, listener: (payload: PushChannels[C]) => void) {
      return subscribe(channel, listener as (payload: WebPushChannels[C]) => void);
    },
    onNotification(listener) {
      return subscribe('notification', listener);
    },
  };
}

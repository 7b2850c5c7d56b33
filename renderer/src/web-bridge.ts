// The bridge of shared/ipc.ts for the browser dashboard: requests are POST /api/<channel> with a JSON
// body, pushes arrive over one shared EventSource on /api/events, both carrying the run's access token.
// The views cannot tell it from Electron's.
import type { Bridge, InvokeArgs, PushChannel, PushChannels, RequestChannel, Res } from '../../shared/ipc';
import type { AppNotification } from '../../shared/notification';

/** Events the web host streams: the bridge's pushes, plus the policy's notifications for an in-page toast. */
export interface WebPushChannels extends PushChannels {
  notification: AppNotification;
}

export interface WebBridge extends Bridge {
  /** Web mode only: the notifications the Electron host would show as OS notifications. */
  onNotification(listener: (notification: AppNotification) => void): () => void;
}

/** The dashboard refused a request for want of its access key (the tab was opened without it). */
export class AccessKeyError extends Error {
  override name = 'AccessKeyError';
}

function errorText(body: unknown, status: number): string {
  return body && typeof body === 'object' && 'error' in body && typeof body.error === 'string'
    ? body.error
    : `Request failed (${status}).`;
}

/** Where a tab keeps its access token: for as long as the tab is open, and for this origin only. */
export const TOKEN_STORAGE_KEY = 'statustray.token';

/**
 * The tab's access token: taken from the opened address's `?token=` (then removed from the address bar and
 * history, so it is not bookmarked or shared by accident) or kept from an earlier load of this tab.
 */
export function takeAccessToken(win: Window = window): string | null {
  try {
    const url = new URL(win.location.href);
    const fromAddress = url.searchParams.get('token');
    if (fromAddress) {
      win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromAddress);
      url.searchParams.delete('token');
      win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    }
    return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    // Storage can be disabled; the server then explains how to open the dashboard.
    return null;
  }
}

/** The key this tab holds (null when none: a dashboard started with --no-token, or storage disabled). */
export function heldAccessToken(win: Window = window): string | null {
  try {
    return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Whether the window runs in the browser dashboard (whose bridge streams notifications to show in-page). */
export function isWebBridge(bridge: Bridge): bridge is WebBridge {
  return typeof (bridge as Partial<WebBridge>).onNotification === 'function';
}

const STREAMED: ReadonlyArray<keyof WebPushChannels> = [
  'state:changed',
  'state:patch',
  'navigate',
  'notification',
];

export function createWebBridge(baseUrl = '', token: string | null = null): WebBridge {
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
    // EventSource cannot send headers: the token rides in the query.
    source = new EventSource(`${base}/api/events${token ? `?token=${encodeURIComponent(token)}` : ''}`);
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

  async function invoke<C extends RequestChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Res<C>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers['X-StatusTray-Token'] = token;
    const init: RequestInit = { method: 'POST', headers };
    if (args.length > 0) {
      headers['Content-Type'] = 'application/json';
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
      if (response.status === 401) throw new AccessKeyError(errorText(body, response.status));
      throw new Error(errorText(body, response.status));
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

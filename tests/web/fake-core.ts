// A stand-in AppCore for the web host's tests: canned state, handlers that record their calls, and
// pushes and notifications the test fires by hand.
import type { AppCore } from '../../electron/core/app-types';
import type { AppState, PushChannel, PushChannels, RequestHandlers, VendorSummary } from '../../shared/ipc';
import type { AppNotification } from '../../shared/notification';

export function sampleState(): AppState {
  return {
    vendors: [],
    tray: 'operational',
    offline: false,
    settings: {
      intervalSeconds: 120,
      notificationsEnabled: true,
      quietHours: { enabled: false, start: '22:00', end: '07:00' },
      launchAtLogin: false,
      theme: 'system',
      pausedUntil: null,
    },
    dataDir: '/tmp/statustray-test',
    notices: [],
  };
}

export interface FakeCore extends Pick<AppCore, 'handlers' | 'onPush' | 'onNotification'> {
  calls: Array<{ channel: string; req: unknown }>;
  push<C extends PushChannel>(channel: C, payload: PushChannels[C]): void;
  notify(notification: AppNotification): void;
}

export function createFakeCore(): FakeCore {
  const calls: FakeCore['calls'] = [];
  const pushListeners = new Map<string, Set<(payload: unknown) => void>>();
  const notificationListeners = new Set<(n: AppNotification) => void>();
  const record =
    <T>(channel: string, answer: (req: unknown) => T) =>
    async (req: unknown): Promise<T> => {
      calls.push({ channel, req });
      return answer(req);
    };
  const summary = (id: string): VendorSummary => ({
    id,
    url: `https://${id}.example`,
    name: id,
    platform: 'statuspage',
    pageUrl: `https://${id}.example`,
    status: 'operational',
    open: [],
    lastCheckedAt: null,
    lastGoodAt: null,
    stale: false,
    error: null,
    watchedComponents: [],
    notify: 'all',
    snoozedUntil: null,
  });
  const handlers: RequestHandlers = {
    'state:get': record('state:get', () => sampleState()),
    'vendor:get': record('vendor:get', () => null),
    'vendors:detect': record('vendors:detect', () => {
      throw new Error('Enter an http(s) address.');
    }),
    'vendors:add': record('vendors:add', (req) => {
      const parsed = req as { url?: unknown };
      if (typeof parsed?.url !== 'string') {
        // Shaped like a zod error, as the real handlers' validation throws.
        throw Object.assign(new Error('invalid'), { issues: [{ path: ['url'], message: 'Expected a URL' }] });
      }
      return summary('added');
    }),
    'vendors:remove': record('vendors:remove', () => undefined),
    'vendors:update': record('vendors:update', () => summary('updated')),
    'vendors:snooze': record('vendors:snooze', () => summary('snoozed')),
    'vendors:refresh': record('vendors:refresh', () => undefined),
    'catalog:search': record('catalog:search', () => []),
    'settings:update': record('settings:update', () => sampleState().settings),
    'watchlist:export': record('watchlist:export', () => '{"version":1,"vendors":[]}'),
    'watchlist:import': record('watchlist:import', () => ({ added: 0, skipped: 0, errors: [] })),
    'link:open': record('link:open', () => true),
    'forward:list': record('forward:list', () => []),
    'forward:add': record('forward:add', () => []),
    'forward:remove': record('forward:remove', () => []),
    'forward:test': record('forward:test', () => ({ ok: true, detail: 'HTTP 200' })),
    'calendar:export': record('calendar:export', () => ({
      ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
      savedTo: null,
    })),
    'incident:ack': record('incident:ack', () => []),
    'group:ack': record('group:ack', () => []),
    'ack:remove': record('ack:remove', () => []),
  };
  return {
    calls,
    handlers,
    onPush(channel, listener) {
      let set = pushListeners.get(channel);
      if (!set) pushListeners.set(channel, (set = new Set()));
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => set.delete(entry);
    },
    onNotification(listener) {
      notificationListeners.add(listener);
      return () => notificationListeners.delete(listener);
    },
    push(channel, payload) {
      for (const listener of pushListeners.get(channel) ?? []) listener(payload);
    },
    notify(notification) {
      for (const listener of notificationListeners) listener(notification);
    },
  };
}

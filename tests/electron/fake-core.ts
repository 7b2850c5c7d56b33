// A fake engine for the glue tests: records calls, lets a test push state and notifications as the real
// monitor would.
import { vi } from 'vitest';
import type { AppCore, AppCoreOptions } from '../../electron/core/app-types';
import type { AppState, PushChannel, PushChannels, RequestHandlers } from '../../shared/ipc';
import type { NotificationOutlet } from '../../electron/core/app/outlets';
import type { AppNotification } from '../../shared/notification';
import { appState } from './fixtures';

export class FakeCore implements AppCore {
  state: AppState = appState([], 'unknown');
  readonly signals: string[] = [];
  started = false;
  stopped = false;
  /** Resolve to let stop() finish (a test can hold it to see the quit wait). */
  releaseStop: () => void = () => {};
  holdStop = false;
  private readonly pushes = new Map<string, Set<(payload: never) => void>>();
  private readonly notifications = new Set<(n: AppNotification) => void>();

  constructor(public readonly options: AppCoreOptions) {}

  readonly handlers: RequestHandlers = {
    'state:get': vi.fn(async () => this.state),
    'vendor:get': vi.fn(async () => null),
    'vendors:detect': vi.fn(async ({ url }) => ({
      url,
      platform: 'unknown' as const,
      name: null,
      componentCount: 0,
      components: [],
      error: null,
    })),
    'vendors:add': vi.fn(async () => {
      throw new Error('not used');
    }),
    'vendors:remove': vi.fn(async () => undefined),
    'vendors:update': vi.fn(async () => {
      throw new Error('not used');
    }),
    'vendors:snooze': vi.fn(async () => {
      throw new Error('not used');
    }),
    'vendors:refresh': vi.fn(async () => undefined),
    'catalog:search': vi.fn(async () => []),
    'settings:update': vi.fn(async (patch) => {
      this.state = { ...this.state, settings: { ...this.state.settings, ...patch } };
      this.emit('state:changed', this.state);
      return this.state.settings;
    }),
    'watchlist:export': vi.fn(async () => '{}'),
    'watchlist:import': vi.fn(async () => ({ added: 0, skipped: 0, errors: [] })),
    'link:open': vi.fn(async ({ url }) =>
      this.options.openExternal ? this.options.openExternal(url) : false,
    ),
    'forward:list': vi.fn(async () => []),
    'forward:add': vi.fn(async () => []),
    'forward:remove': vi.fn(async () => []),
    'forward:test': vi.fn(async () => ({ ok: true, detail: 'HTTP 200' })),
    'calendar:export': vi.fn(async () => ({ ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', savedTo: null })),
    'incident:ack': vi.fn(async () => []),
    'group:ack': vi.fn(async () => []),
    'ack:remove': vi.fn(async () => []),
  };

  calendar(): string {
    return 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
  }

  async metrics(): Promise<string> {
    return '';
  }

  onPush<C extends PushChannel>(channel: C, listener: (payload: PushChannels[C]) => void): () => void {
    const set = this.pushes.get(channel) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.pushes.set(channel, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  onNotification(listener: (n: AppNotification) => void): () => void {
    this.notifications.add(listener);
    return () => this.notifications.delete(listener);
  }

  addOutlet(outlet: NotificationOutlet): () => void {
    return this.onNotification((n) => outlet.deliver(n));
  }

  async start(): Promise<void> {
    this.started = true;
  }

  async stop(): Promise<void> {
    if (this.holdStop) await new Promise<void>((resolve) => (this.releaseStop = resolve));
    this.stopped = true;
  }

  signal(what: 'wake' | 'online' | 'offline'): void {
    this.signals.push(what);
  }

  /** Test helper: the monitor reports a new state. */
  report(state: AppState): void {
    this.state = state;
    this.emit('state:changed', state);
  }

  emit<C extends PushChannel>(channel: C, payload: PushChannels[C]): void {
    for (const listener of this.pushes.get(channel) ?? [])
      (listener as (p: PushChannels[C]) => void)(payload);
  }

  notify(notification: AppNotification): void {
    for (const listener of this.notifications) listener(notification);
  }
}

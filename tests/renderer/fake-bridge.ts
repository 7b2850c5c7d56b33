// A Bridge for the window's tests: handlers per channel (each call recorded), and pushes on demand.
import { vi } from 'vitest';
import type { Bridge, PushChannel, PushChannels, RequestChannel, RequestHandlers } from '../../shared/ipc';

export interface FakeBridge extends Bridge {
  calls: Array<{ channel: RequestChannel; req: unknown }>;
  handlers: Partial<RequestHandlers>;
  push<C extends PushChannel>(channel: C, payload: PushChannels[C]): void;
  callsTo(channel: RequestChannel): unknown[];
}

export function createFakeBridge(handlers: Partial<RequestHandlers>): FakeBridge {
  const listeners = new Map<PushChannel, Set<(payload: never) => void>>();
  const calls: FakeBridge['calls'] = [];
  const bridge: FakeBridge = {
    calls,
    handlers,
    invoke: vi.fn(async (channel: RequestChannel, ...args: unknown[]) => {
      const req = args[0];
      calls.push({ channel, req });
      const handler = handlers[channel] as ((req: unknown) => Promise<unknown>) | undefined;
      if (!handler) throw new Error(`fake bridge: no handler for ${channel}`);
      return handler(req);
    }) as unknown as Bridge['invoke'],
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    push(channel, payload) {
      for (const l of [...(listeners.get(channel) ?? [])]) (l as (p: unknown) => void)(payload);
    },
    callsTo(channel) {
      return calls.filter((c) => c.channel === channel).map((c) => c.req);
    },
  };
  return bridge;
}

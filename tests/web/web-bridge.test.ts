// The browser side of the web bridge: one shared EventSource for all subscriptions, pushes dispatched by
// event name, notifications kept apart, and the stream closed when nobody listens any more.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebBridge } from '../../renderer/src/web-bridge';

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  listeners = new Map<string, Array<(event: MessageEvent<string>) => void>>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  emit(name: string, data: string): void {
    for (const listener of this.listeners.get(name) ?? []) listener({ data } as MessageEvent<string>);
  }
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('web bridge events', () => {
  it('shares one event stream between subscriptions and dispatches each push to its channel', () => {
    const bridge = createWebBridge('http://127.0.0.1:4780/');
    const states: unknown[] = [];
    const targets: unknown[] = [];
    const notes: unknown[] = [];
    bridge.on('state:changed', (s) => states.push(s));
    bridge.on('navigate', (t) => targets.push(t));
    bridge.onNotification((n) => notes.push(n));
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('http://127.0.0.1:4780/api/events');

    source.emit('state:changed', '{"tray":"degraded"}');
    source.emit('navigate', '{"vendorId":"kustomer","incidentId":"i1"}');
    source.emit('notification', '{"title":"Kustomer: major outage"}');
    source.emit('state:changed', 'not json');
    expect(states).toEqual([{ tray: 'degraded' }]);
    expect(targets).toEqual([{ vendorId: 'kustomer', incidentId: 'i1' }]);
    expect(notes).toEqual([{ title: 'Kustomer: major outage' }]);
  });

  it('stops delivering to a listener that unsubscribed, and closes the stream after the last one', () => {
    const bridge = createWebBridge();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bridge.on('state:changed', (s) => a.push(s));
    const offB = bridge.on('state:changed', (s) => b.push(s));
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/events');
    offA();
    source.emit('state:changed', '1');
    expect(a).toEqual([]);
    expect(b).toEqual([1]);
    expect(source.closed).toBe(false);
    offB();
    expect(source.closed).toBe(true);
    // A new subscription opens a fresh stream.
    bridge.on('navigate', () => {});
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  it('sends the access token with every call and on the event stream', async () => {
    const calls: Array<{ url: string; headers: Record<string, string> }> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, headers: init.headers as Record<string, string> });
      return new Response('null', { status: 200 });
    });
    const bridge = createWebBridge('http://127.0.0.1:4780/', 'k/y+1');
    await bridge.invoke('vendors:remove', { id: 'a' });
    expect(calls[0]!.headers['X-StatusTray-Token']).toBe('k/y+1');
    bridge.on('state:changed', () => {});
    expect(FakeEventSource.instances[0]!.url).toBe('http://127.0.0.1:4780/api/events?token=k%2Fy%2B1');
  });

  it("shows the server's explanation when the token is missing", async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify({ error: "This needs the dashboard's access key." }), { status: 401 }),
    );
    const refused = createWebBridge().invoke('state:get');
    await expect(refused).rejects.toThrow("This needs the dashboard's access key.");
    // Named, so the window can say "needs its access key" rather than "cannot reach its monitor".
    await expect(refused).rejects.toMatchObject({ name: 'AccessKeyError' });
  });
});

// The event-stream hub: heartbeats keep idle streams open, a client that stops reading is dropped rather
// than buffered forever, the number of streams is capped, and closing ends every stream.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventStreamHub, formatEvent } from '../../electron/web/events';

class FakeResponse extends EventEmitter {
  chunks: string[] = [];
  status = 0;
  headers: Record<string, string> = {};
  writableLength = 0;
  ended = false;
  destroyed = false;
  writeHead(status: number, headers: Record<string, string>): this {
    this.status = status;
    this.headers = headers;
    return this;
  }
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  end(): void {
    this.ended = true;
    this.emit('close');
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
  text(): string {
    return this.chunks.join('');
  }
}
const asResponse = (fake: FakeResponse) => fake as unknown as ServerResponse;

afterEach(() => {
  vi.useRealTimers();
});

describe('event-stream hub', () => {
  it('formats one event per message with its JSON payload on one data line', () => {
    expect(formatEvent('navigate', { vendorId: 'a\nb' })).toBe(
      'event: navigate\ndata: {"vendorId":"a\\nb"}\n\n',
    );
  });

  it('opens the stream with event-stream headers and sends every event to every client', () => {
    const hub = createEventStreamHub({ heartbeatMs: 0 });
    const a = new FakeResponse();
    const b = new FakeResponse();
    expect(hub.attach(asResponse(a), { 'X-Content-Type-Options': 'nosniff' })).toBe(true);
    hub.attach(asResponse(b), {});
    expect(a.status).toBe(200);
    expect(a.headers['Content-Type']).toMatch(/^text\/event-stream/);
    expect(a.headers['X-Content-Type-Options']).toBe('nosniff');
    hub.send('state:changed', { tray: 'major_outage' });
    for (const client of [a, b])
      expect(client.text()).toContain('event: state:changed\ndata: {"tray":"major_outage"}');
    b.emit('close');
    hub.send('navigate', { vendorId: 'x' });
    expect(b.text()).not.toContain('navigate');
    expect(hub.size()).toBe(1);
  });

  it('sends a heartbeat comment while streams are open, and stops when none are', () => {
    vi.useFakeTimers();
    const hub = createEventStreamHub({ heartbeatMs: 15_000 });
    const a = new FakeResponse();
    hub.attach(asResponse(a), {});
    vi.advanceTimersByTime(15_000);
    expect(a.text()).toContain(': heartbeat\n\n');
    a.emit('close');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops a client that stops reading instead of buffering without end', () => {
    const hub = createEventStreamHub({ heartbeatMs: 0, maxBufferedBytes: 1000 });
    const slow = new FakeResponse();
    const fast = new FakeResponse();
    hub.attach(asResponse(slow), {});
    hub.attach(asResponse(fast), {});
    slow.writableLength = 5000;
    hub.send('state:changed', { n: 1 });
    expect(slow.destroyed).toBe(true);
    expect(fast.text()).toContain('"n":1');
    expect(hub.size()).toBe(1);
  });

  it('refuses streams beyond its maximum', () => {
    const hub = createEventStreamHub({ heartbeatMs: 0, maxClients: 2 });
    expect(hub.attach(asResponse(new FakeResponse()), {})).toBe(true);
    expect(hub.attach(asResponse(new FakeResponse()), {})).toBe(true);
    const third = new FakeResponse();
    expect(hub.attach(asResponse(third), {})).toBe(false);
    expect(third.status).toBe(0);
  });

  it('ends every stream when closed', () => {
    const hub = createEventStreamHub({ heartbeatMs: 0 });
    const a = new FakeResponse();
    hub.attach(asResponse(a), {});
    hub.close();
    expect(a.ended).toBe(true);
    expect(hub.size()).toBe(0);
  });
});

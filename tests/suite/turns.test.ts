// The e2e files' turns at the shared browser (tests/e2e/turns.ts) and the order the suite starts files in
// (tests/sequencer.ts): files that share the browser run two at a time, a file that needs it alone gets it
// alone, a free seat does not stay empty while a sharing file waits, a file whose worker dies gives its
// seats back, and the plan starts the long files first and the e2e files in the order their turns come.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALONE, SEATS, startTurnServer, takeTurn, type TurnServer } from '../e2e/turns';
import { plan, ROUGH_SECONDS } from '../sequencer';

let server: TurnServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A turn asked for, and whether it has been granted yet. */
function ask(port: number, seats: number) {
  const turn = { granted: false, giveBack: undefined as undefined | (() => Promise<void>) };
  const done = takeTurn(port, seats).then((giveBack) => {
    turn.granted = true;
    turn.giveBack = giveBack;
    return giveBack;
  });
  return Object.assign(turn, { done });
}

describe('turns at the shared browser', () => {
  it('lets two sharing files in together; one that needs the browser alone waits for both seats to be free', async () => {
    server = await startTurnServer();
    const a = ask(server.port, 1);
    const b = ask(server.port, 1);
    await Promise.all([a.done, b.done]);
    expect(server.seats().holding).toEqual([1, 1]);

    const alone = ask(server.port, SEATS);
    await vi.waitFor(() => expect(server!.seats().waiting).toEqual([SEATS]));
    const later = ask(server.port, 1);
    await vi.waitFor(() => expect(server!.seats().waiting).toEqual([SEATS, 1]));

    // One seat frees: it goes to the sharing file that asked later rather than staying empty.
    await (
      await a.done
    )();
    await later.done;
    expect(server.seats()).toEqual({ holding: [1, 1], waiting: [SEATS] });
    expect(alone.granted).toBe(false);

    // Both free: the file alone has the browser, and a sharing file asking now waits for it.
    await (
      await b.done
    )();
    await vi.waitFor(() => expect(server!.seats().holding).toEqual([1]));
    expect(alone.granted).toBe(false);
    await (
      await later.done
    )();
    await alone.done;
    const after = ask(server.port, 1);
    await vi.waitFor(() => expect(server!.seats()).toEqual({ holding: [SEATS], waiting: [1] }));
    expect(after.granted).toBe(false);

    await (
      await alone.done
    )();
    await after.done;
    expect(server.seats()).toEqual({ holding: [1], waiting: [] });
  });

  it('gives the seats of a file whose worker died back to the next file', async () => {
    server = await startTurnServer();
    // A raw connection stands for a worker that holds the browser alone and then dies.
    const net = await import('node:net');
    const worker = net.connect({ host: '127.0.0.1', port: server.port }, () => worker.write(`${SEATS}\n`));
    worker.on('error', () => {});
    await vi.waitFor(() => expect(server!.seats().holding).toEqual([SEATS]));
    const next = ask(server.port, 1);
    await vi.waitFor(() => expect(server!.seats().waiting).toEqual([1]));
    worker.destroy();
    await next.done;
    expect(server.seats()).toEqual({ holding: [1], waiting: [] });
  });
});

describe('the order files start in', () => {
  const e2e = (name: string) => ({ file: `tests/e2e/${name}.test.ts`, project: 'e2e', takesTurns: true });
  const other = (file: string, project = 'node') => ({ file, project, takesTurns: false });

  it('starts the long files first and the e2e files in turn order: alone ones back to back, then the sharing ones', () => {
    const shorts = Array.from({ length: 30 }, (_, i) => other(`tests/core/short-${i}.test.ts`));
    const items = [
      ...shorts,
      e2e('injection'),
      e2e('window'),
      e2e('kustomer'),
      other('tests/cli/watch.test.ts'),
      e2e('truth'),
      other('tests/cli/gates.test.ts'),
      e2e('push'),
      e2e('browser-notifications'),
    ];
    const order = plan(items, 4).map((i) => i.file);
    expect(order).toHaveLength(items.length);
    expect(new Set(order)).toEqual(new Set(items.map((i) => i.file)));
    // The two longest files start at once, beside the first e2e file.
    expect(order.slice(0, 4)).toEqual(
      expect.arrayContaining([
        'tests/cli/gates.test.ts',
        'tests/cli/watch.test.ts',
        'tests/e2e/truth.test.ts',
      ]),
    );
    const turns = order.filter((f) => f.startsWith('tests/e2e/'));
    const alone = turns.filter((f) => ALONE.has(f));
    expect(turns.slice(0, alone.length)).toEqual(alone);
    // Longest first within each group, by the table.
    const secondsOf = (f: string) => ROUGH_SECONDS[f] ?? 0;
    const sharing = turns.slice(alone.length);
    expect(alone.map(secondsOf)).toEqual([...alone.map(secondsOf)].sort((x, y) => y - x));
    expect(sharing.map(secondsOf)).toEqual([...sharing.map(secondsOf)].sort((x, y) => y - x));
    // Short files keep their given order.
    const shortOrder = order.filter((f) => f.startsWith('tests/core/short-'));
    expect(shortOrder).toEqual(shorts.map((s) => s.file));
  });

  it('after the long files, starts the short ones project by project, the node files last', () => {
    const items = [
      other('tests/core/a.test.ts'),
      other('tests/renderer/a.test.tsx', 'dom'),
      other('tests/electron/a.test.ts', 'electron'),
      other('tests/core/b.test.ts'),
      other('tests/renderer/b.test.tsx', 'dom'),
      other('tests/electron/b.test.ts', 'electron'),
      other('tests/cli/gates.test.ts'),
    ];
    // A worker that shares its modules is kept only while the next file is of its project: mixing
    // them would start a new worker (and load the engine or jsdom again) for nearly every file.
    expect(plan(items, 4).map((i) => i.file)).toEqual([
      'tests/cli/gates.test.ts',
      'tests/renderer/a.test.tsx',
      'tests/renderer/b.test.tsx',
      'tests/electron/a.test.ts',
      'tests/electron/b.test.ts',
      'tests/core/a.test.ts',
      'tests/core/b.test.ts',
    ]);
  });

  it('holds an e2e file back while its turn is far off, giving the lane short files meanwhile', () => {
    const shorts = Array.from({ length: 60 }, (_, i) => other(`tests/core/short-${i}.test.ts`));
    const order = plan([e2e('truth'), e2e('kustomer'), ...shorts], 4).map((i) => i.file);
    // Kustomer needs the browser alone after truth (30 s): some 25 s of short files start in between.
    const gap = order.indexOf('tests/e2e/kustomer.test.ts') - order.indexOf('tests/e2e/truth.test.ts');
    expect(gap).toBeGreaterThan(20);
  });
});

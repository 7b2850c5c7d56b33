// Turns at the shared browser, while the other projects' files run beside the e2e files: the e2e project's
// global setup serves turns on a loopback socket, and each e2e file holds one from before its first hook to
// after its last (tests/e2e/take-turn.ts). A turn is held by an open connection, so a worker that dies gives
// its turn back with its socket.
//
// The browser has two seats. Most files take one and share it with another file: they wait on states that
// stay (a row, a heading, a count), which a busy core only delays. The files in ALONE take both: they watch
// short-lived states (a toast that comes and goes, a phase of the demo, the page's clock moved on) that two
// dashboards rendering at once on two busy cores made them miss. Turns go to the first file waiting that
// fits: while one seat is taken, a sharing file asking later goes before one that needs both (the seat
// would stay empty otherwise), so a file alone may wait for the sharing ones around it; tests/sequencer.ts
// starts the files alone first, one after the other. vitest's own `fileParallelism: false` would instead
// hold every e2e file until all the others had finished.
import net from 'node:net';

/** How many files may use the browser at once. */
export const SEATS = 2;

/** Files (from the repository root) that must have the browser to themselves. */
export const ALONE: ReadonlySet<string> = new Set([
  'tests/e2e/truth.test.ts',
  'tests/e2e/kustomer.test.ts',
  'tests/e2e/demo.test.ts',
  'tests/e2e/browser-notifications.test.ts',
]);

/** The seats a file takes: all of them for a file in ALONE, one otherwise. */
export function seatsFor(file: string): number {
  return ALONE.has(file) ? SEATS : 1;
}

export interface TurnServer {
  port: number;
  /** The seats each holder has and each waiting file asks for, in the order they asked. */
  seats(): { holding: number[]; waiting: number[] };
  close(): Promise<void>;
}

interface Request {
  socket: net.Socket;
  seats: number;
}

/**
 * Grants turns: a connection says how many seats it wants ("1\n" or "2\n"), and gets "go\n" once that many
 * are free and no one who asked before for as many or fewer is still waiting.
 */
export async function startTurnServer(seats = SEATS): Promise<TurnServer> {
  const waiting: Request[] = [];
  const holders = new Map<net.Socket, number>();
  const free = (): number => seats - [...holders.values()].reduce((a, b) => a + b, 0);
  const next = (): void => {
    for (let i = 0; i < waiting.length;) {
      const request = waiting[i]!;
      if (request.socket.destroyed) {
        waiting.splice(i, 1);
      } else if (request.seats <= free()) {
        waiting.splice(i, 1);
        holders.set(request.socket, request.seats);
        request.socket.write('go\n');
      } else {
        i++;
      }
    }
  };
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.setEncoding('utf8');
    socket.on('error', () => {});
    let asked = '';
    const onData = (text: string): void => {
      asked += text;
      if (!asked.includes('\n')) {
        if (asked.length > 16) socket.destroy();
        return;
      }
      socket.off('data', onData);
      const wanted = Number(asked.slice(0, asked.indexOf('\n')));
      // A file cannot ask for more than there is, nor for nothing.
      const request = { socket, seats: Math.min(seats, Math.max(1, Math.trunc(wanted) || 1)) };
      waiting.push(request);
      next();
    };
    socket.on('data', onData);
    socket.on('close', () => {
      const at = waiting.findIndex((r) => r.socket === socket);
      if (at !== -1) waiting.splice(at, 1);
      holders.delete(socket);
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    seats: () => ({
      holding: [...holders.values()],
      waiting: waiting.filter((r) => !r.socket.destroyed).map((r) => r.seats),
    }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of waiting) r.socket.destroy();
        for (const s of holders.keys()) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Waits for this file's turn (`seats` of the browser's); resolves to the function that gives it back. */
export function takeTurn(port: number, seats = 1): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(`${seats}\n`));
    let granted = false;
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      if (granted || !text.startsWith('go')) return;
      granted = true;
      resolve(
        () =>
          new Promise<void>((done) => {
            socket.once('close', () => done());
            socket.end();
          }),
      );
    });
    socket.on('error', (err) => {
      if (!granted) reject(new Error(`could not take a turn at the shared browser: ${err.message}`));
    });
    socket.on('close', () => {
      if (!granted) reject(new Error('the e2e turn server closed before this file had its turn'));
    });
  });
}

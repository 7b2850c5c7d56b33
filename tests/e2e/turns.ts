// One end-to-end file at a time, while the other projects' files run beside it: the e2e project's global
// setup serves turns on a loopback socket, and each e2e file holds one from before its first hook to after
// its last (tests/e2e/take-turn.ts). A turn is held by an open connection, so a worker that dies gives its
// turn back with its socket. Chromium rendering two dashboards at once on two busy cores is where short
// lived states (a toast that comes and goes, a phase of the demo) were missed; one at a time keeps that
// out, and vitest's own `fileParallelism: false` would instead hold every e2e file until all the others
// had finished.
import net from 'node:net';

export interface TurnServer {
  port: number;
  close(): Promise<void>;
}

/** Grants turns first come, first served: writes "go\n" to the connection whose turn it is. */
export async function startTurnServer(): Promise<TurnServer> {
  const waiting: net.Socket[] = [];
  let holder: net.Socket | null = null;
  const next = (): void => {
    while (!holder && waiting.length > 0) {
      const socket = waiting.shift()!;
      if (socket.destroyed) continue;
      holder = socket;
      socket.write('go\n');
    }
  };
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('error', () => {});
    socket.on('close', () => {
      const at = waiting.indexOf(socket);
      if (at !== -1) waiting.splice(at, 1);
      if (holder === socket) holder = null;
      next();
    });
    waiting.push(socket);
    next();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of [...waiting, ...(holder ? [holder] : [])]) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Waits for this file's turn; resolves to the function that gives it back. */
export function takeTurn(port: number): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
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

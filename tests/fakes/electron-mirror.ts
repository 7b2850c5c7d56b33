// A fake Electron download host on loopback, for ELECTRON_MIRROR: it records every path asked for and
// answers from a table (anything else is 404), as a mirror without the file would. Plus a tiny zip writer
// for the stand-in "Electron" archives it serves.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { crc32 } from 'node:zlib';

export interface FakeMirror {
  /** The base address to put in ELECTRON_MIRROR (ends with a slash, as Electron's own does). */
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  /** What to answer for a path (others get 404 Not Found); a held file stops after its first bytes until released. */
  files: Map<string, Buffer | HeldFile>;
  close(): Promise<void>;
}

export interface HeldFile {
  body: Buffer;
  /** How many bytes go out at once; the rest waits for `release`. */
  first: number;
  release: Promise<void>;
}

export async function startFakeMirror(): Promise<FakeMirror> {
  const requests: string[] = [];
  const files = new Map<string, Buffer | HeldFile>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    const held = Buffer.isBuffer(file)
      ? { body: file, first: file.length, release: Promise.resolve() }
      : file;
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': held.body.length });
    res.write(held.body.subarray(0, held.first));
    void held.release.then(() => res.end(held.body.subarray(held.first)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    files,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A zip archive of the given files, stored (not compressed), with Unix modes. */
export function zip(entries: Array<{ name: string; data: Buffer | string; mode?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data);
    const name = Buffer.from(entry.name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the external attributes hold the mode
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((((entry.mode ?? 0o644) | 0o100000) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface FakeProxy {
  url: string;
  /** The host:port of every CONNECT asked for, in order. */
  connects: string[];
  close(): Promise<void>;
}

/** An HTTP proxy on loopback that tunnels every CONNECT, whatever host it names, to `mirror`. */
export async function startTunnelProxy(mirror: FakeMirror): Promise<FakeProxy> {
  const connects: string[] = [];
  const target = new URL(mirror.url);
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, socket: Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    const upstream = connect(Number(target.port), target.hostname, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Reading a response body: content decoding (gzip, br, deflate either way), the cap on its decompressed
// size, and dropping a body nobody will read.
import { pipeline, Transform, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { hostOf, megabytes } from './errors';
import { FetchError } from './types';

function decodersFor(encoding: string | undefined): Transform[] | null {
  if (!encoding) return [];
  const list = encoding
    .toLowerCase()
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e && e !== 'identity');
  const decoders: Transform[] = [];
  // Encodings are listed in the order applied: undo them from last to first.
  for (const e of list.reverse()) {
    if (e === 'gzip' || e === 'x-gzip') decoders.push(createGunzip());
    else if (e === 'br') decoders.push(createBrotliDecompress());
    else if (e === 'deflate') decoders.push(deflateDecoder());
    else return null;
  }
  return decoders;
}

/** "deflate" is zlib-wrapped by the spec, raw in some servers: look at the first byte to tell. */
function deflateDecoder(): Transform {
  let inner: Transform | null = null;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!inner) {
        inner = (chunk[0]! & 0x0f) === 0x08 ? createInflate() : createInflateRaw();
        inner.on('data', (d: Buffer) => this.push(d));
        inner.on('error', (e) => this.destroy(e));
      }
      inner.write(chunk, () => done());
    },
    flush(done) {
      if (!inner) return done();
      inner.end(() => done());
    },
  });
}

export async function readBody(
  body: Readable,
  headers: Record<string, string>,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const host = hostOf(url);
  const tooLarge = () =>
    new FetchError('too_large', `${host} sent more than ${megabytes(maxBytes)}; stopped reading`);
  const decoders = decodersFor(headers['content-encoding']);
  if (decoders === null) {
    discard(body);
    throw new FetchError(
      'parse',
      `${host} used an unknown content encoding "${headers['content-encoding']}"`,
    );
  }
  const declared = Number(headers['content-length']);
  if (decoders.length === 0 && Number.isFinite(declared) && declared > maxBytes) {
    discard(body);
    throw tooLarge();
  }
  const source: Readable =
    decoders.length === 0
      ? body
      : (pipeline(body, ...(decoders as [Transform, ...Transform[]]), () => {}) as unknown as Readable);
  // Flowing mode with plain listeners: cheaper than an async iterator on the hot path.
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const fail = (err: unknown) => {
      if (done) return;
      done = true;
      discard(body);
      if (source !== body) discard(source);
      reject(err);
    };
    source.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) return fail(tooLarge());
      chunks.push(chunk);
    });
    source.once('error', fail);
    source.once('end', () => {
      if (done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    });
    source.once('close', () => {
      if (!done)
        fail(Object.assign(new Error('the connection closed before the body ended'), { code: 'ECONNRESET' }));
    });
  });
}

/**
 * Let a body that has nothing to read (a 304's, by HTTP's rules) end by itself: unlike `discard`, this keeps
 * the connection and costs no abort error (with its stack trace) on every unchanged poll.
 */
export function drain(stream: Readable): void {
  stream.on('error', () => {});
  stream.resume();
}

/** Drop a body we will not read; undici reports the abort as an error nobody needs to hear. */
export function discard(stream: Readable): void {
  stream.on('error', () => {});
  stream.destroy();
}

export function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in raw) {
    const v = raw[key];
    if (v !== undefined) out[key] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

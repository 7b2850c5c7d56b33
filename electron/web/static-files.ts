// Serves the built renderer (out/renderer) read-only: no directory listings, no path outside the root,
// hashed assets cached, index.html never cached, unknown paths that look like views fall back to index.html.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  cacheControl: string;
}

/** Resolves a URL path inside root; null for anything that escapes it or is not a file. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootAbs = path.resolve(root);
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  let file = path.resolve(rootAbs, relative);
  if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) return null;
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info) {
    // A client-side route (no file extension) gets the app; a missing asset is a 404.
    if (path.extname(relative) !== '') return null;
    file = path.join(rootAbs, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return null;
  const ext = path.extname(file).toLowerCase();
  const isIndex = path.basename(file) === 'index.html';
  return {
    body: await readFile(file),
    contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
    cacheControl:
      isIndex || !file.includes(`${path.sep}assets${path.sep}`)
        ? 'no-cache'
        : 'public, max-age=31536000, immutable',
  };
}

// Text out of bytes whatever the encoding the server chose: byte-order marks first (AWS serves UTF-16 with
// a BOM), then UTF-16 without one by its zero bytes, then the Content-Type charset, else UTF-8.

export function decodeText(body: Buffer | Uint8Array, contentType = ''): string {
  const b = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return utf16be(b.subarray(2));
  // "[{" or "<?" in UTF-16 without a BOM: every other byte is zero.
  if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) return b.toString('utf16le');
  if (b.length >= 4 && b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0) return utf16be(b);
  const charset = /charset\s*=\s*"?([\w.-]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(b);
    } catch {
      // An unknown charset label: UTF-8 is the best guess left.
    }
  }
  return b.toString('utf8');
}

function utf16be(b: Buffer): string {
  const swapped = Buffer.alloc(b.length - (b.length % 2));
  for (let i = 0; i + 1 < b.length; i += 2) {
    swapped[i] = b[i + 1]!;
    swapped[i + 1] = b[i]!;
  }
  return swapped.toString('utf16le');
}

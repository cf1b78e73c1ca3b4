/**
 * The fonts of the PDF: Noto Sans (regular and bold) as shipped with KERN, read once at run time and embedded as
 * subsets with their Unicode mapping (/ToUnicode), so that German umlauts, ß and € are both drawn and extractable.
 * The WOFF files are unpacked to plain OpenType once, with Node's zlib (fontkit would inflate them in JavaScript
 * for every document, which takes most of a report's time).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

export type FontFiles = { readonly regular: Uint8Array; readonly bold: Uint8Array };

let cached: Promise<FontFiles> | null = null;

const FONTS = 'node_modules/@kern-ux/native/dist/fonts/noto-sans';

/** The KERN fonts in the nearest node_modules above this file (the package has no entry to resolve). */
function fontDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, FONTS);
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`${FONTS} not found`);
    dir = up;
  }
}

export function loadFonts(): Promise<FontFiles> {
  cached ??= (async () => {
    const dir = fontDir();
    const [regular, bold] = await Promise.all([
      readFile(path.join(dir, 'NotoSans-Regular.woff')),
      readFile(path.join(dir, 'NotoSans-Bold.woff')),
    ]);
    return { regular: woffToSfnt(regular), bold: woffToSfnt(bold) };
  })();
  cached.catch(() => {
    cached = null;
  });
  return cached;
}

/**
 * A WOFF 1.0 file (W3C WOFF File Format 1.0, § 3–5) as the OpenType/TrueType font it wraps: the header's flavour,
 * the table directory rewritten with offsets into the unpacked data, each table inflated where it was compressed
 * and padded to four bytes. Anything that is not WOFF is returned as it is.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.toString('latin1', 0, 4) !== 'wOFF') return new Uint8Array(woff);
  const flavor = src.readUInt32BE(4);
  const count = src.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + 20 * i;
    const offset = src.readUInt32BE(at + 4);
    const compLength = src.readUInt32BE(at + 8);
    const origLength = src.readUInt32BE(at + 12);
    const packed = src.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(packed) : packed;
    if (data.length !== origLength) throw new Error('WOFF table of the wrong length');
    return { tag: src.readUInt32BE(at), checksum: src.readUInt32BE(at + 16), data };
  });
  const headerLength = 12 + 16 * count;
  const size = tables.reduce((n, t) => n + Math.ceil(t.data.length / 4) * 4, headerLength);
  const out = Buffer.alloc(size);
  let power = 1;
  while (power * 2 <= count) power *= 2;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const at = 12 + 16 * i;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += Math.ceil(t.data.length / 4) * 4;
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

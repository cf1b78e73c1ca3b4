import { type ContentVerdict, ok, refuse } from './content-verdict.ts';

// The JPEG and PNG part of the content rule (content-check.ts).

/** 100 megapixels: an A4 page scanned at 600 dpi has 35, a 50-megapixel phone photo 50. */
export const MAX_PIXELS = 100_000_000;

const u16 = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32 = (b: Uint8Array, at: number) => u16(b, at) * 65536 + u16(b, at + 2);

function pixels(width: number, height: number, where: string): ContentVerdict | undefined {
  if (width * height > MAX_PIXELS) return refuse('max-pixels', `${where} ${width}×${height}`);
  return undefined;
}

/** PNG: signature, then chunks (length, type, data, CRC) up to and including `IEND`. */
export function checkPng(b: Uint8Array): ContentVerdict {
  let at = 8;
  let first = true;
  while (at + 12 <= b.length) {
    const length = u32(b, at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > b.length) return refuse('well-formed', `PNG chunk ${type} runs past the end`);
    if (first) {
      if (type !== 'IHDR' || length < 8) return refuse('well-formed', 'PNG without IHDR');
      const w = u32(b, at + 8);
      const h = u32(b, at + 12);
      if (w === 0 || h === 0) return refuse('well-formed', 'PNG of zero size');
      const tooMany = pixels(w, h, 'PNG');
      if (tooMany) return tooMany;
      first = false;
    }
    if (type === 'IEND') return ok(end);
    at = end;
  }
  return refuse('well-formed', 'PNG without IEND');
}

const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * JPEG: segments after `SOI`, each with its length; after a start of scan the entropy-coded data
 * runs to the next marker that is neither a stuffed `FF 00` nor a restart marker; `EOI` ends it.
 */
export function checkJpeg(b: Uint8Array): ContentVerdict {
  let at = 2;
  while (at < b.length) {
    if (b[at] !== 0xff) {
      // Extraneous bytes before a marker: decoders skip them (libjpeg warns), so do we.
      const next = b.indexOf(0xff, at);
      if (next < 0) break;
      at = next;
    }
    while (b[at] === 0xff) at++; // fill bytes
    const marker = b[at];
    at++;
    if (marker === undefined) break;
    if (marker === 0xd9) return ok(at);
    if (isStandalone(marker)) continue;
    const length = u16(b, at);
    if (length < 2 || at + length > b.length) return refuse('well-formed', 'JPEG segment runs past the end');
    if (isFrame(marker)) {
      const tooMany = pixels(u16(b, at + 5), u16(b, at + 3), 'JPEG');
      if (tooMany) return tooMany;
    }
    at += length;
    if (marker === 0xda) {
      while (at + 1 < b.length) {
        const next = b[at + 1] ?? 0;
        if (b[at] === 0xff && next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
        at++;
      }
    }
  }
  return refuse('well-formed', 'JPEG without EOI');
}

// The polyglot part of the content rule (content-check.ts), for every type.

const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32le = (b: Uint8Array, at: number) => u16le(b, at) + u16le(b, at + 2) * 65536;

/**
 * Whether the bytes hold a ZIP archive that unzip would open: an end-of-central-directory record
 * in the last 64 KiB whose central directory (the `cdSize` bytes before it) starts with a
 * central-directory header. Readers find the archive from its end, wherever it starts.
 */
export function holdsZip(b: Uint8Array): boolean {
  const floor = Math.max(0, b.length - 22 - 65535);
  for (let i = b.length - 22; i >= floor; i--) {
    if (b[i] !== 0x50 || b[i + 1] !== 0x4b || b[i + 2] !== 0x05 || b[i + 3] !== 0x06) continue;
    const cdSize = u32le(b, i + 12);
    const cd = i - cdSize;
    if (
      cdSize > 0 &&
      cd >= 0 &&
      b[cd] === 0x50 &&
      b[cd + 1] === 0x4b &&
      b[cd + 2] === 0x01 &&
      b[cd + 3] === 0x02
    )
      return true;
  }
  return false;
}

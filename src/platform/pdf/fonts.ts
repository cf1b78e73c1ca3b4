/**
 * The fonts of the PDF: Noto Sans (regular and bold) as shipped with KERN, read once at run time and embedded as
 * subsets with their Unicode mapping (/ToUnicode), so that German umlauts, ß and € are both drawn and extractable.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  })();
  cached.catch(() => {
    cached = null;
  });
  return cached;
}

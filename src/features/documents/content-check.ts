import { inflateSync, constants as zlibConstants } from 'node:zlib';
import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFInvalidObject,
  PDFName,
  type PDFObject,
  PDFRef,
  PDFStream,
} from 'pdf-lib';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { MediaType } from './files.ts';

/**
 * The content rule of an upload, applied after the type is known (`sniffMediaType`) and before
 * anything is committed. Documents are kept for people to read; nothing that acts by itself
 * when opened is kept.
 *
 * - PDF: parsed with pdf-lib (compressed object streams included). Refused (`active-content`)
 *   when any object names JavaScript, a launch, an embedded file, rich media, XFA, a form
 *   submission or import, or when an `OpenAction` or an additional action (`AA`) does anything but
 *   a plain `GoTo`. Encrypted PDFs are refused (`encrypted`): their object streams cannot be
 *   checked. PDFs that pdf-lib cannot parse, whose object or cross-reference streams use a filter
 *   other than `FlateDecode` or expand beyond {@link MAX_EXPANDED_BYTES}, are refused
 *   (`well-formed`). Bytes after the last `%%EOF` are cut off.
 * - JPEG and PNG: the structure is followed to the end-of-image marker (JPEG `EOI`, PNG `IEND`);
 *   bytes after it are cut off (phones append data there; it is never part of the picture). An
 *   image whose structure cannot be followed is refused (`well-formed`), one with more than
 *   {@link MAX_PIXELS} pixels too (`max-pixels`).
 * - Every type: a ZIP archive inside the kept bytes (a ZIP end record whose central directory is
 *   there) is refused as `active-content` (a polyglot).
 */
export const CONTENT_PROBLEMS = ['active-content', 'encrypted', 'well-formed', 'max-pixels'] as const;
export type ContentProblem = (typeof CONTENT_PROBLEMS)[number];

export const isContentProblem = (reason: string): reason is ContentProblem =>
  (CONTENT_PROBLEMS as readonly string[]).includes(reason);

export type ContentVerdict =
  | {
      readonly ok: true;
      /** How many leading bytes to keep. */
      readonly length: number;
    }
  | {
      readonly ok: false;
      readonly problem: ContentProblem;
      /** What was found, for the error's message (never shown to the client, no personal data). */
      readonly why: string;
    };

/** 100 megapixels: an A4 page scanned at 600 dpi has 35, a 50-megapixel phone photo 50. */
export const MAX_PIXELS = 100_000_000;

/** What the object and cross-reference streams of one PDF may expand to, together. */
export const MAX_EXPANDED_BYTES = 64 * 1024 * 1024;

const CONTENT_ERRORS: Record<ContentProblem, { rule: string; message: string; detail: string }> = {
  'active-content': {
    rule: 'active-content',
    message: 'must not contain scripts, actions, embedded files or another file format',
    detail: 'The document contains active content (JavaScript, an action, an embedded file or an archive).',
  },
  encrypted: {
    rule: 'encrypted',
    message: 'must not be encrypted or password-protected',
    detail: 'Encrypted PDFs cannot be checked and are not accepted.',
  },
  'well-formed': {
    rule: 'well-formed',
    message: 'must be a readable PDF, JPEG or PNG file',
    detail: 'The structure of the file cannot be read.',
  },
  'max-pixels': {
    rule: `max-pixels:${MAX_PIXELS}`,
    message: `must have at most ${MAX_PIXELS} pixels`,
    detail: `The image has more than ${MAX_PIXELS} pixels.`,
  },
};

/** The field error (for the form pages) and the API error (415, problem+json) of a content refusal. */
export function contentRefusal(problem: ContentProblem): { error: FieldError; api: AppError } {
  const { rule, message, detail } = CONTENT_ERRORS[problem];
  const error = { field: 'body.file', rule, message };
  return { error, api: new AppError('unsupported-media-type', { detail, errors: [error] }) };
}

const ok = (length: number): ContentVerdict => ({ ok: true, length });
const refuse = (problem: ContentProblem, why: string): ContentVerdict => ({ ok: false, problem, why });

export async function checkContent(type: MediaType, bytes: Uint8Array): Promise<ContentVerdict> {
  const verdict =
    type === 'application/pdf'
      ? await checkPdf(bytes)
      : type === 'image/png'
        ? checkPng(bytes)
        : checkJpeg(bytes);
  if (!verdict.ok) return verdict;
  if (holdsZip(bytes.subarray(0, verdict.length))) return refuse('active-content', 'a ZIP archive inside');
  return verdict;
}

// ---------------------------------------------------------------------------------------------
// PDF

/** Names that make a PDF act by itself or carry other files; refused wherever they appear. */
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  'JavaScript',
  'JS',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'EF',
  'FileAttachment',
  'GoToE',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
]);

/** The same names (and an object stream) in the raw text of an object pdf-lib could not parse. */
const IN_RAW_TEXT = new RegExp(`/(${[...FORBIDDEN_NAMES, 'ObjStm'].join('|')})\\b`);

const hexEscape = /#([0-9a-f]{2})/gi;
const decodeHex = (s: string) =>
  s.replace(hexEscape, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

const names = new WeakMap<PDFName, string>();

/**
 * A name as a viewer reads it: `#xx` escapes decoded in either case (pdf-lib decodes only upper
 * case). pdf-lib keeps one instance per name, so each is decoded once.
 */
function nameOf(n: PDFName): string {
  let name = names.get(n);
  if (name === undefined) {
    name = decodeHex(n.decodeText());
    names.set(n, name);
  }
  return name;
}

const EOF_MARK = Buffer.from('%%EOF');
/** NUL, tab, line feed, form feed, carriage return, space (ISO 32000-1, 7.2.2). */
const PDF_WHITE_SPACE: ReadonlySet<number> = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/**
 * The length up to the last `%%EOF` and its end of line, when anything but white space follows
 * it (white space is part of PDF syntax and harmless); all of it otherwise, or when there is none.
 */
function pdfEnd(bytes: Uint8Array): number {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(EOF_MARK);
  if (at < 0) return bytes.length;
  const end = at + EOF_MARK.length;
  if (bytes.subarray(end).every((b) => PDF_WHITE_SPACE.has(b))) return bytes.length;
  if (bytes[end] === 0x0d && bytes[end + 1] === 0x0a) return end + 2;
  return bytes[end] === 0x0d || bytes[end] === 0x0a ? end + 1 : end;
}

async function checkPdf(all: Uint8Array): Promise<ContentVerdict> {
  const length = pdfEnd(all);
  const bytes = all.subarray(0, length);
  const streams = checkObjectStreams(bytes);
  if (streams) return refuse('well-formed', streams);
  let doc: PDFDocument;
  try {
    doc = await withoutPdfLibWarnings(() =>
      PDFDocument.load(bytes, {
        // Checked below: pdf-lib's own error is an ES5 class that `instanceof` does not recognise.
        ignoreEncryption: true,
        updateMetadata: false,
        // 100 objects per turn of the event loop: a long PDF does not hold up other requests for long.
        parseSpeed: ParseSpeeds.Slow,
        throwOnInvalidObject: false,
      }),
    );
  } catch (e) {
    return refuse('well-formed', `pdf-lib: ${(e as Error).constructor.name}`);
  }
  if (doc.isEncrypted) return refuse('encrypted', 'encrypted');
  const catalog = doc.context.lookup(doc.context.trailerInfo.Root);
  if (!(catalog instanceof PDFDict)) return refuse('well-formed', 'no document catalog');
  const found = await activeContentIn(doc);
  return found ? refuse('active-content', found) : ok(length);
}

/**
 * pdf-lib writes a `console.warn` line for every damaged object of a PDF it parses: a damaged
 * upload could flood the server's output. While checks run, those lines (and only those) are
 * dropped; every other warning passes.
 */
const PDF_LIB_NOISE = /^(Trying to parse invalid object|Invalid object ref|Removing parsed object)/;
let quietChecks = 0;
let originalWarn: typeof console.warn | undefined;

async function withoutPdfLibWarnings<T>(run: () => Promise<T>): Promise<T> {
  if (quietChecks++ === 0) {
    const warn = console.warn;
    originalWarn = warn;
    console.warn = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && PDF_LIB_NOISE.test(args[0]))) warn(...args);
    };
  }
  try {
    return await run();
  } finally {
    if (--quietChecks === 0 && originalWarn) {
      console.warn = originalWarn;
      originalWarn = undefined;
    }
  }
}

/** Objects looked at between two turns of the event loop. */
const OBJECTS_PER_TURN = 2000;

/** The first active content of the document, or undefined. */
async function activeContentIn(doc: PDFDocument): Promise<string | undefined> {
  const { context } = doc;
  const pending: PDFObject[] = context.enumerateIndirectObjects().map(([, o]) => o);
  let seen = 0;
  for (let o = pending.pop(); o !== undefined; o = pending.pop()) {
    if (++seen % OBJECTS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    if (o instanceof PDFInvalidObject) {
      const raw = new Uint8Array(o.sizeInBytes());
      o.copyBytesInto(raw, 0);
      const text = decodeHex(Buffer.from(raw).toString('latin1'));
      const name = IN_RAW_TEXT.exec(text);
      if (name) return `/${name[1]} in an object pdf-lib could not parse`;
      continue;
    }
    if (o instanceof PDFName) {
      if (FORBIDDEN_NAMES.has(nameOf(o))) return `/${nameOf(o)}`;
      continue;
    }
    const dict = o instanceof PDFStream ? o.dict : o instanceof PDFDict ? o : undefined;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        const k = nameOf(key);
        if (FORBIDDEN_NAMES.has(k)) return `/${k}`;
        if (k === 'OpenAction' && !isPlainGoTo(context.lookup(value), context, true)) return '/OpenAction';
        if (k === 'AA') {
          const triggers = context.lookup(value);
          if (!(triggers instanceof PDFDict)) return '/AA';
          for (const [, action] of triggers.entries())
            if (!isPlainGoTo(context.lookup(action), context, false)) return '/AA';
        }
        pending.push(value);
      }
      continue;
    }
    if (o instanceof PDFArray) pending.push(...o.asArray());
  }
  return undefined;
}

/**
 * Whether an action is a plain `GoTo` (a jump within the document), followed along `Next`. An
 * `OpenAction` may also be a destination (an array).
 */
function isPlainGoTo(
  action: PDFObject | undefined,
  context: PDFDocument['context'],
  destinationOk: boolean,
): boolean {
  const seen = new Set<PDFObject>();
  let a = action;
  while (a !== undefined && !seen.has(a)) {
    seen.add(a);
    if (destinationOk && a instanceof PDFArray) return true;
    if (!(a instanceof PDFDict)) return false;
    const s = a.lookup(PDFName.of('S'));
    if (!(s instanceof PDFName) || nameOf(s) !== 'GoTo') return false;
    const next = a.get(PDFName.of('Next'));
    if (next === undefined) return true;
    a = next instanceof PDFRef ? context.lookup(next) : next;
    destinationOk = false;
  }
  return a === undefined;
}

/**
 * pdf-lib expands every object stream and cross-reference stream while it parses, without a
 * bound. Before it does, each such stream is expanded here with a bound: only `FlateDecode` (or no
 * filter) is accepted for them, and all of them together may expand to at most
 * {@link MAX_EXPANDED_BYTES}. Returns why the PDF is refused, or undefined.
 */
function checkObjectStreams(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let budget = MAX_EXPANDED_BYTES;
  const keyword = /\bstream(?:\r\n|\n|\r)/g;
  for (let m = keyword.exec(text); m !== null; m = keyword.exec(text)) {
    const start = m.index + m[0].length;
    const objStart = text.lastIndexOf(' obj', m.index);
    const dict = decodeHex(text.slice(objStart < 0 ? Math.max(0, m.index - 4096) : objStart, m.index));
    if (!/\/Type\s*\/(ObjStm|XRef)\b/.test(dict)) continue;
    const end = text.indexOf('endstream', start);
    const filters = [...dict.matchAll(/\/([A-Za-z0-9]+Decode|AHx|A85|LZW|Fl|RL|CCF|DCT)\b/g)].map(
      (f) => f[1],
    );
    if (filters.some((f) => f !== 'FlateDecode' && f !== 'Fl'))
      return `object stream filter ${filters.join(',')}`;
    if (filters.length === 0) continue;
    try {
      const out = inflateSync(bytes.subarray(start, end < 0 ? bytes.length : end), {
        maxOutputLength: budget,
        finishFlush: zlibConstants.Z_SYNC_FLUSH,
      });
      budget -= out.length;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        return `object streams expand beyond ${MAX_EXPANDED_BYTES} bytes`;
      // Other errors (a damaged stream) are left to pdf-lib.
    }
    keyword.lastIndex = end < 0 ? text.length : end;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Images

const u16 = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32 = (b: Uint8Array, at: number) => u16(b, at) * 65536 + u16(b, at + 2);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32le = (b: Uint8Array, at: number) => u16le(b, at) + u16le(b, at + 2) * 65536;

function pixels(width: number, height: number, where: string): ContentVerdict | undefined {
  if (width * height > MAX_PIXELS) return refuse('max-pixels', `${where} ${width}×${height}`);
  return undefined;
}

/** PNG: signature, then chunks (length, type, data, CRC) up to and including `IEND`. */
function checkPng(b: Uint8Array): ContentVerdict {
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
function checkJpeg(b: Uint8Array): ContentVerdict {
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

// ---------------------------------------------------------------------------------------------
// Polyglots

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

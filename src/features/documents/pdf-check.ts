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
import { type ContentVerdict, ok, refuse } from './content-verdict.ts';

// The PDF part of the content rule (content-check.ts).

/** What the object and cross-reference streams of one PDF may expand to, together. */
export const MAX_EXPANDED_BYTES = 64 * 1024 * 1024;

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

export async function checkPdf(all: Uint8Array): Promise<ContentVerdict> {
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

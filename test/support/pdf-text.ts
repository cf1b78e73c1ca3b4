/**
 * Reads a PDF back for tests (the tagged PDF writer, src/platform/pdf): with pdf-lib, the catalog and the
 * structure tree; from each page's content stream, the text of every marked-content sequence (by MCID, and the
 * artefacts), decoded through the fonts' /ToUnicode maps — as a screen reader or text extraction would get it.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFNumber,
  PDFRawStream,
  type PDFRef,
  PDFStream,
} from 'pdf-lib';

export type MarkedText = { readonly tag: string; readonly mcid: number | null; readonly text: string };
export type PageText = { readonly ref: PDFRef; readonly marked: readonly MarkedText[] };

const streamText = (s: PDFStream) =>
  Buffer.from(s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : s.getContents()).toString(
    'latin1',
  );

/** The /ToUnicode map of a font: glyph code (4 hex digits) → text. */
function toUnicode(doc: PDFDocument, font: PDFDict): Map<string, string> {
  const map = new Map<string, string>();
  const stream = doc.context.lookup(font.get(PDFName.of('ToUnicode')));
  if (!(stream instanceof PDFStream)) return map;
  const cmap = streamText(stream);
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const units = (uni ?? '').match(/.{4}/g)?.map((h) => Number.parseInt(h, 16)) ?? [];
      map.set((code ?? '').toLowerCase(), String.fromCharCode(...units));
    }
  }
  return map;
}

const TOKEN = /<<|>>|<[0-9a-fA-F\s]*>|\/[^\s/<>[\]()]+|\[|\]|[^\s/<>[\]()]+/g;

function pageText(doc: PDFDocument, page: PDFDict): MarkedText[] {
  const resources = doc.context.lookup(page.get(PDFName.of('Resources')), PDFDict);
  const fontDict = doc.context.lookup(resources.get(PDFName.of('Font')), PDFDict);
  const maps = new Map<string, Map<string, string>>();
  for (const [key, ref] of fontDict.entries())
    maps.set(key.asString(), toUnicode(doc, doc.context.lookup(ref, PDFDict)));
  const contents = doc.context.lookup(page.get(PDFName.of('Contents')));
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const source = streams.map((s) => (s instanceof PDFStream ? streamText(s) : '')).join('\n');

  const out: MarkedText[] = [];
  const open: { tag: string; mcid: number | null; text: string }[] = [];
  let operands: string[] = [];
  let font = new Map<string, string>();
  for (const [token] of source.matchAll(TOKEN)) {
    const isOperator = /^[A-Za-z'"*]+$/.test(token) && !['true', 'false', 'null'].includes(token);
    if (!isOperator) {
      operands.push(token);
      continue;
    }
    if (token === 'BDC' || token === 'BMC') {
      const mcid = operands.join(' ').match(/\/MCID\s+(\d+)/);
      open.push({ tag: operands[0] ?? '', mcid: mcid ? Number(mcid[1]) : null, text: '' });
    } else if (token === 'EMC') {
      const done = open.pop();
      if (done) out.push({ ...done, tag: done.tag.slice(1), text: done.text.trim() });
    } else if (token === 'Tf') {
      font = maps.get(operands[0] ?? '') ?? new Map();
    } else if (token === 'Tj') {
      const hex = (operands[0] ?? '').replace(/[<>\s]/g, '').toLowerCase();
      const text = (hex.match(/.{4}/g) ?? []).map((g) => font.get(g) ?? '\uFFFD').join('');
      const top = open[open.length - 1];
      // Lines of one sequence: a line that ends without a space is followed by one (a line break).
      if (top) top.text += `${top.text && !top.text.endsWith(' ') ? ' ' : ''}${text}`;
    }
    operands = [];
  }
  return out;
}

export type ReadPdf = { readonly doc: PDFDocument; readonly pages: readonly PageText[] };

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages().map((p) => ({ ref: p.ref, marked: pageText(doc, p.node) }));
  return { doc, pages };
}

/** All text of the content (not the artefacts), in content-stream order. */
export const contentText = (pdf: ReadPdf) =>
  pdf.pages.flatMap((p) => p.marked.filter((m) => m.mcid !== null).map((m) => m.text)).join('\n');

/** The structure element's role and children (elements; MCRs as { page, mcid }). */
export type StructNode = {
  role: string;
  dict: PDFDict;
  kids: (StructNode | { page: PDFRef; mcid: number })[];
};

export function structureTree(doc: PDFDocument): StructNode[] {
  const ctx = doc.context;
  const root = ctx.lookup(doc.catalog.get(PDFName.of('StructTreeRoot')), PDFDict);
  const visit = (obj: unknown): StructNode | { page: PDFRef; mcid: number } | null => {
    const dict = ctx.lookup(obj as PDFRef);
    if (!(dict instanceof PDFDict)) return null;
    if (dict.get(PDFName.of('Type'))?.toString() === '/MCR') {
      const mcid = dict.get(PDFName.of('MCID')) as PDFNumber;
      return { page: dict.get(PDFName.of('Pg')) as PDFRef, mcid: mcid.asNumber() };
    }
    const kids = ctx.lookup(dict.get(PDFName.of('K')));
    const list = kids instanceof PDFArray ? kids.asArray() : [];
    const role = String(dict.get(PDFName.of('S'))).slice(1);
    return { role, dict, kids: list.map(visit).filter((k) => k !== null) };
  };
  const kids = ctx.lookup(root.get(PDFName.of('K')));
  return (kids instanceof PDFArray ? kids.asArray() : [kids])
    .map(visit)
    .filter((k) => k !== null && 'role' in k) as StructNode[];
}

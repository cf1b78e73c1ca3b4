/**
 * The tagged PDF writer (platform; issues 19 and 17): a document model (model.ts) laid out on A4 pages with
 * Noto Sans, as a tagged PDF — /Lang, /Title shown as the window title, /MarkInfo, and a structure tree
 * Document > H1–H3, P, Table > Caption, TR > TH (with /Scope) / TD whose elements own the page content by MCID;
 * footers, page numbers, rules and repeated header rows are artefacts. Text wraps to the column; tables break
 * between rows and repeat their header row on each page.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { Canvas, PAGE, type Style, wrap } from './canvas.ts';
import { loadFonts } from './fonts.ts';
import type { PdfBlock, PdfDocumentModel, PdfTable } from './model.ts';
import { type StructElement, StructureTree } from './structure.ts';

const WIDTH = PAGE.width - 2 * PAGE.margin;
const HEADING_SIZE = { 1: 20, 2: 14.5, 3: 12 } as const;
const BODY = 10.5;
const TABLE = 9;
const PAD = 3.5;
const lineHeight = (size: number) => size * 1.35;

type Fonts = { readonly regular: PDFFont; readonly bold: PDFFont };

const PAGE_LABEL = {
  de: (n: number, total: number) => `Seite ${n} von ${total}`,
  en: (n: number, total: number) => `Page ${n} of ${total}`,
} as const;

/** The PDF of `model`, as bytes. */
export async function writeTaggedPdf(model: PdfDocumentModel): Promise<Uint8Array> {
  const files = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(files.regular, { subset: true }),
    bold: await doc.embedFont(files.bold, { subset: true }),
  };
  doc.setTitle(model.title, { showInWindowTitleBar: true });
  doc.setLanguage(model.lang);
  doc.setCreator('Chancenregion');
  const tree = new StructureTree(doc);
  const canvas = new Canvas(doc, tree);
  for (const block of model.blocks) drawBlock(canvas, tree, fonts, block);
  drawFooters(canvas, fonts, model);
  tree.finish(canvas.pages);
  return doc.save();
}

function drawBlock(canvas: Canvas, tree: StructureTree, fonts: Fonts, block: PdfBlock) {
  if (block.kind === 'table') return drawTable(canvas, tree, fonts, block);
  const heading = block.kind === 'heading';
  const style: Style = heading
    ? { font: fonts.bold, size: HEADING_SIZE[block.level] }
    : { font: fonts.regular, size: BODY };
  const role = heading ? `H${block.level}` : 'P';
  const lh = lineHeight(style.size);
  const lines = wrap(block.text, style, WIDTH);
  // A heading stays with (at least three lines of) what follows it.
  if (heading) canvas.ensure(lines.length * lh + 4 * lineHeight(BODY) + style.size * 0.6);
  if (heading) canvas.y -= style.size * 0.6;
  const el = tree.element(role, tree.document);
  drawLines(canvas, el, role, lines, style, PAGE.margin);
  canvas.y -= heading ? style.size * 0.35 : BODY * 0.6;
}

/** Lines of one element, down the page; where the page ends, the element goes on in a new marked sequence. */
function drawLines(
  canvas: Canvas,
  el: StructElement,
  role: string,
  lines: readonly string[],
  style: Style,
  x: number,
) {
  const lh = lineHeight(style.size);
  let i = 0;
  while (i < lines.length) {
    canvas.ensure(lh);
    const runs = [];
    while (i < lines.length && (runs.length === 0 || canvas.room >= lh)) {
      canvas.y -= lh;
      runs.push({ text: lines[i] as string, x, y: canvas.y + (lh - style.size) / 2 + style.size * 0.22 });
      i++;
    }
    canvas.content(el, role, runs, style);
  }
}

type LaidRow = { readonly cells: readonly string[][]; readonly height: number };

function drawTable(canvas: Canvas, tree: StructureTree, fonts: Fonts, table: PdfTable) {
  const cols = table.header.length;
  // The row header column is wider: it holds names; the others hold figures.
  const first = cols > 1 ? Math.min(WIDTH * 0.3, WIDTH / cols + 40) : WIDTH;
  const other = cols > 1 ? (WIDTH - first) / (cols - 1) : 0;
  const widths = Array.from({ length: cols }, (_, i) => (i === 0 ? first : other));
  const xs = widths.map((_, i) => PAGE.margin + widths.slice(0, i).reduce((a, w) => a + w, 0));
  const bold: Style = { font: fonts.bold, size: TABLE };
  const regular: Style = { font: fonts.regular, size: TABLE };
  const lh = lineHeight(TABLE);
  const lay = (cells: readonly string[], header: boolean): LaidRow => {
    const laid = widths.map((w, i) => wrap(cells[i] ?? '', header || i === 0 ? bold : regular, w - 2 * PAD));
    return { cells: laid, height: Math.max(...laid.map((l) => l.length)) * lh + 2 * PAD };
  };
  const head = lay(table.header, true);
  const body = table.rows.map((r) => lay(r, false));

  const el = tree.element('Table', tree.document);
  const caption = tree.element('Caption', el);
  const captionStyle: Style = { font: fonts.bold, size: BODY };
  const captionLines = wrap(table.caption, captionStyle, WIDTH);
  // The caption stays with the header row and the first row.
  canvas.ensure(captionLines.length * lineHeight(BODY) + head.height + (body[0]?.height ?? 0) + BODY * 0.8);
  canvas.y -= BODY * 0.4;
  drawLines(canvas, caption, 'Caption', captionLines, captionStyle, PAGE.margin);
  canvas.y -= BODY * 0.3;

  const drawRow = (row: LaidRow, parent: StructElement | null, header: boolean) => {
    const top = canvas.y;
    row.cells.forEach((lines, i) => {
      const style = header || i === 0 ? bold : regular;
      const runs = lines.map((text, k) => ({
        text,
        x: (xs[i] as number) + PAD,
        y: top - PAD - (k + 1) * lh + (lh - TABLE) / 2 + TABLE * 0.22,
      }));
      if (!parent) {
        canvas.artifact(runs, style);
        return;
      }
      const role = header ? 'TH' : i === 0 ? 'TH' : 'TD';
      const scope = header ? 'Column' : i === 0 ? 'Row' : null;
      const cell = tree.element(role, parent, scope ? { O: 'Table', Scope: scope } : undefined);
      canvas.content(cell, role, runs, style);
    });
    canvas.y = top - row.height;
    const rule = [PAGE.margin, canvas.y, PAGE.margin + WIDTH, canvas.y];
    canvas.artifact([], null, header ? [[PAGE.margin, top, PAGE.margin + WIDTH, top], rule] : [rule]);
  };

  drawRow(head, tree.element('TR', el), true);
  // On every further page the header row is drawn again, as an artefact (it is in the structure once).
  canvas.withPageStart(
    () => drawRow(head, null, true),
    () => {
      for (const row of body) {
        canvas.ensure(row.height);
        drawRow(row, tree.element('TR', el), false);
      }
    },
  );
  canvas.y -= BODY;
}

function drawFooters(canvas: Canvas, fonts: Fonts, model: PdfDocumentModel) {
  const style: Style = { font: fonts.regular, size: 8, gray: 0.35 };
  const total = canvas.pages.length;
  const y = PAGE.bottom - 30;
  canvas.pages.forEach((page, i) => {
    const label = PAGE_LABEL[model.lang](i + 1, total);
    const right = PAGE.margin + WIDTH - style.font.widthOfTextAtSize(label, style.size);
    if (model.footer) {
      const [text = ''] = wrap(model.footer, style, WIDTH * 0.7);
      canvas.artifact([{ text, x: PAGE.margin, y }], style, [], page);
    }
    canvas.artifact([{ text: label, x: right, y }], style, [], page);
  });
}

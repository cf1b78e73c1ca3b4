/**
 * The pages of the tagged PDF writer: A4 pages with margins, a cursor running down, text drawn with an embedded
 * font inside marked content — `BDC /Role << /MCID n >> … EMC` for content that belongs to a structure element,
 * `BDC /Artifact << /Type /Pagination >> … EMC` for running heads, footers, repeated table headers and rules.
 */
import {
  beginText,
  endText,
  lineTo,
  moveTo,
  type PDFDocument,
  type PDFFont,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  setLineWidth,
  setStrokingGrayscaleColor,
  setTextMatrix,
  showText,
  stroke,
} from 'pdf-lib';
import type { StructElement, StructureTree } from './structure.ts';

/** A4 in points, and the margins (2 cm; the footer sits in the bottom margin). */
export const PAGE = { width: 595.28, height: 841.89, margin: 56.7, bottom: 70 } as const;

export type TextRun = { readonly text: string; readonly x: number; readonly y: number };
export type Style = { readonly font: PDFFont; readonly size: number; readonly gray?: number };

export class Canvas {
  readonly pages: PDFPage[] = [];
  y = 0;
  readonly #doc: PDFDocument;
  readonly #tree: StructureTree;
  readonly #fontKeys = new Map<PDFPage, Map<PDFFont, PDFName>>();
  #onNewPage: (() => void) | null = null;

  constructor(doc: PDFDocument, tree: StructureTree) {
    this.#doc = doc;
    this.#tree = tree;
    this.newPage();
  }

  get page(): PDFPage {
    return this.pages[this.pages.length - 1] as PDFPage;
  }

  /** The space left above the bottom margin. */
  get room(): number {
    return this.y - PAGE.bottom;
  }

  newPage() {
    this.pages.push(this.#doc.addPage([PAGE.width, PAGE.height]));
    this.y = PAGE.height - PAGE.margin;
    this.#onNewPage?.();
  }

  /** Starts a new page unless `height` fits (or the page is still empty). */
  ensure(height: number) {
    if (height > this.room && this.y < PAGE.height - PAGE.margin) this.newPage();
  }

  /** Runs `body` with `start` drawn at the top of every new page (a table's repeated header row). */
  withPageStart(start: () => void, body: () => void) {
    this.#onNewPage = start;
    try {
      body();
    } finally {
      this.#onNewPage = null;
    }
  }

  #textOps(runs: readonly TextRun[], style: Style, page: PDFPage): PDFOperator[] {
    const key = this.#fontKeyOn(page, style.font);
    const ops = [beginText(), setFillingGrayscaleColor(style.gray ?? 0), setFontAndSize(key, style.size)];
    for (const r of runs) {
      ops.push(setTextMatrix(1, 0, 0, 1, r.x, r.y), showText(style.font.encodeText(r.text)));
    }
    ops.push(endText());
    return ops;
  }

  #fontKeyOn(page: PDFPage, font: PDFFont): PDFName {
    const keys = this.#fontKeys.get(page) ?? new Map<PDFFont, PDFName>();
    this.#fontKeys.set(page, keys);
    let key = keys.get(font);
    if (!key) {
      key = page.node.newFontDictionary('F', font.ref);
      keys.set(font, key);
    }
    return key;
  }

  /** Draws `runs` on the current page as content of `el`, in one marked-content sequence with its own MCID. */
  content(el: StructElement, role: string, runs: readonly TextRun[], style: Style) {
    const page = this.page;
    const mcid = this.#tree.mark(el, page);
    // The property list inline (a dictionary written as is; PDFOperator copies string operands verbatim).
    page.pushOperators(
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(role), `<< /MCID ${mcid} >>`]),
      ...this.#textOps(runs, style, page),
      PDFOperator.of(PDFOperatorNames.EndMarkedContent),
    );
  }

  /** Draws `runs` (and rules, each a line from [x1, y1] to [x2, y2]) as a pagination artefact on `page`. */
  artifact(runs: readonly TextRun[], style: Style | null, rules: readonly number[][] = [], page = this.page) {
    const ops: PDFOperator[] = [
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
        PDFName.of('Artifact'),
        '<< /Type /Pagination >>',
      ]),
    ];
    if (style && runs.length) ops.push(...this.#textOps(runs, style, page));
    if (rules.length) {
      ops.push(pushGraphicsState(), setLineWidth(0.5), setStrokingGrayscaleColor(0.6));
      for (const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] of rules)
        ops.push(moveTo(x1, y1), lineTo(x2, y2), stroke());
      ops.push(popGraphicsState());
    }
    ops.push(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    page.pushOperators(...ops);
  }
}

const widths = new WeakMap<PDFFont, Map<string, number>>();

/** The width of a word at 1 pt, measured once per font (fontkit's layout is slow). */
function unitWidth(font: PDFFont, word: string): number {
  const known = widths.get(font) ?? new Map<string, number>();
  widths.set(font, known);
  let w = known.get(word);
  if (w === undefined) {
    w = font.widthOfTextAtSize(word, 1);
    known.set(word, w);
  }
  return w;
}

/**
 * Breaks `text` into lines no wider than `width` at `style` (words measured one by one, without kerning across
 * the space); a word longer than a line is broken within. Every line broken at a space ends with it.
 */
export function wrap(text: string, style: Style, width: number): string[] {
  const max = width / style.size;
  const space = unitWidth(style.font, ' ');
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = unitWidth(style.font, word);
    if (line && used + space + w <= max) {
      line = `${line} ${word}`;
      used += space + w;
      continue;
    }
    // A line ending at a space keeps it, so that extracted text does not run the words together.
    if (line) lines.push(`${line} `);
    let rest = word;
    let restWidth = w;
    while (restWidth > max && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && style.font.widthOfTextAtSize(rest.slice(0, n), 1) > max) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
      restWidth = style.font.widthOfTextAtSize(rest, 1);
    }
    line = rest;
    used = restWidth;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

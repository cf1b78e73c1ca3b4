import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PDFArray, PDFDict, PDFName, type PDFNumber, type PDFRef } from 'pdf-lib';
import {
  contentText,
  type ReadPdf,
  readPdf,
  type StructNode,
  structureTree,
} from '../../../test/support/pdf-text.ts';
import { loadFonts, woffToSfnt } from './fonts.ts';
import { type PdfDocumentModel, writeTaggedPdf } from './index.ts';

const LONG = 'Die Frist läuft ab dem Tag, an dem die Unterlagen vollständig sind. '.repeat(30).trim();
const ROWS = Array.from({ length: 90 }, (_, i) => [
  `Thüringen ${i + 1}`,
  String(i * 3),
  'weniger als 5',
  '12,5 %',
]);
const MODEL: PdfDocumentModel = {
  lang: 'de',
  title: 'Bericht: Größe und Gebühren',
  footer: 'Chancenregion · Statistik',
  blocks: [
    { kind: 'heading', level: 1, text: 'Äußerst schöne Übersicht – 5 € Gebühr' },
    { kind: 'paragraph', text: LONG },
    { kind: 'heading', level: 2, text: 'Die sechs Länder' },
    {
      kind: 'table',
      caption: 'Anerkennung: Fälle je Land',
      header: ['Land', 'Entschieden', 'Median', 'In der Frist'],
      rows: ROWS,
    },
    { kind: 'heading', level: 3, text: 'Methode' },
    { kind: 'paragraph', text: 'Zählung nach § 6 Abs. 3 BQFG.' },
  ],
};

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function leaves(n: StructNode, out: StructNode[] = []): StructNode[] {
  if (n.kids.some((k) => 'mcid' in k)) out.push(n);
  for (const k of n.kids) if ('role' in k) leaves(k, out);
  return out;
}

describe('tagged PDF writer', () => {
  let pdf: ReadPdf;
  let doc: StructNode;
  before(async () => {
    pdf = await readPdf(await writeTaggedPdf(MODEL));
    [doc] = structureTree(pdf.doc) as [StructNode];
  });

  it('declares language, title shown as window title, and that it is tagged', () => {
    const { catalog } = pdf.doc;
    assert.equal(String(catalog.get(PDFName.of('Lang'))), '(de)');
    assert.equal(pdf.doc.getTitle(), MODEL.title);
    const prefs = catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    assert.equal(String(prefs.get(PDFName.of('DisplayDocTitle'))), 'true');
    const mark = catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    assert.equal(String(mark.get(PDFName.of('Marked'))), 'true');
  });

  it('has the structure Document > H1, P, H2, Table, H3, P, with rows of header and data cells', () => {
    assert.equal(doc.role, 'Document');
    const roles = doc.kids.map((k) => ('role' in k ? k.role : 'MCR'));
    assert.deepEqual(roles, ['H1', 'P', 'H2', 'Table', 'H3', 'P']);
    const table = doc.kids[3] as StructNode;
    const rows = table.kids.filter((k): k is StructNode => 'role' in k && k.role === 'TR');
    assert.equal((table.kids[0] as StructNode).role, 'Caption');
    assert.equal(rows.length, ROWS.length + 1, 'the header row once, then every row');
    const cellRoles = (r: StructNode) => r.kids.map((k) => ('role' in k ? k.role : ''));
    assert.deepEqual(cellRoles(rows[0] as StructNode), ['TH', 'TH', 'TH', 'TH']);
    assert.deepEqual(cellRoles(rows[1] as StructNode), ['TH', 'TD', 'TD', 'TD']);
    const scope = (n: StructNode) =>
      String((n.dict.lookup(PDFName.of('A'), PDFDict) as PDFDict).get(PDFName.of('Scope')));
    assert.equal(scope((rows[0] as StructNode).kids[1] as StructNode), '/Column');
    assert.equal(scope((rows[1] as StructNode).kids[0] as StructNode), '/Row');
  });

  it('gives MCIDs unique per page, each found in the parent tree under its element', () => {
    const ctx = pdf.doc.context;
    const root = ctx.lookup(pdf.doc.catalog.get(PDFName.of('StructTreeRoot')), PDFDict);
    const nums = root
      .lookup(PDFName.of('ParentTree'), PDFDict)
      .lookup(PDFName.of('Nums'), PDFArray)
      .asArray();
    const all = leaves(doc);
    let checked = 0;
    pdf.doc.getPages().forEach((page, i) => {
      const key = (page.node.get(PDFName.of('StructParents')) as PDFNumber).asNumber();
      const at = nums.findIndex((n, j) => j % 2 === 0 && (n as PDFNumber).asNumber() === key);
      assert.ok(at >= 0, `page ${i + 1} in the parent tree`);
      const parents = ctx.lookup(nums[at + 1], PDFArray).asArray();
      const mcids = pdf.pages[i]?.marked.flatMap((m) => (m.mcid === null ? [] : [m.mcid])) ?? [];
      assert.equal(new Set(mcids).size, mcids.length, `page ${i + 1}: MCIDs unique`);
      assert.equal(parents.length, mcids.length, `page ${i + 1}: one parent per MCID`);
      for (const mcid of mcids) {
        const owner = all.find((n) =>
          n.kids.some((k) => 'mcid' in k && k.mcid === mcid && k.page === page.ref),
        );
        assert.ok(owner, `page ${i + 1} MCID ${mcid} belongs to an element`);
        assert.equal(ctx.lookup(parents[mcid]), owner.dict, `page ${i + 1} MCID ${mcid}: parent tree`);
        checked++;
      }
    });
    assert.ok(checked > 100);
  });

  it('puts each element’s own text in its marked content, in reading order', () => {
    const text = (n: StructNode) =>
      n.kids
        .filter((k): k is { page: PDFRef; mcid: number } => 'mcid' in k)
        .map(
          (k) => pdf.pages.find((p) => p.ref === k.page)?.marked.find((m) => m.mcid === k.mcid)?.text ?? '',
        )
        .join(' ');
    const [h1, p, h2] = doc.kids as StructNode[];
    assert.equal(text(h1 as StructNode), 'Äußerst schöne Übersicht – 5 € Gebühr');
    assert.equal(norm(text(p as StructNode)), LONG);
    assert.equal(text(h2 as StructNode), 'Die sechs Länder');
    const rows = (doc.kids[3] as StructNode).kids.filter(
      (k): k is StructNode => 'role' in k && k.role === 'TR',
    );
    assert.deepEqual(
      (rows[5] as StructNode).kids.map((c) => text(c as StructNode)),
      ROWS[4],
    );
    const all = contentText(pdf);
    assert.ok(
      all.indexOf('Die sechs Länder') < all.indexOf('Thüringen 1') &&
        all.indexOf('Thüringen 90') < all.indexOf('Methode'),
    );
  });

  it('embeds Noto Sans as a Unicode subset, so umlauts, ß and € come back', () => {
    const fonts = pdf.doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter((o): o is PDFDict => o instanceof PDFDict && String(o.get(PDFName.of('Type'))) === '/Font');
    const type0 = fonts.filter((f) => String(f.get(PDFName.of('Subtype'))) === '/Type0');
    assert.equal(type0.length, 2, 'regular and bold');
    for (const f of type0) {
      assert.match(String(f.get(PDFName.of('BaseFont'))), /^\/(?:[A-Z]{6}\+)?NotoSans-(?:Regular|Bold)/);
      assert.ok(f.get(PDFName.of('ToUnicode')), 'a /ToUnicode map');
      const cid = f.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
      const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
      assert.ok(
        descriptor.get(PDFName.of('FontFile2')) ?? descriptor.get(PDFName.of('FontFile3')),
        'embedded',
      );
    }
    const all = contentText(pdf);
    for (const w of ['Äußerst', 'schöne', 'Übersicht', '5 €', 'Länder', 'Thüringen', '§ 6']) {
      assert.ok(all.includes(w), w);
    }
    assert.equal(all.includes('\uFFFD'), false, 'every glyph maps back to text');
  });

  it('breaks a long table across pages, repeating the header row as an artefact, footers too', () => {
    assert.ok(pdf.pages.length >= 3, `${pdf.pages.length} pages`);
    const table = doc.kids[3] as StructNode;
    const pagesOfRows = new Set(
      table.kids.flatMap((r) =>
        'role' in r
          ? r.kids.flatMap((c) => ('role' in c ? c.kids.map((k) => ('page' in k ? k.page : null)) : []))
          : [],
      ),
    );
    assert.ok(pagesOfRows.size >= 2, 'rows on more than one page');
    const second = pdf.pages[2];
    const artefacts = second?.marked.filter((m) => m.tag === 'Artifact').map((m) => m.text) ?? [];
    assert.ok(artefacts.includes('Land'), 'repeated header cell');
    assert.ok(artefacts.includes(`Seite 3 von ${pdf.pages.length}`), 'page number');
    assert.ok(artefacts.includes('Chancenregion · Statistik'));
    assert.equal(contentText(pdf).includes('Seite 1 von'), false, 'page numbers are no content');
  });

  it('unpacks the WOFF fonts to OpenType once (tables inflated, directory rewritten)', async () => {
    const { regular } = await loadFonts();
    const view = Buffer.from(regular);
    assert.equal(view.readUInt32BE(0), 0x00010000, 'TrueType outlines');
    const tags = Array.from({ length: view.readUInt16BE(4) }, (_, i) =>
      view.toString('latin1', 12 + 16 * i, 16 + 16 * i),
    );
    for (const tag of ['cmap', 'glyf', 'head', 'hmtx', 'name']) assert.ok(tags.includes(tag), tag);
    assert.deepEqual(woffToSfnt(regular), regular, 'a font that is not WOFF stays as it is');
  });
});

/**
 * The structure tree of a tagged PDF (ISO 32000-1 § 14.7, 14.8): structure elements under /StructTreeRoot, each
 * referring to its marked content on the pages by MCID (marked-content reference dictionaries, so that an
 * element may continue on the next page), and the /ParentTree, a number tree that maps each page's MCIDs back to
 * their elements. The writer asks for an MCID for an element on a page, wraps that page content in
 * `BDC /Role << /MCID n >> … EMC`, and calls `finish` once.
 */
import {
  type PDFArray,
  type PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';

export type StructElement = { readonly ref: PDFRef; readonly dict: PDFDict; readonly kids: PDFArray };

export class StructureTree {
  readonly #doc: PDFDocument;
  readonly #rootRef: PDFRef;
  readonly #rootKids: PDFArray;
  /** Per page (by its ref), the element of each MCID in order. */
  readonly #parents = new Map<PDFRef, PDFRef[]>();
  readonly document: StructElement;

  constructor(doc: PDFDocument) {
    this.#doc = doc;
    const ctx = doc.context;
    this.#rootKids = ctx.obj([]);
    this.#rootRef = ctx.register(ctx.obj({ Type: 'StructTreeRoot', K: this.#rootKids }));
    this.document = this.#make('Document', this.#rootRef);
    this.#rootKids.push(this.document.ref);
  }

  #make(role: string, parent: PDFRef, attributes?: Record<string, string>): StructElement {
    const ctx = this.#doc.context;
    const kids = ctx.obj([]);
    const dict = ctx.obj({ Type: 'StructElem', S: role, P: parent, K: kids });
    if (attributes) dict.set(PDFName.of('A'), ctx.obj(attributes));
    return { ref: ctx.register(dict), dict, kids };
  }

  /** A new element of `role` as the last child of `parent` (attributes e.g. `{ O: 'Table', Scope: 'Column' }`). */
  element(role: string, parent: StructElement, attributes?: Record<string, string>): StructElement {
    const el = this.#make(role, parent.ref, attributes);
    parent.kids.push(el.ref);
    return el;
  }

  /** The next MCID of `page`, given to `el`: the content marked with it belongs to the element. */
  mark(el: StructElement, page: PDFPage): number {
    const list = this.#parents.get(page.ref) ?? [];
    this.#parents.set(page.ref, list);
    const mcid = list.length;
    list.push(el.ref);
    el.kids.push(this.#doc.context.obj({ Type: 'MCR', Pg: page.ref, MCID: mcid }));
    return mcid;
  }

  /** Writes /StructParents on the pages, the parent tree, /StructTreeRoot and /MarkInfo into the catalog. */
  finish(pages: readonly PDFPage[]) {
    const ctx = this.#doc.context;
    const nums = ctx.obj([]);
    pages.forEach((page, i) => {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(i));
      // Tab order follows the structure.
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      nums.push(PDFNumber.of(i));
      nums.push(ctx.register(ctx.obj(this.#parents.get(page.ref) ?? [])));
    });
    const root = ctx.lookup(this.#rootRef) as PDFDict;
    root.set(PDFName.of('ParentTree'), ctx.register(ctx.obj({ Nums: nums })));
    root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(pages.length));
    const catalog = this.#doc.catalog;
    catalog.set(PDFName.of('StructTreeRoot'), this.#rootRef);
    catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  }
}

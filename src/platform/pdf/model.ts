/** The document model of the tagged PDF writer: what a report says, in reading order; the writer lays it out. */
export type PdfHeading = { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string };
export type PdfParagraph = { readonly kind: 'paragraph'; readonly text: string };
/**
 * A table: a caption, the header row (one header cell per column) and the body rows, whose first cell is the
 * row's header cell (e.g. the state's name). Every row has as many cells as the header.
 */
export type PdfTable = {
  readonly kind: 'table';
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
};
export type PdfBlock = PdfHeading | PdfParagraph | PdfTable;

export type PdfDocumentModel = {
  /** The document's natural language (the catalog's /Lang). */
  readonly lang: 'de' | 'en';
  /** The title: the info dictionary's /Title, shown as the window title. */
  readonly title: string;
  readonly blocks: readonly PdfBlock[];
  /** Text in the footer of every page before the page number (an artefact, not content). */
  readonly footer?: string;
};

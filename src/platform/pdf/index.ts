/** Accessible, tagged PDF documents (platform; the statistics report of issue 19, the exports of issue 17). */
export type { PdfBlock, PdfDocumentModel, PdfHeading, PdfParagraph, PdfTable } from './model.ts';
export { writeTaggedPdf } from './writer.ts';

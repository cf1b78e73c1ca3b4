import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { type ContentProblem, type ContentVerdict, refuse } from './content-verdict.ts';
import type { MediaType } from './files.ts';
import { checkJpeg, checkPng, MAX_PIXELS } from './image-check.ts';
import { checkPdf } from './pdf-check.ts';
import { holdsZip } from './polyglot-check.ts';

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

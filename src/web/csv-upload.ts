/**
 * The upload side of a CSV import (issue 20): an encapsulated scope whose forms may be multipart (the file part read
 * into memory up to a limit, the other fields into `req.body` so that the CSRF check sees the token), the file of a
 * submitted form, the file carried from the dry run to "apply" as a hidden field, and a template to download.
 */
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { csvLine } from '../domain/interop/csv-table.ts';
import { AppError } from '../platform/http/errors.ts';
import { refuseUnstorable } from '../platform/http/input-guard.ts';

/** What the form's file part held: its bytes up to the limit, and whether it went beyond. */
export interface UploadedFile {
  readonly bytes: Uint8Array;
  readonly tooLarge: boolean;
}

/** The largest file any import of the platform takes; each import checks its own, smaller limit. */
export const CSV_UPLOAD_MAX_BYTES = 512 * 1024;

function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && (value as UploadedFile).bytes instanceof Uint8Array;
}

/**
 * Registers `routes` in a scope that reads multipart forms: every part but one file is a text field; the file is
 * read up to `CSV_UPLOAD_MAX_BYTES` plus one byte (a file beyond is marked too large, the rest is not read).
 */
export function withCsvUploads(app: FastifyInstance, routes: (scope: FastifyInstance) => void): void {
  const read = new WeakSet<object>();
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: CSV_UPLOAD_MAX_BYTES + 1, files: 1, fields: 8, fieldSize: 4096, parts: 9 },
      async onFile(part: MultipartFile) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        const value: UploadedFile = { bytes: Buffer.concat(chunks), tooLarge: part.file.truncated };
        (part as unknown as { value: unknown }).value = value;
      },
    });
    // The root's input guard ran before the multipart fields were read.
    scope.addHook('preHandler', async (req) => {
      read.add(req);
      if (req.isMultipart()) refuseUnstorable(textFields(req.body), 'body');
    });
    // A malformed multipart body (no boundary, a form cut off) fails while it is read, before any handler, with a
    // plain error of the parser: the sender's fault, so a 400 naming the body; the root's handler answers it.
    scope.setErrorHandler(async (error, req) => {
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      if (req.isMultipart() && !read.has(req) && !(error instanceof AppError) && status >= 500)
        throw new AppError('malformed-request', {
          detail: 'The form could not be read as multipart/form-data.',
          errors: [
            { field: 'body', rule: 'multipart', message: 'must be a complete multipart/form-data body' },
          ],
        });
      throw error;
    });
    routes(scope);
  });
}

function textFields(body: unknown): Record<string, string> {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(b).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The file of a submitted form (`name`), or null when none was chosen (an empty file is a file). */
export function uploadedFile(body: unknown, name = 'file'): UploadedFile | null {
  const value = ((body ?? {}) as Record<string, unknown>)[name];
  return isUploadedFile(value) ? value : null;
}

/** The file's bytes as the hidden field of the "apply" form carries them (base64). */
export function carriedField(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** The bytes of the hidden field again; null when the field is missing or not base64. */
export function carriedBytes(body: unknown, name = 'content'): Uint8Array | null {
  const value = ((body ?? {}) as Record<string, unknown>)[name];
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return null;
  return Buffer.from(value, 'base64');
}

/**
 * Sends a CSV template for download: UTF-8 with byte order mark (so that Excel reads the umlauts), `;` as separator
 * (as German Excel writes it), the header and example rows.
 */
export function sendCsvTemplate(
  reply: FastifyReply,
  fileName: string,
  rows: readonly (readonly string[])[],
): FastifyReply {
  const body = `\uFEFF${rows.map((r) => csvLine(r)).join('\r\n')}\r\n`;
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(body);
}

import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { contentRefusal, isContentProblem } from './content-check.ts';
import { UploadRefused } from './service.ts';

/** Room for the form fields and part headers around the file in a multipart body. */
export const MULTIPART_OVERHEAD = 64 * 1024;

interface PendingUpload {
  /** The declared Content-Length already exceeds the limit: the file is refused unread. */
  declaredTooLarge: boolean;
  next: () => Promise<IteratorResult<unknown>>;
  file: MultipartFile | undefined;
  fields: Record<string, string>;
}

const pending = new WeakMap<FastifyRequest, PendingUpload>();

/**
 * The multipart limits for one document upload. The file limit is one byte above the allowed size:
 * busboy then hands over the byte that crosses the limit, our counter refuses it at once and the
 * request is answered while the client is still sending (at exactly the limit busboy would only
 * truncate silently and the answer would wait for the end of the body).
 */
export function uploadLimits(maxBytes: number) {
  return { fileSize: maxBytes + 1, files: 1, fields: 8, fieldSize: 4096, parts: 10, headerPairs: 100 };
}

/**
 * preValidation hook of the upload routes: notes whether the declared body is already larger than
 * the limit (the handler then refuses the file without reading it), and reads the form fields that
 * come before the file (`_csrf`, `category`) into `req.body`, so that the CSRF check (a
 * preHandler) sees the token of a no-JavaScript form. The
 * file itself is not read until the handler runs, after the CSRF and policy checks.
 */
export function readLeadingFields(maxBytes: number) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    // Anonymous requests are refused by the policy check (a preHandler) without reading anything.
    if (!req.actor) return;
    if (!req.isMultipart()) {
      throw new AppError('unsupported-media-type', {
        detail: 'Send the document as multipart/form-data with one part named "file".',
        errors: [
          { field: 'body', rule: 'media-type:multipart/form-data', message: 'must be multipart/form-data' },
        ],
      });
    }
    const declared = Number(req.headers['content-length']);
    const declaredTooLarge = Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD;
    const iterator = req.parts({ limits: uploadLimits(maxBytes) })[Symbol.asyncIterator]();
    const fields: Record<string, string> = {};
    let file: MultipartFile | undefined;
    for (;;) {
      const r = await iterator.next();
      if (r.done) break;
      const part = r.value;
      if (part.type === 'file') {
        file = part;
        break;
      }
      if (typeof part.value === 'string' && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
    }
    pending.set(req, { declaredTooLarge, next: () => iterator.next(), file, fields });
    req.body = fields;
  };
}

/**
 * The upload of this request: the file part (not yet read) and the fields; `readRest` reads the
 * fields after the file once the file has been consumed.
 */
export function uploadOf(req: FastifyRequest) {
  const p = pending.get(req);
  if (!p) throw new Error('readLeadingFields did not run for this route');
  return {
    declaredTooLarge: p.declaredTooLarge,
    file: p.file,
    fields: p.fields,
    async readRest(): Promise<Record<string, string>> {
      for (;;) {
        const r = await p.next();
        if (r.done) break;
        const part = r.value as {
          type: string;
          fieldname: string;
          value?: unknown;
          file?: NodeJS.ReadableStream;
        };
        if (part.type === 'file') {
          part.file?.resume();
          continue;
        }
        if (typeof part.value === 'string' && !(part.fieldname in p.fields))
          p.fields[part.fieldname] = part.value;
      }
      return p.fields;
    },
  };
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload-too-large', {
    detail: `The document is larger than ${maxBytes} bytes.`,
    // The rest of the body is not read: the connection ends with the answer.
    headers: { connection: 'close' },
    errors: [
      { field: 'body.file', rule: `max-bytes:${maxBytes}`, message: `must be at most ${maxBytes} bytes` },
    ],
  });
}

/** The field error for a refused upload (for the form pages) and the API error (problem+json). */
export function refusalOf(e: UploadRefused, maxBytes: number): { error: FieldError; api: AppError } {
  if (isContentProblem(e.reason)) return contentRefusal(e.reason);
  switch (e.reason) {
    case 'too-large': {
      const api = tooLarge(maxBytes);
      return { error: api.errors[0] as FieldError, api };
    }
    case 'media-type': {
      const error = {
        field: 'body.file',
        rule: 'media-type:application/pdf,image/jpeg,image/png',
        message: 'must be a PDF, JPEG or PNG file (recognised by its content, not its name)',
      };
      return {
        error,
        api: new AppError('unsupported-media-type', {
          detail: 'Only PDF, JPEG and PNG documents are accepted; the content of this file is none of them.',
          errors: [error],
        }),
      };
    }
    case 'empty': {
      const error = { field: 'body.file', rule: 'non-empty', message: 'must not be empty' };
      return {
        error,
        api: new AppError('validation-failed', { detail: 'The file is empty.', errors: [error] }),
      };
    }
    case 'missing': {
      const error = { field: 'body.file', rule: 'required', message: 'is required' };
      return {
        error,
        api: new AppError('validation-failed', { detail: 'No file was sent.', errors: [error] }),
      };
    }
    case 'category': {
      const error = {
        field: 'body.category',
        rule: 'enum',
        message: 'must be a category of the checklist catalogue',
      };
      return { error, api: new AppError('validation-failed', { errors: [error] }) };
    }
  }
}

export { UploadRefused };

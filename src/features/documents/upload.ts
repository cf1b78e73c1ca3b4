import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { refuseUnstorable } from '../../platform/http/input-guard.ts';
import { requireActor } from '../identity/index.ts';
import { contentRefusal } from './content-check.ts';
import { isContentProblem } from './content-verdict.ts';
import type { DocumentsDeps } from './document-record.ts';
import { storeUpload, UploadRefused } from './upload-store.ts';

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
    if (!hasBoundary(req.headers['content-type'])) throw badBoundary();
    const declared = Number(req.headers['content-length']);
    const declaredTooLarge = Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD;
    const limits = uploadLimits(maxBytes);
    const iterator = req.parts({ limits })[Symbol.asyncIterator]();
    const next = () => nextPart(iterator, limits);
    // No prototype: a field named `constructor` or `__proto__` is just a field.
    const fields: Record<string, string> = Object.create(null);
    let file: MultipartFile | undefined;
    for (;;) {
      const r = await next();
      if (r.done) break;
      const part = r.value;
      if (part.type === 'file') {
        file = part;
        break;
      }
      if (typeof part.value === 'string' && !Object.hasOwn(fields, part.fieldname))
        fields[part.fieldname] = part.value;
    }
    // The global input guard ran before these fields were read.
    refuseUnstorable(fields, 'body');
    pending.set(req, { declaredTooLarge, next, file, fields });
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
        if (typeof part.value === 'string' && !Object.hasOwn(p.fields, part.fieldname))
          p.fields[part.fieldname] = part.value;
      }
      refuseUnstorable(p.fields, 'body');
      return p.fields;
    },
  };
}

/** The next part; a malformed body or a broken count limit becomes the 400 that says so. */
async function nextPart<T>(
  iterator: AsyncIterator<T>,
  limits: ReturnType<typeof uploadLimits>,
): Promise<IteratorResult<T>> {
  try {
    return await iterator.next();
  } catch (e) {
    throw multipartRefusal(e, limits) ?? e;
  }
}

const BOUNDARY = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;

/** Whether a multipart Content-Type names a boundary of 1 to 70 characters (RFC 2046 section 5.1.1). */
function hasBoundary(contentType: string | undefined): boolean {
  const m = BOUNDARY.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2] ?? '';
  return boundary.length >= 1 && boundary.length <= 70;
}

function badBoundary(): AppError {
  return new AppError('malformed-request', {
    detail: 'The Content-Type header names no usable multipart boundary.',
    errors: [
      {
        field: 'header.content-type',
        rule: 'multipart-boundary',
        message: 'must name the boundary between the parts (1 to 70 characters, RFC 2046)',
      },
    ],
  });
}

const BAD_BOUNDARY = /^(Multipart: Boundary not found|Boundary required|The needle )/;
const CUT_SHORT = /unexpected end of multipart data/i;

/**
 * The 400 for a multipart body the parser (busboy via @fastify/multipart) cannot read or that
 * breaks a count limit: no usable boundary in Content-Type, a body that ends before its closing
 * boundary, more files, fields or parts than an upload has. The byte limits stay 413. Undefined
 * for any other error.
 */
export function multipartRefusal(
  e: unknown,
  limits: Pick<ReturnType<typeof uploadLimits>, 'files' | 'fields' | 'parts'>,
): AppError | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : '';
  const count = (what: 'files' | 'fields' | 'parts', text: string) =>
    new AppError('validation-failed', {
      detail: `An upload has at most ${limits[what]} ${what}.`,
      errors: [{ field: 'body', rule: `max-${what}:${limits[what]}`, message: text }],
    });
  if (code === 'FST_FILES_LIMIT') return count('files', `must hold exactly one file part`);
  if (code === 'FST_FIELDS_LIMIT') return count('fields', `must hold at most ${limits.fields} fields`);
  if (code === 'FST_PARTS_LIMIT') return count('parts', `must hold at most ${limits.parts} parts`);
  if (code === 'FST_PROTO_VIOLATION') {
    return new AppError('validation-failed', {
      errors: [
        { field: 'body', rule: 'field-name', message: 'must not name a field after an object property' },
      ],
    });
  }
  if (BAD_BOUNDARY.test(message)) return badBoundary();
  if (CUT_SHORT.test(message)) {
    return new AppError('malformed-request', {
      detail: 'The multipart body ends before its closing boundary.',
      errors: [{ field: 'body', rule: 'multipart', message: 'must end with the closing boundary' }],
    });
  }
  return undefined;
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

/** Stores the file of a multipart upload for the signed-in applicant or family member. */
export async function upload(documents: DocumentsDeps, req: FastifyRequest) {
  const { actor } = requireActor(req);
  const u = uploadOf(req);
  if (u.declaredTooLarge) throw new UploadRefused('too-large');
  if (!u.file) throw new UploadRefused('missing');
  const membership = actor.memberships.find((m) => m.role === 'applicant' || m.role === 'family-member');
  try {
    return await storeUpload(
      documents,
      { actor, membership },
      {
        fileName: u.file.filename,
        content: u.file.file,
        category: async () => (await u.readRest()).category,
      },
    );
  } catch (e) {
    // The file stream fails when the body ends inside the file part.
    throw multipartRefusal(e, uploadLimits(documents.maxBytes)) ?? e;
  }
}

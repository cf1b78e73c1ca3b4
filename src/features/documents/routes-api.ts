import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../platform/http/route-schema.ts';
import { requireActor } from '../identity/index.ts';
import { DOCUMENT_CATEGORIES } from './checklists.ts';
import { deleteDocument } from './deletion.ts';
import { canRead, documentsVisibleTo } from './document-access.ts';
import { type DocumentsDeps, ownDocuments, viewOf } from './document-record.ts';
import { attachmentHeader } from './files.ts';
import { revokeShare, type ShareResult, shareDocuments, sharesOf } from './sharing.ts';
import { readLeadingFields, refusalOf, upload } from './upload.ts';
import { UploadRefused } from './upload-store.ts';

const idParams = z.strictObject({ id: z.string().max(64, { error: 'must be at most 64 characters long' }) });
const shareBody = z.strictObject({
  organisationId: z.uuid(),
  documentId: z.uuid().optional(),
  category: z.enum(DOCUMENT_CATEGORIES).optional(),
});
const tags = ['documents'];

export const notFound = () => new AppError('not-found', { detail: 'No such document.' });

/** The JSON API of documents under /api/v1/documents: every route's input is its route schema. */
export function registerDocumentsApi(app: FastifyInstance, documents: DocumentsDeps) {
  const { db } = documents;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/documents',
    {
      config: { policy: { action: 'read', resource: 'document' } },
      schema: { summary: "The signed-in person's own documents, with the checklist categories", tags },
    },
    async (req) => {
      const { actor } = requireActor(req);
      return { documents: await ownDocuments(db, actor.personId), categories: DOCUMENT_CATEGORIES };
    },
  );

  // The body is multipart, read by readLeadingFields and the upload itself: no body schema.
  api.post(
    '/api/v1/documents',
    {
      config: { policy: { action: 'create', resource: 'document' } },
      schema: {
        summary:
          'Upload a document: multipart/form-data with the field category and one part file (PDF, JPEG or PNG by content, at most DOCUMENT_MAX_BYTES)',
        tags,
        success: { status: 201, description: 'The stored document; Location names it' },
      },
      preValidation: readLeadingFields(documents.maxBytes),
    },
    async (req, reply) => {
      try {
        const doc = await upload(documents, req);
        return reply.status(201).header('location', `/api/v1/documents/${doc.id}`).send(doc);
      } catch (e) {
        if (e instanceof UploadRefused) throw refusalOf(e, documents.maxBytes).api;
        throw e;
      }
    },
  );

  api.get(
    '/api/v1/documents/shares',
    {
      config: { policy: { action: 'share', resource: 'document' } },
      schema: { summary: "The signed-in person's shares, with whether each is in effect", tags },
    },
    async (req) => ({ shares: await sharesOf(db, requireActor(req).actor.personId) }),
  );

  api.post(
    '/api/v1/documents/shares',
    {
      config: { policy: { action: 'share', resource: 'document' } },
      schema: {
        summary:
          'Share one document (documentId) or every document of a category with an organisation the person has consented to',
        tags,
        body: withExample(shareBody, {
          organisationId: '16e24a9e-6f75-4a28-baf0-562cb9e1051a',
          category: 'degree-certificate',
        }),
        success: { status: 201 },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const result = await shareDocuments(documents, actor, req.body);
      if (!result.ok) throw shareProblem(result);
      return reply.status(201).send(result.share);
    },
  );

  api.delete(
    '/api/v1/documents/shares/:id',
    {
      config: { policy: { action: 'share', resource: 'document' } },
      schema: {
        summary: 'Stop a share',
        tags,
        params: idParams,
        success: { status: 204, description: 'Ended' },
      },
    },
    async (req, reply) => {
      if (!(await revokeShare(documents, requireActor(req).actor, req.params.id))) throw notFound();
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/applicants/:id/documents',
    {
      config: { policy: { action: 'read', resource: 'document' } },
      schema: {
        summary:
          "The documents of an applicant the actor may see (own, or shared with the actor's organisation); audited",
        tags,
        params: idParams,
      },
    },
    async (req) => {
      const { actor } = requireActor(req);
      const list = await db.transaction((tx) =>
        documentsVisibleTo(tx, documents.now(), actor, req.params.id),
      );
      if (!list)
        throw new AppError('not-found', { detail: 'No such applicant, or nothing shared with you.' });
      return { documents: list };
    },
  );

  api.get(
    '/api/v1/documents/:id',
    {
      config: { policy: { action: 'read', resource: 'document' } },
      schema: { summary: "A document's metadata; audited", tags, params: idParams },
    },
    async (req) => {
      const { actor } = requireActor(req);
      const d = await db.transaction((tx) =>
        canRead(tx, documents.now(), actor, req.params.id, 'document details'),
      );
      if (!d.allow) throw notFound();
      return viewOf(d.row);
    },
  );

  api.get(
    '/api/v1/documents/:id/content',
    {
      config: { policy: { action: 'read', resource: 'document' } },
      schema: {
        summary: 'Download a document as an attachment (detected type, nosniff, no-store); audited',
        tags,
        params: idParams,
        success: {
          contentType: 'application/octet-stream',
          description: 'application/pdf, image/jpeg or image/png',
        },
      },
    },
    async (req, reply) => sendContent(documents, req, reply, req.params.id),
  );

  api.delete(
    '/api/v1/documents/:id',
    {
      config: { policy: { action: 'delete', resource: 'document' } },
      schema: {
        summary: "Delete one's own document (the bytes are removed)",
        tags,
        params: idParams,
        success: { status: 204, description: 'Deleted' },
      },
    },
    async (req, reply) => {
      if (!(await deleteDocument(documents, requireActor(req).actor, req.params.id))) throw notFound();
      return reply.status(204).send();
    },
  );
}

/**
 * Serves a document as an attachment: the detected type, `nosniff`, no caching, and a sanitised
 * name. The audit entry is committed before the first byte leaves.
 */
async function sendContent(documents: DocumentsDeps, req: FastifyRequest, reply: FastifyReply, id: string) {
  const { actor } = requireActor(req);
  const d = await documents.db.transaction((tx) => canRead(tx, documents.now(), actor, id, 'download'));
  if (!d.allow) throw notFound();
  return reply
    .header('content-type', d.row.mediaType)
    .header('content-length', String(d.row.sizeBytes))
    .header('content-disposition', attachmentHeader(d.row.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(documents.storage.read(d.row.storageKey));
}

function shareProblem(result: Extract<ShareResult, { ok: false }>): AppError {
  switch (result.problem) {
    case 'no-document':
      return notFound();
    case 'no-consent':
      return new AppError('conflict', {
        detail: 'Grant consent to this organisation first (POST /api/v1/me/consents); a share rests on it.',
        errors: [{ field: 'body.organisationId', rule: 'consent', message: 'needs an active consent' }],
      });
    case 'category':
      return new AppError('validation-failed', {
        errors: [
          { field: 'body.category', rule: 'enum', message: 'must be a category of the checklist catalogue' },
        ],
      });
    case 'target':
      return new AppError('validation-failed', {
        errors: [{ field: 'body.documentId', rule: 'one-of', message: 'give either documentId or category' }],
      });
  }
}

import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { AppError, type FieldError, parseInput } from '../../platform/http/errors.ts';
import type { RouteDoc } from '../../platform/http/openapi.ts';
import type { RoutePolicy } from '../../platform/http/policy.ts';
import { LOCALES, type Locale } from '../../platform/i18n/index.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage, type PageResult, sendPage, viewContext, type WebDeps } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { requireActor } from '../identity/http.ts';
import { DOCUMENT_CATEGORIES } from './checklists.ts';
import { attachmentHeader } from './files.ts';
import { DOCUMENT_PATHS } from './paths.ts';
import {
  canRead,
  type DocumentsDeps,
  deleteDocument,
  documentsVisibleTo,
  ownDocuments,
  revokeShare,
  type ShareResult,
  shareableOrganisations,
  shareDocuments,
  sharesOf,
  storeUpload,
  UploadRefused,
  viewOf,
} from './service.ts';
import { diskStorage } from './storage.ts';
import { multipartRefusal, readLeadingFields, refusalOf, uploadLimits, uploadOf } from './upload.ts';
import { DocumentsPage } from './views.tsx';

/** The document storage of an installation: `DATA_DIR/documents/`. */
export function documentStorageOf(deps: AppDeps) {
  return diskStorage(path.join(deps.config.DATA_DIR, 'documents'));
}

function form(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

const idParams = z.object({ id: z.string().max(64) });
const shareBody = z
  .object({
    organisationId: z.uuid(),
    documentId: z.uuid().optional(),
    category: z.enum(DOCUMENT_CATEGORIES).optional(),
  })
  .strict();
const doc = (summary: string, extra: Omit<RouteDoc, 'summary' | 'tags'> = {}): RouteDoc => ({
  summary,
  tags: ['documents'],
  ...extra,
});

/** What the OpenAPI document says about each route. */
const API_DOCS = {
  list: doc("The signed-in person's own documents, with the checklist categories"),
  upload: doc(
    'Upload a document: multipart/form-data with the field category and one part file (PDF, JPEG or PNG by content, at most DOCUMENT_MAX_BYTES)',
    { success: { status: 201, description: 'The stored document; Location names it' } },
  ),
  shares: doc("The signed-in person's shares, with whether each is in effect"),
  share: doc(
    'Share one document (documentId) or every document of a category with an organisation the person has consented to',
    { body: shareBody, success: { status: 201 } },
  ),
  unshare: doc('Stop a share', { params: idParams, success: { status: 204, description: 'Ended' } }),
  visible: doc(
    "The documents of an applicant the actor may see (own, or shared with the actor's organisation); audited",
    {
      params: idParams,
    },
  ),
  details: doc("A document's metadata; audited", { params: idParams }),
  content: doc('Download a document as an attachment (detected type, nosniff, no-store); audited', {
    params: idParams,
    success: {
      contentType: 'application/octet-stream',
      description: 'application/pdf, image/jpeg or image/png',
    },
  }),
  remove: doc("Delete one's own document (the bytes are removed)", {
    params: idParams,
    success: { status: 204, description: 'Deleted' },
  }),
} as const;

const notFound = () => new AppError('not-found', { detail: 'No such document.' });

/**
 * Documents (issue 7): upload (multipart, streamed, sniffed), list, download as attachment,
 * delete, and sharing by consent; JSON under /api/v1/documents and the pages "Meine Dokumente" /
 * "My documents". Registered in its own encapsulated context so that the multipart parser applies
 * to these routes only.
 */
export function registerDocuments(
  app: FastifyInstance,
  deps: AppDeps,
  opts: { now?: () => Date; storage?: DocumentsDeps['storage'] } = {},
): DocumentsDeps {
  const documents: DocumentsDeps = {
    db: deps.database.db,
    storage: opts.storage ?? documentStorageOf(deps),
    now: opts.now ?? (() => new Date()),
    maxBytes: deps.config.DOCUMENT_MAX_BYTES,
  };
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: uploadLimits(documents.maxBytes),
      throwFileSizeLimit: true,
    });
    registerDocumentsApi(scope, documents);
    registerDocumentPages(scope, deps.web, documents);
  });
  return documents;
}

async function upload(documents: DocumentsDeps, req: FastifyRequest) {
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

function registerDocumentsApi(app: FastifyInstance, documents: DocumentsDeps) {
  const { db } = documents;

  app.get(
    '/api/v1/documents',
    { config: { policy: { action: 'read', resource: 'document' }, openapi: API_DOCS.list } },
    async (req) => {
      const { actor } = requireActor(req);
      return { documents: await ownDocuments(db, actor.personId), categories: DOCUMENT_CATEGORIES };
    },
  );

  app.post(
    '/api/v1/documents',
    {
      config: { policy: { action: 'create', resource: 'document' }, openapi: API_DOCS.upload },
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

  app.get(
    '/api/v1/documents/shares',
    { config: { policy: { action: 'share', resource: 'document' }, openapi: API_DOCS.shares } },
    async (req) => ({ shares: await sharesOf(db, requireActor(req).actor.personId) }),
  );

  app.post(
    '/api/v1/documents/shares',
    { config: { policy: { action: 'share', resource: 'document' }, openapi: API_DOCS.share } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const body = parseInput(shareBody, req.body ?? {}, 'body');
      const result = await shareDocuments(documents, actor, body);
      if (!result.ok) throw shareProblem(result);
      return reply.status(201).send(result.share);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/documents/shares/:id',
    { config: { policy: { action: 'share', resource: 'document' }, openapi: API_DOCS.unshare } },
    async (req, reply) => {
      if (!(await revokeShare(documents, requireActor(req).actor, req.params.id))) throw notFound();
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/applicants/:id/documents',
    { config: { policy: { action: 'read', resource: 'document' }, openapi: API_DOCS.visible } },
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

  app.get<{ Params: { id: string } }>(
    '/api/v1/documents/:id',
    { config: { policy: { action: 'read', resource: 'document' }, openapi: API_DOCS.details } },
    async (req) => {
      const { actor } = requireActor(req);
      const d = await db.transaction((tx) =>
        canRead(tx, documents.now(), actor, req.params.id, 'document details'),
      );
      if (!d.allow) throw notFound();
      return viewOf(d.row);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/documents/:id/content',
    { config: { policy: { action: 'read', resource: 'document' }, openapi: API_DOCS.content } },
    async (req, reply) => sendContent(documents, req, reply, req.params.id),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/documents/:id',
    { config: { policy: { action: 'delete', resource: 'document' }, openapi: API_DOCS.remove } },
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

function registerDocumentPages(app: FastifyInstance, web: WebDeps, documents: DocumentsDeps) {
  const { db } = documents;
  const listUrl = (ctx: ViewContext) => localizedUrl(DOCUMENT_PATHS.list, ctx.locale);

  const page = async (ctx: ViewContext, req: FastifyRequest, errors: FieldError[] = [], status = 200) => {
    const { actor } = requireActor(req);
    const [docs, shares, organisations] = await Promise.all([
      ownDocuments(db, actor.personId),
      sharesOf(db, actor.personId),
      shareableOrganisations(db, actor.personId),
    ]);
    const roles = actor.memberships.map((m) => m.role);
    const view = (
      <DocumentsPage
        ctx={ctx}
        documents={docs}
        shares={shares}
        organisations={organisations}
        canUpload={roles.includes('applicant') || roles.includes('family-member')}
        maxBytes={documents.maxBytes}
        errors={errors}
      />
    );
    return status === 200 ? view : { status, view };
  };

  definePage(app, web, {
    paths: DOCUMENT_PATHS.list,
    policy: { action: 'read', resource: 'document' },
    nav: { labelKey: 'documents.nav', order: 95, descriptionKey: 'documents.nav.text' },
    handler: async (req, _reply, ctx) => page(ctx, req),
  });

  // The upload form is multipart: registered by hand (definePage has no preValidation hook).
  const uploadPolicy: RoutePolicy = { action: 'create', resource: 'document' };
  for (const locale of LOCALES) {
    app.route({
      method: 'POST',
      url: localizedUrl(DOCUMENT_PATHS.list, locale as Locale),
      config: { policy: uploadPolicy, page: { paths: DOCUMENT_PATHS.list, locale } },
      preValidation: readLeadingFields(documents.maxBytes),
      handler: async (req, reply) => {
        const ctx = viewContext(req, reply, web, locale);
        let result: PageResult;
        try {
          await upload(documents, req);
          result = { redirect: listUrl(ctx) };
        } catch (e) {
          if (!(e instanceof UploadRefused)) throw e;
          // The rest of an oversize body is not read: the connection ends with the answer.
          if (e.reason === 'too-large') reply.header('connection', 'close');
          const field = refusalOf(e, documents.maxBytes).error;
          const error: FieldError = {
            field: field.field.replace(/^body\./, ''),
            rule: field.rule,
            message: ctx.t.t(`documents.error.${e.reason}`, {
              max: Math.floor(documents.maxBytes / 1048576),
            }),
          };
          result = await page(ctx, req, [error], 422);
        }
        return sendPage(reply, result);
      },
    });
  }

  definePage(app, web, {
    paths: DOCUMENT_PATHS.share,
    method: 'POST',
    policy: { action: 'share', resource: 'document' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const f = form(req);
      const target = f.target ?? '';
      const result = await shareDocuments(documents, actor, {
        organisationId: f.organisationId ?? '',
        ...(target.startsWith('category:')
          ? { category: target.slice('category:'.length) }
          : { documentId: target.replace(/^document:/, '') }),
      });
      if (result.ok) return { redirect: listUrl(ctx) };
      const error: FieldError =
        result.problem === 'no-consent'
          ? { field: 'organisationId', rule: 'consent', message: ctx.t.t('documents.error.no-consent') }
          : { field: 'target', rule: 'enum', message: ctx.t.t('documents.error.target') };
      return page(ctx, req, [error], 422);
    },
  });

  definePage(app, web, {
    paths: DOCUMENT_PATHS.unshare,
    method: 'POST',
    policy: { action: 'share', resource: 'document' },
    handler: async (req, _reply, ctx) => {
      if (!(await revokeShare(documents, requireActor(req).actor, form(req).id ?? ''))) throw notFound();
      return { redirect: listUrl(ctx) };
    },
  });

  definePage(app, web, {
    paths: DOCUMENT_PATHS.remove,
    method: 'POST',
    policy: { action: 'delete', resource: 'document' },
    handler: async (req, _reply, ctx) => {
      if (!(await deleteDocument(documents, requireActor(req).actor, form(req).id ?? ''))) throw notFound();
      return { redirect: listUrl(ctx) };
    },
  });
}

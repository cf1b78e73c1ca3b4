import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { RoutePolicy } from '../../platform/http/policy.ts';
import { LOCALES, type Locale } from '../../platform/i18n/index.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage, type PageResult, sendPage, viewContext, type WebDeps } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { requireActor } from '../identity/index.ts';
import { deleteDocument } from './deletion.ts';
import { type DocumentsDeps, ownDocuments } from './document-record.ts';
import { DOCUMENT_PATHS } from './paths.ts';
import { notFound, registerDocumentsApi } from './routes-api.ts';
import { fieldsOf, registerSharePages } from './share-pages.tsx';
import { type StepOwnersOf, shareTargets } from './share-targets.ts';
import { revokeShare, sharesOf } from './sharing.ts';
import { diskStorage } from './storage.ts';
import { readLeadingFields, refusalOf, upload, uploadLimits } from './upload.ts';
import { UploadRefused } from './upload-store.ts';
import { DocumentsPage } from './views.tsx';

/** The document storage of an installation: `DATA_DIR/documents/`. */
export function documentStorageOf(deps: AppDeps) {
  return diskStorage(path.join(deps.config.DATA_DIR, 'documents'));
}

const form = (req: FastifyRequest) => fieldsOf(req.body);

/**
 * Documents (issue 7): upload (multipart, streamed, sniffed), list, download as attachment,
 * delete, and sharing by consent; JSON under /api/v1/documents and the pages "Meine Dokumente" /
 * "My documents". Registered in its own encapsulated context so that the multipart parser applies
 * to these routes only.
 */
export function registerDocuments(
  app: FastifyInstance,
  deps: AppDeps,
  opts: { now?: () => Date; storage?: DocumentsDeps['storage']; stepOwnersOf?: StepOwnersOf } = {},
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
    registerDocumentPages(scope, deps.web, documents, opts.stepOwnersOf ?? (async () => []));
  });
  return documents;
}

function registerDocumentPages(
  app: FastifyInstance,
  web: WebDeps,
  documents: DocumentsDeps,
  stepOwnersOf: StepOwnersOf,
) {
  const { db } = documents;
  const listUrl = (ctx: ViewContext) => localizedUrl(DOCUMENT_PATHS.list, ctx.locale);

  /** The documents page; `opts.failed` names the share form whose input `errors` refused. */
  const page = async (
    ctx: ViewContext,
    req: FastifyRequest,
    errors: FieldError[] = [],
    status = 200,
    opts: { failed?: string; sharedId?: string } = {},
  ): Promise<PageResult> => {
    const { actor } = requireActor(req);
    const [docs, shares, targets] = await Promise.all([
      ownDocuments(db, actor.personId),
      sharesOf(db, actor.personId),
      shareTargets(db, stepOwnersOf, actor.personId),
    ]);
    const roles = actor.memberships.map((m) => m.role);
    const view = (
      <DocumentsPage
        ctx={ctx}
        documents={docs}
        shares={shares}
        targets={targets}
        canUpload={roles.includes('applicant') || roles.includes('family-member')}
        maxBytes={documents.maxBytes}
        errors={errors}
        failed={opts.failed}
        shared={shares.find((s) => s.id === opts.sharedId && s.effective)}
      />
    );
    return status === 200 ? view : { status, view };
  };

  definePage(app, web, {
    paths: DOCUMENT_PATHS.list,
    policy: { action: 'read', resource: 'document' },
    nav: { labelKey: 'documents.nav', order: 95, descriptionKey: 'documents.nav.text' },
    handler: async (req, _reply, ctx) => {
      const shared = (req.query as Record<string, unknown>).shared;
      return page(ctx, req, [], 200, typeof shared === 'string' ? { sharedId: shared } : {});
    },
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

  registerSharePages(app, web, documents, stepOwnersOf, page);

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

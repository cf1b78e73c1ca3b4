import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/policy.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage, type PageResult, type WebDeps } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { requireActor } from '../identity/index.ts';
import { type DocumentsDeps, ownDocuments } from './document-record.ts';
import { DOCUMENT_PATHS } from './paths.ts';
import {
  type ShareSubject,
  type ShareTarget,
  type StepOwnersOf,
  shareTargets,
  subjectOf,
} from './share-targets.ts';
import { ShareConfirmPage, targetValue } from './share-views.tsx';
import { shareDocuments } from './sharing.ts';

/** The documents page, with the errors of a refused share form (`failed` is that form's `target`). */
export type DocumentsPageOf = (
  ctx: ViewContext,
  req: FastifyRequest,
  errors: FieldError[],
  status: number,
  opts: { failed?: string },
) => Promise<PageResult>;

/** A form's (or query's) fields as strings; anything else as empty. */
export function fieldsOf(source: unknown): Record<string, string> {
  const body = (source ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

/**
 * Sharing from the documents page, in one flow: the form names a document (or a kind of documents) and one of
 * the organisations offered. With consent in effect it shares at once; without, it asks on a confirmation page
 * ("To share, you allow …"), whose "Allow and share" grants the consent and shares in one POST. Either way it
 * ends with 303 to the documents page and its confirmation banner, so reloading sends nothing again.
 */
export function registerSharePages(
  app: FastifyInstance,
  web: WebDeps,
  documents: DocumentsDeps,
  stepOwnersOf: StepOwnersOf,
  documentsPage: DocumentsPageOf,
) {
  /** What the fields name among the actor's documents and the organisations offered, or the field that does not. */
  const resolve = async (
    ctx: ViewContext,
    actor: Actor,
    f: Record<string, string>,
  ): Promise<{ error: FieldError } | { subject: ShareSubject; target: ShareTarget }> => {
    const [docs, targets] = await Promise.all([
      ownDocuments(documents.db, actor.personId),
      shareTargets(documents.db, stepOwnersOf, actor.personId),
    ]);
    const subject = subjectOf(f.target ?? '', docs);
    const target = targets.find((o) => o.id === f.organisationId);
    if (!subject)
      return { error: { field: 'target', rule: 'enum', message: ctx.t.t('documents.error.target') } };
    if (!target)
      return {
        error: { field: 'organisationId', rule: 'enum', message: ctx.t.t('documents.error.organisation') },
      };
    return { subject, target };
  };

  const refused = (ctx: ViewContext, req: FastifyRequest, error: FieldError, status: number, target = '') =>
    documentsPage(ctx, req, [error], status, { failed: target });

  // The confirmation page, reached by the 303 of a share without consent (and by its language switch).
  definePage(app, web, {
    paths: DOCUMENT_PATHS.share,
    policy: { action: 'share', resource: 'document' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const f = fieldsOf(req.query);
      const found = await resolve(ctx, actor, f);
      if ('error' in found) return refused(ctx, req, found.error, 400, f.target);
      return <ShareConfirmPage ctx={ctx} subject={found.subject} target={found.target} />;
    },
  });

  definePage(app, web, {
    paths: DOCUMENT_PATHS.share,
    method: 'POST',
    policy: { action: 'share', resource: 'document' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const f = fieldsOf(req.body);
      const found = await resolve(ctx, actor, f);
      if ('error' in found) return refused(ctx, req, found.error, 422, f.target);
      const { subject, target } = found;
      const allowed = f.allow === 'yes';
      if (!target.consented && !allowed) {
        const query = new URLSearchParams({ target: targetValue(subject), organisationId: target.id });
        return { redirect: `${localizedUrl(DOCUMENT_PATHS.share, ctx.locale)}?${query.toString()}` };
      }
      const result = await shareDocuments(
        documents,
        actor,
        {
          organisationId: target.id,
          ...('fileName' in subject ? { documentId: subject.documentId } : { category: subject.category }),
        },
        { grantConsent: allowed },
      );
      if (result.ok) {
        const query = new URLSearchParams({ shared: result.share.id });
        return { redirect: `${localizedUrl(DOCUMENT_PATHS.list, ctx.locale)}?${query.toString()}` };
      }
      const error: FieldError =
        result.problem === 'no-consent'
          ? { field: 'organisationId', rule: 'consent', message: ctx.t.t('documents.error.no-consent') }
          : { field: 'target', rule: 'enum', message: ctx.t.t('documents.error.target') };
      return refused(ctx, req, error, 422, f.target);
    },
  });
}

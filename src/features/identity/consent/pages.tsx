import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../web/context.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { listOrganisations } from '../../people/index.ts';
import type { IdentityDeps } from '../deps.ts';
import { requireActor } from '../http.ts';
import { formFields, pageUrl, UUID } from '../page-requests.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { accessLog, consentsOf, exportOwnData, grantConsent, withdrawConsent } from './service.ts';
import { AccessLogPage, ConsentsPage, DataPage } from './views.tsx';

/** One's own data: consents given to organisations, who read what (the access log) and the export (Art. 15 GDPR). */
export function registerConsentPages(app: FastifyInstance, web: WebDeps, deps: IdentityDeps) {
  const { db } = deps;

  const consentsView = async (ctx: ViewContext, personId: string, error?: FieldError) => {
    const [consents, organisations] = await Promise.all([consentsOf(db, personId), listOrganisations(db)]);
    return <ConsentsPage ctx={ctx} consents={consents} organisations={organisations} error={error} />;
  };

  definePage(app, web, {
    paths: IDENTITY_PATHS.consents,
    policy: { action: 'read', resource: 'consent' },
    handler: async (req, _reply, ctx) => consentsView(ctx, requireActor(req).actor.personId),
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.consents,
    method: 'POST',
    policy: { action: 'grant', resource: 'consent' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const organisationId = formFields(req).organisationId ?? '';
      const ok =
        UUID.test(organisationId) &&
        (await db.transaction((tx) => grantConsent(tx, actor.personId, organisationId, deps.now())));
      if (!ok) {
        const error = { field: 'organisationId', rule: 'enum', message: ctx.t.t('identity.consents.choose') };
        return { status: 422, view: await consentsView(ctx, actor.personId, error) };
      }
      return { redirect: pageUrl(ctx, 'consents') };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.consentsWithdraw,
    method: 'POST',
    policy: { action: 'withdraw', resource: 'consent' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const organisationId = formFields(req).organisationId ?? '';
      const ok =
        UUID.test(organisationId) &&
        (await db.transaction((tx) => withdrawConsent(tx, actor.personId, organisationId, deps.now())));
      if (!ok) throw new AppError('not-found', { detail: 'No active consent for this organisation.' });
      return { redirect: pageUrl(ctx, 'consents') };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.accessLog,
    policy: { action: 'read', resource: 'access-log' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      return <AccessLogPage ctx={ctx} entries={await accessLog(db, actor.personId)} />;
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.data,
    policy: { action: 'export', resource: 'account' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const data = await exportOwnData(db, actor, deps.now());
      return <DataPage ctx={ctx} json={JSON.stringify(data, null, 2)} />;
    },
  });
}

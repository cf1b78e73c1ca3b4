import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isRole } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../web/context.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { findPersonByEmail } from '../../people/index.ts';
import type { IdentityDeps } from '../deps.ts';
import { endSessionsOf, requireActor } from '../http.ts';
import { fieldError, formFields, pageUrl } from '../page-requests.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import { jurisdictionChoices } from './organisations.ts';
import { inviteMember, manageableOrganisations, revokeMember } from './service.ts';
import { ADMIN_NOTICES, type AdminNotice, OrganisationsPage } from './views.tsx';

/**
 * Administration of organisations' members in the web interface (administrators; employer administrators for their
 * own): the overview, inviting a person to a role, revoking a role and ending a person's sessions.
 */
export function registerMembershipPages(app: FastifyInstance, web: WebDeps, deps: IdentityDeps) {
  const { db } = deps;

  const view = async (
    req: FastifyRequest,
    ctx: ViewContext,
    errors: FieldError[] = [],
    extra: { notice?: AdminNotice; endSessionsEmail?: string } = {},
  ) => {
    const { actor } = requireActor(req);
    const isAdmin = actor.memberships.some((m) => m.role === 'administrator');
    const own = actor.memberships
      .filter((m) => m.role === 'employer-admin' && m.organisationId)
      .map((m) => m.organisationId ?? '');
    const now = deps.now();
    const organisations = await db.transaction(async (tx) => {
      const rows = await manageableOrganisations(tx, isAdmin ? 'all' : own);
      await appendAudit(
        tx,
        {
          actorPersonId: actor.personId,
          actorRole: isAdmin ? 'administrator' : 'employer-admin',
          action: 'read',
          objectType: 'role-assignment',
          purpose: 'account administration',
          result: 'success',
        },
        now,
      );
      return rows;
    });
    return (
      <OrganisationsPage
        ctx={ctx}
        organisations={organisations}
        choices={await jurisdictionChoices(db, ctx.locale)}
        isAdmin={isAdmin}
        errors={errors}
        {...extra}
      />
    );
  };

  definePage(app, web, {
    paths: IDENTITY_PATHS.organisations,
    policy: { action: 'create', resource: 'role-assignment' },
    handler: async (req, _reply, ctx) => {
      const done = (req.query as Record<string, unknown>).done;
      const notice = ADMIN_NOTICES.find((n) => n === done);
      return view(req, ctx, [], notice ? { notice } : {});
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.organisationsInvite,
    method: 'POST',
    policy: { action: 'create', resource: 'role-assignment' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const f = formFields(req);
      const organisationId = (f.organisationId ?? '').slice(0, 64);
      const email = (f[`email-${organisationId}`] ?? '').trim().slice(0, 320);
      const role = f[`role-${organisationId}`];
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !isRole(role)) {
        const error = {
          field: `email-${organisationId}`,
          rule: 'format:email',
          message: ctx.t.t('identity.error.email-required'),
        };
        return { status: 422, view: await view(req, ctx, [error]) };
      }
      const result = await inviteMember(deps, actor, { organisationId, email, role });
      if (!result || result.kind === 'no-organisation')
        throw new AppError('not-found', { detail: 'No such organisation.' });
      if (result.kind === 'wrong-role') {
        const error = {
          field: `role-${organisationId}`,
          rule: 'organisation-kind',
          message: ctx.t.t('identity.organisations.wrong-role'),
        };
        return { status: 422, view: await view(req, ctx, [error]) };
      }
      return { redirect: pageUrl(ctx, 'organisations') };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.organisationsRevoke,
    method: 'POST',
    policy: { action: 'revoke', resource: 'role-assignment' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const f = formFields(req);
      const organisationId = (f.organisationId ?? '').slice(0, 64);
      const personId = f.personId ?? '';
      const role = f.role;
      const revoked =
        isRole(role) && /^[0-9a-f-]{36}$/i.test(personId)
          ? await revokeMember(db, actor, { organisationId, personId, role }, deps.now())
          : 0;
      if (revoked === 0) throw new AppError('not-found', { detail: 'No such role in this organisation.' });
      return { redirect: pageUrl(ctx, 'organisations') };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.endSessions,
    method: 'POST',
    policy: { action: 'revoke', resource: 'session' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const f = formFields(req);
      let personId = (f.personId ?? '').slice(0, 64);
      const email = (f.email ?? '').trim().slice(0, 320);
      if (!personId) {
        const found = email ? await findPersonByEmail(db, email) : undefined;
        if (!found) {
          const error = fieldError(
            ctx,
            'email',
            'known-account',
            email ? 'identity.organisations.no-person' : 'identity.error.email-required',
          );
          return { status: 422, view: await view(req, ctx, [error], { endSessionsEmail: email }) };
        }
        personId = found.id;
      }
      const now = deps.now();
      const ok = await endSessionsOf(db, actor, personId, now);
      if (!ok) throw new AppError('not-found', { detail: 'No such person.' });
      if (personId === actor.personId) return { redirect: localizedUrl(IDENTITY_PATHS.signIn, ctx.locale) };
      return { redirect: `${pageUrl(ctx, 'organisations')}?done=sessions` };
    },
  });
}

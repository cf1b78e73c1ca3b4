import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isRole } from '../../domain/access/roles.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage, type WebDeps } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { inviteToOrganisation, manageableOrganisations, revokeMembership } from './admin.ts';
import { authorizeOrganisation, requireActor } from './http.ts';
import { IDENTITY_PATHS } from './paths.ts';
import type { IdentityDeps } from './sign-in.ts';
import { OrganisationsPage } from './views-admin.tsx';

function form(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

/** Administration of organisations' members in the web interface (administrators; employer administrators for their own). */
export function registerIdentityAdminPages(app: FastifyInstance, web: WebDeps, deps: IdentityDeps) {
  const { db } = deps;
  const url = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS) =>
    localizedUrl(IDENTITY_PATHS[key], ctx.locale);

  const view = async (req: FastifyRequest, ctx: ViewContext, errors: FieldError[] = []) => {
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
    return <OrganisationsPage ctx={ctx} organisations={organisations} errors={errors} />;
  };

  definePage(app, web, {
    paths: IDENTITY_PATHS.organisations,
    policy: { action: 'create', resource: 'role-assignment' },
    handler: async (req, _reply, ctx) => view(req, ctx),
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.organisationsInvite,
    method: 'POST',
    policy: { action: 'create', resource: 'role-assignment' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const f = form(req);
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
      const now = deps.now();
      const result = await db.transaction(async (tx) => {
        const d = await authorizeOrganisation(
          tx,
          now,
          actor,
          'create',
          'role-assignment',
          organisationId,
          'account administration',
        );
        return d.allow
          ? inviteToOrganisation(deps, tx, { organisationId, email, role }, actor.personId)
          : null;
      });
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
      return { redirect: url(ctx, 'organisations') };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.organisationsRevoke,
    method: 'POST',
    policy: { action: 'revoke', resource: 'role-assignment' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const f = form(req);
      const organisationId = (f.organisationId ?? '').slice(0, 64);
      const personId = f.personId ?? '';
      const role = f.role;
      const now = deps.now();
      const revoked =
        isRole(role) && /^[0-9a-f-]{36}$/i.test(personId)
          ? await db.transaction(async (tx) => {
              const d = await authorizeOrganisation(
                tx,
                now,
                actor,
                'revoke',
                'role-assignment',
                organisationId,
                'account administration',
              );
              return d.allow ? revokeMembership(tx, personId, role, organisationId, actor.personId, now) : 0;
            })
          : 0;
      if (revoked === 0) throw new AppError('not-found', { detail: 'No such role in this organisation.' });
      return { redirect: url(ctx, 'organisations') };
    },
  });
}

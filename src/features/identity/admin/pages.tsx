import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isOrganisationKind, isRole } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../../platform/db/client.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../web/context.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { findOrganisation, findPersonByEmail, jurisdictionsOf } from '../../people/index.ts';
import { registryBodyKey } from '../../registry/index.ts';
import { createOrganisation } from '../accounts/service.ts';
import type { IdentityDeps } from '../deps.ts';
import { authorizeOrganisation, endSessionsOf, requireActor } from '../http.ts';
import { IDENTITY_PATHS } from '../paths.ts';
import type { OrganisationForm } from './organisation-form.tsx';
import { JurisdictionPage, NewOrganisationPage } from './organisation-views.tsx';
import {
  freeSlug,
  type JurisdictionChoices,
  type JurisdictionSelection,
  jurisdictionChoices,
  resolveSelection,
  selectionOf,
  updateOrganisation,
} from './organisations.ts';
import {
  type RegistryBodyChoice,
  registryBodiesFromForm,
  registryBodiesOf,
  registryBodyChoices,
  registryBodyProblems,
} from './registry-bodies.ts';
import { inviteToOrganisation, manageableOrganisations, revokeMembership } from './service.ts';
import { ADMIN_NOTICES, type AdminNotice, OrganisationsPage } from './views.tsx';

/** All values of a form field (checkboxes send one value each). */
function values(req: FastifyRequest, name: string, maxLength = 16): string[] {
  const v = ((req.body ?? {}) as Record<string, unknown>)[name];
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, maxLength));
}

function selectionFrom(req: FastifyRequest): JurisdictionSelection {
  return {
    nationwide: values(req, 'nationwide').includes('1'),
    states: values(req, 'state'),
    districts: values(req, 'district'),
    countries: values(req, 'country'),
  };
}

function form(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

/** Administration of organisations' members in the web interface (administrators; employer administrators for their own). */
export function registerIdentityAdminPages(app: FastifyInstance, web: WebDeps, deps: IdentityDeps) {
  const { db } = deps;
  const url = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS) =>
    localizedUrl(IDENTITY_PATHS[key], ctx.locale);

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

  const orgForm = (req: FastifyRequest): OrganisationForm => {
    const f = form(req);
    return {
      kind: (f.kind ?? '').slice(0, 64),
      name: (f.name ?? '').trim().slice(0, 300),
      seatDistrict: (f.seatDistrict ?? '').slice(0, 16),
      seatCountry: (f.seatCountry ?? '').slice(0, 16),
      selection: selectionFrom(req),
      registryBodies: values(req, 'registryBody', 100).slice(0, 500),
    };
  };
  const fieldError = (ctx: ViewContext, field: string, rule: string, key: string): FieldError => ({
    field,
    rule,
    message: ctx.t.t(key),
  });
  const selectionError = (ctx: ViewContext) =>
    fieldError(ctx, 'jurisdiction', 'reference', 'identity.organisations.error.reference');
  /** Name, seat and jurisdiction checked against the reference data. */
  const check = (ctx: ViewContext, v: OrganisationForm, choices: JurisdictionChoices) => {
    const errors: FieldError[] = [];
    if (v.name.length < 2) errors.push(fieldError(ctx, 'name', 'min:2', 'identity.organisations.error.name'));
    const seatDistrict = choices.districts.find((d) => d.ags === v.seatDistrict);
    if (v.seatDistrict && !seatDistrict)
      errors.push(fieldError(ctx, 'seatDistrict', 'reference', 'identity.organisations.error.seat'));
    if (v.seatCountry && !choices.countries.some((c) => c.code === v.seatCountry))
      errors.push(fieldError(ctx, 'seatCountry', 'reference', 'identity.organisations.error.seat'));
    const resolved = resolveSelection(v.selection, choices);
    if (!resolved.ok) errors.push(selectionError(ctx));
    const seat = {
      ...(seatDistrict ? { stateCode: seatDistrict.stateCode, districtAgs: seatDistrict.ags } : {}),
      ...(v.seatCountry ? { countryCode: v.seatCountry } : {}),
    };
    return { errors, seat, jurisdictions: resolved.ok ? resolved.jurisdictions : [] };
  };

  /**
   * The registry bodies chosen for an organisation of `kind`: only a recognition authority is one; each must be a
   * body of the registry and no other organisation's (`organisationId`'s own links do not count).
   */
  const checkBodies = async (
    ctx: ViewContext,
    v: OrganisationForm,
    kind: string,
    bodies: readonly RegistryBodyChoice[],
    organisationId: string | null = null,
  ) => {
    const { refs, unknown } = registryBodiesFromForm(v.registryBodies);
    const error = (rule: string, key: string, values?: Record<string, string | number>): FieldError => ({
      field: 'registryBodies',
      rule,
      message: ctx.t.t(key, values),
    });
    if (refs.length + unknown.length === 0) return { refs, errors: [] };
    if (kind !== 'recognition-authority')
      return { refs, errors: [error('organisation-kind', 'identity.organisations.error.registry-kind')] };
    if (unknown.length > 0)
      return { refs, errors: [error('reference', 'identity.organisations.error.registry-reference')] };
    const problems = await registryBodyProblems(db, refs, 'registryBodies', organisationId);
    if (problems.errors.length > 0)
      return { refs, errors: [error('reference', 'identity.organisations.error.registry-reference')] };
    if (problems.taken.length > 0) {
      const labels = new Map(bodies.map((b) => [registryBodyKey(b.ref), b.label]));
      const names = problems.taken.map((p) => {
        const ref = refs[p.index];
        const key = ref ? registryBodyKey(ref) : '';
        return labels.get(key) ?? key;
      });
      return {
        refs,
        errors: [
          error('unique', 'identity.organisations.error.registry-taken', {
            bodies: names.join('; '),
            count: names.length,
          }),
        ],
      };
    }
    return { refs, errors: [] };
  };
  definePage(app, web, {
    paths: IDENTITY_PATHS.organisationsNew,
    policy: { action: 'create', resource: 'organisation' },
    handler: async (_req, _reply, ctx) => (
      <NewOrganisationPage
        ctx={ctx}
        choices={await jurisdictionChoices(db, ctx.locale)}
        bodies={await registryBodyChoices(db)}
      />
    ),
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.organisationsNew,
    method: 'POST',
    policy: { action: 'create', resource: 'organisation' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const choices = await jurisdictionChoices(db, ctx.locale);
      const bodies = await registryBodyChoices(db);
      const v = orgForm(req);
      const checked = check(ctx, v, choices);
      const chosen = await checkBodies(ctx, v, v.kind, bodies);
      const errors: FieldError[] = [
        ...(isOrganisationKind(v.kind)
          ? []
          : [fieldError(ctx, 'kind', 'required', 'identity.organisations.error.kind')]),
        ...checked.errors,
        ...(isOrganisationKind(v.kind) ? chosen.errors : []),
      ];
      const refuse = (errors: FieldError[]) => ({
        status: 422,
        view: <NewOrganisationPage ctx={ctx} choices={choices} bodies={bodies} values={v} errors={errors} />,
      });
      if (errors.length > 0 || !isOrganisationKind(v.kind)) return refuse(errors);
      const kind = v.kind;
      try {
        await db.transaction(async (tx) =>
          createOrganisation(
            tx,
            {
              slug: await freeSlug(tx, v.name),
              name: v.name,
              kind,
              seat: checked.seat,
              jurisdictions: checked.jurisdictions,
              registryBodies: chosen.refs,
            },
            deps.now(),
            actor.personId,
          ),
        );
      } catch (error) {
        // Another administrator took a body between the check and the write (unique index): say which.
        const again = isUniqueViolation(error) ? await checkBodies(ctx, v, kind, bodies) : null;
        if (again?.errors.length) return refuse(again.errors);
        throw error;
      }
      return { redirect: `${url(ctx, 'organisations')}?done=created` };
    },
  });

  const organisationOr404 = async (id: string) => {
    const org = /^[0-9a-f-]{36}$/i.test(id) ? await findOrganisation(db, id) : undefined;
    if (!org) throw new AppError('not-found', { detail: 'No such organisation.' });
    return org;
  };

  definePage(app, web, {
    paths: IDENTITY_PATHS.organisationJurisdiction,
    policy: { action: 'update', resource: 'organisation' },
    handler: async (req, _reply, ctx) => {
      const org = await organisationOr404((req.params as { id: string }).id);
      const current = (await jurisdictionsOf(db, [org.id])).get(org.id) ?? [];
      const isAuthority = org.kind === 'recognition-authority';
      const values = {
        name: org.name,
        seatDistrict: org.seatDistrictAgs ?? '',
        seatCountry: org.seatCountryCode ?? '',
        selection: selectionOf(current),
        registryBodies: isAuthority ? (await registryBodiesOf(db, org.id)).map(registryBodyKey) : [],
      };
      return (
        <JurisdictionPage
          ctx={ctx}
          organisation={org}
          choices={await jurisdictionChoices(db, ctx.locale)}
          bodies={isAuthority ? await registryBodyChoices(db) : null}
          values={values}
        />
      );
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.organisationJurisdiction,
    method: 'POST',
    policy: { action: 'update', resource: 'organisation' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const org = await organisationOr404((req.params as { id: string }).id);
      const choices = await jurisdictionChoices(db, ctx.locale);
      const isAuthority = org.kind === 'recognition-authority';
      const bodies = isAuthority ? await registryBodyChoices(db) : null;
      const v = orgForm(req);
      const checked = check(ctx, v, choices);
      const chosen = await checkBodies(ctx, v, org.kind, bodies ?? [], org.id);
      const refuse = (errors: FieldError[]) => ({
        status: 422,
        view: (
          <JurisdictionPage
            ctx={ctx}
            organisation={org}
            choices={choices}
            bodies={bodies}
            values={v}
            errors={errors}
          />
        ),
      });
      const errors = [...checked.errors, ...chosen.errors];
      if (errors.length > 0) return refuse(errors);
      const now = deps.now();
      const write = db.transaction(async (tx) => {
        const d = await authorizeOrganisation(
          tx,
          now,
          actor,
          'update',
          'organisation',
          org.id,
          'organisation administration',
        );
        if (!d.allow) return false;
        await updateOrganisation(
          tx,
          org.id,
          {
            name: v.name,
            seat: checked.seat,
            jurisdictions: checked.jurisdictions,
            ...(isAuthority ? { registryBodies: chosen.refs } : {}),
          },
          actor.personId,
          now,
        );
        return true;
      });
      let ok: boolean;
      try {
        ok = await write;
      } catch (error) {
        const again = isUniqueViolation(error)
          ? await checkBodies(ctx, v, org.kind, bodies ?? [], org.id)
          : null;
        if (again?.errors.length) return refuse(again.errors);
        throw error;
      }
      if (!ok) throw new AppError('not-found', { detail: 'No such organisation.' });
      return { redirect: `${url(ctx, 'organisations')}?done=jurisdiction` };
    },
  });

  definePage(app, web, {
    paths: IDENTITY_PATHS.endSessions,
    method: 'POST',
    policy: { action: 'revoke', resource: 'session' },
    handler: async (req, _reply, ctx) => {
      const { actor } = requireActor(req);
      const f = form(req);
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
      return { redirect: `${url(ctx, 'organisations')}?done=sessions` };
    },
  });
}

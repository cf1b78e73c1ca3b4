import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isOrganisationKind } from '../../../domain/access/roles.ts';
import { isUniqueViolation } from '../../../platform/db/client.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../web/context.ts';
import { definePage, type WebDeps } from '../../../web/page.tsx';
import { findOrganisation, jurisdictionsOf } from '../../people/index.ts';
import { registryBodyKey } from '../../registry/index.ts';
import { createOrganisation } from '../accounts/service.ts';
import type { IdentityDeps } from '../deps.ts';
import { authorizeOrganisation, requireActor } from '../http.ts';
import { fieldError, formFields, formValues, pageUrl } from '../page-requests.ts';
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

function selectionFrom(req: FastifyRequest): JurisdictionSelection {
  return {
    nationwide: formValues(req, 'nationwide').includes('1'),
    states: formValues(req, 'state'),
    districts: formValues(req, 'district'),
    countries: formValues(req, 'country'),
  };
}

/** A new organisation, and an organisation's name, seat, jurisdiction and registry bodies (administrators). */
export function registerOrganisationPages(app: FastifyInstance, web: WebDeps, deps: IdentityDeps) {
  const { db } = deps;

  const orgForm = (req: FastifyRequest): OrganisationForm => {
    const f = formFields(req);
    return {
      kind: (f.kind ?? '').slice(0, 64),
      name: (f.name ?? '').trim().slice(0, 300),
      seatDistrict: (f.seatDistrict ?? '').slice(0, 16),
      seatCountry: (f.seatCountry ?? '').slice(0, 16),
      selection: selectionFrom(req),
      registryBodies: formValues(req, 'registryBody', 100).slice(0, 500),
    };
  };
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
      return { redirect: `${pageUrl(ctx, 'organisations')}?done=created` };
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
      return { redirect: `${pageUrl(ctx, 'organisations')}?done=jurisdiction` };
    },
  });
}

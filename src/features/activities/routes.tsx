/**
 * The activity register's pages (issue 17): the register with its search and one activity (officers of all six
 * states), the form to record or change an activity (officers of the activity's state), the overlaps of the
 * officer's state, and the public list. Pages work without JavaScript; bad input answers 422 naming the field;
 * each change is one transaction with its audit entry.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import { checkActivity, matchesFilter } from '../../domain/workspace/activity.ts';
import { overlapsForState } from '../../domain/workspace/overlaps.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { isCountryCode } from '../../web/countries.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { checkedFields, fieldErrorsOf, filterOf, formInput, rowInput } from './form-input.ts';
import { ActivityFormPage, EMPTY_FORM, type FormInput } from './form-views.tsx';
import { stateName } from './names.tsx';
import { OverlapsPage } from './overlap-views.tsx';
import { ACTIVITY_PATHS } from './paths.ts';
import { overlapsCsvDownload, registerCsvDownload } from './register-export.ts';
import { ActivityPage, PublicPage, RegisterPage } from './register-views.tsx';
import {
  type ActivityRow,
  activityById,
  activityRelations,
  allActivities,
  auditActivity,
  createActivity,
  mayEdit,
  officerState,
  overlapsOf,
  ownContact,
  publicActivities,
  updateActivity,
} from './service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

export function registerActivities(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;
  const occupations = async () => (await services.registry.snapshot()).occupations;

  /** The activity of the address, read by an officer (audited), else 404. */
  async function readable(req: FastifyRequest): Promise<{ actor: Actor; a: ActivityRow }> {
    const actor = actorOf(req);
    const id = (req.params as { id?: string }).id ?? '';
    const a = UUID.test(id) ? await activityById(db, id) : undefined;
    if (!a) throw new AppError('not-found', { detail: 'No such activity.' });
    const d = decideFor(actor, 'read', 'state-activity', (m) => activityRelations(m, a.stateCode));
    if (!d.allow) throw new AppError('not-found', { detail: 'No such activity.' });
    return { actor, a };
  }

  /** The activity of the address for a change: only an officer of its state (others: 403, audited). */
  async function editable(req: FastifyRequest): Promise<{ actor: Actor; a: ActivityRow }> {
    const { actor, a } = await readable(req);
    if (!mayEdit(actor, a.stateCode)) {
      await auditActivity(db, actor, actor.memberships[0], 'update', a.id, 'denied', deps.now());
      throw new AppError('forbidden', { detail: "Only the ministry of the activity's state changes it." });
    }
    return { actor, a };
  }

  async function formPage(
    ctx: ViewContext,
    mode: { kind: 'create'; stateCode: string } | { kind: 'edit'; id: string },
    input: FormInput,
    errors: Parameters<typeof ActivityFormPage>[0]['errors'] = [],
  ) {
    const { t } = ctx;
    const create = mode.kind === 'create';
    return (
      <ActivityFormPage
        ctx={ctx}
        title={t.t(create ? 'activities.create.title' : 'activities.edit.title')}
        {...(create
          ? { lead: t.t('activities.create.lead', { state: stateName(ctx, mode.stateCode) }) }
          : {})}
        action={
          create
            ? localizedUrl(ACTIVITY_PATHS.create, ctx.locale)
            : localizedUrl(ACTIVITY_PATHS.edit, ctx.locale, { id: mode.id })
        }
        submit={t.t(create ? 'activities.create.submit' : 'activities.edit.submit')}
        input={input}
        errors={errors}
        occupations={await occupations()}
      />
    );
  }

  /** The form's values checked against the countries and the registry's occupations. */
  async function checked(input: FormInput) {
    const known = await occupations();
    return checkActivity(checkedFields(input), {
      isCountry: isCountryCode,
      isOccupation: (id) => known.has(id),
    });
  }

  /** The register's entries that match the search of the address, read by an officer (audited). */
  async function registerFound(req: FastifyRequest, purpose?: string) {
    const actor = actorOf(req);
    const { input, filter, bad } = filterOf(req.query);
    const names = await occupations();
    const found = (await allActivities(db)).filter((a) =>
      matchesFilter(
        {
          ...a,
          start: a.periodStart,
          end: a.periodEnd,
          occupationNames: a.occupations.flatMap((id) => {
            const o = names.get(id);
            return o ? [o.titleDe, o.titleEn] : [];
          }),
        },
        filter,
      ),
    );
    const own = officerState(actor);
    const m = own?.membership ?? actor.memberships[0];
    await auditActivity(db, actor, m, 'read', null, 'success', deps.now(), purpose);
    return { input, bad, found, names, own };
  }

  definePage(app, deps.web, {
    paths: ACTIVITY_PATHS.register,
    policy: { action: 'read', resource: 'state-activity' },
    nav: { labelKey: 'activities.nav.register', order: 8, roles: ['ministry-officer'] },
    handler: async (req, _reply, ctx) => {
      const { input, bad, found, names, own } = await registerFound(req);
      const errors = bad.map((field) => ({
        field,
        rule: 'format',
        message: ctx.t.t(`activities.error.${field}`),
      }));
      const view = (
        <RegisterPage
          ctx={ctx}
          input={input}
          errors={errors}
          found={found}
          occupations={names}
          ownState={own?.stateCode ?? null}
        />
      );
      return errors.length > 0 ? { status: 422, view } : view;
    },
  });

  registerCsvDownload(app, deps.web, registerFound);

  definePage(app, deps.web, {
    paths: ACTIVITY_PATHS.create,
    policy: { action: 'create', resource: 'state-activity' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const own = officerState(actor);
      if (!own) throw new AppError('forbidden', { detail: 'Only a state ministry records activities.' });
      const q = formInput(req.query);
      const me = await ownContact(db, actor.personId);
      const prefill: FormInput = {
        ...EMPTY_FORM,
        ...q,
        contactName: q.contactName || me.name,
        contactEmail: q.contactEmail || me.email,
        status: EMPTY_FORM.status,
        public: false,
      };
      return formPage(ctx, { kind: 'create', stateCode: own.stateCode }, prefill);
    },
  });

  definePage(app, deps.web, {
    paths: ACTIVITY_PATHS.create,
    method: 'POST',
    policy: { action: 'create', resource: 'state-activity' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const own = officerState(actor);
      if (!own) throw new AppError('forbidden', { detail: 'Only a state ministry records activities.' });
      const input = formInput(req.body);
      const result = await checked(input);
      if (!result.ok)
        return {
          status: 422,
          view: await formPage(
            ctx,
            { kind: 'create', stateCode: own.stateCode },
            input,
            fieldErrorsOf(result.errors, ctx.t),
          ),
        };
      const made = await createActivity(db, actor, result.value, deps.now());
      if (made.kind === 'forbidden')
        throw new AppError('forbidden', { detail: 'Not a ministry of a state.' });
      return { redirect: localizedUrl(ACTIVITY_PATHS.activity, ctx.locale, { id: made.id }) };
    },
  });

  definePage(app, deps.web, {
    paths: ACTIVITY_PATHS.activity,
    policy: { action: 'read', resource: 'state-activity' },
    handler: async (req, _reply, ctx) => {
      const { actor, a } = await readable(req);
      await auditActivity(db, actor, officerState(actor)?.membership, 'read', a.id, 'success', deps.now());
      return (
        <ActivityPage
          ctx={ctx}
          a={a}
          occupations={await occupations()}
          editable={mayEdit(actor, a.stateCode)}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: ACTIVITY_PATHS.edit,
    policy: { action: 'update', resource: 'state-activity' },
    handler: async (req, _reply, ctx) => {
      const { a } = await editable(req);
      return formPage(ctx, { kind: 'edit', id: a.id }, rowInput(a, ctx.t));
    },
  });

  definePage(app, deps.web, {
    paths: ACTIVITY_PATHS.edit,
    method: 'POST',
    policy: { action: 'update', resource: 'state-activity' },
    handler: async (req, _reply, ctx) => {
      const { actor, a } = await editable(req);
      const input = formInput(req.body);
      const result = await checked(input);
      if (!result.ok)
        return {
          status: 422,
          view: await formPage(ctx, { kind: 'edit', id: a.id }, input, fieldErrorsOf(result.errors, ctx.t)),
        };
      const changed = await updateActivity(db, actor, a.id, result.value, deps.now());
      if (changed.kind === 'not-found') throw new AppError('not-found', { detail: 'No such activity.' });
      if (changed.kind === 'forbidden') throw new AppError('forbidden', { detail: 'Not your state.' });
      return { redirect: localizedUrl(ACTIVITY_PATHS.activity, ctx.locale, { id: a.id }) };
    },
  });

  /** The overlaps of the officer's state with the other states' activities, read by an officer (audited). */
  async function overlapsFound(req: FastifyRequest, purpose?: string) {
    const actor = actorOf(req);
    const own = officerState(actor);
    const rows = await allActivities(db);
    const overlaps = own ? overlapsForState(overlapsOf(rows), own.stateCode) : [];
    const m = own?.membership ?? actor.memberships[0];
    await auditActivity(db, actor, m, 'read', null, 'success', deps.now(), purpose);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { stateCode: own?.stateCode ?? null, overlaps, byId, occupations: await occupations() };
  }

  definePage(app, deps.web, {
    paths: ACTIVITY_PATHS.overlaps,
    policy: { action: 'read', resource: 'state-activity' },
    nav: { labelKey: 'activities.nav.overlaps', order: 8, roles: ['ministry-officer'] },
    handler: async (req, _reply, ctx) => <OverlapsPage ctx={ctx} {...(await overlapsFound(req))} />,
  });

  overlapsCsvDownload(app, deps.web, overlapsFound);

  definePage(app, deps.web, {
    paths: ACTIVITY_PATHS.public,
    policy: { public: "the states' activities they marked public, without contact persons" },
    handler: async (_req, _reply, ctx) => (
      <PublicPage ctx={ctx} entries={await publicActivities(db)} occupations={await occupations()} />
    ),
  });
}

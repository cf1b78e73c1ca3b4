/** The organisers' pages: the list, creating a fair, answering for one's state, exhibitors' applications, talks. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { todayIso } from '../jobs/index.ts';
import { officerState } from '../joint-projects/index.ts';
import { checkFair, checkSession, fairInput, type SessionInput, sessionInput } from './fair-form.ts';
import { actorOf, noFair, param } from './http.ts';
import { CreatePage, ListPage } from './list-views.tsx';
import { exhibitorsCsvDownload } from './organise-export.ts';
import { OrganisePage } from './organise-views.tsx';
import { FAIR_PATHS } from './paths.ts';
import { type FairDetail, isPublic, organisersOf } from './read.ts';
import { FAIR_ANSWERS, type FairAnswer } from './schema.ts';
import { occupationTitles } from './words.tsx';

const EMPTY_SESSION: SessionInput = { title: '', link: '', capacity: '', day: '', start: '', end: '' };

export function registerOrganiserPages(app: FastifyInstance, deps: AppDeps, services: Services) {
  const fairs = services.fairs;
  const message = (ctx: ViewContext, field: string, rule: string) => ctx.t.t(`fairs.error.${field}-${rule}`);
  const error = (ctx: ViewContext, field: string, rule: string): FieldError => ({
    field,
    rule,
    message: message(ctx, field, rule),
  });

  async function organisePage(
    ctx: ViewContext,
    actor: Actor,
    f: FairDetail,
    extra: { errors?: FieldError[]; session?: SessionInput } = {},
  ) {
    const own = officerState(actor);
    const openState = f.states.some((s) => s.stateCode === own && s.answer === null) ? own : null;
    return (
      <OrganisePage
        ctx={ctx}
        f={f}
        names={await occupationTitles(fairs.db, f.occupations)}
        openState={openState}
        organiser={own !== null && organisersOf(f).includes(own)}
        session={extra.session ?? EMPTY_SESSION}
        errors={extra.errors ?? []}
      />
    );
  }

  async function fairOf(id: string) {
    const f = await fairs.fairById(id);
    if (!f) throw noFair();
    return f;
  }

  definePage(app, deps.web, {
    paths: FAIR_PATHS.list,
    policy: { public: 'the public list of job fairs: nothing personal' },
    nav: { labelKey: 'fairs.nav', order: 14 },
    handler: async (req, _reply, ctx) => {
      const all = await fairs.allFairs();
      const own = req.actor ? officerState(req.actor) : null;
      const officer = own
        ? { state: own, fairs: all.filter((f) => f.states.some((s) => s.stateCode === own)) }
        : null;
      return <ListPage ctx={ctx} fairs={all.filter(isPublic)} officer={officer} />;
    },
  });

  for (const method of ['GET', 'POST'] as const)
    definePage(app, deps.web, {
      paths: FAIR_PATHS.create,
      method,
      policy: { action: 'create', resource: 'fair' },
      handler: async (req, _reply, ctx) => {
        const actor = actorOf(req);
        const own = officerState(actor);
        if (!own) throw new AppError('forbidden', { detail: 'Only a state ministry organises a fair.' });
        const input = fairInput(method === 'GET' ? { states: [own] } : req.body);
        if (method === 'GET') return <CreatePage ctx={ctx} input={input} errors={[]} />;
        if (!input.states.includes(own)) input.states.unshift(own);
        const today = todayIso(deps.now());
        const checked = await checkFair(input, services.occupationSearch, ctx.locale, today, (f, r) =>
          message(ctx, f, r),
        );
        if (!checked.value)
          return { status: 422, view: <CreatePage ctx={ctx} input={input} errors={checked.errors} /> };
        const r = await fairs.create(actor, checked.value, deps.now());
        if (r.kind !== 'ok')
          throw new AppError('forbidden', { detail: 'Only a state ministry organises a fair.' });
        return { redirect: localizedUrl(FAIR_PATHS.organise, ctx.locale, { id: r.id }) };
      },
    });

  definePage(app, deps.web, {
    paths: FAIR_PATHS.organise,
    policy: { action: 'read', resource: 'fair' },
    handler: async (req, _reply, ctx) => organisePage(ctx, actorOf(req), await fairOf(param(req, 'id'))),
  });

  exhibitorsCsvDownload(app, deps.web, fairOf);

  definePage(app, deps.web, {
    paths: FAIR_PATHS.answer,
    method: 'POST',
    policy: { action: 'update', resource: 'fair-agreement' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const f = await fairOf(param(req, 'id'));
      const body = (req.body ?? {}) as Record<string, unknown>;
      const answer = typeof body.answer === 'string' ? body.answer : '';
      const state = typeof body.state === 'string' ? body.state : '';
      if (!(FAIR_ANSWERS as readonly string[]).includes(answer))
        return {
          status: 422,
          view: await organisePage(ctx, actor, f, { errors: [error(ctx, 'answer', 'choice')] }),
        };
      const r = await fairs.answer(actor, f, state, answer as FairAnswer, deps.now());
      if (r.kind === 'forbidden')
        throw new AppError('forbidden', { detail: "Only the state's own ministry answers for it." });
      if (r.kind === 'not-open')
        return {
          status: 409,
          view: await organisePage(ctx, actor, f, { errors: [error(ctx, 'answer', 'given')] }),
        };
      return { redirect: localizedUrl(FAIR_PATHS.organise, ctx.locale, { id: f.id }) };
    },
  });

  definePage(app, deps.web, {
    paths: FAIR_PATHS.exhibitor,
    method: 'POST',
    policy: { action: 'update', resource: 'fair-exhibitor' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const f = await fairOf(param(req, 'id'));
      const to = (req.body as Record<string, unknown> | undefined)?.to;
      if (to !== 'approved' && to !== 'refused')
        return {
          status: 422,
          view: await organisePage(ctx, actor, f, { errors: [error(ctx, 'to', 'choice')] }),
        };
      const r = await fairs.decideExhibitor(actor, f, param(req, 'org'), to, deps.now());
      if (r.kind === 'forbidden')
        throw new AppError('forbidden', { detail: 'Only an organising state decides.' });
      if (r.kind === 'not-open')
        return {
          status: 409,
          view: await organisePage(ctx, actor, f, { errors: [error(ctx, 'to', 'decided')] }),
        };
      return { redirect: localizedUrl(FAIR_PATHS.organise, ctx.locale, { id: f.id }) };
    },
  });

  definePage(app, deps.web, {
    paths: FAIR_PATHS.sessions,
    method: 'POST',
    policy: { action: 'update', resource: 'fair' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const f = await fairOf(param(req, 'id'));
      const session = sessionInput(req.body);
      const checked = checkSession(session, f);
      if (!checked.value) {
        const errors = checked.errors.map((e) => error(ctx, e.field, e.rule));
        return { status: 422, view: await organisePage(ctx, actor, f, { errors, session }) };
      }
      const r = await fairs.addSession(actor, f, checked.value, deps.now());
      if (r.kind !== 'ok')
        throw new AppError('forbidden', { detail: 'Only an organising state adds talks.' });
      return { redirect: localizedUrl(FAIR_PATHS.organise, ctx.locale, { id: f.id }) };
    },
  });
}

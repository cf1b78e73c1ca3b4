/**
 * The companion's pages (issue 18): the support-offer directory (public, filterable by state and topic), the
 * holder's own page with the clock, the § 25a/§ 25b conditions on today's date and the form, and a person's page
 * as their counsellor reads it with consent. Every read of a person's companion is authorised and audited; bad
 * input answers 422 naming the field, and nothing is stored.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { currentEvidence, withEmploymentEvidence } from '../../domain/companion/employment.ts';
import { companionPathways, holderProfile, permitClock } from '../../domain/companion/holder.ts';
import { filterOffers, isOfferTopic } from '../../domain/companion/offers.ts';
import { evaluatePathways } from '../../domain/law/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import type { Services } from '../../services.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { JOURNEY_PATHS } from '../journey/index.ts';
import { todayIso } from '../pathways/index.ts';
import { findPerson } from '../people/index.ts';
import { listDistricts, STATE_CODES } from '../regions/index.ts';
import { CompanionPage, type CompanionView, CounsellorPage } from './companion-views.tsx';
import { employmentsOf } from './employment/service.ts';
import { checkForm, EMPTY_FORM, fieldErrorsOf, formInput, rowInput } from './form.ts';
import { announceConditions, latestNotice } from './notices.ts';
import { registerOfferKeeping } from './offer-manage-routes.tsx';
import { OffersPage } from './offer-views.tsx';
import { COMPANION_PATHS } from './paths.ts';
import { allOffers, authorise, factsOf, type HolderRow, holderOf, saveHolder } from './service.ts';
import {
  districtsOf,
  openTransition,
  type TransitionInput,
  type TransitionRefusal,
  transitionInput,
  transitionOf,
} from './transition.ts';
import type { TransitionPart } from './transition-views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 40) : '');

export function registerCompanion(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;
  registerOfferKeeping(app, deps);

  /** The clock and the engine's conditions on today's date, with the offers to match. */
  async function viewOf(
    row: HolderRow | undefined,
    reader: Parameters<typeof latestNotice>[2],
  ): Promise<CompanionView | null> {
    if (!row) return null;
    const today = todayIso(deps.now());
    const evidence = currentEvidence(await employmentsOf(db, row.personId), today);
    const facts = withEmploymentEvidence(factsOf(row), evidence);
    return {
      row,
      notice: await latestNotice(db, row.personId, reader),
      clock: permitClock(row.permitExpiresOn, today),
      pathways: companionPathways(evaluatePathways(holderProfile(facts, today))),
      offers: await allOffers(db),
      evidence,
    };
  }

  /** The holder's own page; reading it is audited like any read of personal data. */
  async function ownPage(req: FastifyRequest) {
    const actor = actorOf(req);
    const d = await authorise(db, actor, 'read', actor.personId, deps.now());
    if (!d.allow)
      throw new AppError(d.status === 403 ? 'forbidden' : 'not-found', { detail: 'Not your companion.' });
    const row = await holderOf(db, actor.personId);
    return { row, view: await viewOf(row, { personId: actor.personId }) };
  }

  /** The move to § 25a/§ 25b on the holder's page: the step begun, or the form (with its refusals). */
  async function transitionPart(
    personId: string,
    row: HolderRow | undefined,
    t: Translator,
    input?: TransitionInput,
    refusals: readonly TransitionRefusal[] = [],
  ): Promise<TransitionPart | undefined> {
    if (!row) return undefined;
    return {
      transition: await transitionOf(db, personId),
      districts: await districtsOf(db, row.stateCode),
      // The move's district starts as the one the holder gave for where they live.
      input: input ?? { pathway: '', districtAgs: row.districtAgs ?? '' },
      errors: refusals.map((r) => ({
        field: r.field,
        rule: r.rule,
        message: t.t(r.messageKey ?? `companion.error.${r.field}.${r.rule}`),
      })),
    };
  }

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.offers,
    policy: { public: 'the support-offer directory: reference data, no personal data' },
    handler: async (req, _reply, ctx) => {
      const q = (typeof req.query === 'object' && req.query !== null ? req.query : {}) as Record<
        string,
        unknown
      >;
      const input = { state: str(q.state), topic: str(q.topic) };
      const errors = [];
      if (input.state !== '' && !(STATE_CODES as readonly string[]).includes(input.state))
        errors.push({ field: 'state', rule: 'choice', message: ctx.t.t('companion.error.filter-state') });
      if (input.topic !== '' && !isOfferTopic(input.topic))
        errors.push({ field: 'topic', rule: 'choice', message: ctx.t.t('companion.error.filter-topic') });
      const stateCode =
        errors.some((e) => e.field === 'state') || input.state === '' ? undefined : input.state;
      const topic = isOfferTopic(input.topic) ? input.topic : undefined;
      const found = filterOffers(await allOffers(db), { stateCode, topic });
      const view = <OffersPage ctx={ctx} input={input} errors={errors} found={found} topic={topic} />;
      return errors.length > 0 ? { status: 422, view } : view;
    },
  });

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.mine,
    policy: { action: 'read', resource: 'companion' },
    nav: { labelKey: 'companion.nav.mine', order: 6, roles: ['applicant'] },
    handler: async (req, _reply, ctx) => {
      const { row, view } = await ownPage(req);
      const input = row ? rowInput(row) : EMPTY_FORM;
      const [districts, transition] = await Promise.all([
        listDistricts(db),
        transitionPart(actorOf(req).personId, row, ctx.t),
      ]);
      return (
        <CompanionPage
          ctx={ctx}
          view={view}
          input={input}
          errors={[]}
          districts={districts}
          transition={transition}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.mine,
    method: 'POST',
    policy: { action: 'update', resource: 'companion' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const input = formInput(req.body);
      const districts = await listDistricts(db);
      const result = checkForm(input, todayIso(deps.now()), districts);
      if (!result.ok) {
        const { row, view } = await ownPage(req);
        const errors = fieldErrorsOf(result.errors, ctx.t);
        const transition = await transitionPart(actor.personId, row, ctx.t);
        const page = (
          <CompanionPage
            ctx={ctx}
            view={view}
            input={input}
            errors={errors}
            districts={districts}
            transition={transition}
          />
        );
        return { status: 422, view: page };
      }
      const now = deps.now();
      const mail = { mailer: services.mailer, baseUrl: services.identity.baseUrl };
      const saved = await saveHolder(db, actor, result.value, now, (tx) =>
        announceConditions(tx, mail, actor.personId, now),
      );
      if (saved === 'forbidden')
        throw new AppError('forbidden', { detail: 'Only the person keeps their companion.' });
      return { redirect: localizedUrl(COMPANION_PATHS.mine, ctx.locale), status: 303 };
    },
  });

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.transition,
    method: 'POST',
    policy: { action: 'create', resource: 'journey' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const { row, view } = await ownPage(req);
      if (!row) return { redirect: localizedUrl(COMPANION_PATHS.mine, ctx.locale), status: 303 };
      const input = transitionInput(req.body);
      const opened = await openTransition(db, services.journeys, actor, row, input);
      if (opened.ok)
        return {
          redirect: localizedUrl(JOURNEY_PATHS.step, ctx.locale, {
            id: opened.journeyId,
            step: 'residence-permit',
          }),
          status: 303,
        };
      const [districts, transition] = await Promise.all([
        listDistricts(db),
        transitionPart(actor.personId, row, ctx.t, input, opened.errors),
      ]);
      const page = (
        <CompanionPage
          ctx={ctx}
          view={view}
          input={rowInput(row)}
          errors={[]}
          districts={districts}
          transition={transition}
        />
      );
      return { status: 422, view: page };
    },
  });

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.counsellor,
    policy: { action: 'read', resource: 'companion' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const id = (req.params as { personId?: string }).personId ?? '';
      if (!UUID.test(id)) throw new AppError('not-found', { detail: 'No such person.' });
      const d = await authorise(db, actor, 'read', id, deps.now());
      if (!d.allow)
        throw new AppError(d.status === 403 ? 'forbidden' : 'not-found', { detail: 'No such person.' });
      const person = await findPerson(db, id);
      const organisationIds = actor.memberships.flatMap((m) =>
        m.role === 'counsellor' && m.organisationId ? [m.organisationId] : [],
      );
      const view = await viewOf(await holderOf(db, id), { organisationIds });
      const transition = await transitionOf(db, id);
      return (
        <CounsellorPage ctx={ctx} name={person?.displayName ?? ''} view={view} transition={transition} />
      );
    },
  });
}

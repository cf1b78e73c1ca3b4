/**
 * The applicant's pool routes (issue 16, V4): the profile page (join, change), withdrawing, and answering a contact
 * request. Policy `pool-profile` / `pool-contact` (the applicant's own); bad input answers 422 naming each field,
 * with nothing written; each change is one transaction with its audit entry.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { checkProfile } from '../../domain/talent-pool/profile.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { isoFromInput } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { resolveOccupation, todayIso } from '../jobs/index.ts';
import { STATE_CODES } from '../regions/index.ts';
import type { OccupationHit } from '../registry/index.ts';
import { EMPTY_PROFILE, MinePage, type ProfileForm, textOf } from './applicant-views.tsx';
import { POOL_PATHS } from './paths.ts';
import { answerRequest, profileOf, requestsTo, saveProfile, withdrawProfile } from './service.ts';

/** A start more than this many years ahead is no availability the pool can use. */
const LATEST_START_YEARS = 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTICES = ['saved', 'withdrawn', 'answered'] as const;

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

const listOf = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

/** The stored profile as the form shows it. */
function formOf(row: NonNullable<Awaited<ReturnType<typeof profileOf>>>, occupation: string): ProfileForm {
  const form: ProfileForm = {
    ...EMPTY_PROFILE,
    occupation,
    occupationKldb: row.occupationKldb,
    qualification: row.qualification,
    recognition: row.recognition,
    availableFrom: row.availableFrom,
    preferredStates: row.preferredStates,
    poolStates: row.poolStates,
    released: row.released,
  };
  row.languages.forEach((l, i) => {
    form[`language${i + 1}`] = l.code;
    form[`level${i + 1}`] = l.level;
  });
  return form;
}

export function registerApplicantPool(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;

  async function minePage(
    ctx: ViewContext,
    actor: Actor,
    extra: { input?: ProfileForm; candidates?: OccupationHit[]; errors?: FieldError[]; notice?: string } = {},
  ) {
    const row = await profileOf(db, actor.personId);
    let input = extra.input;
    if (!input && row) {
      const o = (await services.registry.snapshot()).occupations.get(row.occupationKldb);
      input = formOf(row, o ? (ctx.locale === 'de' ? o.titleDe : o.titleEn) : '');
    }
    const notice = NOTICES.find((n) => n === extra.notice);
    return (
      <MinePage
        ctx={ctx}
        input={input ?? EMPTY_PROFILE}
        candidates={extra.candidates ?? []}
        errors={extra.errors ?? []}
        label={row?.label ?? null}
        requests={row ? await requestsTo(db, actor.personId) : []}
        notice={notice}
      />
    );
  }

  definePage(app, deps.web, {
    paths: POOL_PATHS.mine,
    policy: { action: 'read', resource: 'pool-profile' },
    nav: { labelKey: 'pool.nav.mine', order: 6, roles: ['applicant'] },
    handler: async (req, _reply, ctx) =>
      minePage(ctx, actorOf(req), { notice: String((req.query as Record<string, unknown>).done ?? '') }),
  });

  definePage(app, deps.web, {
    paths: POOL_PATHS.mine,
    method: 'POST',
    policy: { action: 'update', resource: 'pool-profile' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
      const input: ProfileForm = {
        ...EMPTY_PROFILE,
        ...Object.fromEntries(
          Object.keys(EMPTY_PROFILE)
            .filter((k) => typeof EMPTY_PROFILE[k] === 'string')
            .map((k) => [k, text(k)]),
        ),
        preferredStates: listOf(raw.preferredStates),
        poolStates: listOf(raw.poolStates),
        released: listOf(raw.released),
      };
      input.availableFrom = isoFromInput(textOf(input, 'availableFrom'));
      const message = (field: string, rule: string) =>
        ctx.t.t(`pool.error.${field.replace(/[0-9]$/, '')}-${rule}`);
      const errors: FieldError[] = [];
      const resolved = await resolveOccupation(
        services.occupationSearch,
        textOf(input, 'occupation'),
        textOf(input, 'occupationKldb'),
        ctx.locale,
      );
      const candidates = resolved.candidates;
      input.occupation = resolved.occupation;
      input.occupationKldb = resolved.occupationKldb;
      if (resolved.error)
        errors.push({ ...resolved.error, message: message(resolved.error.field, resolved.error.rule) });
      const checked = checkProfile(input, {
        today: todayIso(deps.now()),
        states: STATE_CODES,
        latestStartYears: LATEST_START_YEARS,
      });
      if (!checked.ok)
        for (const e of checked.errors) errors.push({ ...e, message: message(e.field, e.rule) });
      if (!checked.ok || errors.length > 0)
        return { status: 422, view: await minePage(ctx, actor, { input, candidates, errors }) };
      await saveProfile(db, actor, checked.value, deps.now());
      return { redirect: `${localizedUrl(POOL_PATHS.mine, ctx.locale)}?done=saved` };
    },
  });

  definePage(app, deps.web, {
    paths: POOL_PATHS.withdraw,
    method: 'POST',
    policy: { action: 'withdraw', resource: 'pool-profile' },
    handler: async (req, _reply, ctx) => {
      const done = await withdrawProfile(db, actorOf(req), deps.now());
      if (!done) throw new AppError('not-found', { detail: 'You are not in the talent pool.' });
      return { redirect: `${localizedUrl(POOL_PATHS.mine, ctx.locale)}?done=withdrawn` };
    },
  });

  definePage(app, deps.web, {
    paths: POOL_PATHS.answer,
    method: 'POST',
    policy: { action: 'update', resource: 'pool-contact' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const id = (req.params as { id?: string }).id ?? '';
      const answer = ((req.body ?? {}) as Record<string, unknown>).answer;
      if (answer !== 'revealed' && answer !== 'declined') {
        const error = { field: 'answer', rule: 'choice', message: ctx.t.t('pool.error.answer-choice') };
        return { status: 422, view: await minePage(ctx, actor, { errors: [error] }) };
      }
      const done = UUID.test(id) && (await answerRequest(db, actor, id, answer, deps.now()));
      if (!done) throw new AppError('not-found', { detail: 'No such open contact request of yours.' });
      return { redirect: `${localizedUrl(POOL_PATHS.mine, ctx.locale)}?done=answered` };
    },
  });
}

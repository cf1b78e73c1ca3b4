/**
 * Keeping the support offers (issue 18): administrators and state officers list the offers they keep, add one,
 * change one, retire one, and read its history. Each route declares `support-offer`; each change is authorised on
 * the offer's state (and the state it moves to), stored as a new version with its audit entry in one transaction.
 * Bad input answers 422 naming the field; a change made in between answers 409; nothing is half-written.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../domain/access/policy.ts';
import {
  checkOfferForm,
  OFFER_FORM_FIELDS,
  type OfferForm,
  type OfferRefusal,
  REASON_MAX,
  REASON_MIN,
  sourceDateForInput,
  topicsOf,
} from '../../domain/companion/offer-edit.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { listDistricts } from '../regions/index.ts';
import { type DistrictChoice, OfferFormPage } from './offer-form-views.tsx';
import { HistoryPage, ManageListPage } from './offer-manage-views.tsx';
import {
  changeOffer,
  createOffer,
  keptOffers,
  mayKeep,
  offerById,
  offerHistory,
  placesFor,
} from './offer-store.ts';
import { COMPANION_PATHS } from './paths.ts';
import type { OfferRow } from './service.ts';

const ID = /^[a-z0-9-]{1,60}$/;

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

const one = (v: unknown, max = 2000): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const many = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => one(x, 40));

function formOf(body: unknown): OfferForm {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const f = Object.fromEntries(OFFER_FORM_FIELDS.map((k) => [k, one(b[k])])) as Record<string, unknown>;
  return { ...f, levels: many(b.levels), topics: many(b.topics) } as OfferForm;
}

/** An offer as the form shows it. */
function formOfRow(o: OfferRow): OfferForm {
  return {
    nameDe: o.nameDe,
    nameEn: o.nameEn,
    provider: o.provider,
    levels: [...o.levels],
    stateCode: o.stateCode ?? '',
    districtAgs: o.districtAgs ?? '',
    topics: topicsOf(o.conditions),
    languages: o.languages ?? '',
    costDe: o.costDe ?? '',
    costEn: o.costEn ?? '',
    contactUrl: o.contactUrl ?? '',
    sourceUrls: o.sourceUrls.join('\n'),
    sourceDate: sourceDateForInput(o.sourceDate),
    reason: '',
  };
}

const refusalsIn = (
  t: Translator,
  refusals: readonly OfferRefusal[] | readonly { field: string; rule: string }[],
) =>
  refusals.map((r) => ({
    field: r.field,
    rule: r.rule,
    message: t.t(`companion.manage.error.${r.field}.${r.rule}`),
  }));

export function registerOfferKeeping(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db;

  async function districtsFor(places: readonly string[]): Promise<DistrictChoice[]> {
    return (await listDistricts(db)).filter((d) => places.includes(d.stateCode));
  }

  /** The offer the actor keeps (`update`), or 404 — also for a retired one. */
  async function keptOffer(req: FastifyRequest, action: 'read' | 'update'): Promise<OfferRow> {
    const id = (req.params as { id?: string }).id ?? '';
    const offer = ID.test(id) ? await offerById(db, id) : undefined;
    if (!offer || !mayKeep(actorOf(req), action, offer.stateCode)) throw new AppError('not-found');
    if (action === 'update' && offer.retiredAt) throw new AppError('not-found');
    return offer;
  }

  async function formPage(
    req: FastifyRequest,
    ctx: ViewContext,
    offer: OfferRow | null,
    form: OfferForm,
    errors: readonly FieldError[],
  ) {
    const places = placesFor(actorOf(req));
    const districts = await districtsFor(places);
    const version = offer?.version ?? 0;
    return (
      <OfferFormPage
        ctx={ctx}
        offer={offer}
        form={form}
        errors={errors}
        places={places}
        districts={districts}
        version={version}
      />
    );
  }

  async function check(req: FastifyRequest, form: OfferForm, before: readonly string[]) {
    const places = placesFor(actorOf(req));
    const districts = await districtsFor(places);
    return checkOfferForm(form, {
      states: places,
      districtsOf: (s) => districts.filter((d) => d.stateCode === s).map((d) => d.ags),
      conditionsBefore: before,
    });
  }

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.manage,
    policy: { action: 'read', resource: 'support-offer' },
    nav: { labelKey: 'companion.nav.manage', order: 9, roles: ['administrator', 'ministry-officer'] },
    handler: async (req, _reply, ctx) => (
      <ManageListPage ctx={ctx} offers={await keptOffers(db, actorOf(req))} />
    ),
  });

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.manageNew,
    policy: { action: 'create', resource: 'support-offer' },
    handler: async (req, _reply, ctx) => {
      const empty = formOf({});
      return formPage(req, ctx, null, { ...empty, stateCode: placesFor(actorOf(req))[0] ?? '' }, []);
    },
  });

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.manageNew,
    method: 'POST',
    policy: { action: 'create', resource: 'support-offer' },
    handler: async (req, _reply, ctx) => {
      const form = formOf(req.body);
      const checked = await check(req, form, []);
      if (!checked.ok)
        return { status: 422, view: await formPage(req, ctx, null, form, refusalsIn(ctx.t, checked.errors)) };
      const made = await createOffer(db, actorOf(req), checked.values, checked.reason, deps.now());
      if (made === 'forbidden') throw new AppError('forbidden', { detail: 'Not an offer you keep.' });
      return { redirect: localizedUrl(COMPANION_PATHS.history, ctx.locale, { id: made.id }), status: 303 };
    },
  });

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.manageOffer,
    policy: { action: 'update', resource: 'support-offer' },
    handler: async (req, _reply, ctx) => {
      const offer = await keptOffer(req, 'update');
      return formPage(req, ctx, offer, formOfRow(offer), []);
    },
  });

  /** The answer to a change: to the history, or the form again with the reason why not. */
  async function answer(
    req: FastifyRequest,
    ctx: ViewContext,
    offer: OfferRow,
    form: OfferForm,
    result: Awaited<ReturnType<typeof changeOffer>>,
  ) {
    if (result === 'ok')
      return {
        redirect: localizedUrl(COMPANION_PATHS.history, ctx.locale, { id: offer.id }),
        status: 303 as const,
      };
    if (result === 'not-found') throw new AppError('not-found');
    const fresh = (await offerById(db, offer.id)) ?? offer;
    const [field, rule, status] =
      result === 'stale'
        ? ['version', 'stale', 409]
        : result === 'forbidden'
          ? ['stateCode', 'choice', 422]
          : ['reason', 'unchanged', 422];
    const errors = refusalsIn(ctx.t, [{ field, rule }]);
    return {
      status,
      view: await formPage(req, ctx, fresh, result === 'stale' ? formOfRow(fresh) : form, errors),
    };
  }

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.manageOffer,
    method: 'POST',
    policy: { action: 'update', resource: 'support-offer' },
    handler: async (req, _reply, ctx) => {
      const offer = await keptOffer(req, 'update');
      const form = formOf(req.body);
      const checked = await check(req, form, offer.conditions);
      if (!checked.ok)
        return {
          status: 422,
          view: await formPage(req, ctx, offer, form, refusalsIn(ctx.t, checked.errors)),
        };
      const version = Number(one((req.body as Record<string, unknown>)?.version));
      const result = await changeOffer(
        db,
        actorOf(req),
        offer.id,
        version,
        checked.values,
        checked.reason,
        deps.now(),
      );
      return answer(req, ctx, offer, form, result);
    },
  });

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.retire,
    method: 'POST',
    policy: { action: 'update', resource: 'support-offer' },
    handler: async (req, _reply, ctx) => {
      const offer = await keptOffer(req, 'update');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const reason = one(body.retireReason);
      if (reason.length < REASON_MIN || reason.length > REASON_MAX) {
        const rule = reason.length < REASON_MIN ? 'required' : 'too-long';
        const errors = refusalsIn(ctx.t, [{ field: 'retireReason', rule }]);
        return { status: 422, view: await formPage(req, ctx, offer, formOfRow(offer), errors) };
      }
      const result = await changeOffer(
        db,
        actorOf(req),
        offer.id,
        Number(one(body.version)),
        null,
        reason,
        deps.now(),
      );
      return answer(req, ctx, offer, formOfRow(offer), result);
    },
  });

  definePage(app, deps.web, {
    paths: COMPANION_PATHS.history,
    policy: { action: 'read', resource: 'support-offer' },
    handler: async (req, _reply, ctx) => {
      const offer = await keptOffer(req, 'read');
      const districts = (await listDistricts(db)).filter((d) => d.stateCode === offer.stateCode);
      return (
        <HistoryPage
          ctx={ctx}
          offer={offer}
          versions={await offerHistory(db, offer.id)}
          districts={districts}
        />
      );
    },
  });
}

/**
 * The job pages (issue 16): an employer's ads, the ad's form, publish and pause (employer roles of the ad's
 * organisation, by the policy `job-ad`), and the public search and ad page. Pages work without JavaScript; bad
 * input answers 4xx naming the field; each change is one transaction with its audit entry.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { checkAd } from '../../domain/jobs/ad.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { isoFromInput } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { mayPublish } from '../employers/index.ts';
import { listDistricts } from '../regions/index.ts';
import type { OccupationHit } from '../registry/index.ts';
import { type AdFormInput, AdFormPage, EMPTY_AD } from './ad-form-view.tsx';
import { MineAdsPage } from './employer-views.tsx';
import { resolveOccupation } from './occupation-choice.ts';
import { occupationsOf, resolveOccupationFilter } from './occupation-filter.ts';
import { JOB_PATHS } from './paths.ts';
import { AdPage, SearchPage } from './public-views.tsx';
import type { JobAdRow } from './schema.ts';
import { publicAdById, readQuery, searchAds, searchVersion } from './search.ts';
import {
  adsOf,
  allowed,
  occupationFacts,
  ownAd,
  ownEmployers,
  saveAd,
  setStatus,
  todayIso,
} from './service.ts';

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

const idOf = (req: FastifyRequest) => (req.params as { id?: string }).id ?? '';
const notFound = () => new AppError('not-found', { detail: 'No such job ad or employer of yours.' });

/** The ad's stored facts as the form shows them. */
function formOf(ad: JobAdRow, occupationName: string): AdFormInput {
  const s = (n: number | null) => (n === null ? '' : String(n));
  return {
    ...EMPTY_AD,
    titleDe: ad.titleDe ?? '',
    titleEn: ad.titleEn ?? '',
    occupation: occupationName,
    occupationKldb: ad.occupationKldb,
    districtAgs: ad.districtAgs,
    salaryMinEur: String(ad.salaryMinEur),
    salaryMaxEur: s(ad.salaryMaxEur),
    weeklyHours: String(ad.weeklyHours),
    contract: ad.contractMonths === null ? 'open-ended' : 'fixed',
    contractMonths: s(ad.contractMonths),
    germanLevel: ad.germanLevel,
    englishLevel: ad.englishLevel,
    startDate: ad.startDate,
    expiresOn: ad.expiresOn,
    collectiveAgreement: ad.collectiveAgreement,
    willingAccelerated: ad.willingAccelerated ? 'yes' : 'no',
    descriptionDe: ad.descriptionDe,
    descriptionEn: ad.descriptionEn,
  };
}

export function registerJobs(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;
  const search = services.occupationSearch;
  const today = () => todayIso(deps.now());
  const districts = () => listDistricts(db);

  /** The employer organisation of the address, if the actor writes its ads (else 404). */
  async function ownEmployer(req: FastifyRequest, action: 'read' | 'create') {
    const actor = actorOf(req);
    const employer = (await ownEmployers(db, actor)).find((e) => e.id === idOf(req));
    if (!employer || !allowed(actor, action, employer.id).allow) throw notFound();
    return { actor, employer };
  }

  async function minePage(
    ctx: ViewContext,
    employer: { id: string; name: string },
    errors: FieldError[] = [],
  ) {
    return (
      <MineAdsPage
        ctx={ctx}
        employer={employer}
        confirmed={await mayPublish(db, employer.id)}
        ads={await adsOf(db, employer.id)}
        today={today()}
        errors={errors}
      />
    );
  }

  /** Reads the form, resolves the occupation and checks the ad; the errors name each field. */
  async function readForm(ctx: ViewContext, body: unknown) {
    const raw = (body ?? {}) as Record<string, unknown>;
    const input: AdFormInput = Object.fromEntries(
      Object.keys(EMPTY_AD).map((k) => [k, typeof raw[k] === 'string' ? (raw[k] as string) : EMPTY_AD[k]]),
    ) as AdFormInput;
    input.startDate = isoFromInput(input.startDate ?? '');
    input.expiresOn = isoFromInput(input.expiresOn ?? '');
    const message = (field: string, rule: string) => ctx.t.t(`jobs.error.${field}-${rule}`);
    const errors: FieldError[] = [];
    const resolved = await resolveOccupation(
      search,
      input.occupation ?? '',
      input.occupationKldb ?? '',
      ctx.locale,
    );
    const candidates: OccupationHit[] = resolved.candidates;
    input.occupation = resolved.occupation;
    input.occupationKldb = resolved.occupationKldb;
    if (resolved.error)
      errors.push({ ...resolved.error, message: message(resolved.error.field, resolved.error.rule) });
    const list = await districts();
    const checked = checkAd(input, {
      today: today(),
      districts: new Set(list.map((d) => d.ags)),
      occupationKnown: () => resolved.error === null,
    });
    if (!checked.ok)
      for (const e of checked.errors)
        if (e.field !== 'occupationKldb') errors.push({ ...e, message: message(e.field, e.rule) });
    return { input, errors, candidates, list, value: checked.ok ? checked.value : null };
  }

  definePage(app, deps.web, {
    paths: JOB_PATHS.mine,
    policy: { action: 'read', resource: 'job-ad' },
    handler: async (req, _reply, ctx) => minePage(ctx, (await ownEmployer(req, 'read')).employer),
  });

  for (const method of ['GET', 'POST'] as const)
    definePage(app, deps.web, {
      paths: JOB_PATHS.create,
      method,
      policy: { action: 'create', resource: 'job-ad' },
      handler: async (req, _reply, ctx) => {
        const { actor, employer } = await ownEmployer(req, 'create');
        const action = localizedUrl(JOB_PATHS.create, ctx.locale, { id: employer.id });
        if (method === 'GET') {
          const input = { ...EMPTY_AD, startDate: today() };
          const view = { ctx, action, editing: false, input, candidates: [], errors: [] };
          return <AdFormPage {...view} districts={await districts()} />;
        }
        const form = await readForm(ctx, req.body);
        const view = { ctx, action, editing: false, districts: form.list, input: form.input };
        if (!form.value || form.errors.length > 0)
          return {
            status: 422,
            view: <AdFormPage {...view} candidates={form.candidates} errors={form.errors} />,
          };
        const r = await saveAd(db, actor, { employerId: employer.id, adId: null }, form.value, deps.now());
        if (r.kind !== 'ok') throw notFound(); // the occupation was resolved above; another organisation's: 404
        return { redirect: localizedUrl(JOB_PATHS.mine, ctx.locale, { id: employer.id }) };
      },
    });

  for (const method of ['GET', 'POST'] as const)
    definePage(app, deps.web, {
      paths: JOB_PATHS.edit,
      method,
      policy: { action: 'update', resource: 'job-ad' },
      handler: async (req, _reply, ctx) => {
        const actor = actorOf(req);
        const ad = await ownAd(db, actor, idOf(req));
        if (!ad) throw notFound();
        const action = localizedUrl(JOB_PATHS.edit, ctx.locale, { id: ad.id });
        if (method === 'GET') {
          const occ = await occupationFacts(db, ad.occupationKldb);
          const input = formOf(ad, occ ? (ctx.locale === 'de' ? occ.titleDe : occ.titleEn) : '');
          const view = { ctx, action, editing: true, input, candidates: [], errors: [] };
          return <AdFormPage {...view} districts={await districts()} />;
        }
        const form = await readForm(ctx, req.body);
        const view = { ctx, action, editing: true, districts: form.list, input: form.input };
        if (!form.value || form.errors.length > 0)
          return {
            status: 422,
            view: <AdFormPage {...view} candidates={form.candidates} errors={form.errors} />,
          };
        const r = await saveAd(db, actor, { employerId: ad.employerId, adId: ad.id }, form.value, deps.now());
        if (r.kind !== 'ok') throw notFound();
        return { redirect: localizedUrl(JOB_PATHS.mine, ctx.locale, { id: ad.employerId }) };
      },
    });

  definePage(app, deps.web, {
    paths: JOB_PATHS.status,
    method: 'POST',
    policy: { action: 'update', resource: 'job-ad' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const ad = await ownAd(db, actor, idOf(req));
      if (!ad) throw notFound();
      const to = (req.body as Record<string, unknown> | undefined)?.to;
      const [employer] = (await ownEmployers(db, actor)).filter((e) => e.id === ad.employerId);
      if (!employer) throw notFound();
      if (to !== 'published' && to !== 'paused') {
        const error = { field: 'to', rule: 'choice', message: ctx.t.t('jobs.error.status-not-published') };
        return { status: 422, view: await minePage(ctx, employer, [error]) };
      }
      const r = await setStatus(db, actor, ad.id, to, deps.now());
      if (r.kind === 'not-found' || r.kind === 'forbidden') throw notFound();
      if (r.kind === 'refused') {
        const error = { field: r.field, rule: r.rule, message: ctx.t.t(`jobs.error.${r.field}-${r.rule}`) };
        return { status: 409, view: await minePage(ctx, employer, [error]) };
      }
      return { redirect: localizedUrl(JOB_PATHS.mine, ctx.locale, { id: ad.employerId }) };
    },
  });

  // Requests that arrive while the version is being read share that one read (no older answer is ever reused).
  let reading: Promise<string> | undefined;
  const searchVersionNow = () =>
    (reading ??= searchVersion(db, today()).finally(() => {
      reading = undefined;
    }));

  definePage(app, deps.web, {
    paths: JOB_PATHS.search,
    policy: { public: 'job search: published ads of confirmed employers, nothing personal' },
    nav: { labelKey: 'jobs.nav.search', order: 3 },
    sharedVersion: () => searchVersionNow(),
    handler: async (req, _reply, ctx) => {
      const query = readQuery(req.query);
      const similar = async (q: string) => (await search.search(q, 3)).map((h) => h.kldb);
      const occupation = await resolveOccupationFilter(db, search, query);
      const { total, ads } = await searchAds(db, query, today(), similar, occupationsOf(occupation));
      return <SearchPage ctx={ctx} query={query} occupation={occupation} total={total} ads={ads} />;
    },
  });

  definePage(app, deps.web, {
    paths: JOB_PATHS.ad,
    policy: { public: 'a published job ad of a confirmed employer, nothing personal' },
    handler: async (req, _reply, ctx) => {
      const ad = await publicAdById(db, idOf(req), today());
      if (!ad) throw new AppError('not-found', { detail: 'No such job ad.' });
      return <AdPage ctx={ctx} ad={ad} />;
    },
  });
}

/**
 * The readers' pool routes (issue 16, V4): the search (policy `pool-search`), a contact request and the requests
 * sent (`pool-contact`). Only a confirmed employer's people and ministry officers read; anyone else who passes the
 * policy (an employer not yet confirmed) gets a page saying why, with 403. Bad filters answer 422 naming the field.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { isIsoDate } from '../../domain/calendar.ts';
import type { LanguageLevel } from '../../domain/law/index.ts';
import {
  POOL_LANGUAGES,
  type PoolFilter,
  RECOGNITION_STATES,
  type RecognitionState,
  SPOKEN_LEVELS,
} from '../../domain/talent-pool/profile.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { defineCsv } from '../../web/csv.tsx';
import { isoFromInput } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { resolveOccupation } from '../jobs/index.ts';
import { STATE_CODES } from '../regions/index.ts';
import type { OccupationHit } from '../registry/index.ts';
import { actorOf } from './applicant-routes.tsx';
import { POOL_PATHS } from './paths.ts';
import { poolCsv } from './pool-export.ts';
import { type Reader, readerOf } from './reader.ts';
import { ContactPage, RefusedPage, type SearchForm, SearchPage, SentPage } from './reader-views.tsx';
import { adsOfReader, profileByLabel, searchPool, sendContact, sentBy } from './service.ts';

const FILTERS = [
  'occupation',
  'occupationKldb',
  'state',
  'language',
  'minLevel',
  'recognition',
  'availableBy',
];
const inList = (list: readonly string[], v: string) => v === '' || list.includes(v);

export function registerReaderPool(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;

  /** The reader, or the page saying why not (403). */
  async function reader(
    req: FastifyRequest,
    ctx: ViewContext,
  ): Promise<{ refused: { status: number; view: VNode }; why: string } | { actor: Actor; r: Reader }> {
    const actor: Actor = actorOf(req);
    const r = await readerOf(db, actor);
    if ('refused' in r)
      return { refused: { status: 403, view: <RefusedPage ctx={ctx} why={r.refused} /> }, why: r.refused };
    return { actor, r };
  }

  /**
   * The search of the address as the page and its download read it: the form as typed, its errors (the fields
   * named), and the released facts of the matching profiles (each audited, with `purpose`) once searched.
   */
  async function search(req: FastifyRequest, ctx: ViewContext, purpose?: string) {
    const who = await reader(req, ctx);
    if ('refused' in who) return who;
    const q = (req.query ?? {}) as Record<string, unknown>;
    const form = Object.fromEntries(
      FILTERS.map((k) => [k, typeof q[k] === 'string' ? (q[k] as string).trim() : '']),
    ) as SearchForm;
    form.availableBy = isoFromInput(form.availableBy);
    const searched = FILTERS.some((k) => k in q);
    const errors: FieldError[] = [];
    const fail = (field: string, rule: string) =>
      errors.push({ field, rule, message: ctx.t.t(`pool.error.search-${field}-${rule}`) });
    let candidates: OccupationHit[] = [];
    if (form.occupation !== '') {
      const resolved = await resolveOccupation(
        services.occupationSearch,
        form.occupation,
        form.occupationKldb,
        ctx.locale,
      );
      form.occupation = resolved.occupation;
      form.occupationKldb = resolved.occupationKldb;
      candidates = resolved.candidates;
      if (resolved.error) fail(resolved.error.field, resolved.error.rule);
    } else form.occupationKldb = '';
    if (!inList(STATE_CODES, form.state)) fail('state', 'choice');
    if (!inList(POOL_LANGUAGES, form.language)) fail('language', 'choice');
    if (!inList(SPOKEN_LEVELS, form.minLevel)) fail('minLevel', 'choice');
    if (!inList(RECOGNITION_STATES, form.recognition)) fail('recognition', 'choice');
    if (form.availableBy !== '' && !isIsoDate(form.availableBy)) fail('availableBy', 'date');
    const names = (await services.registry.snapshot()).occupations;
    const filter: PoolFilter = {
      occupationKldb: form.occupationKldb || undefined,
      state: form.state || undefined,
      language: form.language || undefined,
      minLevel: (form.minLevel || undefined) as LanguageLevel | undefined,
      recognition: (form.recognition || undefined) as RecognitionState | undefined,
      availableBy: form.availableBy || undefined,
    };
    const hits =
      errors.length > 0 || !searched
        ? null
        : await searchPool(db, who.actor, who.r, filter, deps.now(), purpose);
    return { who, form, candidates, errors, names, hits };
  }

  definePage(app, deps.web, {
    paths: POOL_PATHS.search,
    policy: { action: 'read', resource: 'pool-search' },
    nav: {
      labelKey: 'pool.nav.search',
      order: 7,
      roles: ['employer-admin', 'employer-member', 'ministry-officer'],
    },
    handler: async (req, _reply, ctx) => {
      const found = await search(req, ctx);
      if ('refused' in found) return found.refused;
      const { who, hits, ...view } = found;
      const page = <SearchPage ctx={ctx} organisation={who.r.organisationName} {...view} hits={hits} />;
      return view.errors.length > 0 ? { status: 422, view: page } : page;
    },
  });

  defineCsv(app, deps.web, {
    paths: POOL_PATHS.search,
    policy: { action: 'read', resource: 'pool-search' },
    handler: async (req, ctx) => {
      const found = await search(req, ctx, 'talent pool search (list export)');
      if ('refused' in found)
        throw new AppError('forbidden', { detail: ctx.t.t(`pool.refused.${found.why}`) });
      if (found.errors.length > 0)
        throw new AppError('validation-failed', {
          errors: found.errors.map((e) => ({ ...e, field: `query.${e.field}` })),
        });
      return { filename: 'talent-pool', text: poolCsv(ctx, found.hits ?? [], found.names) };
    },
  });

  /** The profile of the address in the reader's pool, else 404 (withdrawn, or another state's pool). */
  async function target(req: FastifyRequest, r: Reader) {
    const label = (req.params as { label?: string }).label ?? '';
    const profile = await profileByLabel(db, r, label);
    if (!profile) throw new AppError('not-found', { detail: 'No such profile in your pool.' });
    return profile;
  }

  for (const method of ['GET', 'POST'] as const)
    definePage(app, deps.web, {
      paths: POOL_PATHS.contact,
      method,
      policy: { action: 'create', resource: 'pool-contact' },
      handler: async (req, _reply, ctx) => {
        const who = await reader(req, ctx);
        if ('refused' in who) return who.refused;
        const profile = await target(req, who.r);
        const ads = await adsOfReader(db, who.r);
        const view = { ctx, label: profile.label, ads };
        if (method === 'GET')
          return <ContactPage {...view} input={{ message: '', jobAdId: '' }} errors={[]} />;
        const body = (req.body ?? {}) as Record<string, unknown>;
        const input = {
          message: typeof body.message === 'string' ? body.message.trim() : '',
          jobAdId: typeof body.jobAdId === 'string' ? body.jobAdId : '',
        };
        const errors: FieldError[] = [];
        const fail = (field: string, rule: string) =>
          errors.push({ field, rule, message: ctx.t.t(`pool.error.${field}-${rule}`) });
        if (input.message === '') fail('message', 'required');
        else if (input.message.length > 1000) fail('message', 'too-long');
        if (input.jobAdId !== '' && !ads.some((a) => a.id === input.jobAdId)) fail('jobAdId', 'choice');
        if (errors.length > 0)
          return { status: 422, view: <ContactPage {...view} input={input} errors={errors} /> };
        const request = { message: input.message, jobAdId: input.jobAdId || null };
        await sendContact(db, who.actor, who.r, profile, request, deps.now());
        return { redirect: `${localizedUrl(POOL_PATHS.sent, ctx.locale)}?sent=1` };
      },
    });

  definePage(app, deps.web, {
    paths: POOL_PATHS.sent,
    policy: { action: 'read', resource: 'pool-contact' },
    handler: async (req, _reply, ctx) => {
      const who = await reader(req, ctx);
      if ('refused' in who) return who.refused;
      const rows = await sentBy(db, who.actor, who.r, deps.now());
      const employerId = who.r.kind === 'employer' ? who.r.organisationId : null;
      const sent = (req.query as Record<string, unknown>).sent === '1';
      return <SentPage ctx={ctx} rows={rows} employerId={employerId} sent={sent} />;
    },
  });
}

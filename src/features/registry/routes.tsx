import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import type { Services } from '../../services.ts';
import { definePage } from '../../web/page.tsx';
import { STATE_CODES } from '../regions/index.ts';
import { buildFinderAnswer, type FinderAnswer, finderAnswerJson, resolveFinderQuery } from './finder.ts';
import { missionAnswer, missionCountries } from './missions.ts';
import { districtsByPlace, type OfficeMatch, officeMatch } from './offices.ts';
import { REGISTRY_PATHS } from './paths.ts';
import { registerRegistryAdmin } from './routes-admin.ts';
import { registerRegistryAdminPages } from './routes-admin-web.tsx';
import { registerRecognitionRecords } from './routes-records.tsx';
import { type OccupationHit, searchOccupations } from './search.ts';
import type { RegistrySnapshot } from './snapshot.ts';
import { RecognitionPage } from './views-finder.tsx';
import { MissionsPage, OfficesPage } from './views-offices.tsx';

const PUBLIC = { public: 'public reference data' };

const kldbParam = z.string().regex(/^[0-9]{5}$/, { error: 'must be a five-digit KldB 2010 code' });
const iscoParam = z.string().regex(/^[0-9]{4}$/, { error: 'must be a four-digit ISCO-08 code' });
const stateParam = z.enum(STATE_CODES, { error: `must be one of ${STATE_CODES.join(', ')}` });
const agsParam = z.string().regex(/^[0-9]{5}$/, { error: 'must be a five-digit district key (AGS)' });
const textParam = (max: number) =>
  z
    .string({ error: 'must be given once, as text' })
    .trim()
    .min(2, { error: 'must be at least 2 characters long' })
    .max(max, { error: `must be at most ${max} characters long` });

export const occupationsQuery = z.strictObject({
  q: textParam(100),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(50, { error: 'must be at most 50' })
    .optional(),
});

export const finderQuery = z
  .strictObject({
    kldb: kldbParam.optional(),
    isco: iscoParam.optional(),
    state: stateParam.optional(),
    district: agsParam.optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.kldb === undefined) === (q.isco === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['kldb'], message: 'give exactly one of kldb and isco' });
    }
    if ((q.state === undefined) === (q.district === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'give exactly one of state and district' });
    }
  });

export const officesQuery = z
  .strictObject({
    district: agsParam.optional(),
    place: textParam(100).optional(),
    state: stateParam.optional(),
  })
  .superRefine((q, ctx) => {
    const given = [q.district, q.place, q.state].filter((v) => v !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['district'],
        message: 'give exactly one of district, place and state',
      });
    }
  });

export const missionsQuery = z.strictObject({ country: textParam(80) });

const notFound = (field: string, message: string) =>
  new AppError('not-found', { detail: message, errors: [{ field, rule: 'exists', message }] });

function hitJson(h: OccupationHit) {
  return {
    kldb: h.kldb,
    isco08: h.isco08,
    title: { de: h.titleDe, en: h.titleEn },
    regulated: h.regulated,
    shortage: h.shortage,
    verified: h.verified,
    matched: h.matched,
    score: h.score,
  };
}

async function officeMatches(
  deps: AppDeps,
  s: RegistrySnapshot,
  q: { district?: string | undefined; place?: string | undefined; state?: string | undefined },
): Promise<OfficeMatch[]> {
  if (q.district) {
    const d = s.districts.get(q.district);
    if (!d) throw notFound('query.district', 'no district with this AGS in the six states');
    return [officeMatch(s, d)];
  }
  if (q.state) return (s.districtsByState.get(q.state) ?? []).map((d) => officeMatch(s, d));
  const ags = await districtsByPlace(deps.database.db, q.place ?? '');
  return ags.flatMap((a) => {
    const d = s.districts.get(a);
    return d ? [officeMatch(s, d)] : [];
  });
}

/** Reads one query parameter for a page: a string, '' when absent, null when repeated or not text. */
function queryText(raw: Record<string, unknown>, name: string): string | null {
  const v = raw[name];
  if (v === undefined) return '';
  return typeof v === 'string' ? v.trim() : null;
}

function pageError(t: Translator, field: string, key: string): FieldError {
  return { field, rule: 'invalid', message: t.t(`registry.error.${key}`) };
}

export function registerRegistry(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;
  const { registry } = services;
  const i18n = deps.web.i18n;

  const api = app.withTypeProvider<ZodTypeProvider>();
  const schema = <Q extends z.ZodType>(summary: string, querystring: Q) => ({
    summary,
    tags: ['registry'],
    querystring,
  });

  api.get(
    '/api/v1/occupations',
    { config: { policy: PUBLIC }, schema: schema('Occupations matching a search text', occupationsQuery) },
    async (req) => {
      const q = req.query;
      const hits = await searchOccupations(db, q.q, q.limit ?? 10);
      return { query: q.q, count: hits.length, occupations: hits.map(hitJson) };
    },
  );

  api.get(
    '/api/v1/recognition/finder',
    {
      config: { policy: PUBLIC },
      schema: schema('The competent recognition body for an occupation in a state or district', finderQuery),
    },
    async (req, reply) => {
      const q = req.query;
      const json = finderAnswerJson(await registry.snapshot(), i18n, q);
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  api.get(
    '/api/v1/foreigners-offices',
    {
      config: { policy: PUBLIC },
      schema: schema("The foreigners' offices of a district, a place or a state", officesQuery),
    },
    async (req) => {
      const q = req.query;
      const matches = await officeMatches(deps, await registry.snapshot(), q);
      if (matches.length === 0)
        throw notFound('query.place', 'no district or district-free city matches this place');
      return { count: matches.length, offices: matches };
    },
  );

  api.get(
    '/api/v1/missions',
    {
      config: { policy: PUBLIC },
      schema: schema('The German missions (visa offices) of a country', missionsQuery),
    },
    async (req) => {
      const q = req.query;
      const answer = missionAnswer(await registry.snapshot(), q.country);
      if (!answer) throw notFound('query.country', 'the registry has no German mission for this country');
      return answer;
    },
  );

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.recognition,
    policy: PUBLIC,
    nav: { labelKey: 'nav.recognition', order: 20, descriptionKey: 'home.recognition.text' },
    handler: async (req, _reply, ctx) => {
      const s = await registry.snapshot();
      const raw = (req.query ?? {}) as Record<string, unknown>;
      const { t } = ctx;
      const q = queryText(raw, 'q');
      const state = queryText(raw, 'state');
      const district = queryText(raw, 'district');
      const kldb = queryText(raw, 'kldb');
      // From the pathway results: an ISCO-08 code lists the occupations filed under it.
      const isco = queryText(raw, 'isco');
      const byIsco = isco ? (s.occupationsByIsco.get(isco) ?? []) : [];
      const errors: FieldError[] = [];
      if (isco === null || (isco !== '' && byIsco.length === 0)) errors.push(pageError(t, 'q', 'isco'));
      if (q === null || q.length > 100 || ('q' in raw && q === '' && !kldb && !isco))
        errors.push(pageError(t, 'q', 'q'));
      if (state === null || (state !== '' && !s.states.has(state)))
        errors.push(pageError(t, 'state', 'state'));
      if (district === null || (district !== '' && !s.districts.has(district))) {
        errors.push(pageError(t, 'district', 'district'));
      }
      if (kldb === null || (kldb !== '' && !s.occupations.has(kldb))) errors.push(pageError(t, 'q', 'kldb'));
      if (kldb && !state && !district && errors.length === 0)
        errors.push(pageError(t, 'state', 'place-required'));
      const form = { q: q ?? '', state: state ?? '', district: district ?? '' };
      const view = (extra: { hits?: OccupationHit[]; answer?: FinderAnswer } = {}) => (
        <RecognitionPage
          ctx={ctx}
          states={[...s.states.values()]}
          districts={[...s.districts.values()]}
          form={form}
          errors={errors}
          {...extra}
        />
      );
      if (errors.length > 0) return { status: 400, view: view() };
      if (kldb) {
        const r = resolveFinderQuery(s, district ? { kldb, district } : { kldb, state: form.state });
        return view({ answer: buildFinderAnswer(s, i18n, r.occupation, r.place) });
      }
      if (form.q) return view({ hits: await searchOccupations(db, form.q, 10) });
      if (byIsco.length > 0) {
        const hits = byIsco.map((o) => ({
          ...o,
          matched: ctx.locale === 'de' ? o.titleDe : o.titleEn,
          score: 1,
        }));
        return view({ hits });
      }
      return view();
    },
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.offices,
    policy: PUBLIC,
    handler: async (req, _reply, ctx) => {
      const s = await registry.snapshot();
      const raw = (req.query ?? {}) as Record<string, unknown>;
      const { t } = ctx;
      const district = queryText(raw, 'district');
      const place = queryText(raw, 'place');
      const state = queryText(raw, 'state');
      const errors: FieldError[] = [];
      if (district === null || (district !== '' && !s.districts.has(district))) {
        errors.push(pageError(t, 'district', 'district'));
      }
      if (place === null || place.length > 100 || (place !== '' && place.length < 2)) {
        errors.push(pageError(t, 'place', 'place'));
      }
      if (state === null || (state !== '' && !s.states.has(state)))
        errors.push(pageError(t, 'district', 'state'));
      const submitted = 'district' in raw || 'place' in raw || 'state' in raw;
      if (submitted && errors.length === 0 && !district && !place && !state) {
        errors.push(pageError(t, 'district', 'office-place-required'));
      }
      const form = { district: district ?? '', place: place ?? '' };
      const view = (matches?: OfficeMatch[]) => (
        <OfficesPage
          ctx={ctx}
          states={[...s.states.values()]}
          districts={[...s.districts.values()]}
          form={form}
          errors={errors}
          matches={matches}
        />
      );
      if (errors.length > 0) return { status: 400, view: view() };
      if (!submitted) return view();
      const matches = await officeMatches(
        deps,
        s,
        district ? { district } : place ? { place } : { state: state ?? '' },
      );
      return view(matches);
    },
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.missions,
    policy: PUBLIC,
    handler: async (req, _reply, ctx) => {
      const s = await registry.snapshot();
      const raw = (req.query ?? {}) as Record<string, unknown>;
      const country = queryText(raw, 'country');
      const countries = missionCountries(s);
      const answer = country ? missionAnswer(s, country) : null;
      const errors: FieldError[] =
        country === null || (country !== '' && !answer) ? [pageError(ctx.t, 'country', 'country')] : [];
      const view = (
        <MissionsPage
          ctx={ctx}
          countries={countries}
          country={answer?.country ?? ''}
          errors={errors}
          answer={answer ?? undefined}
        />
      );
      return errors.length > 0 ? { status: 400, view } : view;
    },
  });

  const { signingKey: key, records, register, corrections } = services;
  registerRecognitionRecords(app, deps, { records, register, snapshot: registry, key });
  registerRegistryAdmin(app, { corrections, records, register });
  registerRegistryAdminPages(app, deps, { corrections, records, register, snapshot: registry });

  return { registry, records, register, key };
}

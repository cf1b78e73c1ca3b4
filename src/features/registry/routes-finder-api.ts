import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { Services } from '../../services.ts';
import { STATE_CODES } from '../regions/index.ts';
import { finderAnswerJson } from './finder.ts';
import { FINDER_ANSWER } from './finder-api-examples.ts';
import { missionAnswer } from './missions.ts';
import { districtsByPlace, type OfficeMatch, officeMatch } from './offices.ts';
import type { OccupationHit } from './search.ts';
import type { RegistrySnapshot } from './snapshot.ts';

export const PUBLIC = { public: 'public reference data' };

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

export async function officeMatches(
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

/** The registry's public JSON API: occupations, the recognition finder, foreigners' offices and missions. */
export function registerFinderApi(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { registry, occupationSearch } = services;
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
      const hits = await occupationSearch.search(q.q, q.limit ?? 10);
      return { query: q.q, count: hits.length, occupations: hits.map(hitJson) };
    },
  );

  api.get(
    '/api/v1/recognition/finder',
    {
      config: { policy: PUBLIC },
      schema: {
        ...schema('The competent recognition body for an occupation in a state or district', finderQuery),
        success: { example: FINDER_ANSWER },
      },
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
}

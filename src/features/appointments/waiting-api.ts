/**
 * The published waiting times as JSON (issue 15): every office's figures as on its page — the observed P50/P80,
 * the forecast band, backlog, arrivals and completions per week, the colour of the overload map, the method —
 * overall and per step, for anyone who wants to build on them (a state's dashboard, a counselling centre, a
 * journalist). Public aggregates, no personal data; the same stored figures as the pages (waiting-store.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import type { ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { Services } from '../../services.ts';
import { GROUPS, type OfficeFigures, WAITING_PATHS } from './waiting.ts';
import { WAITING_TIME, WAITING_TIMES } from './waiting-api-examples.ts';

const POLICY = { policy: { public: 'published waiting times' } } as const;
const tags = ['waiting times'];
/** Another process may have newer figures; they change at most every ten minutes. */
const CACHE = 'public, max-age=60';

const listQuery = z.strictObject({ state: z.enum(GROUPS as [string, ...string[]]).optional() });
const slugParam = z.strictObject({ slug: z.string().min(1).max(120) });

/** One office as the API gives it: its figures (overall and per step), the address of its page in both languages. */
function officeJson(f: OfficeFigures) {
  const { office, ...figures } = f;
  return {
    slug: office.slug,
    name: office.name,
    kind: office.kind,
    group: office.group,
    target: office.target,
    pages: {
      de: `/de${WAITING_PATHS.office.de.replace(':slug', office.slug)}`,
      en: `/en${WAITING_PATHS.office.en.replace(':slug', office.slug)}`,
    },
    ...figures,
  };
}

export function registerWaitingApi(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { waiting } = services;

  api.get(
    '/api/v1/waiting-times',
    {
      config: POLICY,
      schema: {
        summary:
          'The published waiting times of every office (worst first), or of the offices of one state (`SN` …), the missions (`abroad`) or nationwide bodies',
        tags,
        querystring: listQuery,
        success: { example: WAITING_TIMES },
      },
    },
    async (req, reply) => {
      const { asOf, computedAt, offices } = await waiting.all();
      const state = req.query.state;
      reply.header('cache-control', CACHE);
      return {
        asOf,
        computedAt: computedAt.toISOString(),
        offices: offices.filter((f) => !state || f.office.group === state).map(officeJson),
      };
    },
  );

  api.get(
    '/api/v1/waiting-times/:slug',
    {
      config: POLICY,
      schema: {
        summary: 'The published waiting times of one office',
        tags,
        params: slugParam,
        success: { example: WAITING_TIME },
      },
    },
    async (req, reply) => {
      const { asOf, computedAt, offices } = await waiting.all();
      const found = offices.find((f) => f.office.slug === req.params.slug);
      if (!found) throw new AppError('not-found');
      reply.header('cache-control', CACHE);
      return { asOf, computedAt: computedAt.toISOString(), office: officeJson(found) };
    },
  );
}

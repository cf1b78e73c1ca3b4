import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { type FieldError, fieldErrors } from '../../platform/http/errors.ts';
import type { ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { Services } from '../../services.ts';
import { definePage } from '../../web/page.tsx';
import { PATHS } from '../../web/paths.ts';
import { STATE_CODES } from './seed.ts';
import { stateJson } from './service.ts';
import { RegionsPage } from './views.tsx';

const stateParam = z.enum(STATE_CODES, { error: `must be one of ${STATE_CODES.join(', ')}` });

const districtsQuery = z.strictObject({
  state: stateParam.optional(),
  lang: z.enum(['de', 'en'], { error: 'must be de or en' }).optional(),
});

export function registerRegions(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { regions } = services;

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/districts',
    {
      config: { policy: { public: 'public reference data' } },
      schema: {
        summary: "Districts and district-free cities with their foreigners' office, optionally of one state",
        tags: ['regions'],
        querystring: districtsQuery,
      },
    },
    async (req, reply) => {
      const query = req.query;
      const snapshot = await regions.snapshot();
      return reply.type('application/json; charset=utf-8').send(snapshot.json.get(query.state ?? ''));
    },
  );

  api.get(
    '/api/v1/states',
    {
      config: { policy: { public: 'public reference data' } },
      schema: {
        summary: 'The six states with their central office for skilled immigration',
        tags: ['regions'],
      },
    },
    async () => {
      const snapshot = await regions.snapshot();
      return { states: snapshot.states.map(stateJson) };
    },
  );

  definePage(app, deps.web, {
    paths: PATHS.regions,
    policy: { public: 'public reference data' },
    nav: { labelKey: 'nav.regions', order: 90, descriptionKey: 'home.regions.text' },
    handler: async (req, _reply, ctx) => {
      const data = await regions.snapshot();
      const raw = (req.query as Record<string, unknown>).state;
      if (raw === undefined || raw === '') return <RegionsPage ctx={ctx} data={data} selected="" />;
      const parsed = stateParam.safeParse(raw);
      if (parsed.success) return <RegionsPage ctx={ctx} data={data} selected={parsed.data} />;
      const error: FieldError = {
        ...(fieldErrors('state', parsed.error.issues)[0] as FieldError),
        message: ctx.t.t('regions.invalid-state'),
      };
      return { status: 400, view: <RegionsPage ctx={ctx} data={data} selected="" error={error} /> };
    },
  });

  return { regions };
}

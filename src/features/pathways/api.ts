import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { parametersOn, parameterTable, pathwayCatalogue } from '../../domain/law/index.ts';
import type { ZodTypeProvider } from '../../platform/http/route-schema.ts';
import { LOCALES, type Locale, negotiateLocale } from '../../platform/i18n/index.ts';
import { EVALUATED, evaluateBody } from './api-examples.ts';
import { isoDate } from './input.ts';
import { evaluateAndRender, publicParameter } from './render.ts';

const lang = z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).optional();
const langQuery = z.strictObject({ lang });
const parametersQuery = z.strictObject({ date: isoDate.optional() });

const DESCRIPTIONS = new Map(parameterTable().map((row) => [row.id, row.description]));

/** `?lang=` wins over `Accept-Language`; the answer says which language it is in. */
function answerLocale(req: FastifyRequest, reply: FastifyReply, query: z.output<typeof langQuery>): Locale {
  const locale = query.lang ?? negotiateLocale(req.headers['accept-language']);
  reply.header('content-language', locale).header('vary', 'Accept-Language');
  return locale;
}

export function registerPathwaysApi(app: FastifyInstance, deps: AppDeps): void {
  const { i18n } = deps.web;

  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/pathways/evaluate',
    {
      config: {
        policy: { public: 'anonymous self-check: evaluates the facts sent, stores nothing' },
        rateLimit: {},
      },
      schema: {
        summary: 'Evaluates the facts sent against every residence pathway; stores nothing',
        tags: ['pathways'],
        querystring: langQuery,
        body: evaluateBody,
        success: { example: EVALUATED },
      },
    },
    async (req, reply) => {
      const locale = answerLocale(req, reply, req.query);
      return evaluateAndRender(i18n.translator(locale), req.body);
    },
  );

  api.get(
    '/api/v1/pathways',
    {
      config: { policy: { public: 'public legal information' } },
      schema: {
        summary: 'The residence pathways with their legal basis',
        tags: ['pathways'],
        querystring: langQuery,
      },
    },
    async (req, reply) => {
      const t = i18n.translator(answerLocale(req, reply, req.query));
      return {
        pathways: pathwayCatalogue().map((p) => ({
          id: p.id,
          title: t.t(p.titleKey),
          citation: p.citation,
          inForce: p.inForce,
        })),
      };
    },
  );

  api.get(
    '/api/v1/parameters',
    {
      config: { policy: { public: 'public legal information' } },
      schema: {
        summary: 'The legal parameters (salary thresholds and others), all or those in force on a date',
        tags: ['pathways'],
        querystring: parametersQuery,
      },
    },
    async (req) => {
      const { date } = req.query;
      if (date === undefined) return { date: null, parameters: parameterTable().map(publicParameter) };
      return {
        date,
        parameters: parametersOn(date).map((p) => ({
          ...publicParameter(p),
          description: DESCRIPTIONS.get(p.id) ?? '',
        })),
      };
    },
  );
}

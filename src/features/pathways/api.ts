import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { parametersOn, parameterTable, pathwayCatalogue } from '../../domain/law/index.ts';
import { parseInput } from '../../platform/http/errors.ts';
import { LOCALES, type Locale, negotiateLocale } from '../../platform/i18n/index.ts';
import { evaluateRequest, isoDate } from './input.ts';
import { evaluateAndRender } from './render.ts';

const lang = z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).optional();
const langQuery = z.strictObject({ lang });
const parametersQuery = z.strictObject({ date: isoDate.optional() });

const DESCRIPTIONS = new Map(parameterTable().map((row) => [row.id, row.description]));

/** `?lang=` wins over `Accept-Language`; the answer says which language it is in. */
function answerLocale(req: FastifyRequest, reply: FastifyReply): Locale {
  const query = parseInput(langQuery, req.query ?? {}, 'query');
  const locale = query.lang ?? negotiateLocale(req.headers['accept-language']);
  reply.header('content-language', locale).header('vary', 'Accept-Language');
  return locale;
}

export function registerPathwaysApi(app: FastifyInstance, deps: AppDeps): void {
  const { i18n } = deps.web;

  app.post(
    '/api/v1/pathways/evaluate',
    {
      config: {
        policy: { public: 'anonymous self-check: evaluates the facts sent, stores nothing' },
        rateLimit: {},
      },
    },
    async (req, reply) => {
      const locale = answerLocale(req, reply);
      const profile = parseInput(evaluateRequest, req.body, 'body');
      return evaluateAndRender(i18n.translator(locale), profile);
    },
  );

  app.get(
    '/api/v1/pathways',
    { config: { policy: { public: 'public legal information' } } },
    async (req, reply) => {
      const t = i18n.translator(answerLocale(req, reply));
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

  app.get(
    '/api/v1/parameters',
    { config: { policy: { public: 'public legal information' } } },
    async (req) => {
      const { date } = parseInput(parametersQuery, req.query ?? {}, 'query');
      if (date === undefined) return { date: null, parameters: parameterTable() };
      return {
        date,
        parameters: parametersOn(date).map((p) => ({ ...p, description: DESCRIPTIONS.get(p.id) ?? '' })),
      };
    },
  );
}

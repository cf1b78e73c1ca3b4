import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { ERROR_CATALOGUE, type ErrorCode } from '../../platform/http/errors.ts';
import { openApiDocument } from '../../platform/http/openapi.ts';
import { PROBLEM_TYPE_BASE } from '../../platform/http/problem.ts';
import { negotiateLocale } from '../../platform/i18n/index.ts';

/**
 * Health, the OpenAPI document, the problem-type catalogue and the language redirect at `/`. `root` is the
 * instance that collected the API routes (the app's root; this feature's own instance sees only its own).
 */
export function registerSystem(app: FastifyInstance, deps: AppDeps, root: FastifyInstance = app) {
  const { database, config } = deps;

  app.get(
    '/health',
    { config: { policy: { public: 'liveness and readiness probe' } } },
    async (_req, reply) => {
      const ok = await database.ping();
      return reply
        .status(ok ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ status: ok ? 'ok' : 'unavailable', db: database.kind, version: config.version });
    },
  );

  app.get(
    '/api/openapi.json',
    {
      config: { policy: { public: 'API documentation' } },
      schema: { summary: 'This OpenAPI 3.1 document', tags: ['system'] },
    },
    async () => openApiDocument(root, { version: config.version, serverUrl: config.PUBLIC_URL }),
  );

  app.get(
    '/api/v1/problems',
    {
      config: { policy: { public: 'documentation of error codes' } },
      schema: { summary: 'The catalogue of error codes with their status and titles', tags: ['system'] },
    },
    async () => {
      const de = deps.web.i18n.translator('de');
      const en = deps.web.i18n.translator('en');
      return {
        problems: (Object.entries(ERROR_CATALOGUE) as [ErrorCode, number][]).map(([code, status]) => ({
          type: `${PROBLEM_TYPE_BASE}${code}`,
          code,
          status,
          title: { de: de.t(`error.${code}.title`), en: en.t(`error.${code}.title`) },
        })),
      };
    },
  );

  app.get('/', { config: { policy: { public: 'language redirect' } } }, async (req, reply) => {
    const locale = negotiateLocale(req.headers['accept-language']);
    return reply.header('vary', 'Accept-Language').redirect(`/${locale}`, 302);
  });
}

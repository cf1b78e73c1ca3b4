import { randomUUID } from 'node:crypto';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import pino from 'pino';
import type { AppDeps } from './app-deps.ts';
import { systemPlugin } from './features/system/index.ts';
import { FEATURES } from './features.ts';
import { NAVIGATION } from './navigation.ts';
import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db/client.ts';
import { databaseErrorForLog } from './platform/db/errors.ts';
import { registerCompression } from './platform/http/compression.ts';
import { registerInputGuard } from './platform/http/input-guard.ts';
import { registerLingeringClose } from './platform/http/lingering-close.ts';
import { collectApiRoutes } from './platform/http/openapi.ts';
import { enforceRoutePolicies, requireRoutePolicies } from './platform/http/policy.ts';
import { MAX_PATH_PARAM_LENGTH } from './platform/http/problem.ts';
import { registerRouteSchemas } from './platform/http/route-schema.ts';
import { registerSecurity } from './platform/http/security.ts';
import { registerAssets } from './platform/http/static-assets.ts';
import { createI18n, type I18n } from './platform/i18n/index.ts';
import type { Jobs } from './platform/jobs/index.ts';
import { createServices, type Services } from './services.ts';
import { ASSETS_MOUNT, assets } from './web/assets.ts';
import { frameworkErrorHandler, registerErrorHandling } from './web/error-pages.tsx';

export interface CreateAppDeps {
  config: Config;
  database: DatabaseHandle;
  jobs?: Jobs | undefined;
  i18n?: I18n;
  /** Logger settings; tests pass `false`. */
  logger?: FastifyServerOptions['logger'];
  /** The one clock of the app (tests pass a fixed one); the system clock by default. */
  now?: () => Date;
  /** Services already built by the caller (`chancenregion serve` builds them before its jobs); else built here. */
  services?: Services;
}

/**
 * Logs carry no personal data: no IP addresses, no query strings, no headers or bodies, and of a database error
 * only its classes, SQLSTATE and statement name, never the SQL text or its parameters (`databaseErrorForLog`).
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      err: (err: Error) => databaseErrorForLog(err) ?? pino.stdSerializers.err(err),
      req: (req) => ({ id: req.id, method: req.method, path: String(req.url).split('?')[0] }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * The composition root (ADR 0015): builds every service once (src/services.ts), installs what holds for
 * every route on the root instance (route policies and their enforcement, the one error handler, security,
 * the API route collector), then registers each feature as an encapsulated plugin with those services.
 */
export async function createApp(deps: CreateAppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const now = deps.services?.now ?? deps.now ?? (() => new Date());
  const web = { i18n: deps.i18n ?? createI18n(), nav: NAVIGATION, version: config.version };
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config.LOG_LEVEL),
    genReqId: () => randomUUID(),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    frameworkErrors: frameworkErrorHandler(web),
  });
  const appDeps: AppDeps = { config, database, jobs: deps.jobs, web, now };
  const services = deps.services ?? createServices(config, database, now, app.log);
  if (services.mailer.kind === 'outbox') {
    app.log.info(
      'No SMTP_URL set: mails are kept in the outbox, readable by administrators at /de/verwaltung/postausgang',
    );
  }
  app.addHook('onClose', () => services.identity.afterAnswer?.settled());

  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  await registerCompression(app);
  requireRoutePolicies(app);
  collectApiRoutes(app);
  registerRouteSchemas(app);
  registerErrorHandling(app, appDeps.web);
  registerLingeringClose(app);
  registerInputGuard(app);
  await registerSecurity(app, {
    cookieSecret: config.COOKIE_SECRET,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    publicOrigin: config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : undefined,
  });
  await app.register(fastifyFormbody, { bodyLimit: config.BODY_LIMIT_BYTES });

  registerAssets(app, ASSETS_MOUNT, assets);

  // On the root, so that it authenticates and enforces the policy of every route of every feature.
  enforceRoutePolicies(app, services.access);

  await app.register(systemPlugin, { deps: appDeps, services, root: app });
  for (const feature of FEATURES) await app.register(feature, { deps: appDeps, services });

  await app.ready();
  return app;
}

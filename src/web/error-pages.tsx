import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/http/errors.ts';
import { problemOf, sendProblem, toAppError } from '../platform/http/problem.ts';
import { BASELINE_SECURITY_HEADERS } from '../platform/http/security.ts';
import { isLocale, type Locale, negotiateLocale } from '../platform/i18n/index.ts';
import type { ViewContext } from './context.ts';
import { Layout } from './layout.tsx';
import { sendPage, viewContext, type WebDeps } from './page.tsx';
import { localizedUrl, PATHS } from './paths.ts';

function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || req.url === '/health';
}

/** The language of a request: the URL prefix, else Accept-Language. */
export function requestLocale(req: FastifyRequest): Locale {
  const fromRoute = req.routeOptions?.config?.page?.locale;
  if (fromRoute) return fromRoute;
  const prefix = req.url.split('/')[1];
  if (isLocale(prefix)) return prefix;
  const lang = (req.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(lang)) return lang;
  return negotiateLocale(req.headers['accept-language']);
}

function ErrorPage({ ctx, error, requestId }: { ctx: ViewContext; error: AppError; requestId: string }) {
  const { t } = ctx;
  const key = t.has(`error.${error.code}.page-title`) ? error.code : 'internal';
  return (
    <Layout ctx={ctx} title={t.t(`error.${key}.page-title`)}>
      <h1 class="kern-heading-large">{t.t(`error.${key}.page-title`)}</h1>
      <p class="kern-body">{t.t(`error.${key}.page-text`)}</p>
      {error.errors.length > 0 ? (
        <ul class="kern-list">
          {error.errors.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(PATHS.home, ctx.locale)}>
          {t.t('error.back-home')}
        </a>
      </p>
      <p class="kern-body kern-body--small">{t.t('error.reference', { id: requestId })}</p>
    </Layout>
  );
}

function respondWith(web: WebDeps) {
  return (error: AppError, req: FastifyRequest, reply: FastifyReply) => {
    const locale = requestLocale(req);
    if (wantsJson(req)) {
      const title = web.i18n.translator(locale).t(`error.${error.code}.title`);
      return sendProblem(reply, problemOf(error, req, title), error.headers);
    }
    reply.headers(error.headers);
    const ctx = viewContext(req, reply, web, locale);
    return sendPage(reply, {
      status: error.status,
      view: <ErrorPage ctx={ctx} error={error} requestId={req.id} />,
    });
  };
}

/** One place where every failure becomes problem+json (API) or a friendly page (web). */
export function registerErrorHandling(app: FastifyInstance, web: WebDeps): void {
  const respond = respondWith(web);
  app.setErrorHandler((raw, req, reply) => {
    const error = toAppError(raw);
    // A 503 (the database unreachable) is an outage, logged as a warning; a 500 is a bug.
    if (error.status === 503) req.log.warn({ err: raw, code: error.code }, 'service unavailable');
    else if (error.status >= 500) req.log.error({ err: raw }, 'request failed');
    else req.log.info({ code: error.code, status: error.status }, 'request refused');
    return respond(error, req, reply);
  });

  app.setNotFoundHandler((req, reply) =>
    respond(new AppError('not-found', { detail: 'No such resource.' }), req, reply),
  );
}

/**
 * Fastify's `frameworkErrors`: what the router refuses before any route or hook runs (a path
 * that is not valid percent-encoding, a parameter longer than the router allows) is answered
 * like every other error instead of with Fastify's own JSON.
 */
export function frameworkErrorHandler(web: WebDeps) {
  const respond = respondWith(web);
  return (raw: Error, req: FastifyRequest, reply: FastifyReply) => {
    const error = toAppError(raw);
    req.log.info({ code: error.code, status: error.status }, 'request refused');
    reply.headers({ ...BASELINE_SECURITY_HEADERS, 'x-request-id': req.id });
    respond(error, req, reply);
  };
}

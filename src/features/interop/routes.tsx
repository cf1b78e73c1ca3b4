/**
 * XAusländer (issue 20): the caseworker of the foreigners' office owning a journey's § 81a step downloads message
 * 130401 (a page when the platform lacks something for a valid message: it names what, never a 500), and that
 * office's system sends its answers as XML (a rejection report naming the element when invalid; nothing written).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { AppError } from '../../platform/http/errors.ts';
import { LOCALES } from '../../platform/i18n/index.ts';
import type { Services } from '../../services.ts';
import { sendPage, viewContext } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { JOURNEY_PATHS, XAUSLAENDER_FILE_PATHS } from '../journey/index.ts';
import { MESSAGE_130401_EXAMPLE } from './api-examples.ts';
import { XAUSLAENDER_IMPORT_PATH } from './paths.ts';
import { ExportRefusedPage } from './views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The largest answer taken: documents come inline (base64) in 130407 and 130402. */
const MAX_MESSAGE_BYTES = 20 * 1024 * 1024;

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

function journeyIdOf(req: FastifyRequest): string {
  const id = (req.params as { id: string }).id;
  if (!UUID.test(id)) throw new AppError('not-found');
  return id;
}

export function registerInterop(app: FastifyInstance, deps: AppDeps, services: Services) {
  const german = deps.web.i18n.translator('de');
  const english = deps.web.i18n.translator('en');
  const labelOf = (category: string) => german.t(`documents.category.${category}`);

  // The file itself is not a page; only its refusal is (with the page's language and layout).
  for (const locale of LOCALES) {
    app.get(
      decodeURIComponent(localizedUrl(XAUSLAENDER_FILE_PATHS, locale, { id: ':id' })),
      {
        config: {
          policy: { action: 'export', resource: 'xauslaender-message' },
          page: { paths: XAUSLAENDER_FILE_PATHS, locale },
        },
      },
      async (req, reply) => {
        const id = journeyIdOf(req);
        const made = await services.xauslaender.exportMessage(actorOf(req), id, labelOf);
        if (made.ok)
          return reply
            .header('content-disposition', `attachment; filename="${made.fileName}"`)
            .header('cache-control', 'private, no-store')
            .type('application/xml; charset=utf-8')
            .send(made.xml);
        if (made.schemaErrors.length > 0)
          req.log.error({ errors: made.schemaErrors }, 'XAusländer 130401 invalid');
        const ctx = viewContext(req, reply, deps.web, locale);
        const view = (
          <ExportRefusedPage
            ctx={ctx}
            journeyUrl={localizedUrl(JOURNEY_PATHS.journey, locale, { id })}
            missing={made.missing}
            schemaErrors={made.schemaErrors}
          />
        );
        return sendPage(reply, { status: 422, view });
      },
    );
  }

  app.register(async (api) => {
    api.addContentTypeParser(
      ['application/xml', 'text/xml'],
      { parseAs: 'string', bodyLimit: MAX_MESSAGE_BYTES },
      (_req, body, done) => done(null, body),
    );
    // The same file for the office's case system (API token with `journeys:read`): what is missing as problem+json.
    api.get(
      `${XAUSLAENDER_IMPORT_PATH}.xml`,
      {
        config: { policy: { action: 'export', resource: 'xauslaender-message' } },
        schema: {
          summary:
            'The journey as XAusländer message 130401 (OZG.Fachkraefte, § 81a AufenthG), valid against the XSD 26.11; what is missing as problem+json 422',
          tags: ['interop'],
          success: { contentType: 'application/xml', example: MESSAGE_130401_EXAMPLE },
        },
      },
      async (req, reply) => {
        const made = await services.xauslaender.exportMessage(actorOf(req), journeyIdOf(req), labelOf);
        if (made.ok) return reply.type('application/xml; charset=utf-8').send(made.xml);
        if (made.schemaErrors.length > 0)
          req.log.error({ errors: made.schemaErrors }, 'XAusländer 130401 invalid');
        throw new AppError(made.missing.length > 0 ? 'unprocessable' : 'internal', {
          detail: 'The platform cannot make a valid message 130401 for this journey yet.',
          errors: made.missing.map((m) => ({
            field: `journey.${m}`,
            rule: 'missing',
            message: english.t(`interop.xauslaender.missing.${m}`),
          })),
        });
      },
    );
    api.post(
      XAUSLAENDER_IMPORT_PATH,
      {
        config: { policy: { action: 'create', resource: 'xauslaender-message' } },
        schema: {
          summary:
            'Import an answering XAusländer message (decision, request for documents) as the journey’s events; a rejection report names each invalid element',
          tags: ['interop'],
        },
        bodyLimit: MAX_MESSAGE_BYTES,
      },
      async (req) => {
        const id = journeyIdOf(req);
        if (typeof req.body !== 'string' || req.body.trim() === '')
          throw new AppError('unsupported-media-type', { detail: 'Send the message as application/xml.' });
        return services.xauslaender.importMessage(actorOf(req), id, req.body);
      },
    );
  });
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, parseInput } from '../../../platform/http/errors.ts';
import { applicantView } from '../accounts/data.ts';
import type { IdentityDeps } from '../deps.ts';
import { authorizePersonal, requireActor } from '../http.ts';
import { accessLog, consentsOf, exportData, grantConsent, withdrawConsent } from './service.ts';

const uuidParam = z.strictObject({ id: z.uuid() });
const consentBody = z.strictObject({ organisationId: z.uuid() });

export function registerConsentApi(app: FastifyInstance, deps: IdentityDeps) {
  const { db } = deps;
  app.get(
    '/api/v1/me/access-log',
    { config: { policy: { action: 'read', resource: 'access-log' } } },
    async (req) => {
      const { actor } = requireActor(req);
      return { entries: await accessLog(db, actor.personId) };
    },
  );

  app.get(
    '/api/v1/me/export',
    {
      config: {
        policy: { action: 'export', resource: 'account' },
        rateLimit: { max: 5, timeWindow: '1 minute' },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const now = deps.now();
      const data = await db.transaction(async (tx) => {
        await authorizePersonal(
          tx,
          now,
          actor,
          'export',
          'account',
          actor.personId,
          'data export (Art. 15 GDPR)',
        );
        return exportData(tx, actor.personId, now);
      });
      return reply
        .header('content-disposition', 'attachment; filename="chancenregion-export.json"')
        .type('application/json; charset=utf-8')
        .send(data);
    },
  );

  app.get(
    '/api/v1/me/consents',
    { config: { policy: { action: 'read', resource: 'consent' } } },
    async (req) => {
      const { actor } = requireActor(req);
      return { consents: await consentsOf(db, actor.personId) };
    },
  );

  app.post(
    '/api/v1/me/consents',
    { config: { policy: { action: 'grant', resource: 'consent' } } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const body = parseInput(consentBody, req.body, 'body');
      const ok = await db.transaction((tx) =>
        grantConsent(tx, actor.personId, body.organisationId, deps.now()),
      );
      if (!ok) throw new AppError('not-found', { detail: 'No such organisation.' });
      return reply.status(201).send({ organisationId: body.organisationId });
    },
  );

  app.delete(
    '/api/v1/me/consents/:id',
    { config: { policy: { action: 'withdraw', resource: 'consent' } } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { id } = parseInput(uuidParam, req.params, 'params');
      const ok = await db.transaction((tx) => withdrawConsent(tx, actor.personId, id, deps.now()));
      if (!ok) throw new AppError('not-found', { detail: 'No active consent for this organisation.' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/applicants/:id',
    { config: { policy: { action: 'read', resource: 'applicant-profile' } } },
    async (req) => {
      const { actor } = requireActor(req);
      const { id } = req.params as { id: string };
      const now = deps.now();
      const view = await db.transaction(async (tx) => {
        const decision = await authorizePersonal(
          tx,
          now,
          actor,
          'read',
          'applicant-profile',
          id,
          'case work',
        );
        return decision.allow ? applicantView(tx, id) : undefined;
      });
      if (!view) throw new AppError('not-found', { detail: 'No such applicant.' });
      return view;
    },
  );
}

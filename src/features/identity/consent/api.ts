import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../../platform/http/route-schema.ts';
import { applicantView } from '../accounts/data.ts';
import type { IdentityDeps } from '../deps.ts';
import { authorizePersonal, requireActor } from '../http.ts';
import { accessLog, consentsOf, exportOwnData, grantConsent, withdrawConsent } from './service.ts';

const uuidParam = z.strictObject({ id: z.uuid() });
const consentBody = z.strictObject({ organisationId: z.uuid() });
// Any id is looked up: one outside the actor's reach answers the same 404 as an unknown one.
const applicantParams = z.strictObject({ id: z.string() });
const tags = ['consent'];

export function registerConsentApi(app: FastifyInstance, deps: IdentityDeps) {
  const { db } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/me/access-log',
    {
      config: { policy: { action: 'read', resource: 'access-log' } },
      schema: { summary: "Who read or changed the signed-in person's data, and why", tags },
    },
    async (req) => {
      const { actor } = requireActor(req);
      return { entries: await accessLog(db, actor.personId) };
    },
  );

  api.get(
    '/api/v1/me/export',
    {
      config: {
        policy: { action: 'export', resource: 'account' },
        rateLimit: { max: 5, timeWindow: '1 minute' },
      },
      schema: {
        summary: 'Every stored datum of the signed-in person as one JSON file (Art. 15 GDPR)',
        tags,
        success: { description: 'The export, as an attachment' },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const data = await exportOwnData(db, actor, deps.now());
      return reply
        .header('content-disposition', 'attachment; filename="chancenregion-export.json"')
        .type('application/json; charset=utf-8')
        .send(data);
    },
  );

  api.get(
    '/api/v1/me/consents',
    {
      config: { policy: { action: 'read', resource: 'consent' } },
      schema: { summary: "The signed-in person's consents to organisations", tags },
    },
    async (req) => {
      const { actor } = requireActor(req);
      return { consents: await consentsOf(db, actor.personId) };
    },
  );

  api.post(
    '/api/v1/me/consents',
    {
      config: { policy: { action: 'grant', resource: 'consent' } },
      schema: {
        summary: 'Consent to an organisation reading the applicant profile for case work',
        tags,
        body: withExample(consentBody, { organisationId: '20cb16d2-4b68-4f6e-8e1f-824c641ee631' }),
        success: { status: 201 },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { body } = req;
      const ok = await db.transaction((tx) =>
        grantConsent(tx, actor.personId, body.organisationId, deps.now()),
      );
      if (!ok) throw new AppError('not-found', { detail: 'No such organisation.' });
      return reply.status(201).send({ organisationId: body.organisationId });
    },
  );

  api.delete(
    '/api/v1/me/consents/:id',
    {
      config: { policy: { action: 'withdraw', resource: 'consent' } },
      schema: {
        summary: 'Withdraw the consent to an organisation (id: the organisation)',
        tags,
        params: uuidParam,
        success: { status: 204, description: 'Withdrawn' },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { id } = req.params;
      const ok = await db.transaction((tx) => withdrawConsent(tx, actor.personId, id, deps.now()));
      if (!ok) throw new AppError('not-found', { detail: 'No active consent for this organisation.' });
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/applicants/:id',
    {
      config: { policy: { action: 'read', resource: 'applicant-profile' } },
      schema: {
        summary: "An applicant's profile, for case workers of an organisation the applicant consented to",
        tags: ['applicants'],
        params: applicantParams,
      },
    },
    async (req) => {
      const { actor } = requireActor(req);
      const { id } = req.params;
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

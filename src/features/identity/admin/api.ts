import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PASSWORD_MAX } from '../../../domain/access/passwords.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../../platform/http/route-schema.ts';
import { prepareRegistration, storeRegistration, updateApplicantProfile } from '../accounts/registration.ts';
import { afterAnswer } from '../after-answer.ts';
import type { IdentityDeps } from '../deps.ts';
import { authorizePersonal, endSessionsOf, requireActor } from '../http.ts';
import { RETENTION_EXCEPTIONS, requestErasure } from './erasure.ts';
import { ags, country } from './input.ts';
import { registerOrganisationAdminApi } from './organisations-api.ts';
import { decideErasureRequest, readErasureRequests } from './service.ts';

const profileBody = z.strictObject({
  residenceAgs: ags.nullable().optional(),
  countryCode: country.nullable().optional(),
  nationality: country.nullable().optional(),
});
const registerBody = z.strictObject({
  email: z.email().max(320),
  password: z.string().max(PASSWORD_MAX * 4),
  displayName: z.string().trim().min(1).max(200),
});
// The body may be left out: a request without a reason.
const erasureBody = z.strictObject({ reason: z.string().max(1000).optional() }).default({});
const erasureParams = z.strictObject({ id: z.uuid() });
const personParams = z.strictObject({ id: z.string().max(64) });
const handleBody = z.strictObject({
  outcome: z.enum(['erased', 'refused']),
  note: z.string().max(1000).optional(),
});

const tags = ['administration'];

/** Registration, own profile, erasure requests and administration of organisations and roles. */
export function registerIdentityAdminApi(app: FastifyInstance, deps: IdentityDeps) {
  const { db } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/auth/register',
    {
      config: {
        policy: { public: 'self-registration of applicants' },
        rateLimit: { max: 5, timeWindow: '1 minute' },
      },
      schema: {
        summary:
          'Register as an applicant; a confirmation link goes by email, and the answer is the same whether or not the address is taken',
        tags: ['account'],
        body: withExample(registerBody, {
          email: 'ana.beispiel@example.org',
          password: 'correct horse battery staple',
          displayName: 'Ana Beispiel',
        }),
        success: { status: 202, description: 'Accepted' },
      },
    },
    async (req, reply) => {
      const { body } = req;
      const result = await prepareRegistration(body);
      if (result.kind === 'weak') {
        throw new AppError('validation-failed', {
          errors: [
            { field: 'body.password', rule: result.problem, message: `password is ${result.problem}` },
          ],
        });
      }
      await afterAnswer(deps, reply, 'registration', () => storeRegistration(deps, result.registration));
      return reply.status(202).send({ status: 'Check your mailbox to confirm the address.' });
    },
  );

  api.put(
    '/api/v1/me/profile',
    {
      config: { policy: { action: 'update', resource: 'applicant-profile' } },
      schema: {
        summary: "Update the signed-in applicant's place of residence, country and nationality",
        tags: ['account'],
        body: withExample(profileBody, { residenceAgs: null, countryCode: 'IN', nationality: 'IN' }),
        success: { status: 204, description: 'Updated' },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { body } = req;
      const now = deps.now();
      const ok = await db.transaction(async (tx) => {
        const d = await authorizePersonal(
          tx,
          now,
          actor,
          'update',
          'applicant-profile',
          actor.personId,
          'own data',
        );
        if (!d.allow) return false;
        await updateApplicantProfile(tx, actor.personId, body, now);
        return true;
      });
      if (!ok) throw new AppError('forbidden', { detail: 'Your roles do not allow this.' });
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/me/erasure-request',
    {
      config: { policy: { action: 'create', resource: 'erasure-request' } },
      schema: {
        summary: 'Ask for the erasure of all own data (Art. 17 GDPR), optionally with a reason',
        tags: ['account'],
        body: withExample(erasureBody, { reason: 'I no longer need the account.' }),
        success: { status: 202, description: 'The request, with the data that must be retained' },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { body } = req;
      const id = await db.transaction((tx) => requestErasure(tx, actor.personId, body.reason, deps.now()));
      return reply.status(202).send({ id, retained: RETENTION_EXCEPTIONS });
    },
  );

  api.get(
    '/api/v1/admin/erasure-requests',
    {
      config: { policy: { action: 'read', resource: 'erasure-request' } },
      schema: { summary: 'The erasure requests, for administrators', tags },
    },
    async (req) => {
      const { actor } = requireActor(req);
      const rows = await readErasureRequests(db, actor.personId, deps.now());
      return { requests: rows, retentionExceptions: RETENTION_EXCEPTIONS };
    },
  );

  api.post(
    '/api/v1/admin/erasure-requests/:id',
    {
      config: { policy: { action: 'update', resource: 'erasure-request' } },
      schema: {
        summary: 'Handle an open erasure request: erase the data or refuse, with a note',
        tags,
        params: erasureParams,
        body: withExample(handleBody, { outcome: 'erased', note: 'Erased after the retention check.' }),
        success: { status: 204, description: 'Handled' },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { id } = req.params;
      const { body } = req;
      const ok = await decideErasureRequest(deps, { id, ...body }, actor.personId);
      if (!ok) throw new AppError('not-found', { detail: 'No open erasure request with this id.' });
      return reply.status(204).send();
    },
  );

  api.delete(
    '/api/v1/admin/people/:id/sessions',
    {
      config: { policy: { action: 'revoke', resource: 'session' } },
      schema: {
        summary: 'End every session of a person (ASVS 7.4.5)',
        tags,
        params: personParams,
        success: { status: 204, description: 'Ended' },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { id } = req.params;
      const now = deps.now();
      const ok = await endSessionsOf(db, actor, id, now);
      if (!ok) throw new AppError('not-found', { detail: 'No such person.' });
      return reply.status(204).send();
    },
  );

  registerOrganisationAdminApi(app, deps);
}

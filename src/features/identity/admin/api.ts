import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ISO_COUNTRY_CODE } from '../../../domain/access/jurisdiction.ts';
import { PASSWORD_MAX } from '../../../domain/access/passwords.ts';
import { ORGANISATION_KINDS, ROLES } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError, parseInput } from '../../../platform/http/errors.ts';
import { findOrganisationBySlug } from '../../people/index.ts';
import { REGISTRY_BODY_TABLES } from '../../registry/index.ts';
import { prepareRegistration, storeRegistration, updateApplicantProfile } from '../accounts/registration.ts';
import { createOrganisation } from '../accounts/service.ts';
import { afterAnswer } from '../after-answer.ts';
import type { IdentityDeps } from '../deps.ts';
import { authorizeOrganisation, authorizePersonal, endSessionsOf, requireActor } from '../http.ts';
import { handleErasure, listErasureRequests, RETENTION_EXCEPTIONS, requestErasure } from './erasure.ts';
import { checkRegistryBodies } from './registry-bodies.ts';
import { inviteToOrganisation, revokeMembership } from './service.ts';

const country = z.string().regex(ISO_COUNTRY_CODE, { error: 'must be an ISO 3166-1 alpha-2 code' });
const ags = z.string().regex(/^[0-9]{5}$/, { error: 'must be a five-digit AGS' });

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
const organisationBody = z
  .strictObject({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
    name: z.string().trim().min(2).max(300),
    kind: z.enum(ORGANISATION_KINDS),
    seat: z
      .strictObject({
        stateCode: z
          .string()
          .regex(/^[A-Z]{2}$/)
          .optional(),
        districtAgs: ags.optional(),
        countryCode: country.optional(),
      })
      .optional(),
    jurisdictions: z
      .array(
        z.discriminatedUnion('scope', [
          z.strictObject({ scope: z.literal('nationwide') }),
          z.strictObject({ scope: z.literal('state'), stateCode: z.string().regex(/^[A-Z]{2}$/) }),
          z.strictObject({ scope: z.literal('district'), ags }),
          z.strictObject({ scope: z.literal('country'), countryCode: country }),
        ]),
      )
      .max(500),
    registryBodies: z
      .array(z.strictObject({ table: z.enum(REGISTRY_BODY_TABLES), id: z.string().min(1).max(100) }))
      .max(200)
      .optional(),
  })
  .refine((o) => !o.registryBodies?.length || o.kind === 'recognition-authority', {
    error: 'only a recognition authority is a registry body',
    path: ['registryBodies'],
  });
const inviteBody = z.strictObject({
  email: z.email().max(320),
  role: z.enum(ROLES),
  displayName: z.string().trim().min(1).max(200).optional(),
});
const orgParam = z.strictObject({ id: z.string().max(64) });
const revokeParams = z.strictObject({ id: z.string().max(64), personId: z.uuid(), role: z.enum(ROLES) });
const erasureBody = z.strictObject({ reason: z.string().max(1000).optional() });
const handleBody = z.strictObject({
  outcome: z.enum(['erased', 'refused']),
  note: z.string().max(1000).optional(),
});

/** Registration, own profile, erasure requests and administration of organisations and roles. */
export function registerIdentityAdminApi(app: FastifyInstance, deps: IdentityDeps) {
  const { db } = deps;

  app.post(
    '/api/v1/auth/register',
    {
      config: {
        policy: { public: 'self-registration of applicants' },
        rateLimit: { max: 5, timeWindow: '1 minute' },
      },
    },
    async (req, reply) => {
      const body = parseInput(registerBody, req.body, 'body');
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

  app.put(
    '/api/v1/me/profile',
    { config: { policy: { action: 'update', resource: 'applicant-profile' } } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const body = parseInput(profileBody, req.body, 'body');
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

  app.post(
    '/api/v1/me/erasure-request',
    { config: { policy: { action: 'create', resource: 'erasure-request' } } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const body = parseInput(erasureBody, req.body ?? {}, 'body');
      const id = await db.transaction((tx) => requestErasure(tx, actor.personId, body.reason, deps.now()));
      return reply.status(202).send({ id, retained: RETENTION_EXCEPTIONS });
    },
  );

  app.get(
    '/api/v1/admin/erasure-requests',
    { config: { policy: { action: 'read', resource: 'erasure-request' } } },
    async (req) => {
      const { actor } = requireActor(req);
      const now = deps.now();
      return db.transaction(async (tx) => {
        const rows = await listErasureRequests(tx);
        await appendAudit(
          tx,
          {
            actorPersonId: actor.personId,
            actorRole: 'administrator',
            action: 'read',
            objectType: 'erasure-request',
            purpose: 'Art. 17 GDPR',
            result: 'success',
          },
          now,
        );
        return { requests: rows, retentionExceptions: RETENTION_EXCEPTIONS };
      });
    },
  );

  app.post(
    '/api/v1/admin/erasure-requests/:id',
    { config: { policy: { action: 'update', resource: 'erasure-request' } } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { id } = parseInput(z.strictObject({ id: z.uuid() }), req.params, 'params');
      const body = parseInput(handleBody, req.body, 'body');
      const afterCommit: Array<() => Promise<void>> = [];
      const ok = await db.transaction((tx) =>
        handleErasure(
          tx,
          id,
          body.outcome,
          body.note,
          actor.personId,
          deps.now(),
          deps.erasureHooks,
          afterCommit,
        ),
      );
      if (!ok) throw new AppError('not-found', { detail: 'No open erasure request with this id.' });
      for (const work of afterCommit) await work();
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/v1/admin/people/:id/sessions',
    { config: { policy: { action: 'revoke', resource: 'session' } } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { id } = parseInput(z.strictObject({ id: z.string().max(64) }), req.params, 'params');
      const now = deps.now();
      const ok = await endSessionsOf(db, actor, id, now);
      if (!ok) throw new AppError('not-found', { detail: 'No such person.' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/admin/organisations',
    { config: { policy: { action: 'create', resource: 'organisation' } } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const body = parseInput(organisationBody, req.body, 'body');
      if (await findOrganisationBySlug(db, body.slug))
        throw new AppError('conflict', { detail: 'The slug is taken.' });
      await checkRegistryBodies(db, body.registryBodies ?? []);
      const id = await db
        .transaction((tx) => createOrganisation(tx, body, deps.now(), actor.personId))
        .catch((error: unknown) => {
          // A district or state that is not in the reference data violates a foreign key.
          const code =
            (error as { code?: string; cause?: { code?: string } }).cause?.code ??
            (error as { code?: string }).code;
          if (code !== '23503') throw error;
          throw new AppError('validation-failed', {
            detail:
              'Jurisdictions and seat must come from the reference data (states, districts) or be ISO country codes.',
            errors: [
              {
                field: 'body.jurisdictions',
                rule: 'reference',
                message: 'must name known states and districts',
              },
            ],
            cause: error,
          });
        });
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/v1/organisations/:id/roles',
    { config: { policy: { action: 'create', resource: 'role-assignment' } } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { id } = parseInput(orgParam, req.params, 'params');
      const body = parseInput(inviteBody, req.body, 'body');
      const now = deps.now();
      const result = await db.transaction(async (tx) => {
        const d = await authorizeOrganisation(
          tx,
          now,
          actor,
          'create',
          'role-assignment',
          id,
          'account administration',
        );
        if (!d.allow) return null;
        // An employer administrator manages employer roles only; the organisation kind enforces that.
        return inviteToOrganisation(deps, tx, { organisationId: id, ...body }, actor.personId);
      });
      if (!result || result.kind === 'no-organisation')
        throw new AppError('not-found', { detail: 'No such organisation.' });
      if (result.kind === 'wrong-role') {
        throw new AppError('validation-failed', {
          errors: [
            {
              field: 'body.role',
              rule: 'organisation-kind',
              message: 'this role cannot be held in this kind of organisation',
            },
          ],
        });
      }
      return reply.status(201).send({ personId: result.personId, invited: result.invited });
    },
  );

  app.delete(
    '/api/v1/organisations/:id/roles/:personId/:role',
    { config: { policy: { action: 'revoke', resource: 'role-assignment' } } },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const p = parseInput(revokeParams, req.params, 'params');
      const now = deps.now();
      const revoked = await db.transaction(async (tx) => {
        const d = await authorizeOrganisation(
          tx,
          now,
          actor,
          'revoke',
          'role-assignment',
          p.id,
          'account administration',
        );
        if (!d.allow) return 0;
        return revokeMembership(tx, p.personId, p.role, p.id, actor.personId, now);
      });
      if (revoked === 0) throw new AppError('not-found', { detail: 'No such role in this organisation.' });
      return reply.status(204).send();
    },
  );
}

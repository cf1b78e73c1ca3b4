import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES } from '../../../domain/access/roles.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../../platform/http/route-schema.ts';
import { findOrganisationBySlug } from '../../people/index.ts';
import { REGISTRY_BODY_TABLES } from '../../registry/index.ts';
import { createOrganisation } from '../accounts/service.ts';
import type { IdentityDeps } from '../deps.ts';
import { requireActor } from '../http.ts';
import { ags, country } from './input.ts';
import { checkRegistryBodies } from './registry-bodies.ts';
import { inviteMember, revokeMember } from './service.ts';

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
const tags = ['administration'];

/** Administration of organisations and of the roles people hold in them. */
export function registerOrganisationAdminApi(app: FastifyInstance, deps: IdentityDeps) {
  const { db } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/admin/organisations',
    {
      config: { policy: { action: 'create', resource: 'organisation' } },
      schema: {
        summary:
          'Create an organisation with its kind, seat and jurisdictions (and, for a recognition authority, the registry bodies it is)',
        tags,
        body: withExample(organisationBody, {
          slug: 'abh-beispielstadt',
          name: 'Ausländerbehörde Beispielstadt',
          kind: 'foreigners-office',
          seat: { stateCode: 'SN', districtAgs: '14626' },
          jurisdictions: [{ scope: 'district', ags: '14626' }],
        }),
        success: { status: 201 },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { body } = req;
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

  api.post(
    '/api/v1/organisations/:id/roles',
    {
      config: { policy: { action: 'create', resource: 'role-assignment' } },
      schema: {
        summary: 'Give a person a role in the organisation; an unknown email address is invited',
        tags,
        params: orgParam,
        body: withExample(inviteBody, {
          email: 'sachbearbeitung@abh-beispielstadt.example',
          role: 'foreigners-office-caseworker',
          displayName: 'Kim Beispiel',
        }),
        success: { status: 201 },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const { id } = req.params;
      const { body } = req;
      const result = await inviteMember(deps, actor, { organisationId: id, ...body });
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

  api.delete(
    '/api/v1/organisations/:id/roles/:personId/:role',
    {
      config: { policy: { action: 'revoke', resource: 'role-assignment' } },
      schema: {
        summary: 'Take a role in the organisation from a person',
        tags,
        params: revokeParams,
        success: { status: 204, description: 'Revoked' },
      },
    },
    async (req, reply) => {
      const { actor } = requireActor(req);
      const p = req.params;
      const revoked = await revokeMember(
        db,
        actor,
        { organisationId: p.id, personId: p.personId, role: p.role },
        deps.now(),
      );
      if (revoked === 0) throw new AppError('not-found', { detail: 'No such role in this organisation.' });
      return reply.status(204).send();
    },
  );
}

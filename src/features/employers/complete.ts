/**
 * Completing the registration of an employer organisation that exists without one (created by an administrator
 * before employers registered themselves): its employer administrator enters the same facts as a new employer; the
 * employer then waits for the check like every new one.
 */
import { eq } from 'drizzle-orm';
import { type Actor, decideFor, organisationRelations } from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { findOrganisation, organisation } from '../people/index.ts';
import { district } from '../regions/index.ts';
import type { NewEmployer } from './register-form.ts';
import { employerProfile } from './schema.ts';
import { isUniqueViolation, profileValues, type RegisterResult, registerTaken } from './service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An employer organisation of the actor's (as its administrator) that has no registration yet; else undefined. */
export async function incompleteEmployer(db: DbOrTx, actor: Actor, organisationId: string) {
  if (!UUID.test(organisationId)) return undefined;
  const d = decideFor(actor, 'update', 'employer', (m) => organisationRelations(m, { organisationId }));
  if (!d.allow) return undefined;
  const org = await findOrganisation(db, organisationId);
  if (org?.kind !== 'employer') return undefined;
  const [profile] = await db
    .select({ id: employerProfile.organisationId })
    .from(employerProfile)
    .where(eq(employerProfile.organisationId, organisationId))
    .limit(1);
  return profile ? undefined : { id: org.id, name: org.name };
}

/** Stores the registration of an existing employer organisation; `not-found` when it is not the actor's to complete. */
export async function completeEmployer(
  db: Database,
  actor: Actor,
  organisationId: string,
  input: NewEmployer,
  now: Date,
): Promise<RegisterResult | { kind: 'not-found' }> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await incompleteEmployer(tx, actor, organisationId))) return { kind: 'not-found' } as const;
      if (await registerTaken(tx, input)) return { kind: 'duplicate', field: 'registerNumber' } as const;
      const [place] = await tx.select().from(district).where(eq(district.ags, input.districtAgs)).limit(1);
      await tx
        .update(organisation)
        .set({
          name: input.name,
          seatStateCode: place?.stateCode ?? null,
          seatDistrictAgs: input.districtAgs,
        })
        .where(eq(organisation.id, organisationId));
      await tx.insert(employerProfile).values(profileValues(organisationId, input, actor.personId, now));
      await appendAudit(
        tx,
        {
          actorPersonId: actor.personId,
          actorRole: 'employer-admin',
          actorOrganisationId: organisationId,
          action: 'update',
          objectType: 'employer',
          objectId: organisationId,
          purpose: 'employer registration',
          result: 'success',
        },
        now,
      );
      return { kind: 'ok', organisationId } as const;
    });
  } catch (e) {
    if (input.register && isUniqueViolation(e)) return { kind: 'duplicate', field: 'registerNumber' };
    throw e;
  }
}

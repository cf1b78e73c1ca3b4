/**
 * Family members' linked journeys (issue 7). The principal (the skilled worker) adds a spouse or a minor child to
 * their own journey: the family member gets a person of their own (invited by mail to set a password, or their
 * existing account) and a journey that belongs to them, linked to the principal's (`linkedTo`), with facts from
 * the principal's and owners resolved for the principal's place. The principal follows it (policy relation
 * `family`) but does not act on it. Every read and write is audited in its transaction.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { IdentityDeps } from '../identity/index.ts';
import { familyAdd } from './family-add.ts';
import { familyRead } from './family-read.ts';
import { familyMember } from './schema.ts';
import type { JourneyService } from './service.ts';

export type FamilyService = ReturnType<typeof createFamilyService>;

export function createFamilyService(service: JourneyService, identity: IdentityDeps) {
  return { add: familyAdd(service, identity), ...familyRead(service) };
}

/** Erasure (Art. 17 GDPR): the name the principal entered goes with the family member's own name. */
export async function eraseFamilyNameOf(tx: DbOrTx, personId: string): Promise<void> {
  await tx.update(familyMember).set({ name: '–' }).where(eq(familyMember.memberPersonId, personId));
}

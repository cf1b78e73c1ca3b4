/** Reading a family: the linked journeys a principal's journey lists, and on a linked journey the link back. */
import { eq } from 'drizzle-orm';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import { journeyRelations } from './access.ts';
import type { WithDetails } from './authorise.ts';
import { progressOf } from './present.ts';
import { familyMember, journey } from './schema.ts';
import type { JourneyRow, JourneyService } from './service.ts';

/** A linked journey as its principal journey lists it. */
export interface FamilyEntry {
  readonly id: string;
  readonly relationship: string;
  readonly name: string;
  readonly travel: string;
  readonly pathway: string;
  readonly status: string;
  readonly currentStep: { readonly kind: string; readonly status: string } | null;
  readonly nextDueAt: string | null;
}

/** On a linked journey: who the family member is to the principal, and whether the reader may open the principal's. */
export interface FamilyLink {
  readonly principalJourneyId: string;
  readonly relationship: string;
  readonly name: string;
  readonly birthDate: string;
  readonly travel: string;
  readonly principalVisible: boolean;
}

/**
 * The linked journeys of a principal's journey that the reader may see, as the page and the API list them: read
 * and audited with the journey (`service.read(…, { family: true })`), an authority those where it owns a step, a
 * counsellor those of consenting family members.
 */
export function familyEntries(read: Pick<WithDetails, 'family'>, today: string): FamilyEntry[] {
  return read.family.map(({ member }) => ({
    id: member.id,
    relationship: member.relationship,
    name: member.name,
    travel: member.travel,
    pathway: member.pathway,
    status: member.status,
    ...progressOf(member.state, today),
  }));
}

/** `linkOf` of the family service. */
export function familyRead(service: JourneyService) {
  const { db } = service;

  /** On a linked journey the actor has read: the family member and whether the actor may open the principal's. */
  async function linkOf(actor: Actor, row: JourneyRow): Promise<FamilyLink | null> {
    if (row.linkedTo === null) return null;
    const [link] = await db.select().from(familyMember).where(eq(familyMember.journeyId, row.id));
    const [principal] = await db.select().from(journey).where(eq(journey.id, row.linkedTo));
    if (!link || !principal) return null;
    const object = await service.journeyObject(db, principal);
    const visible = decideFor(actor, 'read', 'journey', (m) => journeyRelations(actor.personId, m, object));
    return {
      principalJourneyId: principal.id,
      relationship: link.relationship,
      name: link.name,
      birthDate: link.birthDate,
      travel: link.travel,
      principalVisible: visible.allow,
    };
  }

  return { linkOf };
}

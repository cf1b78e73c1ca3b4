/** Reading a family: the linked journeys a principal's journey lists, and on a linked journey the link back. */
import { asc, eq } from 'drizzle-orm';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import { type AuditEvent, appendAuditMany } from '../../platform/audit/audit.ts';
import { journeyRelations } from './access.ts';
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

/** `list` and `linkOf` of the family service. */
export function familyRead(service: JourneyService) {
  const { db } = service;

  /**
   * The linked journeys of a principal's journey that the actor may read (each read audited in the same
   * transaction); an authority sees those where it owns a step, a counsellor those of consenting family members.
   */
  async function list(
    actor: Actor,
    principal: JourneyRow,
    today: string,
    hasFamily: boolean,
  ): Promise<FamilyEntry[]> {
    // `hasFamily` comes with the read of the journey (`service.read`): most journeys have no family linked.
    if (!hasFamily) return [];
    return db.transaction(async (tx) => {
      const at = service.now();
      const rows = await tx
        .select({ link: familyMember, row: journey })
        .from(familyMember)
        .innerJoin(journey, eq(journey.id, familyMember.journeyId))
        .where(eq(familyMember.principalJourneyId, principal.id))
        .orderBy(asc(familyMember.createdAt));
      const out: FamilyEntry[] = [];
      const entries: AuditEvent[] = [];
      for (const { link, row } of rows) {
        const object = await service.journeyObject(tx, row);
        const decision = decideFor(actor, 'read', 'journey', (m) =>
          journeyRelations(actor.personId, m, object),
        );
        if (!decision.allow) continue;
        entries.push(
          service.auditEvent(
            actor,
            decision.membership,
            'read',
            'journey',
            row.id,
            row.applicantId,
            'view the family of a journey',
            'success',
          ),
        );
        out.push({
          id: row.id,
          relationship: link.relationship,
          name: link.name,
          travel: link.travel,
          pathway: row.pathway,
          status: row.status,
          ...progressOf(row.state, today),
        });
      }
      // Several family members' entries: appended together in one statement to the reader's chain (one lock).
      await appendAuditMany(tx, entries, at, { chainKey: actor.personId });
      return out;
    });
  }

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

  return { list, linkOf };
}

/**
 * Family members' linked journeys (issue 7). The principal (the skilled worker) adds a spouse or a minor child to
 * their own journey: the family member gets a person of their own (invited by mail to set a password, or their
 * existing account) and a journey that belongs to them, linked to the principal's (`linkedTo`), with facts from
 * the principal's and owners resolved for the principal's place. The principal follows it (policy relation
 * `family`) but does not act on it. Every read and write is audited in its transaction.
 */
import { and, asc, eq } from 'drizzle-orm';
import { type Actor, decideFor, type Membership } from '../../domain/access/policy.ts';
import { isPersonalRole } from '../../domain/access/roles.ts';
import {
  familyFacts,
  familyProblems,
  momentOf,
  planJourney,
  type StepKind,
} from '../../domain/journey/index.ts';
import { type AuditEvent, appendAudit, appendAuditMany } from '../../platform/audit/audit.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { IdentityDeps } from '../identity/index.ts';
import { findOrInvitePerson, grantRole } from '../identity/index.ts';
import { membershipsOf, normaliseEmail, person } from '../people/index.ts';
import { type JourneyObject, journeyRelations, resolveOwners } from './access.ts';
import type { FamilyMemberInput } from './input.ts';
import { progressOf } from './present.ts';
import { familyMember, journey } from './schema.ts';
import { type CommandResult, DENIED, type JourneyRow, type JourneyService, requestHash } from './service.ts';

const UUID = /^[0-9a-f-]{36}$/i;

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

function invalid(field: string, rule: string, message: string): AppError {
  return new AppError('validation-failed', { errors: [{ field, rule, message }] });
}

const PROBLEM_MESSAGES: Record<string, string> = {
  'not-in-future': 'must not be in the future',
  minor: 'a child must be under 18',
  adult: 'a spouse or partner must be at least 18',
};

/** A journey not yet opened, linked to the principal's: nobody's own yet, the principal's family. */
const linkedTo = (principalApplicantId: string): JourneyObject => ({
  applicantId: '',
  principalApplicantId,
  employerId: null,
  ownerIds: [],
  consentedIds: [],
});

export type FamilyService = ReturnType<typeof createFamilyService>;

export function createFamilyService(service: JourneyService, identity: IdentityDeps) {
  const { db } = service;

  /**
   * The family member gets the family-member role unless they hold a personal role already (an applicant keeps
   * theirs); an existing account is told by mail, a new one was invited by `findOrInvitePerson`.
   */
  async function welcome(
    tx: DbOrTx,
    member: { id: string; email: string },
    invited: boolean,
    principalName: string,
    actor: Actor,
    at: Date,
  ) {
    const roles = await membershipsOf(tx, member.id);
    if (!roles.some((m) => isPersonalRole(m.role)))
      await grantRole(tx, member.id, 'family-member', undefined, at, actor.personId);
    if (invited) return;
    await identity.mailer.send(tx, {
      to: member.email,
      subject: 'Sie wurden als Familienangehörige(r) eingetragen / You were added as a family member',
      text: `${principalName} hat Sie auf Chancenregion als Familienangehörige(n) eingetragen. Ihren Weg sehen Sie unter ${identity.baseUrl}/de/mein-weg.\n${principalName} added you as a family member on Chancenregion. See your journey at ${identity.baseUrl}/en/my-journey.`,
    });
  }

  /** `POST /journeys/{id}/family-members`: opens the family member's linked journey; honours the Idempotency-Key. */
  async function add(
    actor: Actor,
    principalJourneyId: string,
    input: FamilyMemberInput,
    key: string | null = null,
  ): Promise<CommandResult> {
    let memberId = '';
    return service.openJourney(
      actor,
      key,
      requestHash({ familyOf: principalJourneyId, input }),
      async (tx, at) => {
        const [principal] = UUID.test(principalJourneyId)
          ? await tx.select().from(journey).where(eq(journey.id, principalJourneyId))
          : [];
        const decision = principal
          ? decideFor(actor, 'create', 'journey', (m) =>
              journeyRelations(actor.personId, m, linkedTo(principal.applicantId)),
            )
          : null;
        if (!principal || !decision?.allow || !decision.membership) {
          await appendAudit(
            tx,
            service.auditEvent(
              actor,
              undefined,
              'journey.add-family-member',
              'journey',
              principalJourneyId.slice(0, 64),
              null,
              'add a family member',
              'denied',
            ),
            at,
          );
          return DENIED;
        }
        if (principal.linkedTo !== null)
          throw invalid('params.id', 'principal-journey', 'is a family member’s journey, not a principal’s');
        const today = momentOf(at.toISOString()).date;
        const problems: FieldError[] = familyProblems(input, today).map((p) => ({
          field: `body.${p.field}`,
          rule: p.rule,
          message: PROBLEM_MESSAGES[p.rule] ?? p.rule,
        }));
        if (problems.length > 0) throw new AppError('validation-failed', { errors: problems });
        const [me] = await tx
          .select({ email: person.email, name: person.displayName })
          .from(person)
          .where(eq(person.id, actor.personId));
        if (me && normaliseEmail(input.email) === me.email)
          throw invalid(
            'body.email',
            'own-address',
            'is your own address; each family member needs their own',
          );
        const { person: member, invited } = await findOrInvitePerson(
          identity,
          tx,
          { email: input.email, displayName: input.name },
          `Einladung zu Chancenregion (Familie von ${me?.name ?? ''}) / Invitation to Chancenregion (family)`,
        );
        const [already] = await tx
          .select({ id: familyMember.journeyId })
          .from(familyMember)
          .where(
            and(
              eq(familyMember.principalJourneyId, principal.id),
              eq(familyMember.memberPersonId, member.id),
            ),
          );
        if (already)
          throw new AppError('conflict', {
            detail: 'This family member has a linked journey already.',
            errors: [{ field: 'body.email', rule: 'already-added', message: 'was added already' }],
          });
        await welcome(tx, member, invited, me?.name ?? '', actor, at);
        memberId = member.id;
        const facts = familyFacts(principal.state.facts, principal.id, input.travel);
        const place = {
          stateCode: principal.targetStateCode,
          districtAgs: principal.targetDistrictAgs,
          countryCode: principal.countryCode,
        };
        // Owners as for the principal's journey, but only for the steps the family member needs: an authority
        // sees a family member's journey only where it has a part in it.
        // A family member's journey has no recognition of its own: no registry answer is asked for.
        const resolved = await resolveOwners(tx, place, { recognition: [], 'zab-statement': [] });
        const owners: Partial<Record<StepKind, string>> = {};
        for (const planned of planJourney(facts, today, service.params)) {
          const owner = resolved[planned.kind];
          if (planned.required && owner) owners[planned.kind] = owner;
        }
        return {
          membership: decision.membership as Membership,
          applicantId: member.id,
          facts,
          occupation: null,
          place,
          owners,
          audit: { action: 'journey.add-family-member', purpose: 'add a family member' },
        };
      },
      async (tx, journeyId, at) => {
        await tx.insert(familyMember).values({
          journeyId,
          principalJourneyId,
          memberPersonId: memberId,
          relationship: input.relationship,
          name: input.name,
          birthDate: input.birthDate,
          travel: input.travel,
          createdAt: at,
        });
      },
    );
  }

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

  return { add, list, linkOf };
}

/** Erasure (Art. 17 GDPR): the name the principal entered goes with the family member's own name. */
export async function eraseFamilyNameOf(tx: DbOrTx, personId: string): Promise<void> {
  await tx.update(familyMember).set({ name: '–' }).where(eq(familyMember.memberPersonId, personId));
}

/** Adding a family member: their person (invited, or their account), their role, and their linked journey. */
import { and, eq } from 'drizzle-orm';
import { type Actor, decideFor, type Membership } from '../../domain/access/policy.ts';
import { isPersonalRole } from '../../domain/access/roles.ts';
import {
  familyFacts,
  familyProblems,
  momentOf,
  planJourney,
  type StepKind,
} from '../../domain/journey/index.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { composeMail } from '../../platform/mail/compose.ts';
import { localizedUrl } from '../../web/paths.ts';
import type { IdentityDeps } from '../identity/index.ts';
import { findOrInvitePerson, grantRole } from '../identity/index.ts';
import { membershipsOf, normaliseEmail, person } from '../people/index.ts';
import { type JourneyObject, journeyRelations, resolveOwners } from './access.ts';
import type { FamilyMemberInput } from './input.ts';
import { JOURNEY_PATHS } from './paths.tsx';
import { familyMember, journey } from './schema.ts';
import { type CommandResult, DENIED, type JourneyService, requestHash } from './service.ts';

const UUID = /^[0-9a-f-]{36}$/i;

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

/** `add` of the family service, for the principal's journey. */
export function familyAdd(service: JourneyService, identity: IdentityDeps) {
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
    await identity.mailer.send(
      tx,
      composeMail(member.email, 'journeys.mail.family-added', (t) => ({
        principal: principalName,
        link: `${identity.baseUrl}${localizedUrl(JOURNEY_PATHS.mine, t.locale)}`,
      })),
    );
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
          (t) => t.t('journeys.mail.family-invitation', { principal: me?.name ?? '' }),
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

  return add;
}

/**
 * Who may do what to a journey: the access policy decided on a journey row read by the store (for the journey, or
 * for one step's page), with the audit entries of an allowed and of a refused access. Outside reach and no such
 * journey are the same answer (404), recorded as denied.
 */
import { type Actor, decideFor, type Membership, type Relation } from '../../domain/access/policy.ts';
import type { HistoryEvent, StepKind } from '../../domain/journey/index.ts';
import { type AuditEvent, appendAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import { journeyRelations, stepRelations } from './access.ts';
import type { Session } from './store.ts';
import {
  type AccessRow,
  type FamilyMemberJson,
  type OrganisationRef,
  objectOf,
  type ReadWith,
} from './store-read.ts';
import type { JourneyRow } from './store-rows.ts';

/** A read of one step (its page): `journey-step` decides with the step's relations, for reading or its owner's form. */
export interface StepScope {
  readonly kind: StepKind;
  readonly action: 'read' | 'update';
}

/** Access to one journey, decided for one membership of the actor, with the relation that allowed it. */
export interface Access {
  readonly row: JourneyRow;
  readonly membership: Membership;
  /** Organisations the applicant has consented to (not withdrawn). */
  readonly consentedIds: readonly string[];
  readonly applicantName: string;
  readonly relation: Relation;
}

/** What a read brings along: the organisations the journey names (owners, employer, consented) and its history. */
export interface WithDetails {
  /** The family members' journeys linked to this one that the actor may read (read with `family`), each with the
   * membership that allowed it; their reads are audited with the journey's. */
  readonly family: readonly {
    readonly member: FamilyMemberJson;
    readonly membership: Membership | undefined;
  }[];
  readonly organisations: ReadonlyMap<string, OrganisationRef>;
  readonly history: readonly HistoryEvent[];
}

export type Authorised = { readonly ok: true; readonly access: Access & WithDetails } | Failed;
type Failed = { readonly ok: false; readonly error: AppError };

export function noSuchJourney(): AppError {
  return new AppError('not-found', { detail: 'No such journey.' });
}

/** An audit entry of the actor (for `membership`, else the actor's first). */
export function auditEvent(
  actor: Actor,
  membership: Membership | undefined,
  action: string,
  objectType: string,
  objectId: string,
  subject: string | null,
  purpose: string,
  result: 'success' | 'denied' | 'failure',
): AuditEvent {
  return {
    actorPersonId: actor.personId,
    actorRole: membership?.role ?? actor.memberships[0]?.role ?? null,
    actorOrganisationId: membership?.organisationId ?? actor.memberships[0]?.organisationId ?? null,
    action,
    objectType,
    objectId,
    subjectPersonId: subject,
    purpose,
    result,
  };
}

/** The success entry of an allowed access to a journey. */
export function accessEntry(
  actor: Actor,
  access: Access,
  action: 'read' | 'update',
  purpose: string,
): AuditEvent {
  const { membership, row } = access;
  return auditEvent(actor, membership, action, 'journey', row.id, row.applicantId, purpose, 'success');
}

/** The success entry of reading a family member's journey along with the principal's. */
export function familyReadEntry(actor: Actor, f: WithDetails['family'][number]): AuditEvent {
  const { member, membership } = f;
  return auditEvent(
    actor,
    membership,
    'read',
    'journey',
    member.id,
    member.applicantId,
    'view the family of a journey',
    'success',
  );
}

/** The audit entry of a refused access (outside reach, or no such journey). */
function deniedEntry(actor: Actor, action: 'read' | 'update', journeyId: string, purpose: string) {
  return auditEvent(actor, undefined, action, 'journey', journeyId.slice(0, 64), null, purpose, 'denied');
}

/** The policy's decision on one journey read by the store (undefined: no such journey); null when refused. */
export function accessOf(
  actor: Actor,
  action: 'read' | 'update',
  found: AccessRow | undefined,
  step?: StepScope,
): (Access & WithDetails) | null {
  if (!found) return null;
  const row = found.row;
  const object = objectOf(row, found.consentedIds, found.principalApplicantId);
  const journeyDecision = decideFor(actor, action, 'journey', (m) =>
    journeyRelations(actor.personId, m, object),
  );
  if (!journeyDecision.allow) return null;
  // A step's page: the journey must be readable, then the step decides with its own relations.
  const owner = step ? (row.state.steps[step.kind]?.owner ?? null) : null;
  const decision = step
    ? decideFor(actor, step.action, 'journey-step', (m) => stepRelations(actor.personId, m, object, owner))
    : journeyDecision;
  if (!decision.allow || !decision.membership) return null;
  return {
    row,
    membership: decision.membership,
    consentedIds: found.consentedIds,
    applicantName: found.applicantName ?? '',
    organisations: new Map(found.organisations.map((o) => [o.id, o])),
    // The stream's rows hold the core's events, so their fields have the core's types.
    history: found.history as unknown as HistoryEvent[],
    family: found.family.flatMap((member) => {
      const memberObject = objectOf(member, member.consentedIds, member.principalApplicantId);
      const d = decideFor(actor, 'read', 'journey', (m) => journeyRelations(actor.personId, m, memberObject));
      return d.allow ? [{ member, membership: d.membership }] : [];
    }),
    relation: decision.relation,
  };
}

/**
 * Object-level check of one journey in the session: allowed, or 404 with the denied entry written. The success
 * entry is the caller's (written last, with the change or after the read: the audit chain's lock is then held only
 * for the entry and the commit, not for the work of the request).
 */
export async function authorise(
  session: Session,
  actor: Actor,
  action: 'read' | 'update',
  journeyId: string,
  purpose: string,
  with_: ReadWith & { step?: StepScope } = {},
): Promise<Authorised> {
  const access = accessOf(actor, action, await session.accessRow(journeyId, with_), with_.step);
  if (access) return { ok: true, access };
  await appendAudit(session.db, deniedEntry(actor, action, journeyId, purpose), session.at);
  return { ok: false, error: noSuchJourney() };
}

/** The applicant's membership that may open a journey; others are refused (403). */
export function openerMembership(actor: Actor): { ok: true; membership: Membership } | Failed {
  const decision = decideFor(actor, 'create', 'journey', (m) =>
    m.organisationId === null ? new Set(['own', 'other'] as const) : new Set(['other'] as const),
  );
  if (!decision.allow || !decision.membership)
    return { ok: false, error: new AppError('forbidden', { detail: 'Only applicants open journeys.' }) };
  return { ok: true, membership: decision.membership };
}

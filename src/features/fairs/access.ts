/**
 * Who may do what at a fair: an officer relates within-jurisdiction to a fair organised by their state (agreed)
 * and to their own state's answer; an employer's people to their own organisation's stand and bookings; an
 * applicant to their own registration and bookings.
 */
import {
  type Actor,
  decideFor,
  type Membership,
  organisationRelations,
  type Relation,
} from '../../domain/access/policy.ts';
import { answerRelations, projectRelations } from '../joint-projects/index.ts';

/** The fair as the policy sees it: its agreed organising states. */
export const fairRelations = (m: Membership, organisers: readonly string[]) =>
  projectRelations(m, organisers);

/** A state's answer relates to the officers of that state only. */
export const stateAnswerRelations = (m: Membership, stateCode: string) => answerRelations(m, stateCode);

/** A booking relates to the applicant who booked it (own) and to the people of the exhibitor (own organisation). */
export function bookingRelations(
  actor: Actor,
  m: Membership,
  b: { personId: string; organisationId: string },
): ReadonlySet<Relation> {
  const out = new Set<Relation>(organisationRelations(m, { organisationId: b.organisationId }));
  if (b.personId === actor.personId) out.add('own');
  return out;
}

/** May the actor act for this employer's stand (apply, slots, record, hand off)? */
export const standMembership = (
  actor: Actor,
  action: 'create' | 'read' | 'update',
  organisationId: string,
) => {
  const d = decideFor(actor, action, 'fair-exhibitor', (m) => organisationRelations(m, { organisationId }));
  return d.allow ? d.membership : undefined;
};

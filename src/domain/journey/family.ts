/**
 * A family member's linked journey (issue 7, legal-rules.md §§ 11.1 and 13): who may join the skilled worker (the
 * principal), which facts come from the principal's journey, and the checks that need the calendar. Pure.
 */
import { ageOn, compareDates, type IsoDate } from '../calendar.ts';
import type { JourneyFacts, JourneyId } from './types.ts';

/** A spouse or registered partner (§ 30 AufenthG), or a minor unmarried child (§ 32 AufenthG). */
export const FAMILY_RELATIONSHIPS = ['spouse', 'child'] as const;
export type FamilyRelationship = (typeof FAMILY_RELATIONSHIPS)[number];

/**
 * Whether the family member comes with the principal (or soon after: the § 81a procedure can include family
 * members who enter within about six months of the worker) or later, on their own.
 */
export const FAMILY_TRAVEL = ['with-principal', 'later'] as const;
export type FamilyTravel = (typeof FAMILY_TRAVEL)[number];

/** Age from which a spouse may join (§ 30 Abs. 1 S. 1 Nr. 1 AufenthG) and below which a child counts as minor. */
const ADULT_AGE = 18;

/**
 * The facts of the family member's journey: the principal's pathway (the family follows the principal's title),
 * the principal's § 81a procedure and whereabouts when travelling together, from abroad when coming later; no
 * qualification of their own (a family member's title does not rest on one).
 */
export function familyFacts(
  principal: JourneyFacts,
  principalJourneyId: JourneyId,
  travel: FamilyTravel,
): JourneyFacts {
  const together = travel === 'with-principal';
  return {
    pathway: principal.pathway,
    qualification: { kind: 'none', regulation: 'not-regulated' },
    employerUses81a: together && principal.employerUses81a,
    location: together ? principal.location : 'abroad',
    linkedTo: principalJourneyId,
  };
}

export type FamilyProblem = {
  readonly field: 'birthDate';
  /** `not-in-future`: born after today; `minor`: a child of 18 or older; `adult`: a spouse under 18. */
  readonly rule: 'not-in-future' | 'minor' | 'adult';
};

/** What the law asks of the family member's age on `today`; empty when nothing is wrong. */
export function familyProblems(
  member: { readonly relationship: FamilyRelationship; readonly birthDate: IsoDate },
  today: IsoDate,
): FamilyProblem[] {
  if (compareDates(member.birthDate, today) > 0) return [{ field: 'birthDate', rule: 'not-in-future' }];
  const age = ageOn(member.birthDate, today);
  if (member.relationship === 'child' && age >= ADULT_AGE) return [{ field: 'birthDate', rule: 'minor' }];
  if (member.relationship === 'spouse' && age < ADULT_AGE) return [{ field: 'birthDate', rule: 'adult' }];
  return [];
}

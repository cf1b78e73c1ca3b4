/**
 * An employer's confirmation of a § 104c holder's employment as evidence for the livelihood condition (issue 18).
 * A confirmation counts on a day while the consent stands, the work has started and the contract has not ended.
 * It answers the holder's open question "is your living mainly from work?" with yes; a holder's own "no" stays
 * (they know of other income or benefits). The engine then decides the condition. Pure.
 */
import type { IsoDate } from '../calendar.ts';
import type { HolderFacts } from './holder.ts';

export interface EmploymentEvidence {
  readonly withdrawnAt: Date | null;
  readonly confirmedAt: Date | null;
  readonly startedOn: IsoDate | null;
  readonly permanent: boolean | null;
  readonly contractEndsOn: IsoDate | null;
}

/** Whether a confirmation counts on `today`. */
export function evidenceHolds(e: EmploymentEvidence, today: IsoDate): boolean {
  if (e.withdrawnAt !== null || e.confirmedAt === null || e.startedOn === null) return false;
  if (e.startedOn > today) return false;
  return e.permanent === true || (e.contractEndsOn !== null && e.contractEndsOn >= today);
}

/** The first confirmation that counts on `today`, if any. */
export function currentEvidence<E extends EmploymentEvidence>(
  rows: readonly E[],
  today: IsoDate,
): E | undefined {
  return rows.find((r) => evidenceHolds(r, today));
}

/** The holder's facts with an employer's confirmation filling the open livelihood question. */
export function withEmploymentEvidence(
  facts: HolderFacts,
  evidence: EmploymentEvidence | undefined,
): HolderFacts {
  if (!evidence || facts.livelihoodMainlyFromWork !== null) return facts;
  return { ...facts, livelihoodMainlyFromWork: true };
}

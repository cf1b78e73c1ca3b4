/**
 * The published appointment rules that are policy, not law (memo § 5.3 "No-shows"), effective-dated like the law
 * parameters (`src/domain/law/parameters`): a change is a new period with its start day, so a rule in force on a
 * day can always be told. Pure: the day comes in.
 *
 * - Reconfirmation: an agreed appointment must be confirmed by the applicant from `askDaysBefore` days before it
 *   until `dueDaysBefore` days before it, or it is released. The due time lies beyond the 72 hours of short
 *   notice (allocate.ts), so a released slot can still go to anyone waiting (memo G8).
 * - No-shows: after `limit` no-shows within `windowDays` days, a new request is ranked after the others of its
 *   class for `penaltyDays` days from the last of them; the classes in `exemptClasses` are never demoted
 *   (proportionality: the § 81a deadline and emergencies keep their order; memo § 5.3, our policy proposal).
 */
import type { IsoDate } from '../calendar.ts';
import type { PriorityClass } from './types.ts';

export type ReconfirmationRule = { readonly askDaysBefore: number; readonly dueDaysBefore: number };

export type NoShowRule = {
  readonly limit: number;
  readonly windowDays: number;
  readonly penaltyDays: number;
  readonly exemptClasses: readonly PriorityClass[];
};

export type AppointmentPolicy = {
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly reconfirmation: ReconfirmationRule;
  readonly noShow: NoShowRule;
  /** Where the numbers come from (memo section), for reviewers. */
  readonly source: string;
};

/** Every period of the rules, oldest first; the periods do not overlap. */
export const APPOINTMENT_POLICY: readonly AppointmentPolicy[] = Object.freeze([
  {
    validFrom: '2026-12-01',
    validTo: null,
    reconfirmation: { askDaysBefore: 7, dueDaysBefore: 4 },
    noShow: {
      limit: 2,
      windowDays: 365,
      penaltyDays: 180,
      exemptClasses: ['emergency', 'statutory-deadline'],
    },
    source: 'research/capacity-appointments.md § 2.8, § 5.3 "No-shows", § 5.8 G8',
  },
]);

/** The rules in force on `day`; before the first period the first period's rules (the platform's first day). */
export function appointmentPolicyOn(day: IsoDate, table: readonly AppointmentPolicy[] = APPOINTMENT_POLICY) {
  const found = table.find((p) => p.validFrom <= day && (p.validTo === null || day <= p.validTo));
  const first = table[0];
  if (found) return found;
  if (first && day < first.validFrom) return first;
  throw new RangeError(`No appointment policy in force on ${day}`);
}

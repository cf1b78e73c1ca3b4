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
 * - Reservations (memo § 5.3 step 2): in each week of the horizon, the P90 (`percentile`) of the forecast weekly
 *   arrivals of `forClass` (§ 81a) is held for that class until `releaseHoursBefore` hours before the slot, then
 *   open to everyone (memo: "e.g. 72 h before"). The forecast looks at the last `historyWeeks` weeks of requests
 *   (the memo's § 5.5 window; the exponentially weighted Poisson forecast is our policy proposal).
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

export type ReservationRule = {
  readonly forClass: PriorityClass;
  readonly percentile: number;
  readonly historyWeeks: number;
  readonly releaseHoursBefore: number;
  /** Where the rule comes from. */
  readonly source: string;
};

export type AppointmentPolicy = {
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly reconfirmation: ReconfirmationRule;
  readonly noShow: NoShowRule;
  readonly reservation: ReservationRule;
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
    reservation: {
      forClass: 'statutory-deadline',
      percentile: 0.9,
      historyWeeks: 8,
      releaseHoursBefore: 72,
      source:
        'research/capacity-appointments.md § 5.3 step 2 (P90, released 72 h before), § 5.5 (8 weeks); the exponentially weighted Poisson forecast is our policy proposal',
    },
    source: 'research/capacity-appointments.md § 2.8, § 5.3 "No-shows" and step 2, § 5.8 G8',
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

/**
 * The law parameters the journey reads, passed in as an argument so that tests can pin them and the core never
 * reaches for a global. Production passes `lawParameters` (the effective-dated table of `src/domain/law`).
 */
import type { IsoDate } from '../calendar.ts';
import { type ParameterUnit, parameter } from '../law/index.ts';

/** Parameter ids the journey uses: the statutory deadlines and the fee of the accelerated procedure. */
export const JOURNEY_PARAMETER_IDS = [
  'deadline.recognition.receipt',
  'deadline.recognition.receipt-81a',
  'deadline.recognition.decision',
  'deadline.recognition.decision-81a',
  'deadline.ba-approval.deemed',
  'deadline.ba-approval.deemed-81a',
  'deadline.visa-appointment-81a',
  'deadline.visa-decision-81a',
  'fee.81a',
] as const;
export type JourneyParameterId = (typeof JOURNEY_PARAMETER_IDS)[number];

export type JourneyParameterValue = { readonly value: number; readonly unit: ParameterUnit };

export type JourneyParameters = {
  /** The value in force on `date`, or undefined when none is published (then no deadline runs). */
  readonly parameter: (id: JourneyParameterId, date: IsoDate) => JourneyParameterValue | undefined;
};

/** The effective-dated law parameters (`src/domain/law/parameters`). */
export const lawParameters: JourneyParameters = Object.freeze({
  parameter: (id: JourneyParameterId, date: IsoDate) => parameter(id, date),
});

/** Settings of the deadline display that are policy, not law (supplied by configuration). */
export type DeadlineSettings = {
  /** A running deadline is `near-breach` when this many days or fewer remain. */
  readonly nearBreachDays: number;
};

/**
 * Statutory deadlines of the steps (legal-rules.md § 11), computed from the effective-dated law parameters.
 *
 * A deadline starts on a day (`startedOn`), runs for the parameter's period in force on that day, and stands
 * still while the authority waits for the applicant: every finished pause moves `dueAt` by its days. While a
 * pause lasts, `effectiveDueAt(step, today)` moves with it, so the remaining time stays the same.
 */
import { addDays, addMonths, daysBetween, type IsoDate, maxDate } from '../calendar.ts';
import type { DeadlineSettings, JourneyParameterId, JourneyParameters } from './parameters.ts';
import type {
  Deadline,
  DeadlineClosure,
  DeadlineRule,
  DeadlineStatus,
  DeadlineUnit,
  Journey,
  JourneyFacts,
  Step,
} from './types.ts';

/**
 * Recognition law behind the qualification: state-regulated professions follow the state BQFGs; federally
 * regulated professions and non-regulated vocational qualifications (training occupations under BBiG/HwO) follow
 * the federal BQFG, whose § 14a sets the shorter periods of the accelerated procedure.
 */
export function recognitionLaw(facts: JourneyFacts): 'federal' | 'state' {
  return facts.qualification.regulation === 'state' ? 'state' : 'federal';
}

/** The employer's § 81a procedure is under way (started, and neither withdrawn nor refused). */
export function inAcceleratedProcedure(journey: Journey): boolean {
  if (journey.acceleratedProcedure === null) return false;
  const step = journey.steps['accelerated-procedure'];
  if (step.status === 'withdrawn') return false;
  return !(step.status === 'decided' && step.outcome === 'negative');
}

/** Day of the foreigners' office's pre-approval (Vorabzustimmung § 31 Abs. 3 AufenthV), if given. */
export function preApprovalDate(journey: Journey): IsoDate | null {
  const step = journey.steps['accelerated-procedure'];
  return step.status === 'decided' && step.outcome === 'positive' ? step.decidedOn : null;
}

/**
 * Which parameter sets the period of `rule` for this journey, or null when the law sets no period (visa
 * appointment and decision outside the accelerated procedure: § 31a AufenthV applies only there).
 */
export function deadlineParameterFor(rule: DeadlineRule, journey: Journey): JourneyParameterId | null {
  const accelerated = inAcceleratedProcedure(journey);
  const federal = recognitionLaw(journey.facts) === 'federal';
  switch (rule) {
    case 'recognition-receipt':
      return accelerated && federal ? 'deadline.recognition.receipt-81a' : 'deadline.recognition.receipt';
    case 'recognition-decision':
      return accelerated && federal ? 'deadline.recognition.decision-81a' : 'deadline.recognition.decision';
    case 'ba-approval-deemed':
      return accelerated ? 'deadline.ba-approval.deemed-81a' : 'deadline.ba-approval.deemed';
    case 'visa-appointment':
      return accelerated ? 'deadline.visa-appointment-81a' : null;
    case 'visa-decision':
      return accelerated ? 'deadline.visa-decision-81a' : null;
  }
}

function isDeadlineUnit(unit: string): unit is DeadlineUnit {
  return unit === 'months' || unit === 'weeks' || unit === 'days';
}

/** `date` plus a period; months clamp to the end of the month (§ 188 Abs. 3 BGB). */
export function addPeriod(date: IsoDate, value: number, unit: DeadlineUnit): IsoDate {
  if (unit === 'months') return addMonths(date, value);
  return addDays(date, unit === 'weeks' ? value * 7 : value);
}

/**
 * A new deadline for `rule` starting on `startedOn`, with the period in force on that day; null when the law
 * sets none or no parameter is published for the day.
 */
export function startDeadline(
  rule: DeadlineRule,
  journey: Journey,
  startedOn: IsoDate,
  params: JourneyParameters,
): Deadline | null {
  const id = deadlineParameterFor(rule, journey);
  if (id === null) return null;
  const p = params.parameter(id, startedOn);
  if (p === undefined || !isDeadlineUnit(p.unit)) return null;
  const baseDueAt = addPeriod(startedOn, p.value, p.unit);
  return {
    rule,
    parameterId: id,
    value: p.value,
    unit: p.unit,
    startedOn,
    baseDueAt,
    pausedDays: 0,
    dueAt: baseDueAt,
    closedOn: null,
    closedBy: null,
  };
}

/** The deadline after a pause from `pausedSince` to `resumedOn` (only days after its start count). */
export function resumeDeadline(deadline: Deadline, pausedSince: IsoDate, resumedOn: IsoDate): Deadline {
  if (deadline.closedOn !== null) return deadline;
  const days = Math.max(0, daysBetween(maxDate(pausedSince, deadline.startedOn), resumedOn));
  if (days === 0) return deadline;
  const pausedDays = deadline.pausedDays + days;
  return { ...deadline, pausedDays, dueAt: addDays(deadline.baseDueAt, pausedDays) };
}

export function closeDeadline(deadline: Deadline, on: IsoDate, by: DeadlineClosure): Deadline {
  return deadline.closedOn === null ? { ...deadline, closedOn: on, closedBy: by } : deadline;
}

/** The running deadline of a step, or null. */
export function runningDeadline(step: Step): Deadline | null {
  return step.deadline !== null && step.deadline.closedOn === null ? step.deadline : null;
}

/**
 * The due date as of `today`: `dueAt`, moved on by the days of a pause still under way. Null when no deadline
 * runs.
 */
export function effectiveDueAt(step: Step, today: IsoDate): IsoDate | null {
  const d = runningDeadline(step);
  if (d === null) return null;
  if (step.pausedSince === null) return d.dueAt;
  return resumeDeadline(d, step.pausedSince, maxDate(today, step.pausedSince)).dueAt;
}

/**
 * How the step's deadline stands on `today`:
 * - running: `breached` after the (pause-adjusted) due date, `near-breach` when `nearBreachDays` or fewer remain,
 *   otherwise `on-time`;
 * - closed: `on-time` if it closed on or before its due date, else `breached`;
 * - null when the step never had a deadline.
 */
export function deadlineStatus(
  step: Step,
  today: IsoDate,
  settings: DeadlineSettings,
): DeadlineStatus | null {
  const d = step.deadline;
  if (d === null) return null;
  if (d.closedOn !== null) return d.closedOn <= d.dueAt ? 'on-time' : 'breached';
  const due = effectiveDueAt(step, today) ?? d.dueAt;
  if (today > due) return 'breached';
  return daysBetween(today, due) <= settings.nearBreachDays ? 'near-breach' : 'on-time';
}

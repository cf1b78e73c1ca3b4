/**
 * The deadlines a decided command starts: on a submission (recognition receipt, deemed approval, visa
 * appointment), on a complete file (recognition and visa decision) and after the § 81a pre-approval.
 */
import { maxDate } from '../calendar.ts';
import type { Actor, JourneyEvent } from './commands-events.ts';
import { preApprovalDate, startDeadline } from './deadlines.ts';
import type { JourneyParameters } from './parameters.ts';
import type { DeadlineRule, Journey, StepKind } from './types.ts';

/** What every event of one decision shares: the moment and the actor. */
export type Base = { readonly at: string; readonly date: string; readonly actor: Actor };

function deadlineEvent(
  base: Base,
  rule: DeadlineRule,
  journey: Journey,
  step: StepKind,
  startedOn: string,
  params: JourneyParameters,
): JourneyEvent[] {
  const deadline = startDeadline(rule, journey, startedOn, params);
  return deadline === null ? [] : [{ ...base, type: 'deadline-started', step, deadline }];
}

/** The deadline a submission starts, by step kind. */
export function onSubmit(
  base: Base,
  journey: Journey,
  kind: StepKind,
  params: JourneyParameters,
): JourneyEvent[] {
  switch (kind) {
    case 'recognition':
      return deadlineEvent(base, 'recognition-receipt', journey, kind, base.date, params);
    case 'ba-approval':
      return deadlineEvent(base, 'ba-approval-deemed', journey, kind, base.date, params);
    case 'visa-appointment': {
      // § 31a Abs. 1 AufenthV: within three weeks of the pre-approval and the request, whichever is later.
      const preApproval = preApprovalDate(journey);
      if (preApproval === null) return [];
      return deadlineEvent(base, 'visa-appointment', journey, kind, maxDate(preApproval, base.date), params);
    }
    default:
      return [];
  }
}

/** The deadline a complete file starts: recognition decision, visa decision (§ 31a Abs. 2 AufenthV). */
export function onComplete(
  base: Base,
  journey: Journey,
  kind: StepKind,
  params: JourneyParameters,
): JourneyEvent[] {
  if (kind === 'recognition')
    return deadlineEvent(base, 'recognition-decision', journey, kind, base.date, params);
  if (kind === 'visa-decision') return deadlineEvent(base, 'visa-decision', journey, kind, base.date, params);
  return [];
}

/** A positive decision on the § 81a procedure is the pre-approval: a pending appointment request starts its clock. */
export function afterDecision(
  base: Base,
  journey: Journey,
  kind: StepKind,
  outcome: string,
  params: JourneyParameters,
): JourneyEvent[] {
  if (kind !== 'accelerated-procedure' || outcome !== 'positive') return [];
  const appointment = journey.steps['visa-appointment'];
  if (
    appointment.status !== 'submitted' &&
    appointment.status !== 'in-review' &&
    appointment.status !== 'waiting-for-applicant'
  )
    return [];
  // The procedure is under way until this decision, so the § 81a period applies.
  const startedOn = maxDate(base.date, appointment.submittedOn);
  return deadlineEvent(base, 'visa-appointment', journey, 'visa-appointment', startedOn, params);
}

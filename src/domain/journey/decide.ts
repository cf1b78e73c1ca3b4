/**
 * `decide(state, command, now, params)`: the rules of the journey. Returns the events a command causes, or a
 * refusal with a stable code, the field at fault and a message key (`journey.refusal.<code>`). Never throws for
 * an expected failure, never reads the clock (`now` comes in), never mutates `state`.
 *
 * Order of the checks: the command is well-formed → journey exists → role may issue the command for the step
 * kind → the person or organisation is the right one → the step is not final and is required → the status
 * allows the command.
 */
import { ACCELERATED_PROCEDURE_PATHWAYS } from '../law/outlook/procedure-81a.ts';
import {
  type Actor,
  COMMAND_TYPES,
  type Command,
  type Decision,
  type JourneyEvent,
  type RefusalCode,
} from './commands-events.ts';
import { effectiveDueAt } from './deadlines.ts';
import { afterDecision, type Base, onComplete, onSubmit } from './decide-deadlines.ts';
import { type JourneyParameters, lawParameters } from './parameters.ts';
import { planJourney } from './plan.ts';
import { invalidFactsField, replan } from './replan.ts';
import { actsAsOwner, isStepCommandType, JOURNEY_COMMAND_ROLES, rolesFor, STEP_ROLES } from './roles.ts';
import { type Journey, type JourneyState, type Now, STEP_KINDS, type Step, type StepKind } from './types.ts';

type StepCommand = Extract<Command, { step: StepKind }>;

function refuse(code: RefusalCode, field?: string): Decision {
  return {
    refusal:
      field === undefined
        ? { code, messageKey: `journey.refusal.${code}` }
        : { code, field, messageKey: `journey.refusal.${code}` },
  };
}

function accept(events: JourneyEvent[]): Decision {
  return { events };
}

function isFinal(step: Step): boolean {
  return step.status === 'decided' || step.status === 'withdrawn';
}

/** Checks that the person or organisation behind the actor is the one the journey names. */
function identityRefusal(journey: Journey, actor: Actor, ownerOf: Step | null): Decision | null {
  if (ownerOf !== null) {
    if (actor.organisationId === undefined || actor.organisationId !== ownerOf.owner)
      return refuse('not-the-owner', 'organisationId');
    return null;
  }
  if (actor.role === 'applicant' && actor.id !== journey.applicantId)
    return refuse('not-the-applicant', 'actor');
  if (actor.role === 'employer') {
    if (actor.organisationId === undefined) return refuse('not-the-employer', 'organisationId');
    if (journey.employerId !== null && journey.employerId !== actor.organisationId)
      return refuse('not-the-employer', 'organisationId');
  }
  return null;
}
function decideStep(journey: Journey, command: StepCommand, base: Base, params: JourneyParameters): Decision {
  const kind = command.step;
  const step = journey.steps[kind];
  if (!(rolesFor(command.type, kind) as readonly string[]).includes(command.actor.role))
    return refuse('role-not-allowed', 'role');
  const identity = identityRefusal(journey, command.actor, actsAsOwner(command.type) ? step : null);
  if (identity !== null) return identity;
  if (isFinal(step)) return refuse('step-final', 'step');
  const s = step.status;
  if (s === 'not-required' && command.type !== 'assign-owner') return refuse('step-not-required', 'step');
  const e = { ...base, step: kind };
  switch (command.type) {
    case 'assign-owner':
      return accept([{ ...e, type: 'owner-assigned', owner: command.owner }]);
    case 'attach-documents':
      if (command.documents.length === 0) return refuse('documents-missing', 'documents');
      return accept([{ ...e, type: 'documents-attached', documents: command.documents }]);
    case 'withdraw':
      return accept([{ ...e, type: 'step-withdrawn' }]);
    case 'submit':
      if (kind === 'accelerated-procedure') return refuse('invalid-transition', 'type');
      if (s !== 'not-started') return refuse('already-submitted', 'step');
      return accept([
        { ...e, type: 'step-submitted', documents: command.documents ?? [] },
        ...onSubmit(base, journey, kind, params),
      ]);
    case 'start-review':
      if (s === 'not-started') return refuse('not-submitted', 'step');
      if (s !== 'submitted') return refuse('invalid-transition', 'step');
      return accept([{ ...e, type: 'review-started' }]);
    case 'request-documents':
      if (s !== 'in-review') return refuse('not-in-review', 'step');
      if (command.missing.length === 0) return refuse('documents-missing', 'missing');
      return accept([{ ...e, type: 'documents-requested', missing: command.missing }]);
    case 'submit-documents':
      if (s !== 'waiting-for-applicant') return refuse('not-waiting', 'step');
      if (command.documents.length === 0) return refuse('documents-missing', 'documents');
      return accept([{ ...e, type: 'documents-submitted', documents: command.documents }]);
    case 'documents-complete':
      if (s !== 'in-review') return refuse('not-in-review', 'step');
      if (step.documentsCompleteOn !== null) return refuse('already-complete', 'step');
      return accept([{ ...e, type: 'documents-completed' }, ...onComplete(base, journey, kind, params)]);
    case 'decide':
      if (s === 'not-started') return refuse('not-submitted', 'step');
      if (!STEP_ROLES[kind].outcomes.includes(command.outcome))
        return refuse('outcome-not-allowed', 'outcome');
      return accept([
        {
          ...e,
          type: 'step-decided',
          outcome: command.outcome,
          deemed: false,
          reason: command.reason ?? null,
        },
        ...afterDecision(base, journey, kind, command.outcome, params),
      ]);
    case 'record-deemed-approval': {
      if (s === 'not-started') return refuse('not-submitted', 'step');
      const due = effectiveDueAt(step, base.date);
      if (due === null || base.date <= due) return refuse('deadline-not-reached', 'step');
      return accept([{ ...e, type: 'step-decided', outcome: 'positive', deemed: true, reason: null }]);
    }
  }
}

function startAcceleratedProcedure(
  journey: Journey,
  command: Extract<Command, { type: 'start-accelerated-procedure' }>,
  now: Now,
  base: Base,
  params: JourneyParameters,
): Decision {
  if (!command.powerOfAttorney) return refuse('power-of-attorney-missing', 'powerOfAttorney');
  if (journey.acceleratedProcedure !== null) return refuse('procedure-already-started');
  const facts = { ...journey.facts, employerUses81a: true };
  if (facts.location !== 'abroad' || !ACCELERATED_PROCEDURE_PATHWAYS.includes(facts.pathway))
    return refuse('procedure-not-available', 'pathway');
  const step = journey.steps['accelerated-procedure'];
  if (isFinal(step)) return refuse('step-final', 'step');
  if (step.status !== 'not-started' && step.status !== 'not-required')
    return refuse('already-submitted', 'step');
  const employerId = command.actor.organisationId as string;
  const events: JourneyEvent[] = [{ ...base, type: 'accelerated-procedure-started', employerId }];
  if (!journey.facts.employerUses81a) events.push(...replan(journey, facts, now, command.actor, params));
  events.push({ ...base, type: 'step-submitted', step: 'accelerated-procedure', documents: [] });
  return accept(events);
}

/** The owner of the § 81a step records the fee as paid, once, while the procedure is not withdrawn. */
function recordFeePayment(
  journey: Journey,
  command: Extract<Command, { type: 'record-fee-payment' }>,
  base: Base,
  params: JourneyParameters,
): Decision {
  const step = journey.steps['accelerated-procedure'];
  const org = command.actor.organisationId;
  if (org === undefined || step.owner !== org) return refuse('not-the-owner', 'organisationId');
  const reference = command.reference.trim();
  if (reference.length === 0 || reference.length > FEE_REFERENCE_MAX)
    return refuse('invalid-command', 'reference');
  if (journey.acceleratedProcedure === null) return refuse('procedure-not-started');
  if (journey.acceleratedProcedure.feePaid !== undefined) return refuse('fee-already-paid');
  if (step.status === 'withdrawn') return refuse('step-final', 'step');
  const amount = params.parameter('fee.81a', base.date)?.value ?? null;
  return accept([{ ...base, type: 'fee-paid', amount, reference }]);
}

/** The longest payment reference the office may record (a cash-register or transfer reference). */
export const FEE_REFERENCE_MAX = 60;

function openJourney(
  command: Extract<Command, { type: 'open-journey' }>,
  now: Now,
  base: Base,
  params: JourneyParameters,
): Decision {
  const field = invalidFactsField(command.facts);
  if (field !== null) return refuse('invalid-facts', field);
  const applicantId = command.applicantId ?? command.actor.id;
  // Only a family member's journey is opened for someone else (by the principal, whose journey it follows).
  if (applicantId !== command.actor.id && !command.facts.linkedTo)
    return refuse('not-the-applicant', 'applicantId');
  const events: JourneyEvent[] = [
    {
      ...base,
      type: 'journey-opened',
      journeyId: command.journeyId,
      applicantId,
      facts: command.facts,
    },
  ];
  const plan = planJourney(command.facts, now.date, params);
  for (const planned of plan) {
    events.push({
      ...base,
      type: 'step-planned',
      step: planned.kind,
      required: planned.required,
      reason: planned.reason,
    });
  }
  for (const planned of plan) {
    const owner = command.owners?.[planned.kind];
    if (owner !== undefined) events.push({ ...base, type: 'owner-assigned', step: planned.kind, owner });
  }
  return accept(events);
}

/**
 * The events `command` causes on `state` at `now`, or a refusal. `params` supplies the law parameters
 * (deadline periods in force on the day a clock starts); production passes `lawParameters`.
 */
export function decide(
  state: JourneyState,
  command: Command,
  now: Now,
  params: JourneyParameters = lawParameters,
): Decision {
  const base: Base = { at: now.at, date: now.date, actor: command.actor };
  // Input from outside is validated at the boundary; this keeps a malformed command a refusal, not a crash.
  if (!(COMMAND_TYPES as readonly string[]).includes(command.type)) return refuse('invalid-command', 'type');
  if ('step' in command && !(STEP_KINDS as readonly string[]).includes(command.step))
    return refuse('invalid-command', 'step');
  if (command.type === 'open-journey') {
    if (state.status !== 'initial') return refuse('journey-exists');
    if (!JOURNEY_COMMAND_ROLES['open-journey'].includes(command.actor.role))
      return refuse('role-not-allowed', 'role');
    return openJourney(command, now, base, params);
  }
  if (state.status !== 'open') return refuse('journey-not-found');
  const journey: Journey = state;
  if (isStepCommandType(command.type)) return decideStep(journey, command as StepCommand, base, params);
  const type = command.type as keyof typeof JOURNEY_COMMAND_ROLES;
  if (!JOURNEY_COMMAND_ROLES[type].includes(command.actor.role)) return refuse('role-not-allowed', 'role');
  const identity = identityRefusal(journey, command.actor, null);
  if (identity !== null) return identity;
  switch (command.type) {
    case 'change-facts': {
      const field = invalidFactsField(command.facts);
      if (field !== null) return refuse('invalid-facts', field);
      return accept(replan(journey, command.facts, now, command.actor, params));
    }
    case 'invite-employer': {
      if (
        journey.acceleratedProcedure !== null &&
        journey.acceleratedProcedure.employerId !== command.employerId
      )
        return refuse('not-the-employer', 'employerId');
      const events: JourneyEvent[] = [{ ...base, type: 'employer-invited', employerId: command.employerId }];
      const offer = journey.steps['job-offer'];
      if (!isFinal(offer) && offer.owner !== command.employerId)
        events.push({ ...base, type: 'owner-assigned', step: 'job-offer', owner: command.employerId });
      return accept(events);
    }
    case 'start-accelerated-procedure':
      return startAcceleratedProcedure(journey, command, now, base, params);
    case 'record-fee-payment':
      return recordFeePayment(journey, command, base, params);
  }
  return refuse('invalid-transition', 'type');
}

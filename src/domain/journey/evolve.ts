/**
 * `evolve(state, event)`: the projection of one event onto the journey. A journey is the fold of its events
 * (`replay`). Pure and total over valid histories; it never checks rules (that is `decide`'s job) and never
 * computes a deadline from parameters (the `deadline-started` event carries it, as decided).
 *
 * Implicit bookkeeping, the same for every reader of the history:
 * - `review-started` confirms receipt: a running `recognition-receipt` deadline closes (`progressed`);
 * - `documents-submitted`, `step-decided` and `step-withdrawn` end a pause: the running deadline moves on by
 *   the paused days;
 * - `step-decided` / `step-withdrawn` close the running deadline; a new `deadline-started` supersedes it.
 */

import type { JourneyEvent } from './commands-events.ts';
import { closeDeadline, resumeDeadline, runningDeadline } from './deadlines.ts';
import {
  type Deadline,
  type DeadlineClosure,
  type Journey,
  type JourneyState,
  type Message,
  STEP_KINDS,
  type Step,
  type StepCommon,
  type StepKind,
} from './types.ts';

export const INITIAL_STATE: JourneyState = Object.freeze({ status: 'initial' });

const PENDING_REASON: Message = Object.freeze({ key: 'journey.plan.pending', values: Object.freeze({}) });

function emptyStep(kind: StepKind): Step {
  return {
    kind,
    status: 'not-started',
    pausedSince: null,
    plan: { required: true, reason: PENDING_REASON },
    owner: null,
    documents: [],
    deadline: null,
    pastDeadlines: [],
    dueAt: null,
    history: [],
  };
}

function withDocuments(step: Step, documents: readonly string[]): readonly string[] {
  if (documents.length === 0) return step.documents;
  const merged = [...step.documents];
  for (const d of documents) if (!merged.includes(d)) merged.push(d);
  return merged;
}

/** Sets the step's current deadline and the `dueAt` that mirrors it. */
function withDeadline(step: Step, deadline: Deadline | null): Step {
  const dueAt = deadline !== null && deadline.closedOn === null ? deadline.dueAt : null;
  return { ...step, deadline, dueAt };
}

/** The deadline after the pause (if any) ended on `on`. */
function endPause(step: Step, on: string): Deadline | null {
  const running = runningDeadline(step);
  if (running === null || step.pausedSince === null) return step.deadline;
  return resumeDeadline(running, step.pausedSince, on);
}

function closeRunning(deadline: Deadline | null, on: string, by: DeadlineClosure): Deadline | null {
  return deadline !== null && deadline.closedOn === null ? closeDeadline(deadline, on, by) : deadline;
}

/** The fields every status shares (drops the status-specific ones of the previous status). */
function common(step: Step): StepCommon {
  const { kind, plan, owner, documents, deadline, pastDeadlines, dueAt, history } = step;
  return { kind, plan, owner, documents, deadline, pastDeadlines, dueAt, history };
}

function filed(step: Step): {
  submittedOn: string;
  reviewStartedOn: string | null;
  documentsCompleteOn: string | null;
} {
  if (step.status === 'submitted' || step.status === 'in-review' || step.status === 'waiting-for-applicant') {
    return {
      submittedOn: step.submittedOn,
      reviewStartedOn: step.reviewStartedOn,
      documentsCompleteOn: step.documentsCompleteOn,
    };
  }
  throw new Error(`evolve: step ${step.kind} is ${step.status}, not filed`);
}

function submittedOnOf(step: Step): string | null {
  return 'submittedOn' in step ? step.submittedOn : null;
}

function evolveStep(step: Step, event: JourneyEvent & { step: StepKind }): Step {
  const on = event.date;
  const base = common(step);
  switch (event.type) {
    case 'step-planned': {
      const plan = { required: event.required, reason: event.reason };
      if (step.status === 'not-started' || step.status === 'not-required') {
        return { ...base, plan, status: event.required ? 'not-started' : 'not-required', pausedSince: null };
      }
      return { ...step, plan };
    }
    case 'owner-assigned':
      return { ...step, owner: event.owner };
    case 'documents-attached':
      return { ...step, documents: withDocuments(step, event.documents) };
    case 'step-submitted':
      return {
        ...base,
        status: 'submitted',
        pausedSince: null,
        documents: withDocuments(step, event.documents),
        submittedOn: on,
        reviewStartedOn: null,
        documentsCompleteOn: null,
      };
    case 'review-started': {
      const running = runningDeadline(step);
      const deadline =
        running !== null && running.rule === 'recognition-receipt'
          ? closeDeadline(running, on, 'progressed')
          : step.deadline;
      return withDeadline(
        { ...base, ...filed(step), status: 'in-review', pausedSince: null, reviewStartedOn: on },
        deadline,
      );
    }
    case 'documents-requested':
      return {
        ...base,
        ...filed(step),
        status: 'waiting-for-applicant',
        pausedSince: on,
        missing: event.missing,
      };
    case 'documents-submitted':
      return withDeadline(
        {
          ...base,
          ...filed(step),
          status: 'in-review',
          pausedSince: null,
          documents: withDocuments(step, event.documents),
        },
        endPause(step, on),
      );
    case 'documents-completed':
      return { ...base, ...filed(step), status: 'in-review', pausedSince: null, documentsCompleteOn: on };
    case 'step-decided':
      return withDeadline(
        {
          ...base,
          status: 'decided',
          pausedSince: null,
          outcome: event.outcome,
          decidedOn: on,
          deemed: event.deemed,
          submittedOn: submittedOnOf(step),
        },
        closeRunning(endPause(step, on), on, 'decided'),
      );
    case 'step-withdrawn':
      return withDeadline(
        {
          ...base,
          status: 'withdrawn',
          pausedSince: null,
          withdrawnOn: on,
          submittedOn: submittedOnOf(step),
        },
        closeRunning(endPause(step, on), on, 'withdrawn'),
      );
    case 'deadline-started': {
      const previous = step.deadline;
      const pastDeadlines =
        previous === null
          ? step.pastDeadlines
          : [...step.pastDeadlines, closeRunning(previous, on, 'superseded') ?? previous];
      return withDeadline({ ...step, pastDeadlines }, event.deadline);
    }
  }
  return step;
}

function hasStep(event: JourneyEvent): event is JourneyEvent & { step: StepKind } {
  return 'step' in event;
}

/** Applies one event. Events that do not fit the state (a bug in the history) throw. */
export function evolve(state: JourneyState, event: JourneyEvent): JourneyState {
  if (event.type === 'journey-opened') {
    if (state.status !== 'initial') throw new Error('evolve: journey-opened on an open journey');
    const steps = {} as Record<StepKind, Step>;
    for (const kind of STEP_KINDS) steps[kind] = emptyStep(kind);
    const journey: Journey = {
      id: event.journeyId,
      applicantId: event.applicantId,
      linkedTo: event.facts.linkedTo ?? null,
      facts: event.facts,
      employerId: null,
      acceleratedProcedure: null,
      steps,
      openedAt: event.at,
      version: 1,
    };
    return { status: 'open', ...journey };
  }
  if (state.status !== 'open') throw new Error(`evolve: ${event.type} before journey-opened`);
  const version = state.version + 1;
  switch (event.type) {
    case 'facts-changed':
      return { ...state, version, facts: event.facts, linkedTo: event.facts.linkedTo ?? null };
    case 'employer-invited':
      return { ...state, version, employerId: event.employerId };
    case 'accelerated-procedure-started':
      return {
        ...state,
        version,
        employerId: event.employerId,
        acceleratedProcedure: { startedOn: event.date, employerId: event.employerId },
      };
    case 'fee-paid': {
      if (state.acceleratedProcedure === null) throw new Error('evolve: fee-paid before the § 81a procedure');
      const feePaid = {
        paidOn: event.date,
        amount: event.amount,
        reference: event.reference,
        recordedBy: event.actor.organisationId ?? '',
      };
      return { ...state, version, acceleratedProcedure: { ...state.acceleratedProcedure, feePaid } };
    }
  }
  if (!hasStep(event)) return { ...state, version };
  const before = state.steps[event.step];
  const after = evolveStep(before, event);
  const entry = {
    type: event.type,
    at: event.at,
    date: event.date,
    role: event.actor.role,
    status: after.status,
  };
  const step = { ...after, history: [...before.history, entry] };
  return { ...state, version, steps: { ...state.steps, [event.step]: step } };
}

/** The journey as the fold of its events (from the initial state). */
export function replay(events: Iterable<JourneyEvent>, from: JourneyState = INITIAL_STATE): JourneyState {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}

/** The steps in plan order. */
export function stepsOf(journey: Journey): Step[] {
  return STEP_KINDS.map((kind) => journey.steps[kind]);
}

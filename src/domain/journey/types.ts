/**
 * Types of the journey core: value sets, facts, steps (a discriminated union over the status) and the journey
 * projection. Everything here is data; commands, events and refusals are in commands-events.ts, the behaviour
 * lives in plan.ts, decide.ts, evolve.ts and deadlines.ts.
 */
import type { IsoDate } from '../calendar.ts';
import type { Location, Message, PathwayId, QualificationKind, Variant } from '../law/index.ts';

import type { JourneyEvent } from './commands-events.ts';

export type { Message, MessageValues } from '../law/index.ts';

// ---- Value sets -----------------------------------------------------------------------------------------------

/** The steps of every journey, in the order of the plan. A journey holds each kind exactly once. */
export const STEP_KINDS = [
  'orientation',
  'job-offer',
  'recognition',
  'zab-statement',
  'accelerated-procedure',
  'ba-approval',
  'visa-appointment',
  'visa-decision',
  'entry-registration',
  'residence-permit',
  'integration',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_STATUSES = [
  'not-required',
  'not-started',
  'submitted',
  'in-review',
  'waiting-for-applicant',
  'decided',
  'withdrawn',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Statuses after which a step never changes again. */
export const FINAL_STATUSES = ['decided', 'withdrawn'] as const satisfies readonly StepStatus[];

export const DECISION_OUTCOMES = ['positive', 'partial', 'negative'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const ROLES = [
  'applicant',
  'employer',
  'counsellor',
  'recognition-officer',
  'foreigners-office-caseworker',
  'mission-officer',
  'employment-agency-officer',
] as const;
export type Role = (typeof ROLES)[number];

/** How a profession is regulated in Germany: not at all, by federal law, or by the law of a state. */
export const REGULATIONS = ['not-regulated', 'federal', 'state'] as const;
export type Regulation = (typeof REGULATIONS)[number];

export const DEADLINE_STATUSES = ['on-time', 'near-breach', 'breached'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

// ---- Identifiers (opaque, supplied by the caller) -------------------------------------------------------------

export type JourneyId = string;
export type PersonId = string;
/** An organisation of the registry (authority, mission, counselling centre, employer); resolved outside. */
export type OrganisationRef = string;
export type DocumentId = string;

// ---- Time -----------------------------------------------------------------------------------------------------

/**
 * The moment a command is decided, supplied by the caller: the instant (ISO 8601, for the audit trail) and the
 * calendar day in Germany it falls on (for deadlines). Use `momentOf(instant)` to derive one from the other.
 */
export type Now = { readonly at: string; readonly date: IsoDate };

// ---- Facts and plan -------------------------------------------------------------------------------------------

export type JourneyFacts = {
  /** The goal: a pathway of the engine (`PATHWAY_IDS`). For a linked family journey, the principal's pathway. */
  readonly pathway: PathwayId;
  /** Blue Card variant (§ 18g) when known; decides whether the employment agency must approve. */
  readonly variant?: Variant;
  /** `baApproval` of the engine's result for this pathway; overrides the table of legal-rules.md § 12. */
  readonly baApproval?: boolean | null;
  readonly qualification: { readonly kind: QualificationKind; readonly regulation: Regulation };
  /** The employer uses (or will use) the accelerated skilled-worker procedure (§ 81a AufenthG). */
  readonly employerUses81a: boolean;
  readonly location: Location;
  /** Set on a family member's journey: the journey of the skilled worker it follows. */
  readonly linkedTo?: JourneyId | null;
};

export type PlannedStep = {
  readonly kind: StepKind;
  readonly required: boolean;
  /** Why the step is there, or why it is not required (`journey.plan.<kind>.<reason>`). */
  readonly reason: Message;
};

// ---- Deadlines ------------------------------------------------------------------------------------------------

export const DEADLINE_RULES = [
  'recognition-receipt',
  'recognition-decision',
  'ba-approval-deemed',
  'visa-appointment',
  'visa-decision',
] as const;
export type DeadlineRule = (typeof DEADLINE_RULES)[number];

export type DeadlineUnit = 'months' | 'weeks' | 'days';

/** Why a deadline stopped running. */
export type DeadlineClosure = 'progressed' | 'decided' | 'withdrawn' | 'superseded';

export type Deadline = {
  readonly rule: DeadlineRule;
  /** The law parameter the period comes from, its value and unit on `startedOn`. */
  readonly parameterId: string;
  readonly value: number;
  readonly unit: DeadlineUnit;
  readonly startedOn: IsoDate;
  /** `startedOn` plus the period, before pauses. */
  readonly baseDueAt: IsoDate;
  /** Days the clock stood still while the authority waited for the applicant (finished pauses only). */
  readonly pausedDays: number;
  /** `baseDueAt` plus `pausedDays`. */
  readonly dueAt: IsoDate;
  readonly closedOn: IsoDate | null;
  readonly closedBy: DeadlineClosure | null;
};

// ---- Steps ----------------------------------------------------------------------------------------------------

export type StepHistoryEntry = {
  readonly type: JourneyEvent['type'];
  readonly at: string;
  readonly date: IsoDate;
  readonly role: Role;
  readonly status: StepStatus;
};

export type StepCommon = {
  readonly kind: StepKind;
  /** The plan's current verdict; for a step already under way it is informative only. */
  readonly plan: { readonly required: boolean; readonly reason: Message };
  readonly owner: OrganisationRef | null;
  readonly documents: readonly DocumentId[];
  /** The running deadline, or the last one that ran; earlier ones are in `pastDeadlines`. */
  readonly deadline: Deadline | null;
  readonly pastDeadlines: readonly Deadline[];
  /** Due date of the running deadline (moved by finished pauses), or null when no clock runs. */
  readonly dueAt: IsoDate | null;
  readonly history: readonly StepHistoryEntry[];
};

type Filed = {
  readonly submittedOn: IsoDate;
  readonly reviewStartedOn: IsoDate | null;
  /** Day the authority declared the file complete (starts the decision clock where the law says so). */
  readonly documentsCompleteOn: IsoDate | null;
};

export type Step = StepCommon &
  (
    | { readonly status: 'not-required'; readonly pausedSince: null }
    | { readonly status: 'not-started'; readonly pausedSince: null }
    | ({ readonly status: 'submitted'; readonly pausedSince: null } & Filed)
    | ({ readonly status: 'in-review'; readonly pausedSince: null } & Filed)
    | ({
        readonly status: 'waiting-for-applicant';
        /** The clock stands still from this day until the applicant supplies the documents. */
        readonly pausedSince: IsoDate;
        readonly missing: readonly string[];
      } & Filed)
    | {
        readonly status: 'decided';
        readonly pausedSince: null;
        readonly outcome: DecisionOutcome;
        readonly decidedOn: IsoDate;
        /** Approval deemed given by law (Zustimmungsfiktion), not decided by the agency. */
        readonly deemed: boolean;
        readonly submittedOn: IsoDate | null;
      }
    | {
        readonly status: 'withdrawn';
        readonly pausedSince: null;
        readonly withdrawnOn: IsoDate;
        readonly submittedOn: IsoDate | null;
      }
  );

// ---- Journey --------------------------------------------------------------------------------------------------

/** The § 81a procedure once the employer started it; `feePaid` once the foreigners' office recorded the fee. */
export type AcceleratedProcedure = {
  readonly startedOn: IsoDate;
  readonly employerId: OrganisationRef;
  readonly feePaid?: FeePayment;
};

/** The fee of § 81a as the foreigners' office recorded it: the day, the amount in force, the reference. */
export type FeePayment = {
  readonly paidOn: IsoDate;
  readonly amount: number | null;
  readonly reference: string;
  /** The organisation that recorded it. */
  readonly recordedBy: OrganisationRef;
};

export type Journey = {
  readonly id: JourneyId;
  readonly applicantId: PersonId;
  readonly linkedTo: JourneyId | null;
  readonly facts: JourneyFacts;
  readonly employerId: OrganisationRef | null;
  readonly acceleratedProcedure: AcceleratedProcedure | null;
  readonly steps: { readonly [K in StepKind]: Step };
  readonly openedAt: string;
  /** Number of events folded so far (the expected version for optimistic concurrency). */
  readonly version: number;
};

export type JourneyState = { readonly status: 'initial' } | ({ readonly status: 'open' } & Journey);

/**
 * Commands, events and decisions of the journey core: who issues a command (`Actor`), what it asks for, the
 * events a decision records and the refusals. Everything here is data; the behaviour lives in decide.ts and
 * evolve.ts.
 */
import type { IsoDate } from '../calendar.ts';
import type {
  Deadline,
  DecisionOutcome,
  DocumentId,
  JourneyFacts,
  JourneyId,
  Message,
  OrganisationRef,
  PersonId,
  Role,
  StepKind,
} from './types.ts';

/**
 * Who issues a command. `organisationId` is the organisation the person acts for (authority, mission,
 * counselling centre, employer); required for every role except the applicant.
 */
export type Actor = {
  readonly role: Role;
  readonly id: PersonId;
  readonly organisationId?: OrganisationRef;
};

type StepCommand<T extends string, P = unknown> = {
  readonly type: T;
  readonly actor: Actor;
  readonly step: StepKind;
} & P;

export type Command =
  | {
      readonly type: 'open-journey';
      readonly actor: Actor;
      readonly journeyId: JourneyId;
      readonly facts: JourneyFacts;
      /** Owner organisations resolved from the registry by the caller. */
      readonly owners?: Partial<Record<StepKind, OrganisationRef>>;
      /**
       * The person the journey belongs to; the actor when absent. Someone else only for a family member's linked
       * journey (`facts.linkedTo`), which the principal opens for them.
       */
      readonly applicantId?: PersonId;
    }
  | { readonly type: 'change-facts'; readonly actor: Actor; readonly facts: JourneyFacts }
  | { readonly type: 'invite-employer'; readonly actor: Actor; readonly employerId: OrganisationRef }
  | { readonly type: 'start-accelerated-procedure'; readonly actor: Actor; readonly powerOfAttorney: boolean }
  /**
   * The foreigners' office owning the § 81a step records that the fee was paid (amount from the law parameters
   * in force on the day, the payment's reference as the office knows it).
   */
  | { readonly type: 'record-fee-payment'; readonly actor: Actor; readonly reference: string }
  | StepCommand<'assign-owner', { readonly owner: OrganisationRef }>
  | StepCommand<'submit', { readonly documents?: readonly DocumentId[] }>
  | StepCommand<'start-review'>
  | StepCommand<'request-documents', { readonly missing: readonly string[] }>
  | StepCommand<'submit-documents', { readonly documents: readonly DocumentId[] }>
  | StepCommand<'documents-complete'>
  | StepCommand<'attach-documents', { readonly documents: readonly DocumentId[] }>
  | StepCommand<'decide', { readonly outcome: DecisionOutcome; readonly reason?: string }>
  | StepCommand<'record-deemed-approval'>
  | StepCommand<'withdraw'>;

export type CommandType = Command['type'];

export const COMMAND_TYPES = [
  'open-journey',
  'change-facts',
  'invite-employer',
  'start-accelerated-procedure',
  'record-fee-payment',
  'assign-owner',
  'submit',
  'start-review',
  'request-documents',
  'submit-documents',
  'documents-complete',
  'attach-documents',
  'decide',
  'record-deemed-approval',
  'withdraw',
] as const satisfies readonly CommandType[];

// ---- Events ---------------------------------------------------------------------------------------------------

type EventBase = { readonly at: string; readonly date: IsoDate; readonly actor: Actor };

export type JourneyEvent = EventBase &
  (
    | {
        readonly type: 'journey-opened';
        readonly journeyId: JourneyId;
        readonly applicantId: PersonId;
        readonly facts: JourneyFacts;
      }
    | { readonly type: 'facts-changed'; readonly facts: JourneyFacts }
    | {
        readonly type: 'step-planned';
        readonly step: StepKind;
        readonly required: boolean;
        readonly reason: Message;
      }
    | { readonly type: 'employer-invited'; readonly employerId: OrganisationRef }
    | { readonly type: 'accelerated-procedure-started'; readonly employerId: OrganisationRef }
    | {
        readonly type: 'fee-paid';
        /** The fee of § 81a in force on the day (euros); null when no amount is published for the day. */
        readonly amount: number | null;
        readonly reference: string;
      }
    | { readonly type: 'owner-assigned'; readonly step: StepKind; readonly owner: OrganisationRef }
    | { readonly type: 'step-submitted'; readonly step: StepKind; readonly documents: readonly DocumentId[] }
    | { readonly type: 'review-started'; readonly step: StepKind }
    | { readonly type: 'documents-requested'; readonly step: StepKind; readonly missing: readonly string[] }
    | {
        readonly type: 'documents-submitted';
        readonly step: StepKind;
        readonly documents: readonly DocumentId[];
      }
    | { readonly type: 'documents-completed'; readonly step: StepKind }
    | {
        readonly type: 'documents-attached';
        readonly step: StepKind;
        readonly documents: readonly DocumentId[];
      }
    | {
        readonly type: 'step-decided';
        readonly step: StepKind;
        readonly outcome: DecisionOutcome;
        readonly deemed: boolean;
        readonly reason: string | null;
      }
    | { readonly type: 'step-withdrawn'; readonly step: StepKind }
    | { readonly type: 'deadline-started'; readonly step: StepKind; readonly deadline: Deadline }
  );

export type EventType = JourneyEvent['type'];

// ---- Decisions ------------------------------------------------------------------------------------------------

export const REFUSAL_CODES = [
  'journey-exists',
  'journey-not-found',
  'role-not-allowed',
  'not-the-applicant',
  'not-the-employer',
  'not-the-owner',
  'step-not-required',
  'step-final',
  'not-submitted',
  'already-submitted',
  'not-in-review',
  'invalid-transition',
  'not-waiting',
  'already-complete',
  'outcome-not-allowed',
  'documents-missing',
  'deadline-not-reached',
  'procedure-not-available',
  'procedure-already-started',
  'procedure-not-started',
  'fee-already-paid',
  'power-of-attorney-missing',
  'invalid-facts',
  'invalid-command',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type Refusal = {
  readonly code: RefusalCode;
  readonly field?: string;
  /** `journey.refusal.<code>` */
  readonly messageKey: string;
};

export type Decision = { readonly events: readonly JourneyEvent[] } | { readonly refusal: Refusal };

/**
 * Who may do what: for every step kind, the roles that file it (submitters) and the role of the organisation
 * that owns and decides it. `decide` refuses a command whose actor's role is not listed here
 * (`role-not-allowed`); which person or organisation it is (`not-the-applicant`, `not-the-employer`,
 * `not-the-owner`) is checked against the journey. Consent and jurisdiction stay with the access policy.
 */

import type { CommandType } from './commands-events.ts';
import type { DecisionOutcome, Role, StepKind } from './types.ts';

export type StepRoles = {
  /** Roles that submit the step, supply requested documents and attach documents. */
  readonly submitters: readonly Role[];
  /** Role of the owner organisation: starts the review, requests documents, declares them complete, decides. */
  readonly owner: Role;
  /** Outcomes the owner may decide. */
  readonly outcomes: readonly DecisionOutcome[];
};

const BINARY: readonly DecisionOutcome[] = ['positive', 'negative'];

export const STEP_ROLES: { readonly [K in StepKind]: StepRoles } = {
  orientation: { submitters: ['applicant'], owner: 'counsellor', outcomes: BINARY },
  'job-offer': { submitters: ['applicant'], owner: 'employer', outcomes: BINARY },
  // Partial equivalence (deficit notice) opens the way to an adaptation measure (§ 16d AufenthG).
  recognition: {
    submitters: ['applicant', 'employer'],
    owner: 'recognition-officer',
    outcomes: ['positive', 'partial', 'negative'],
  },
  'zab-statement': { submitters: ['applicant'], owner: 'recognition-officer', outcomes: BINARY },
  // A positive decision is the pre-approval (Vorabzustimmung, § 31 Abs. 3 AufenthV).
  'accelerated-procedure': {
    submitters: ['employer'],
    owner: 'foreigners-office-caseworker',
    outcomes: BINARY,
  },
  'ba-approval': { submitters: ['employer'], owner: 'employment-agency-officer', outcomes: BINARY },
  // A positive decision is the appointment offered.
  'visa-appointment': { submitters: ['applicant'], owner: 'mission-officer', outcomes: BINARY },
  'visa-decision': { submitters: ['applicant'], owner: 'mission-officer', outcomes: BINARY },
  'entry-registration': {
    submitters: ['applicant'],
    owner: 'foreigners-office-caseworker',
    outcomes: BINARY,
  },
  'residence-permit': { submitters: ['applicant'], owner: 'foreigners-office-caseworker', outcomes: BINARY },
  integration: { submitters: ['applicant'], owner: 'counsellor', outcomes: BINARY },
};

/** Roles that may record the statutory fiction of the employment agency's approval once its period ran out. */
export const DEEMED_APPROVAL_ROLES: readonly Role[] = [
  'applicant',
  'employer',
  'foreigners-office-caseworker',
  'mission-officer',
];

type StepCommandType = Exclude<
  CommandType,
  'open-journey' | 'change-facts' | 'invite-employer' | 'start-accelerated-procedure' | 'record-fee-payment'
>;

/** Roles allowed to issue a journey-level command. */
export const JOURNEY_COMMAND_ROLES: {
  readonly [T in Exclude<CommandType, StepCommandType>]: readonly Role[];
} = {
  'open-journey': ['applicant'],
  'change-facts': ['applicant', 'counsellor'],
  'invite-employer': ['applicant'],
  'start-accelerated-procedure': ['employer'],
  'record-fee-payment': ['foreigners-office-caseworker'],
};

/** Roles allowed to issue a step command for a step of `kind`. */
export function rolesFor(type: StepCommandType, kind: StepKind): readonly Role[] {
  const r = STEP_ROLES[kind];
  switch (type) {
    case 'submit':
    case 'submit-documents':
    case 'attach-documents':
      return r.submitters;
    case 'withdraw':
      return r.submitters.includes('applicant') ? r.submitters : ['applicant', ...r.submitters];
    case 'start-review':
    case 'request-documents':
    case 'documents-complete':
    case 'decide':
      return [r.owner];
    case 'assign-owner':
      return ['applicant', 'counsellor'];
    case 'record-deemed-approval':
      return kind === 'ba-approval' ? DEEMED_APPROVAL_ROLES : [];
  }
}

export function isStepCommandType(type: CommandType): type is StepCommandType {
  return !(type in JOURNEY_COMMAND_ROLES);
}

/** Roles that act for an organisation which must own the step (the owner role acts only on its own steps). */
export function actsAsOwner(type: StepCommandType): boolean {
  return (
    type === 'start-review' ||
    type === 'request-documents' ||
    type === 'documents-complete' ||
    type === 'decide'
  );
}

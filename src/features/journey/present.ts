/**
 * The journey as a party sees it: steps with status, outcome, owner, deadline and its status; the applicant's
 * tasks; the employer's own tasks (with the § 81a fee from the law parameters). Employers see no document ids
 * (the applicant's private documents) — documents come through the documents service once it exists.
 */
import { minDate } from '../../domain/calendar.ts';
import {
  applicantTasks,
  type DeadlineSettings,
  deadlineStatus,
  effectiveDueAt,
  type Journey,
  type JourneyParameters,
  type Message,
  STEP_ROLES,
  type StepKind,
  stepsOf,
  type Task,
} from '../../domain/journey/index.ts';
import type { JourneyRow } from './service.ts';

/** Who looks at a journey; `family` is the principal following a family member's linked journey. */
export type Viewer = 'applicant' | 'family' | 'employer' | 'counsellor' | 'authority';

export interface OrganisationRef {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

export interface EmployerTask {
  readonly key: string;
  readonly step: StepKind;
  readonly done: boolean;
  readonly message: Message;
}

/**
 * The employer's own tasks: the employment declaration, the § 81a agreement and its fee (amount from the
 * parameters). The fee is done only when the foreigners' office recorded the payment, not with the agreement.
 */
export function employerTasks(j: Journey, today: string, params: JourneyParameters): EmployerTask[] {
  const fee = params.parameter('fee.81a', today);
  const p81a = j.steps['accelerated-procedure'];
  const ba = j.steps['ba-approval'];
  const tasks: EmployerTask[] = [];
  tasks.push({
    key: 'employment-declaration',
    step: 'ba-approval',
    done: ba.status !== 'not-started' && ba.status !== 'not-required',
    message: { key: 'journeys.employer.employment-declaration', values: {} },
  });
  if (p81a.plan.required || j.acceleratedProcedure === null) {
    tasks.push({
      key: 'agreement-81a',
      step: 'accelerated-procedure',
      done: j.acceleratedProcedure !== null,
      message: { key: 'journeys.employer.agreement-81a', values: {} },
    });
    const paid = j.acceleratedProcedure?.feePaid;
    tasks.push({
      key: 'fee-81a',
      step: 'accelerated-procedure',
      done: paid !== undefined,
      message: paid
        ? {
            key: 'journeys.employer.fee-81a-paid',
            values: { fee: paid.amount ?? fee?.value ?? 0, paidOn: paid.paidOn },
          }
        : { key: 'journeys.employer.fee-81a', values: { fee: fee?.value ?? 0 } },
    });
  }
  return tasks;
}

/** The § 81a fee once the procedure started: the amount (recorded, or in force today) and the payment if recorded. */
function feeOf(j: Journey, today: string, params: JourneyParameters) {
  const p = j.acceleratedProcedure;
  if (p === null) return null;
  const paid = p.feePaid ?? null;
  return { amount: paid?.amount ?? params.parameter('fee.81a', today)?.value ?? null, paid };
}

/** Employers and the principal following a family member's journey see no document ids (neither which nor how many). */
function seesDocumentIds(viewer: Viewer): boolean {
  return viewer !== 'employer' && viewer !== 'family';
}

/** An event of the stream as the viewer sees it: without the document ids where the steps show none. */
export function eventPayload(payload: unknown, viewer: Viewer): unknown {
  if (seesDocumentIds(viewer) || payload === null || typeof payload !== 'object' || !('documents' in payload))
    return payload;
  const { documents: _, ...rest } = payload as Record<string, unknown>;
  return rest;
}

export function journeyJson(
  row: JourneyRow,
  organisations: ReadonlyMap<string, OrganisationRef>,
  viewer: Viewer,
  today: string,
  settings: DeadlineSettings,
  params: JourneyParameters,
) {
  const j = row.state;
  const org = (id: string | null) => {
    if (id === null) return null;
    const o = organisations.get(id);
    return { id, name: o?.name ?? null, kind: o?.kind ?? null };
  };
  return {
    id: j.id,
    applicantId: j.applicantId,
    linkedTo: j.linkedTo,
    status: row.status,
    version: j.version,
    pathway: j.facts.pathway,
    occupation: row.occupation,
    place: {
      stateCode: row.targetStateCode,
      districtAgs: row.targetDistrictAgs,
      countryCode: row.countryCode,
    },
    facts: j.facts,
    employer: org(j.employerId),
    acceleratedProcedure: j.acceleratedProcedure,
    fee81a: feeOf(j, today, params),
    openedAt: j.openedAt,
    steps: stepsOf(j).map((s) => ({
      kind: s.kind,
      required: s.plan.required,
      reason: s.plan.reason,
      status: s.status,
      outcome: s.status === 'decided' ? s.outcome : null,
      deemed: s.status === 'decided' ? s.deemed : false,
      owner: org(s.owner),
      ownerRole: STEP_ROLES[s.kind].owner,
      dueAt: s.dueAt,
      effectiveDueAt: effectiveDueAt(s, today),
      pausedSince: s.pausedSince,
      deadline: s.deadline,
      deadlineStatus: deadlineStatus(s, today, settings),
      missing: s.status === 'waiting-for-applicant' ? s.missing : [],
      ...(seesDocumentIds(viewer) ? { documents: s.documents } : {}),
    })),
    ...(viewer === 'applicant' || viewer === 'counsellor' || viewer === 'family'
      ? { tasks: applicantTasks(j, today) as Task[] }
      : {}),
    ...(viewer === 'employer' ? { employerTasks: employerTasks(j, today, params) } : {}),
  };
}

export type JourneyJson = ReturnType<typeof journeyJson>;

/** Where a journey stands in one line: the first step still under way (plan order) and the nearest due date. */
export function progressOf(j: Journey, today: string) {
  const open = stepsOf(j).filter((s) => !['not-required', 'decided', 'withdrawn'].includes(s.status));
  const current = open[0];
  const dues = open.map((s) => effectiveDueAt(s, today)).filter((d): d is string => d !== null);
  return {
    currentStep: current ? { kind: current.kind, status: current.status } : null,
    nextDueAt: dues.length === 0 ? null : dues.reduce(minDate),
  };
}

/**
 * The journey as a task list (GOV.UK / KERN pattern) for one viewer: every required step with its state — done,
 * under way, next, later, or cannot start yet (waiting for earlier steps or for the employer's invitation) — and
 * exactly one next action for the viewer, on the step whose move is theirs: the applicant's, the employer's, or
 * that of the organisation owning the step. Everyone else sees the list without actions.
 *
 * Which step waits for which (`prerequisitesOf`): the visa appointment for the approvals in Germany (recognition
 * or the ZAB statement, the employment agency, and the § 81a pre-approval — or, without § 81a, the job offer;
 * the pre-approval covers the employment), the visa decision for the appointment, the entry for the visa, the
 * residence permit for the entry and the approvals, the integration offer for the residence permit. A step a
 * party files (the § 81a procedure, the employment declaration) waits for an invited employer. The core does
 * not refuse steps out of this order (the API may submit any step); the list only guides.
 */
import { ACCELERATED_PROCEDURE_PATHWAYS } from '../law/outlook/procedure-81a.ts';
import { STEP_ROLES } from './roles.ts';
import { type Journey, STEP_KINDS, type Step, type StepKind } from './types.ts';

/** Who looks at the list. `organisation`: an authority or counselling centre, acting on the steps it owns. */
export type TaskListViewer = {
  readonly party: 'applicant' | 'employer' | 'organisation' | 'observer';
  /** The organisations the viewer acts for: an employer or authority acts on the steps they own. */
  readonly organisationIds: readonly string[];
};

export type TaskState = 'done' | 'under-way' | 'next' | 'later' | 'cannot-start';

/** Whose move it is on a step: the applicant's, the employer's (as filer), or the owning organisation's. */
export type Mover = 'applicant' | 'employer' | 'owner';

/** What a step waits for before it can start: an earlier step, or an invited employer. */
export type Blocker = StepKind | 'employer';

export type NextAction =
  | 'invite-employer'
  | 'submit'
  | 'submit-documents'
  | 'start-accelerated-procedure'
  | 'employment-declaration'
  | 'work-on-step';

export type TaskListItem = {
  readonly step: StepKind;
  readonly state: TaskState;
  /** Whose move it is; null when the step is done. */
  readonly mover: Mover | null;
  /** For `cannot-start`: what the step waits for, in plan order. */
  readonly waitingFor: readonly Blocker[];
};

export type TaskList = {
  /** The required steps (and those under way or done though no longer required), in plan order. */
  readonly items: readonly TaskListItem[];
  /** Steps this journey does not need. */
  readonly notNeeded: readonly StepKind[];
  /** The viewer's one next action, or null when nothing is theirs to do. */
  readonly next: { readonly step: StepKind; readonly action: NextAction } | null;
  /**
   * A choice beside the next action: the employer may start the accelerated procedure (§ 81a) it has not chosen
   * yet, where the pathway and the person's whereabouts allow it.
   */
  readonly option: 'start-accelerated-procedure' | null;
  /** The first step whose move is someone's (not necessarily the viewer's), for "what happens next". */
  readonly upcoming: { readonly step: StepKind; readonly mover: Mover } | null;
};

/** The steps the employer files (with the applicant's power of attorney for § 81a). */
const EMPLOYER_FILED: readonly StepKind[] = ['accelerated-procedure', 'ba-approval'];

/** The approvals in Germany the visa and the residence permit wait for. */
function approvals(j: Journey): StepKind[] {
  const with81a = j.steps['accelerated-procedure'].status !== 'not-required';
  return ['recognition', 'zab-statement', 'ba-approval', with81a ? 'accelerated-procedure' : 'job-offer'];
}

export function prerequisitesOf(j: Journey, kind: StepKind): StepKind[] {
  switch (kind) {
    case 'visa-appointment':
      return approvals(j);
    case 'visa-decision':
      return ['visa-appointment'];
    case 'entry-registration':
      return ['visa-decision'];
    case 'residence-permit':
      return ['entry-registration', ...approvals(j)];
    case 'integration':
      return ['residence-permit'];
    default:
      return [];
  }
}

/** A step no longer in the way: not needed, withdrawn, or decided positively (partly, for recognition). */
function cleared(s: Step): boolean {
  if (s.status === 'not-required' || s.status === 'withdrawn') return true;
  return s.status === 'decided' && (s.outcome === 'positive' || s.outcome === 'partial');
}

function moverOf(s: Step): Mover | null {
  switch (s.status) {
    case 'not-started':
      return EMPLOYER_FILED.includes(s.kind) ? 'employer' : 'applicant';
    case 'waiting-for-applicant':
      return STEP_ROLES[s.kind].submitters.includes('applicant') ? 'applicant' : 'employer';
    case 'submitted':
    case 'in-review':
      return 'owner';
    default:
      return null;
  }
}

function blockersOf(j: Journey, s: Step, mover: Mover | null): Blocker[] {
  if (s.status !== 'not-started') return [];
  const steps = STEP_KINDS.filter((k) => prerequisitesOf(j, s.kind).includes(k) && !cleared(j.steps[k]));
  return mover === 'employer' && j.employerId === null ? ['employer', ...steps] : steps;
}

/** The action the viewer takes on a step whose move is theirs. */
function actionOf(j: Journey, s: Step, mover: Mover): NextAction {
  if (mover === 'owner') return 'work-on-step';
  if (s.status === 'waiting-for-applicant') return 'submit-documents';
  if (s.kind === 'accelerated-procedure') return 'start-accelerated-procedure';
  if (s.kind === 'ba-approval') return 'employment-declaration';
  if (s.kind === 'job-offer' && j.employerId === null) return 'invite-employer';
  return 'submit';
}

function isViewers(viewer: TaskListViewer, s: Step, mover: Mover): boolean {
  if (viewer.party === 'observer') return false;
  if (mover === 'owner') return s.owner !== null && viewer.organisationIds.includes(s.owner);
  return mover === viewer.party;
}

/**
 * The task list for `viewer`. The one next action: a request for documents first (the authority's clock stands
 * still), then the first step in plan order whose move is the viewer's and that can start.
 */
export function taskList(j: Journey, viewer: TaskListViewer): TaskList {
  const ordered = STEP_KINDS.map((k) => j.steps[k]);
  const listed = ordered.filter((s) => s.status !== 'not-required');
  const rows = listed.map((s) => {
    const mover = moverOf(s);
    return { s, mover, waitingFor: blockersOf(j, s, mover) };
  });
  const open = rows.filter(
    (r): r is typeof r & { mover: Mover } => r.mover !== null && r.waitingFor.length === 0,
  );
  const mine = open.filter((r) => isViewers(viewer, r.s, r.mover));
  const chosen = mine.find((r) => r.s.status === 'waiting-for-applicant') ?? mine[0];
  const items = rows.map(({ s, mover, waitingFor }): TaskListItem => {
    const state: TaskState =
      mover === null
        ? 'done'
        : waitingFor.length > 0
          ? 'cannot-start'
          : s === chosen?.s
            ? 'next'
            : s.status === 'not-started'
              ? 'later'
              : 'under-way';
    return { step: s.kind, state, mover, waitingFor };
  });
  const first = open[0];
  return {
    items,
    notNeeded: ordered.filter((s) => s.status === 'not-required').map((s) => s.kind),
    next: chosen ? { step: chosen.s.kind, action: actionOf(j, chosen.s, chosen.mover) } : null,
    option:
      viewer.party === 'employer' && chosen?.s.kind !== 'accelerated-procedure' && mayStart81a(j)
        ? 'start-accelerated-procedure'
        : null,
    upcoming: first ? { step: first.s.kind, mover: first.mover } : null,
  };
}

/** The employer has not started § 81a and could (abroad, a pathway of the procedure, the step not under way). */
function mayStart81a(j: Journey): boolean {
  const step = j.steps['accelerated-procedure'];
  return (
    j.acceleratedProcedure === null &&
    j.employerId !== null &&
    (step.status === 'not-required' || step.status === 'not-started') &&
    j.facts.location === 'abroad' &&
    ACCELERATED_PROCEDURE_PATHWAYS.includes(j.facts.pathway)
  );
}

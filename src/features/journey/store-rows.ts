/**
 * The rows the journey store writes, derived from the core's state and events: the journey row's columns, event
 * rows, step rows (the projection), and `planChange`, which turns one decided change into the records of the one
 * write statement (`store-write.ts`).
 */
import {
  evolve,
  type Journey,
  type JourneyEvent,
  replay,
  STEP_KINDS,
  type Step,
  stepsOf,
} from '../../domain/journey/index.ts';
import { type AuditEvent, auditRecord } from '../../platform/audit/audit.ts';
import type { JourneyPlace } from './access.ts';
import type { CommandResult } from './command-types.ts';
import type { journey, journeyEvent } from './schema.ts';

export type JourneyRow = typeof journey.$inferSelect;
export type JourneyEventRow = typeof journeyEvent.$inferSelect;

/** One journey's change for the write: the state it was decided on (null: a new journey) and what to store. */
export interface Change {
  readonly before: Journey | null;
  readonly events: readonly JourneyEvent[];
  readonly key: string | null;
  /** The columns of a new journey that are not in its state. */
  readonly columns?: { occupation: string | null; place: JourneyPlace };
  readonly audited?: AuditEvent;
  readonly answer?: { actorId: string; hash: string; status: number };
}
export type Written =
  | { readonly conflict: true }
  | { readonly conflict: false; readonly after: Journey; readonly result: CommandResult };

/** A journey is completed when no required step is still under way. */
export function journeyStatus(j: Journey): 'open' | 'completed' {
  return stepsOf(j).every((s) => ['not-required', 'decided', 'withdrawn'].includes(s.status))
    ? 'completed'
    : 'open';
}

/** The projection row of a step. */
export function stepRow(journeyId: string, step: Step, at: Date) {
  return {
    journeyId,
    kind: step.kind,
    position: STEP_KINDS.indexOf(step.kind),
    required: step.plan.required ? ('yes' as const) : ('no' as const),
    status: step.status,
    outcome: step.status === 'decided' ? step.outcome : null,
    ownerId: step.owner,
    dueAt: step.dueAt,
    pausedSince: step.pausedSince,
    deadlineRule: step.deadline?.rule ?? null,
    deadlineDueAt: step.deadline?.dueAt ?? null,
    deadlineClosedOn: step.deadline?.closedOn ?? null,
    updatedAt: at,
  };
}

/** A step row with the column names of the table (for `jsonb_to_recordset` and COPY). */
export function stepRecord(r: ReturnType<typeof stepRow>) {
  return {
    kind: r.kind,
    position: r.position,
    required: r.required,
    status: r.status,
    outcome: r.outcome,
    owner_id: r.ownerId,
    due_at: r.dueAt,
    paused_since: r.pausedSince,
    deadline_rule: r.deadlineRule,
    deadline_due_at: r.deadlineDueAt,
    deadline_closed_on: r.deadlineClosedOn,
  };
}

function sameStepRow(a: ReturnType<typeof stepRow>, b: ReturnType<typeof stepRow>): boolean {
  return (
    a.required === b.required &&
    a.status === b.status &&
    a.outcome === b.outcome &&
    a.ownerId === b.ownerId &&
    a.dueAt === b.dueAt &&
    a.pausedSince === b.pausedSince &&
    a.deadlineRule === b.deadlineRule &&
    a.deadlineDueAt === b.deadlineDueAt &&
    a.deadlineClosedOn === b.deadlineClosedOn
  );
}

/** The event row for the stream: the core's event as payload, the actor in columns. */
export function eventRow(journeyId: string, version: number, e: JourneyEvent, key: string | null) {
  return {
    journeyId,
    version,
    type: e.type,
    actorId: e.actor.id,
    actorRole: e.actor.role,
    actorOrganisationId: e.actor.organisationId ?? null,
    at: new Date(e.at),
    payload: e,
    idempotencyKey: key,
  };
}

/** The columns of the journey row derived from the state. */
export function journeyColumns(j: Journey, at: Date) {
  return {
    employerId: j.employerId,
    linkedTo: j.facts.linkedTo ?? null,
    pathway: j.facts.pathway,
    status: journeyStatus(j),
    version: j.version,
    state: j,
    updatedAt: at,
  };
}

type Records = Array<Record<string, unknown>>;
/** The records of one write statement, one array per table (`jsonb_to_recordset`). */
export interface WriteRecords {
  readonly heads: Records;
  readonly events: Records;
  readonly steps: Records;
  readonly notices: Records;
  readonly audit: Records;
  readonly answers: Records;
}

export function emptyRecords(): WriteRecords {
  return { heads: [], events: [], steps: [], notices: [], audit: [], answers: [] };
}

/**
 * Adds one change (the `ord`-th of its statement) to `out`: its journey row, its events, its changed step rows, the
 * applicant's notices of changed steps, its audit entry and its stored answer; returns the state after it and the
 * answer.
 */
export function planChange(change: Change, ord: number, at: Date, out: WriteRecords) {
  const { before, events, key, audited, answer } = change;
  let state = before === null ? replay([]) : ({ status: 'open', ...before } as const);
  for (const e of events) state = evolve(state, e);
  if (state.status !== 'open') throw new Error('journey did not open');
  const { status: _s, ...after } = state;
  const journeyId = after.id;
  const from = before?.version ?? 0;
  const c = journeyColumns(after, at);
  out.heads.push({
    id: journeyId,
    expected: from,
    employer_id: c.employerId,
    linked_to: c.linkedTo,
    pathway: c.pathway,
    status: c.status,
    version: c.version,
    state: c.state,
    ...(before === null
      ? {
          applicant_id: after.applicantId,
          occupation: change.columns?.occupation ?? null,
          target_state_code: change.columns?.place.stateCode ?? null,
          target_district_ags: change.columns?.place.districtAgs ?? null,
          country_code: change.columns?.place.countryCode ?? null,
          opened_at: new Date(after.openedAt).toISOString(),
        }
      : {}),
  });
  events.forEach((e, k) => {
    const r = eventRow(journeyId, from + k + 1, e, key);
    out.events.push({
      journey_id: journeyId,
      version: r.version,
      type: r.type,
      actor_id: r.actorId,
      actor_role: r.actorRole,
      actor_organisation_id: r.actorOrganisationId,
      at: r.at.toISOString(),
      payload: r.payload,
      idempotency_key: key,
    });
  });
  for (const s of stepsOf(after)) {
    const r = stepRow(journeyId, s, at);
    if (before === null || !sameStepRow(stepRow(journeyId, before.steps[s.kind], at), r))
      out.steps.push({ journey_id: journeyId, ...stepRecord(r) });
  }
  // Status changes of a step are noticed to the applicant (in-app now; the notification job mails them).
  if (before !== null)
    for (const k of STEP_KINDS) {
      if (before.steps[k].status === after.steps[k].status) continue;
      const s = after.steps[k];
      out.notices.push({
        journey_id: journeyId,
        dedupe_key: `status:${journeyId}:${after.version}:${k}`,
        step: k,
        recipient: after.applicantId,
        values: { step: k, status: s.status, outcome: s.status === 'decided' ? s.outcome : '' },
      });
    }
  // The entries are appended in the order of their chains (`auditAppendsFrom`).
  if (audited) out.audit.push({ journey_id: journeyId, ord, ...auditRecord(audited, at) });
  const result: CommandResult = {
    status: answer?.status ?? 200,
    body: { journeyId, version: after.version, events: events.map((e) => e.type) },
  };
  if (answer && key !== null)
    out.answers.push({
      journey_id: journeyId,
      actor_id: answer.actorId,
      key,
      request_hash: answer.hash,
      status: answer.status,
      response: result.body,
    });
  return { after, result, audited: audited !== undefined };
}

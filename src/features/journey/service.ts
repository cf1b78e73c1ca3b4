/**
 * The journey service: loads a journey, checks the access policy, lets the pure core decide, and appends the
 * events, updates the projection (`journey`, `journey_step`), writes the audit entry and the applicant's notices
 * in ONE transaction, with optimistic concurrency on the version and idempotency keys for repeated requests.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, decideFor, type Membership } from '../../domain/access/policy.ts';
import {
  type Command,
  type DeadlineSettings,
  decide,
  evolve,
  type Journey,
  type JourneyEvent,
  type JourneyFacts,
  type JourneyParameters,
  lawParameters,
  momentOf,
  type Refusal,
  type RefusalCode,
  replay,
  STEP_KINDS,
  type Step,
  type StepKind,
  stepsOf,
} from '../../domain/journey/index.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx, Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { organisation, person } from '../identity/schema.ts';
import {
  consentedOrganisations,
  type JourneyObject,
  type JourneyPlace,
  journeyRelations,
  journeyRoleOf,
  resolveOwners,
} from './access.ts';
import { idempotencyKey, journey, journeyEvent, journeyNotice, journeyStep } from './schema.ts';

export type JourneyRow = typeof journey.$inferSelect;
export type JourneyEventRow = typeof journeyEvent.$inferSelect;

/** A refusal of the journey core, carried to the route (problem+json) or the page (message). */
export class JourneyRefusal extends Error {
  readonly refusal: Refusal;
  readonly status: 403 | 404 | 409 | 422;
  constructor(refusal: Refusal) {
    super(refusal.code);
    this.name = 'JourneyRefusal';
    this.refusal = refusal;
    this.status = refusalStatus(refusal.code);
  }
}

const INPUT_REFUSALS: readonly RefusalCode[] = [
  'invalid-facts',
  'invalid-command',
  'outcome-not-allowed',
  'power-of-attorney-missing',
  'documents-missing',
];

export function refusalStatus(code: RefusalCode): 403 | 404 | 409 | 422 {
  if (code === 'journey-not-found') return 404;
  if (code === 'role-not-allowed' || code.startsWith('not-the-')) return 403;
  if (INPUT_REFUSALS.includes(code)) return 422;
  return 409;
}

export interface OpenInput {
  readonly facts: JourneyFacts;
  readonly occupation: string | null;
  readonly place: JourneyPlace;
}

/** A command as the API takes it: the core's command without the actor. */
export type CommandInput = Command extends infer C
  ? C extends { actor: unknown }
    ? Omit<C, 'actor'>
    : never
  : never;
export type StepCommandInput = Exclude<CommandInput, { type: 'open-journey' }>;

export interface CommandResult {
  readonly status: number;
  /** True when the answer is the stored one of an earlier request with the same Idempotency-Key. */
  readonly replayed?: boolean;
  readonly body: { readonly journeyId: string; readonly version: number; readonly events: readonly string[] };
}

export interface JourneyServiceOptions {
  readonly now?: () => Date;
  readonly params?: JourneyParameters;
  readonly deadlines?: DeadlineSettings;
  /** Attempts on a concurrent writer before giving up with 409. */
  readonly retries?: number;
}

/** Access to one journey, decided for one membership of the actor. */
export interface Access {
  readonly row: JourneyRow;
  readonly membership: Membership;
}

export type JourneyService = ReturnType<typeof createJourneyService>;

export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 5 && e; i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

class VersionConflict extends Error {}

/** Outside reach or no such journey: the transaction commits (with the denial's audit entry), then 404. */
const DENIED = Symbol('denied');
function orNotFound<T>(value: T | typeof DENIED): T {
  if (value === DENIED) throw new AppError('not-found', { detail: 'No such journey.' });
  return value;
}

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

export function createJourneyService(db: Database, opts: JourneyServiceOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const params = opts.params ?? lawParameters;
  const deadlines = opts.deadlines ?? { nearBreachDays: 7 };
  const retries = opts.retries ?? 5;

  async function journeyObject(tx: DbOrTx, row: JourneyRow): Promise<JourneyObject> {
    const owners = stepsOf(row.state)
      .map((s) => s.owner)
      .filter((o): o is string => o !== null);
    return {
      applicantId: row.applicantId,
      employerId: row.employerId,
      ownerIds: [...new Set(owners)],
      consentedIds: await consentedOrganisations(tx, row.applicantId),
    };
  }

  async function audit(
    tx: DbOrTx,
    actor: Actor,
    membership: Membership | undefined,
    action: string,
    objectType: string,
    objectId: string,
    subject: string | null,
    purpose: string,
    result: 'success' | 'denied' | 'failure',
    at: Date,
  ) {
    await appendAudit(
      tx,
      {
        actorPersonId: actor.personId,
        actorRole: membership?.role ?? actor.memberships[0]?.role ?? null,
        actorOrganisationId: membership?.organisationId ?? actor.memberships[0]?.organisationId ?? null,
        action,
        objectType,
        objectId,
        subjectPersonId: subject,
        purpose,
        result,
      },
      at,
    );
  }

  /**
   * Object-level check with its audit entry. Outside reach or no such journey → 404 (the same answer), recorded
   * as denied. Runs inside the caller's transaction.
   */
  async function authorize(
    tx: Tx,
    actor: Actor,
    action: 'read' | 'update',
    journeyId: string,
    purpose: string,
    at: Date,
  ): Promise<(Access & { recordAccess: () => Promise<void> }) | typeof DENIED> {
    const [row] = /^[0-9a-f-]{36}$/i.test(journeyId)
      ? await tx.select().from(journey).where(eq(journey.id, journeyId))
      : [];
    const object = row ? await journeyObject(tx, row) : null;
    const decision = object
      ? decideFor(actor, action, 'journey', (m) => journeyRelations(actor.personId, m, object))
      : ({ allow: false, status: 404, reason: 'object' } as const);
    if (!row || !decision.allow || !decision.membership) {
      await audit(
        tx,
        actor,
        undefined,
        action,
        'journey',
        journeyId.slice(0, 64),
        null,
        purpose,
        'denied',
        at,
      );
      return DENIED;
    }
    const membership = decision.membership;
    // The success entry is written last in the transaction (`recordAccess`): the audit chain's lock is then held
    // only for the entry and the commit, not for the work of the request.
    return {
      row,
      membership,
      recordAccess: () =>
        audit(tx, actor, membership, action, 'journey', row.id, row.applicantId, purpose, 'success', at),
    };
  }

  /** Runs `work` in a transaction, retried on a concurrent writer (unique key on the version, or the idempotency key). */
  async function withRetry<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.transaction(work);
      } catch (error) {
        const retry = error instanceof VersionConflict || isUniqueViolation(error);
        if (!retry || attempt >= retries) {
          if (retry)
            throw new AppError('conflict', {
              detail: 'The journey was changed at the same time; try again.',
            });
          throw error;
        }
      }
    }
  }

  async function storedAnswer(tx: Tx, actorId: string, key: string | null, hash: string) {
    if (key === null) return null;
    const [stored] = await tx
      .select()
      .from(idempotencyKey)
      .where(and(eq(idempotencyKey.actorId, actorId), eq(idempotencyKey.key, key)));
    if (!stored) return null;
    if (stored.requestHash !== hash) {
      throw new AppError('conflict', {
        detail: 'This Idempotency-Key was used for a different request.',
        errors: [{ field: 'header.idempotency-key', rule: 'reused', message: 'was used with another body' }],
      });
    }
    return { status: stored.status, body: stored.response as CommandResult['body'], replayed: true };
  }

  async function storeAnswer(
    tx: Tx,
    actorId: string,
    key: string | null,
    hash: string,
    result: CommandResult,
  ) {
    if (key === null) return;
    await tx.insert(idempotencyKey).values({
      actorId,
      key,
      requestHash: hash,
      status: result.status,
      response: result.body,
      createdAt: now(),
    });
  }

  /** Applies the events: appends them, updates the projection, notices; throws VersionConflict on a race. */
  async function append(
    tx: Tx,
    before: Journey | null,
    events: readonly JourneyEvent[],
    key: string | null,
    at: Date,
  ): Promise<Journey> {
    let state = before === null ? replay([]) : ({ status: 'open', ...before } as const);
    for (const e of events) state = evolve(state, e);
    if (state.status !== 'open') throw new Error('journey did not open');
    const { status: _s, ...after } = state;
    const journeyId = after.id;
    const from = before?.version ?? 0;
    if (before === null) {
      await tx.insert(journey).values({
        id: journeyId,
        applicantId: after.applicantId,
        occupation: null,
        targetStateCode: null,
        targetDistrictAgs: null,
        countryCode: null,
        openedAt: new Date(after.openedAt),
        ...journeyColumns(after, at),
      });
    } else {
      const updated = await tx
        .update(journey)
        .set(journeyColumns(after, at))
        .where(and(eq(journey.id, journeyId), eq(journey.version, from)))
        .returning({ id: journey.id });
      if (updated.length !== 1) throw new VersionConflict();
    }
    await tx.insert(journeyEvent).values(events.map((e, i) => eventRow(journeyId, from + i + 1, e, key)));
    const changed = stepsOf(after)
      .map((s) => stepRow(journeyId, s, at))
      .filter((r) => {
        if (before === null) return true;
        const old = stepRow(journeyId, before.steps[r.kind as StepKind], at);
        return !sameStepRow(old, r);
      });
    if (changed.length > 0) {
      await tx
        .insert(journeyStep)
        .values(changed)
        .onConflictDoUpdate({
          target: [journeyStep.journeyId, journeyStep.kind],
          set: {
            required: sql`excluded.required`,
            status: sql`excluded.status`,
            outcome: sql`excluded.outcome`,
            ownerId: sql`excluded.owner_id`,
            dueAt: sql`excluded.due_at`,
            pausedSince: sql`excluded.paused_since`,
            deadlineRule: sql`excluded.deadline_rule`,
            deadlineDueAt: sql`excluded.deadline_due_at`,
            deadlineClosedOn: sql`excluded.deadline_closed_on`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    }
    // Status changes of a step are noticed to the applicant (in-app now; the notification job mails them).
    if (before !== null) {
      const notices = STEP_KINDS.filter((k) => before.steps[k].status !== after.steps[k].status).map((k) => {
        const s = after.steps[k];
        return {
          dedupeKey: `status:${journeyId}:${after.version}:${k}`,
          journeyId,
          step: k,
          kind: 'status-changed',
          recipientPersonId: after.applicantId,
          recipientOrganisationId: null,
          messageKey: 'journeys.notice.status-changed',
          values: { step: k, status: s.status, outcome: s.status === 'decided' ? s.outcome : '' },
          createdAt: at,
        };
      });
      if (notices.length > 0) await tx.insert(journeyNotice).values(notices).onConflictDoNothing();
    }
    return after;
  }

  /** `open-journey` for the signed-in applicant; owners resolved from the platform's organisations. */
  async function open(actor: Actor, input: OpenInput, key: string | null = null): Promise<CommandResult> {
    const hash = requestHash({ command: 'open-journey', input });
    return withRetry(async (tx) => {
      const stored = await storedAnswer(tx, actor.personId, key, hash);
      if (stored) return stored;
      const at = now();
      const decision0 = decideFor(actor, 'create', 'journey', (m) =>
        m.organisationId === null ? new Set(['own', 'other'] as const) : new Set(['other'] as const),
      );
      if (!decision0.allow || !decision0.membership)
        throw new AppError('forbidden', { detail: 'Only applicants open journeys.' });
      const membership = decision0.membership;
      const owners = await resolveOwners(tx, input.place);
      const journeyId = randomUUID();
      const decision = decide(
        { status: 'initial' },
        {
          type: 'open-journey',
          actor: { role: 'applicant', id: actor.personId },
          journeyId,
          facts: input.facts,
          owners,
        },
        momentOf(at.toISOString()),
        params,
      );
      if ('refusal' in decision) throw new JourneyRefusal(decision.refusal);
      const after = await append(tx, null, decision.events, key, at);
      await tx
        .update(journey)
        .set({
          occupation: input.occupation,
          targetStateCode: input.place.stateCode,
          targetDistrictAgs: input.place.districtAgs,
          countryCode: input.place.countryCode,
        })
        .where(eq(journey.id, journeyId));
      await audit(
        tx,
        actor,
        membership,
        'journey.open-journey',
        'journey',
        journeyId,
        actor.personId,
        'open a journey',
        'success',
        at,
      );
      const result: CommandResult = {
        status: 201,
        body: { journeyId, version: after.version, events: decision.events.map((e) => e.type) },
      };
      await storeAnswer(tx, actor.personId, key, hash, result);
      return result;
    });
  }

  /** Any other command on a journey, for the membership the policy allows. */
  async function command(
    actor: Actor,
    journeyId: string,
    input: StepCommandInput,
    key: string | null = null,
    hooks: { afterDecision?: (tx: Tx, journey: Journey, access: Access) => Promise<void> } = {},
  ): Promise<CommandResult> {
    const hash = requestHash({ journeyId, input });
    const result = await withRetry(async (tx): Promise<CommandResult | typeof DENIED> => {
      const stored = await storedAnswer(tx, actor.personId, key, hash);
      if (stored) return stored;
      const at = now();
      const access = await authorize(tx, actor, 'update', journeyId, `journey command ${input.type}`, at);
      if (access === DENIED) return DENIED;
      const role = journeyRoleOf(access.membership.role);
      if (role === null)
        throw new JourneyRefusal({
          code: 'role-not-allowed',
          messageKey: 'journey.refusal.role-not-allowed',
        });
      const domainActor =
        access.membership.organisationId === null
          ? { role, id: actor.personId }
          : { role, id: actor.personId, organisationId: access.membership.organisationId };
      const state = access.row.state;
      const decision = decide(
        { status: 'open', ...state },
        { ...input, actor: domainActor } as Command,
        momentOf(at.toISOString()),
        params,
      );
      if ('refusal' in decision) throw new JourneyRefusal(decision.refusal);
      const after = await append(tx, state, decision.events, key, at);
      if (hooks.afterDecision) await hooks.afterDecision(tx, after, access);
      const result: CommandResult = {
        status: 200,
        body: { journeyId, version: after.version, events: decision.events.map((e) => e.type) },
      };
      await storeAnswer(tx, actor.personId, key, hash, result);
      await access.recordAccess();
      return result;
    });
    return orNotFound(result);
  }

  /** The journey for reading (with its audit entry); employers see no document ids. */
  async function read(
    actor: Actor,
    journeyId: string,
    purpose = 'view journey',
    opts: { history?: boolean } = {},
  ) {
    const out = await db.transaction(async (tx) => {
      const at = now();
      const access = await authorize(tx, actor, 'read', journeyId, purpose, at);
      if (access === DENIED) return DENIED;
      const orgIds = [
        ...new Set(
          stepsOf(access.row.state)
            .map((s) => s.owner)
            .concat(access.row.employerId)
            .filter((x): x is string => x !== null),
        ),
      ];
      const orgs =
        orgIds.length === 0
          ? []
          : await tx
              .select({ id: organisation.id, name: organisation.name, kind: organisation.kind })
              .from(organisation)
              .where(inArray(organisation.id, orgIds));
      const [applicant] = await tx
        .select({ name: person.displayName })
        .from(person)
        .where(eq(person.id, access.row.applicantId));
      const history = opts.history
        ? await tx
            .select({
              version: journeyEvent.version,
              type: journeyEvent.type,
              at: journeyEvent.at,
              role: journeyEvent.actorRole,
            })
            .from(journeyEvent)
            .where(eq(journeyEvent.journeyId, access.row.id))
            .orderBy(asc(journeyEvent.version))
        : [];
      await access.recordAccess();
      return {
        row: access.row,
        membership: access.membership,
        organisations: new Map(orgs.map((o) => [o.id, o])),
        applicantName: applicant?.name ?? '',
        history,
      };
    });
    return orNotFound(out);
  }

  async function events(actor: Actor, journeyId: string) {
    const out = await db.transaction(async (tx) => {
      const at = now();
      const access = await authorize(tx, actor, 'read', journeyId, 'view journey history', at);
      if (access === DENIED) return DENIED;
      const rows = await tx
        .select()
        .from(journeyEvent)
        .where(eq(journeyEvent.journeyId, access.row.id))
        .orderBy(asc(journeyEvent.version));
      await access.recordAccess();
      return { row: access.row, membership: access.membership, events: rows };
    });
    return orNotFound(out);
  }

  /** The stream of a journey, folded: what the projection must equal. */
  async function replayed(journeyId: string): Promise<Journey | null> {
    const rows = await db
      .select({ payload: journeyEvent.payload })
      .from(journeyEvent)
      .where(eq(journeyEvent.journeyId, journeyId))
      .orderBy(asc(journeyEvent.version));
    const state = replay(rows.map((r) => r.payload as JourneyEvent));
    if (state.status !== 'open') return null;
    const { status: _s, ...j } = state;
    return j;
  }

  return { db, open, command, read, events, replayed, deadlines, params, now };
}

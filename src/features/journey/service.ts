/**
 * The journey service: loads a journey, checks the access policy, lets the pure core decide, and appends the
 * events, updates the projection (`journey`, `journey_step`), writes the audit entry and the applicant's notices
 * in ONE transaction, with optimistic concurrency on the version and idempotency keys for repeated requests.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { type Actor, decideFor, type Membership, type Relation } from '../../domain/access/policy.ts';
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
import { type AuditEvent, appendAudit, auditAppendsFrom, auditRecord } from '../../platform/audit/audit.ts';
import { type BatchItem, createBatcher } from '../../platform/batch.ts';
import { DEFAULT_IDEMPOTENCY_KEY_TTL_HOURS, DEFAULT_NEAR_BREACH_DAYS } from '../../platform/config.ts';
import {
  type Database,
  type DbOrTx,
  isUniqueViolation,
  queryRows,
  type Tx,
} from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { consent, organisation, person } from '../identity/schema.ts';
import { recognitionCompetence } from '../registry/competence.ts';
import { createRegistrySnapshot, type RegistrySnapshotSource } from '../registry/snapshot.ts';
import {
  type JourneyObject,
  type JourneyPlace,
  journeyRelations,
  journeyRoleOf,
  resolveOwners,
  stepRelations,
} from './access.ts';
import { forgetIdempotencyKey, idempotencyKeyExpired } from './idempotency.ts';
import { familyMember, idempotencyKey, journey, journeyEvent, journeyStep } from './schema.ts';

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
  /** The near-breach window: `DEADLINE_NEAR_BREACH_DAYS` in the app; the configuration's default elsewhere. */
  readonly deadlines?: DeadlineSettings;
  /** Hours a stored answer of an Idempotency-Key counts: `IDEMPOTENCY_KEY_TTL_HOURS` in the app. */
  readonly idempotencyTtlHours?: number;
  /** The registry that names the competent recognition bodies (owners of recognition and ZAB statement). */
  readonly registry?: RegistrySnapshotSource;
  /** Attempts on a concurrent writer before giving up with 409. */
  readonly retries?: number;
  /** Commands without key written together (ADR 0010): at most `maxBatch` per statement, `maxInFlight` at once. */
  readonly batch?: { readonly maxBatch?: number; readonly maxInFlight?: number };
}

/** A read of one step (its page): `journey-step` decides with the step's relations, for reading or its owner's form. */
export interface StepScope {
  readonly kind: StepKind;
  readonly action: 'read' | 'update';
}

/** Access to one journey, decided for one membership of the actor, with the relation that allowed it. */
export interface Access {
  readonly row: JourneyRow;
  readonly membership: Membership;
  /** Organisations the applicant has consented to (not withdrawn). */
  readonly consentedIds: readonly string[];
  readonly applicantName: string;
  readonly relation: Relation;
}

/**
 * A journey about to be opened: for whom, with which facts, place and owners, for which membership of the actor,
 * and how the audit entry names it. `prepare` of `openJourney` makes it after its own checks.
 */
export interface Opening {
  readonly membership: Membership;
  readonly applicantId: string;
  readonly facts: JourneyFacts;
  readonly occupation: string | null;
  readonly place: JourneyPlace;
  readonly owners: Partial<Record<StepKind, string>>;
  readonly audit: { readonly action: string; readonly purpose: string };
}

export type JourneyService = ReturnType<typeof createJourneyService>;

export interface OrganisationRef {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}
interface HistoryJson {
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly role: string;
}
/** What a read brings along: the organisations the journey names (owners, employer, consented) and its history. */
interface WithDetails {
  /** True when family members' journeys are linked to this one. */
  readonly hasFamily: boolean;
  readonly organisations: ReadonlyMap<string, OrganisationRef>;
  readonly history: ReadonlyArray<{ version: number; type: string; at: Date; role: string }>;
}

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

/** The organisations a person has consented to (not withdrawn), as a SQL expression over the person's id. */
function consentedIdsOf(personId: SQL): SQL<string[]> {
  return sql<string[]>`coalesce((select array_agg(c.organisation_id::text) from ${consent} c
    where c.person_id = ${personId} and c.withdrawn_at is null), '{}'::text[])`;
}

/** The applicant of the principal's journey a family member's journey is linked to (null when not linked). */
function principalApplicantOf(linkedTo: SQL): SQL<string | null> {
  return sql<string | null>`(select pj.applicant_id::text from ${journey} pj where pj.id = ${linkedTo})`;
}

class VersionConflict extends Error {}

/** A command waiting for its batch (`commandBatch`). */
interface QueuedCommand {
  readonly actor: Actor;
  readonly journeyId: string;
  readonly input: StepCommandInput;
}

/** An opening waiting for its batch (`openBatch`). */
interface QueuedOpening {
  readonly actor: Actor;
  readonly input: OpenInput;
  readonly key: string | null;
  readonly hash: string;
}

/** 409 for an `Idempotency-Key` sent again with another body. */
function keyReused(): AppError {
  return new AppError('conflict', {
    detail: 'This Idempotency-Key was used for a different request.',
    errors: [{ field: 'header.idempotency-key', rule: 'reused', message: 'was used with another body' }],
  });
}

function commandPurpose(input: StepCommandInput): string {
  return `journey command ${input.type}`;
}

/** One journey's change for `write`: the state it was decided on (null: a new journey) and what to store. */
interface Change {
  readonly before: Journey | null;
  readonly events: readonly JourneyEvent[];
  readonly key: string | null;
  /** The columns of a new journey that are not in its state. */
  readonly columns?: { occupation: string | null; place: JourneyPlace };
  readonly audited?: AuditEvent;
  readonly answer?: { actorId: string; hash: string; status: number };
}
type Written =
  | { readonly conflict: true }
  | { readonly conflict: false; readonly after: Journey; readonly result: CommandResult };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Outside reach or no such journey: the transaction commits (with the denial's audit entry), then 404. */
export const DENIED = Symbol('denied');
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

export function createJourneyService(db: Database, opts: JourneyServiceOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const params = opts.params ?? lawParameters;
  const deadlines = opts.deadlines ?? { nearBreachDays: DEFAULT_NEAR_BREACH_DAYS };
  const retries = opts.retries ?? 5;
  const idempotencyTtlHours = opts.idempotencyTtlHours ?? DEFAULT_IDEMPOTENCY_KEY_TTL_HOURS;
  const registry = opts.registry ?? createRegistrySnapshot(db);

  function objectOf(
    row: JourneyRow,
    consentedIds: readonly string[],
    principalApplicantId: string | null,
  ): JourneyObject {
    const owners = stepsOf(row.state)
      .map((s) => s.owner)
      .filter((o): o is string => o !== null);
    return {
      applicantId: row.applicantId,
      principalApplicantId,
      employerId: row.employerId,
      ownerIds: [...new Set(owners)],
      consentedIds,
    };
  }

  /** What the policy needs to know about a journey row read elsewhere (consents, the principal of a family journey). */
  async function journeyObject(tx: DbOrTx, row: JourneyRow): Promise<JourneyObject> {
    const [found] = await queryRows<{ consented: string[]; principal: string | null }>(
      tx,
      sql`select ${consentedIdsOf(sql`${row.applicantId}::uuid`)} as consented,
        ${principalApplicantOf(sql`${row.linkedTo}::uuid`)} as principal`,
    );
    return objectOf(row, found?.consented ?? [], found?.principal ?? null);
  }

  function auditEvent(
    actor: Actor,
    membership: Membership | undefined,
    action: string,
    objectType: string,
    objectId: string,
    subject: string | null,
    purpose: string,
    result: 'success' | 'denied' | 'failure',
  ): AuditEvent {
    return {
      actorPersonId: actor.personId,
      actorRole: membership?.role ?? actor.memberships[0]?.role ?? null,
      actorOrganisationId: membership?.organisationId ?? actor.memberships[0]?.organisationId ?? null,
      action,
      objectType,
      objectId,
      subjectPersonId: subject,
      purpose,
      result,
    };
  }

  /** The success entry of an allowed access to a journey. */
  function accessEntry(
    actor: Actor,
    membership: Membership,
    action: 'read' | 'update',
    row: JourneyRow,
    purpose: string,
  ): AuditEvent {
    return auditEvent(actor, membership, action, 'journey', row.id, row.applicantId, purpose, 'success');
  }

  /**
   * The journeys in `ids` with what the policy and the pages need, in one round trip (one prepared statement per
   * variant): the row, the organisations the applicant consented to, the applicant's name and the principal of a
   * family member's journey; for reading also whether a family is linked, the organisations the journey names and
   * its history. Ids that are not UUIDs are left out (they name no journey). (Drizzle writes a column of the only
   * table in the FROM without the table's name, so the subqueries name the outer journey's columns in full.)
   */
  async function accessRows(
    tx: DbOrTx,
    ids: readonly string[],
    with_: { details?: boolean; history?: boolean },
  ) {
    const uuids = ids.filter((id) => UUID.test(id));
    if (uuids.length === 0) return [];
    return (
      tx
        .select({
          row: getTableColumns(journey),
          consentedIds: consentedIdsOf(sql`"journey"."applicant_id"`),
          applicantName: sql<string>`(select p.display_name from ${person} p where p.id = "journey"."applicant_id")`,
          hasFamily: with_.details
            ? sql<boolean>`exists (select 1 from ${familyMember} f where f.principal_journey_id = "journey"."id")`
            : sql<boolean>`false`,
          principalApplicantId: principalApplicantOf(sql`"journey"."linked_to"`),
          organisations: with_.details
            ? sql<OrganisationRef[]>`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name,
              'kind', o.kind)) from ${organisation} o
            where o.id in (select s.owner_id from ${journeyStep} s where s.journey_id = "journey"."id")
              or o.id = "journey"."employer_id"
              or o.id in (select c.organisation_id from ${consent} c where c.person_id = "journey"."applicant_id"
                and c.withdrawn_at is null)), '[]'::json)`
            : sql<OrganisationRef[]>`'[]'::json`,
          history: with_.history
            ? sql<
                HistoryJson[]
              >`coalesce((select json_agg(json_build_object('version', e.version, 'type', e.type,
              'at', e.at, 'role', e.actor_role) order by e.version)
            from ${journeyEvent} e where e.journey_id = "journey"."id"), '[]'::json)`
            : sql<HistoryJson[]>`'[]'::json`,
        })
        .from(journey)
        // One parameter for any number of ids (the text stays the same for the prepared statement); the ids were
        // checked to be UUIDs, so the array literal needs no quoting.
        .where(sql`${journey.id} = any(${`{${uuids.join(',')}}`}::uuid[])`)
        .prepare(`journey-access-${with_.details ? 'details' : 'row'}-${with_.history ? 'history' : 'now'}`)
        .execute()
    );
  }
  type AccessRow = Awaited<ReturnType<typeof accessRows>>[number];

  /** The policy's decision on one journey read by `accessRows` (undefined: no such journey). */
  function accessOf(
    actor: Actor,
    action: 'read' | 'update',
    found: AccessRow | undefined,
    step?: StepScope,
  ): (Access & WithDetails) | typeof DENIED {
    if (!found) return DENIED;
    const row = found.row;
    const object = objectOf(row, found.consentedIds, found.principalApplicantId);
    const journeyDecision = decideFor(actor, action, 'journey', (m) =>
      journeyRelations(actor.personId, m, object),
    );
    if (!journeyDecision.allow) return DENIED;
    // A step's page: the journey must be readable, then the step decides with its own relations.
    const owner = step ? (row.state.steps[step.kind]?.owner ?? null) : null;
    const decision = step
      ? decideFor(actor, step.action, 'journey-step', (m) => stepRelations(actor.personId, m, object, owner))
      : journeyDecision;
    if (!decision.allow || !decision.membership) return DENIED;
    return {
      row,
      membership: decision.membership,
      consentedIds: found.consentedIds,
      applicantName: found.applicantName ?? '',
      organisations: new Map(found.organisations.map((o) => [o.id, o])),
      history: found.history.map((h) => ({ ...h, at: new Date(h.at) })),
      hasFamily: found.hasFamily,
      relation: decision.relation,
    };
  }

  /** The audit entry of a refused access (outside reach, or no such journey). */
  function deniedEntry(actor: Actor, action: 'read' | 'update', journeyId: string, purpose: string) {
    return auditEvent(actor, undefined, action, 'journey', journeyId.slice(0, 64), null, purpose, 'denied');
  }

  /**
   * Object-level check with its audit entry. Outside reach or no such journey → 404 (the same answer), recorded
   * as denied. Runs inside the caller's transaction.
   */
  async function authorize(
    tx: DbOrTx,
    actor: Actor,
    action: 'read' | 'update',
    journeyId: string,
    purpose: string,
    at: Date,
    with_: { details?: boolean; history?: boolean; step?: StepScope } = {},
  ): Promise<(Access & WithDetails & { recordAccess: () => Promise<void> }) | typeof DENIED> {
    const [found] = await accessRows(tx, [journeyId], with_);
    const access = accessOf(actor, action, found, with_.step);
    if (access === DENIED) {
      await appendAudit(tx, deniedEntry(actor, action, journeyId, purpose), at);
      return DENIED;
    }
    // The success entry is written last in the transaction (`recordAccess`): the audit chain's lock is then held
    // only for the entry and the commit, not for the work of the request.
    return {
      ...access,
      recordAccess: async () => {
        await appendAudit(tx, accessEntry(actor, access.membership, action, access.row, purpose), at);
      },
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

  /**
   * The answer stored under a repeated key, to be sent again; null when the key has expired (it is unknown, even
   * before the purge job has deleted it: the request is decided anew); 409 when it came with another body.
   */
  function replayOf(
    stored: { requestHash: string; status: number; response: unknown; createdAt: Date },
    hash: string,
    at: Date,
  ): CommandResult | null {
    if (idempotencyKeyExpired(stored.createdAt, at, idempotencyTtlHours)) return null;
    if (stored.requestHash !== hash) throw keyReused();
    return { status: stored.status, body: stored.response as CommandResult['body'], replayed: true };
  }

  async function storedAnswer(tx: Tx, actorId: string, key: string | null, hash: string) {
    if (key === null) return null;
    const [stored] = await tx
      .select()
      .from(idempotencyKey)
      .where(and(eq(idempotencyKey.actorId, actorId), eq(idempotencyKey.key, key)));
    if (!stored) return null;
    const replay = replayOf(stored, hash, now());
    if (replay === null) await forgetIdempotencyKey(tx, actorId, key);
    return replay;
  }

  /**
   * Applies the events of one or more journeys: appends them, updates the projection, notices; ONE statement
   * (data-modifying CTEs) for all of them: the journey rows (new rows, or changed rows each guarded by the
   * version it was decided on), the events, the changed step rows, the applicants' notices and, when given, each
   * change's audit entry and the answer stored under its request's `Idempotency-Key` (`answer.status` with the
   * body returned). Events, steps, notices, entry and answer are written only with their journey's row: a change
   * whose guard failed writes nothing and comes back as `conflict`.
   */
  async function write(tx: DbOrTx, changes: readonly Change[], at: Date): Promise<Written[]> {
    const opening = changes.some((c) => c.before === null);
    if (opening && !changes.every((c) => c.before === null))
      throw new Error('journeys are opened or changed, not both in one statement');
    const when = at.toISOString();
    const heads: Array<Record<string, unknown>> = [];
    const eventRecords: Array<Record<string, unknown>> = [];
    const stepRecords: Array<Record<string, unknown>> = [];
    const noticeRecords: Array<Record<string, unknown>> = [];
    const auditRecords: Array<Record<string, unknown>> = [];
    const answerRecords: Array<Record<string, unknown>> = [];
    const planned = changes.map((change, i) => {
      const { before, events, key, audited, answer } = change;
      let state = before === null ? replay([]) : ({ status: 'open', ...before } as const);
      for (const e of events) state = evolve(state, e);
      if (state.status !== 'open') throw new Error('journey did not open');
      const { status: _s, ...after } = state;
      const journeyId = after.id;
      const from = before?.version ?? 0;
      const c = journeyColumns(after, at);
      heads.push({
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
        eventRecords.push({
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
          stepRecords.push({ journey_id: journeyId, ...stepRecord(r) });
      }
      // Status changes of a step are noticed to the applicant (in-app now; the notification job mails them).
      if (before !== null)
        for (const k of STEP_KINDS) {
          if (before.steps[k].status === after.steps[k].status) continue;
          const s = after.steps[k];
          noticeRecords.push({
            journey_id: journeyId,
            dedupe_key: `status:${journeyId}:${after.version}:${k}`,
            step: k,
            recipient: after.applicantId,
            values: { step: k, status: s.status, outcome: s.status === 'decided' ? s.outcome : '' },
          });
        }
      // The entries are appended in the order of their chains (`auditAppendsFrom`).
      if (audited) auditRecords.push({ journey_id: journeyId, ord: i, ...auditRecord(audited, at) });
      const result: CommandResult = {
        status: answer?.status ?? 200,
        body: { journeyId, version: after.version, events: events.map((e) => e.type) },
      };
      if (answer && key !== null)
        answerRecords.push({
          journey_id: journeyId,
          actor_id: answer.actorId,
          key,
          request_hash: answer.hash,
          status: answer.status,
          response: result.body,
        });
      return { after, result, audited: audited !== undefined };
    });
    // The journey rows: inserted for new journeys, else updated only where nobody changed them since they were read.
    const head = opening
      ? sql`insert into journey (id, applicant_id, linked_to, pathway, occupation, target_state_code,
            target_district_ags, country_code, employer_id, status, version, state, opened_at, updated_at)
          select x.id, x.applicant_id, x.linked_to, x.pathway, x.occupation, x.target_state_code,
            x.target_district_ags, x.country_code, x.employer_id, x.status, x.version, x.state, x.opened_at,
            ${when}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(heads)}::jsonb) as x(id uuid, applicant_id uuid, linked_to uuid,
            pathway text, occupation text, target_state_code text, target_district_ags text, country_code text,
            employer_id uuid, status text, version int, state jsonb, opened_at timestamptz)
          returning id`
      : sql`update journey j set employer_id = x.employer_id, linked_to = x.linked_to, pathway = x.pathway,
            status = x.status, version = x.version, state = x.state, updated_at = ${when}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(heads)}::jsonb) as x(id uuid, expected int, employer_id uuid,
            linked_to uuid, pathway text, status text, version int, state jsonb)
          where j.id = x.id and j.version = x.expected
          returning j.id`;
    const rows = await queryRows<{ id: string; audited: number }>(
      tx,
      sql`
      with head as (${head}),
      events as (
        insert into journey_event (journey_id, version, type, actor_id, actor_role, actor_organisation_id, at,
          payload, idempotency_key)
        select x.journey_id, x.version, x.type, x.actor_id, x.actor_role, x.actor_organisation_id, x.at,
          x.payload, x.idempotency_key
        from jsonb_to_recordset(${JSON.stringify(eventRecords)}::jsonb) as x(journey_id uuid, version int,
          type text, actor_id text, actor_role text, actor_organisation_id text, at timestamptz, payload jsonb,
          idempotency_key text)
        where x.journey_id in (select id from head)),
      steps as (
        insert into journey_step (journey_id, kind, position, required, status, outcome, owner_id, due_at,
          paused_since, deadline_rule, deadline_due_at, deadline_closed_on, updated_at)
        select x.journey_id, x.kind, x.position, x.required, x.status, x.outcome, x.owner_id, x.due_at,
          x.paused_since, x.deadline_rule, x.deadline_due_at, x.deadline_closed_on, ${when}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(stepRecords)}::jsonb) as x(journey_id uuid, kind text,
          position int, required text, status text, outcome text, owner_id uuid, due_at date, paused_since date,
          deadline_rule text, deadline_due_at date, deadline_closed_on date)
        where x.journey_id in (select id from head)
        on conflict (journey_id, kind) do update set required = excluded.required, status = excluded.status,
          outcome = excluded.outcome, owner_id = excluded.owner_id, due_at = excluded.due_at,
          paused_since = excluded.paused_since, deadline_rule = excluded.deadline_rule,
          deadline_due_at = excluded.deadline_due_at, deadline_closed_on = excluded.deadline_closed_on,
          updated_at = excluded.updated_at),
      notices as (
        insert into journey_notice (dedupe_key, journey_id, step, kind, recipient_person_id, message_key, "values",
          created_at)
        select x.dedupe_key, x.journey_id, x.step, 'status-changed', x.recipient,
          'journeys.notice.status-changed', x."values", ${when}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(noticeRecords)}::jsonb) as x(journey_id uuid, dedupe_key text,
          step text, recipient uuid, "values" jsonb)
        where x.journey_id in (select id from head)
        on conflict do nothing),
      audited as (
        select x.journey_id, a.out_seq
        from ${auditAppendsFrom(
          JSON.stringify(auditRecords),
          sql`, journey_id uuid`,
          sql`where x.journey_id in (select id from head)`,
        )}),
      answered as (
        insert into idempotency_key (actor_id, key, request_hash, status, response, created_at)
        select x.actor_id, x.key, x.request_hash, x.status, x.response, ${when}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(answerRecords)}::jsonb) as x(journey_id uuid, actor_id uuid,
          key text, request_hash text, status int, response jsonb)
        where x.journey_id in (select id from head))
      select h.id, (select count(*)::int from audited a where a.journey_id = h.id) as audited from head h`,
      opening ? 'journey-write-open' : 'journey-write-changes',
    );
    const written = new Map(rows.map((r) => [String(r.id), Number(r.audited)]));
    return planned.map((p) => {
      const audited = written.get(p.after.id);
      if (audited === undefined) return { conflict: true } as const;
      if (p.audited && audited !== 1) throw new Error('the audit entry was not written');
      return { conflict: false, after: p.after, result: p.result } as const;
    });
  }

  /** `write` for one change: its journey and answer; a failed guard throws VersionConflict. */
  async function append(
    tx: DbOrTx,
    change: Change,
    at: Date,
  ): Promise<{ after: Journey; result: CommandResult }> {
    const [one] = await write(tx, [change], at);
    if (!one || one.conflict) throw new VersionConflict();
    return one;
  }

  /**
   * Opens a journey in one transaction: the stored answer of the idempotency key, if any → `prepare` (the
   * caller's checks; what the journey is) → `open-journey` decided by the core → events and projection → `after`
   * (the caller's own rows) → one audit entry → the idempotency key with the answer. `prepare` returning DENIED
   * (after writing its denial's audit entry) ends in 404.
   */
  async function openJourney(
    actor: Actor,
    key: string | null,
    hash: string,
    prepare: (tx: Tx, at: Date) => Promise<Opening | typeof DENIED>,
    after?: (tx: Tx, journeyId: string, at: Date) => Promise<void>,
  ): Promise<CommandResult> {
    const result = await withRetry(async (tx): Promise<CommandResult | typeof DENIED> => {
      const stored = await storedAnswer(tx, actor.personId, key, hash);
      if (stored) return stored;
      const at = now();
      const opening = await prepare(tx, at);
      if (opening === DENIED) return DENIED;
      const { result } = await append(tx, openingChange(actor, opening, key, hash, at), at);
      if (after) await after(tx, result.body.journeyId, at);
      return result;
    });
    return orNotFound(result);
  }

  /** `open-journey` decided by the core for an opening, as a change for `write`; the core's refusal is thrown. */
  function openingChange(actor: Actor, opening: Opening, key: string | null, hash: string, at: Date): Change {
    const journeyId = randomUUID();
    const decision = decide(
      { status: 'initial' },
      {
        type: 'open-journey',
        actor: { role: 'applicant', id: actor.personId },
        journeyId,
        facts: opening.facts,
        owners: opening.owners,
        applicantId: opening.applicantId,
      },
      momentOf(at.toISOString()),
      params,
    );
    if ('refusal' in decision) throw new JourneyRefusal(decision.refusal);
    return {
      before: null,
      events: decision.events,
      key,
      columns: { occupation: opening.occupation, place: opening.place },
      audited: auditEvent(
        actor,
        opening.membership,
        opening.audit.action,
        'journey',
        journeyId,
        opening.applicantId,
        opening.audit.purpose,
        'success',
      ),
      answer: { actorId: actor.personId, hash, status: 201 },
    };
  }

  /**
   * `open-journey` for the signed-in applicant; owners resolved from the registry and the platform's
   * organisations. Openings that arrive together are written together (ADR 0010).
   */
  function open(actor: Actor, input: OpenInput, key: string | null = null): Promise<CommandResult> {
    return openBatcher.submit({ actor, input, key, hash: requestHash({ command: 'open-journey', input }) });
  }

  /** The applicant's membership that may open a journey; others are refused. */
  function openerMembership(actor: Actor): Membership {
    const decision = decideFor(actor, 'create', 'journey', (m) =>
      m.organisationId === null ? new Set(['own', 'other'] as const) : new Set(['other'] as const),
    );
    if (!decision.allow || !decision.membership)
      throw new AppError('forbidden', { detail: 'Only applicants open journeys.' });
    return decision.membership;
  }

  function openingOf(
    actor: Actor,
    membership: Membership,
    input: OpenInput,
    owners: Opening['owners'],
  ): Opening {
    return {
      membership,
      applicantId: actor.personId,
      facts: input.facts,
      occupation: input.occupation,
      place: input.place,
      owners,
      audit: { action: 'journey.open-journey', purpose: 'open a journey' },
    };
  }

  /** One opening alone, in its own transaction (ADR 0008). */
  async function openAlone(q: QueuedOpening): Promise<CommandResult> {
    const { actor, input, key, hash } = q;
    // Read before the transaction: the registry snapshot loads on `db` (PGlite runs one query at a time).
    const competence = await recognitionCompetence(db, registry, input.occupation, input.place);
    return openJourney(actor, key, hash, async (tx) =>
      openingOf(actor, openerMembership(actor), input, await resolveOwners(tx, input.place, competence)),
    );
  }

  /**
   * Openings that arrive together (ADR 0010): the stored answers of their keys in one read, the competent
   * bodies and owners once per place and occupation, each opening decided on its own, then one statement that
   * writes all new journeys with their events, steps, audit entries and stored answers. A repeated key answers
   * its stored answer; a key used for another body 409; an expired key, and every opening of a batch whose write
   * failed (two requests with one key from two processes), is run again alone.
   */
  async function openBatch(items: ReadonlyArray<BatchItem<QueuedOpening, CommandResult>>): Promise<void> {
    const at = now();
    const keyed = items.filter((i) => i.value.key !== null);
    const stored = new Map(
      (keyed.length === 0
        ? []
        : await queryRows<{
            actor_id: string;
            key: string;
            request_hash: string;
            status: number;
            response: CommandResult['body'];
            created_at: string;
          }>(
            db,
            sql`select k.actor_id, k.key, k.request_hash, k.status, k.response, k.created_at
              from jsonb_to_recordset(${JSON.stringify(keyed.map((i) => ({ actor_id: i.value.actor.personId, key: i.value.key })))}::jsonb)
                as x(actor_id uuid, key text)
              join ${idempotencyKey} k on k.actor_id = x.actor_id and k.key = x.key`,
            'journey-stored-answers',
          )
      ).map((r) => [`${r.actor_id} ${r.key}`, r]),
    );
    const owners = new Map<string, Promise<Opening['owners']>>();
    const ownersFor = (input: OpenInput) => {
      const k = JSON.stringify([input.occupation, input.place]);
      let found = owners.get(k);
      if (!found) {
        found = recognitionCompetence(db, registry, input.occupation, input.place).then((competence) =>
          resolveOwners(db, input.place, competence),
        );
        owners.set(k, found);
      }
      return found;
    };
    const alone: Array<BatchItem<QueuedOpening, CommandResult>> = [];
    const decided: Array<{ item: BatchItem<QueuedOpening, CommandResult>; change: Change }> = [];
    await Promise.all(
      items.map(async (item) => {
        const { actor, input, key, hash } = item.value;
        try {
          const membership = openerMembership(actor);
          const answer = key === null ? undefined : stored.get(`${actor.personId} ${key}`);
          if (answer) {
            const replay = replayOf(
              {
                requestHash: answer.request_hash,
                status: answer.status,
                response: answer.response,
                createdAt: new Date(answer.created_at),
              },
              hash,
              at,
            );
            // An expired key is forgotten by the transaction of the opening alone.
            if (replay === null) alone.push(item);
            else item.resolve(replay);
            return;
          }
          const opening = openingOf(actor, membership, input, await ownersFor(input));
          decided.push({ item, change: openingChange(actor, opening, key, hash, at) });
        } catch (error) {
          item.reject(error);
        }
      }),
    );
    await Promise.all([
      writeTogether(decided, at, openAlone),
      ...alone.map((item) => openAlone(item.value).then(item.resolve, item.reject)),
    ]);
  }
  const openBatcher = createBatcher(openBatch, {
    keyOf: (o) => (o.key === null ? undefined : `${o.actor.personId} ${o.key}`),
    maxBatch: opts.batch?.maxBatch ?? 64,
    maxInFlight: opts.batch?.maxInFlight ?? 2,
  });

  /** Any other command on a journey, for the membership the policy allows. */
  async function command(
    actor: Actor,
    journeyId: string,
    input: StepCommandInput,
    key: string | null = null,
    hooks: { afterDecision?: (tx: Tx, journey: Journey, access: Access) => Promise<void> } = {},
  ): Promise<CommandResult> {
    const hash = requestHash({ journeyId, input });
    const purpose = commandPurpose(input);
    if (key === null && !hooks.afterDecision) return batcher.submit({ actor, journeyId, input });
    const result = await withRetry(async (tx): Promise<CommandResult | typeof DENIED> => {
      const stored = await storedAnswer(tx, actor.personId, key, hash);
      if (stored) return stored;
      const at = now();
      const access = await authorize(tx, actor, 'update', journeyId, purpose, at);
      if (access === DENIED) return DENIED;
      const events = decideCommand(actor, access, input, at);
      const { after, result } = await append(
        tx,
        {
          before: access.row.state,
          events,
          key,
          audited: accessEntry(actor, access.membership, 'update', access.row, purpose),
          answer: { actorId: actor.personId, hash, status: 200 },
        },
        at,
      );
      if (hooks.afterDecision) await hooks.afterDecision(tx, after, access);
      return result;
    });
    return orNotFound(result);
  }

  /**
   * A command without idempotency key or hook, alone: two statements and no transaction. The read of the journey,
   * then the change with its audit entry as ONE statement guarded by the version read (ADR 0008); a concurrent
   * change in between makes the guard fail, and the command is decided again on the new state.
   */
  async function commandAlone(
    actor: Actor,
    journeyId: string,
    input: StepCommandInput,
  ): Promise<CommandResult> {
    const purpose = commandPurpose(input);
    for (let attempt = 0; ; attempt++) {
      const at = now();
      const access = orNotFound(await authorize(db, actor, 'update', journeyId, purpose, at));
      const events = decideCommand(actor, access, input, at);
      const audited = accessEntry(actor, access.membership, 'update', access.row, purpose);
      try {
        return (await append(db, { before: access.row.state, events, key: null, audited }, at)).result;
      } catch (error) {
        const retry = error instanceof VersionConflict || isUniqueViolation(error);
        if (!retry) throw error;
        if (attempt >= retries)
          throw new AppError('conflict', {
            detail: 'The journey was changed at the same time; try again.',
          });
      }
    }
  }

  /**
   * Commands that arrive while others are being written go together (ADR 0010): one read of all their journeys,
   * each decided on its own by the policy and the core, then one statement that writes all of them, each change
   * guarded by its version and with its own audit entry. A command the guard turned away (its journey changed in
   * between), and every command of a batch whose statement failed, is run again alone.
   */
  async function commandBatch(items: ReadonlyArray<BatchItem<QueuedCommand, CommandResult>>): Promise<void> {
    const at = now();
    const found = new Map(
      (await accessRows(db, [...new Set(items.map((i) => i.value.journeyId))], {})).map((r) => [r.row.id, r]),
    );
    const decided: Array<{ item: BatchItem<QueuedCommand, CommandResult>; change: Change }> = [];
    await Promise.all(
      items.map(async (item) => {
        const { actor, journeyId, input } = item.value;
        const purpose = commandPurpose(input);
        const access = accessOf(actor, 'update', found.get(journeyId.toLowerCase()));
        try {
          if (access === DENIED) {
            await appendAudit(db, deniedEntry(actor, 'update', journeyId, purpose), at);
            throw new AppError('not-found', { detail: 'No such journey.' });
          }
          const events = decideCommand(actor, access, input, at);
          decided.push({
            item,
            change: {
              before: access.row.state,
              events,
              key: null,
              audited: accessEntry(actor, access.membership, 'update', access.row, purpose),
            },
          });
        } catch (error) {
          item.reject(error);
        }
      }),
    );
    await writeTogether(decided, at, (c) => commandAlone(c.actor, c.journeyId, c.input));
  }

  /**
   * The batch's changes in one `write`; each written one answers, every other (its guard failed, or the whole
   * statement did) runs again `alone`.
   */
  async function writeTogether<T>(
    decided: ReadonlyArray<{ item: BatchItem<T, CommandResult>; change: Change }>,
    at: Date,
    alone: (value: T) => Promise<CommandResult>,
  ): Promise<void> {
    if (decided.length === 0) return;
    let written: readonly Written[] = [];
    try {
      written = await write(
        db,
        decided.map((d) => d.change),
        at,
      );
    } catch {
      // Any failure of the one statement (a unique key, a lost connection): nothing was written.
    }
    await Promise.all(
      decided.map(async ({ item }, i) => {
        const w = written[i];
        if (w && !w.conflict) return item.resolve(w.result);
        await alone(item.value).then(item.resolve, item.reject);
      }),
    );
  }
  const batcher = createBatcher(commandBatch, {
    keyOf: (c) => c.journeyId.toLowerCase(),
    maxBatch: opts.batch?.maxBatch ?? 64,
    maxInFlight: opts.batch?.maxInFlight ?? 2,
  });

  /** The core's decision on a command for the membership the policy allowed; a refusal is thrown. */
  function decideCommand(actor: Actor, access: Access, input: StepCommandInput, at: Date): JourneyEvent[] {
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
    // The link of a family member's journey is not the client's to change (`factsSchema` has no `linkedTo`).
    const sent =
      input.type === 'change-facts' && state.linkedTo !== null
        ? { ...input, facts: { ...input.facts, linkedTo: state.linkedTo } }
        : input;
    const decision = decide(
      { status: 'open', ...state },
      { ...sent, actor: domainActor } as Command,
      momentOf(at.toISOString()),
      params,
    );
    if ('refusal' in decision) throw new JourneyRefusal(decision.refusal);
    return [...decision.events];
  }

  /**
   * The journey for reading (with its audit entry); employers see no document ids. Two statements and no
   * transaction: the journey with everything the pages show, then the audit entry (one statement of its own) before
   * anything leaves. With `step`, the read of one step's page: `journey-step` decides too (outside reach → 404 with a
   * denied entry), and `relation` is the step's.
   */
  async function read(
    actor: Actor,
    journeyId: string,
    purpose = 'view journey',
    opts: { history?: boolean; step?: StepScope } = {},
  ) {
    const at = now();
    const access = orNotFound(
      await authorize(db, actor, 'read', journeyId, purpose, at, {
        details: true,
        history: opts.history ?? false,
        ...(opts.step ? { step: opts.step } : {}),
      }),
    );
    const { recordAccess, ...read } = access;
    await recordAccess();
    return read;
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
      return { row: access.row, membership: access.membership, relation: access.relation, events: rows };
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

  return {
    db,
    open,
    openJourney,
    command,
    read,
    events,
    replayed,
    journeyObject,
    auditEvent,
    deadlines,
    params,
    now,
  };
}

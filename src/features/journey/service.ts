/**
 * The journey service: the public API of the journey (routes, pages, family, seeds, tests). Opening a journey and
 * applying a command are handlers (`commands.ts`) over a store (`store.ts`): the stored answer of a repeated
 * Idempotency-Key, the journey loaded, the access policy, the pure core's decision, and ONE append of the events,
 * projection, audit entry, notices and answer, with optimistic concurrency on the version. `openOutcome` and
 * `commandOutcome` return values; `open`, `command` and `openJourney` throw them (a refusal as `JourneyRefusal`).
 */
import type { Actor } from '../../domain/access/policy.ts';
import {
  type DeadlineSettings,
  type Journey,
  type JourneyParameters,
  lawParameters,
} from '../../domain/journey/index.ts';
import { appendAudit, appendAuditMany } from '../../platform/audit/audit.ts';
import { DEFAULT_IDEMPOTENCY_KEY_TTL_HOURS, DEFAULT_NEAR_BREACH_DAYS } from '../../platform/config.ts';
import type { Database, DbOrTx, Tx } from '../../platform/db/client.ts';
import {
  createRegistrySnapshot,
  type RegistrySnapshotSource,
  recognitionCompetence,
} from '../registry/index.ts';
import { resolveOwners } from './access.ts';
import {
  accessEntry,
  auditEvent,
  authorise,
  familyReadEntry,
  noSuchJourney,
  type StepScope,
} from './authorise.ts';
import type { CommandResult, OpenInput, Opening, Outcome, StepCommandInput } from './command-types.ts';
import { requestHash } from './command-types.ts';
import {
  type CommandRequest,
  type HandlerSettings,
  handleCommand,
  handleCommandsAtomically,
  handleOpening,
  handleOpeningThen,
} from './commands.ts';
import { createOnTimeRate } from './on-time-rate.ts';
import { aloneOpening, openingOf } from './opening.ts';
import { JourneyRefusal } from './refusals.ts';
import { residenceOf } from './residence.ts';
import { stepOwnersOf } from './step-owners.ts';
import { createStore, type Session } from './store.ts';
import { eventRowsOf, journeyObject, replayStream } from './store-read.ts';

export type { Access, StepScope } from './authorise.ts';
export type {
  CommandInput,
  CommandResult,
  OpenInput,
  Opening,
  Outcome,
  StepCommandInput,
} from './command-types.ts';
export { requestHash } from './command-types.ts';
export { JourneyRefusal, refusalStatus } from './refusals.ts';
export type { StepOwner } from './step-owners.ts';
export type { OrganisationRef } from './store-read.ts';
export {
  eventRow,
  type JourneyEventRow,
  type JourneyRow,
  journeyColumns,
  journeyStatus,
  stepRecord,
  stepRow,
} from './store-rows.ts';

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

export type JourneyService = ReturnType<typeof createJourneyService>;

/** Outside reach or no such journey: `prepare` of `openJourney` returns it (after its denial's audit entry): 404. */
export const DENIED = Symbol('denied');

/** An opening waiting for its batch. */
interface QueuedOpening {
  readonly actor: Actor;
  readonly input: OpenInput;
  readonly key: string | null;
  readonly hash: string;
}

/** The answer of an Outcome, or its refusal or error thrown. */
export function unwrap(outcome: Outcome): CommandResult {
  if (outcome.ok) return outcome.result;
  if ('refusal' in outcome) throw new JourneyRefusal(outcome.refusal);
  throw outcome.error;
}

export function createJourneyService(db: Database, opts: JourneyServiceOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const params = opts.params ?? lawParameters;
  const deadlines = opts.deadlines ?? { nearBreachDays: DEFAULT_NEAR_BREACH_DAYS };
  const registry = opts.registry ?? createRegistrySnapshot(db);
  const settings: HandlerSettings = {
    params,
    idempotencyTtlHours: opts.idempotencyTtlHours ?? DEFAULT_IDEMPOTENCY_KEY_TTL_HOURS,
  };
  const store = createStore(db, {
    now,
    retries: opts.retries ?? 5,
    ...(opts.batch ? { batch: opts.batch } : {}),
  });

  // Openings, with or without key, go in batches (ADR 0010); the competent bodies and owners once per batch and
  // place. Alone (in its own transaction), the registry is read first: the snapshot loads on `db` (PGlite runs
  // one query at a time).
  const openings = store.batched<QueuedOpening>({
    keyOf: (o) => (o.key === null ? undefined : `${o.actor.personId} ${o.key}`),
    answersOf: (o) => (o.key === null ? undefined : { actorId: o.actor.personId, key: o.key }),
    handle: (s, o) => {
      const owners = async (input: OpenInput) => {
        const place = { ...input.place, residenceAgs: await residenceOf(db, o.actor.personId) };
        return s.once(JSON.stringify([input.occupation, place]), async () =>
          resolveOwners(db, place, await recognitionCompetence(db, registry, input.occupation, input.place)),
        );
      };
      return handleOpening(s, settings, { ...o, prepare: openingOf(o.actor, o.input, owners) });
    },
    runAlone: async (o) => {
      const competence = await recognitionCompetence(db, registry, o.input.occupation, o.input.place);
      return store.inTransaction((s) =>
        handleOpening(s, settings, { ...o, prepare: aloneOpening(o.actor, o.input, competence) }),
      );
    },
  });

  /** Opens the applicant's journey and applies commands to it in ONE transaction; `after` adds the caller's rows. */
  async function openThen(
    actor: Actor,
    input: OpenInput,
    inputs: readonly StepCommandInput[],
    after: (tx: DbOrTx, journeyId: string, at: Date) => Promise<void>,
  ) {
    const competence = await recognitionCompetence(db, registry, input.occupation, input.place);
    const o = { actor, key: null, hash: requestHash({ command: 'open-journey', input }) };
    const prepare = aloneOpening(actor, input, competence);
    const then = (s: Session, id: string) => after(s.db, id, s.at);
    return unwrap(await handleOpeningThen(store.inTransaction, settings, { ...o, prepare }, inputs, then));
  }

  // Commands without key go in batches (ADR 0010); again alone (no transaction) when beaten by another writer.
  const commands = store.batched<CommandRequest>({
    keyOf: (c) => c.journeyId.toLowerCase(),
    journeysOf: (c) => c.journeyId,
    handle: (s, c) => handleCommand(s, settings, c),
    runAlone: (c) => store.alone((s) => handleCommand(s, settings, c)),
  });

  /** `open-journey` for the signed-in applicant; owners resolved from the registry and the platform's organisations. */
  function openOutcome(actor: Actor, input: OpenInput, key: string | null = null): Promise<Outcome> {
    return openings.submit({ actor, input, key, hash: requestHash({ command: 'open-journey', input }) });
  }

  /** Any other command on a journey, for the membership the policy allows; with a key in its own transaction. */
  function commandOutcome(
    actor: Actor,
    journeyId: string,
    input: StepCommandInput,
    key: string | null = null,
  ): Promise<Outcome> {
    const c: CommandRequest = { actor, journeyId, input, key };
    if (key === null) return commands.submit(c);
    return store.inTransaction((s) => handleCommand(s, settings, c));
  }

  /**
   * Opens a journey in one transaction: the stored answer of the idempotency key, if any → `prepare` (the caller's
   * checks; what the journey is; DENIED → 404) → `open-journey` decided by the core → ONE append → `after` (the
   * caller's own rows).
   */
  async function openJourney(
    actor: Actor,
    key: string | null,
    hash: string,
    prepare: (tx: Tx, at: Date) => Promise<Opening | typeof DENIED>,
    after?: (tx: Tx, journeyId: string, at: Date) => Promise<void>,
  ): Promise<CommandResult> {
    const outcome = await store.inTransaction(async (s) => {
      const opened = await handleOpening(s, settings, {
        actor,
        key,
        hash,
        prepare: async () => {
          const opening = await prepare(s.db, s.at);
          return opening === DENIED ? { ok: false, error: noSuchJourney() } : opening;
        },
      });
      if (opened.ok && !opened.result.replayed && after)
        await after(s.db, opened.result.body.journeyId, s.at);
      return opened;
    });
    return unwrap(outcome);
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
    opts: { history?: boolean; family?: boolean; step?: StepScope } = {},
  ) {
    const s = store.reading();
    const authorised = await authorise(s, actor, 'read', journeyId, purpose, {
      details: true,
      history: opts.history ?? false,
      family: opts.family ?? false,
      ...(opts.step ? { step: opts.step } : {}),
    });
    if (!authorised.ok) throw authorised.error;
    const { family } = authorised.access;
    const entry = accessEntry(actor, authorised.access, 'read', purpose);
    // The family's journeys read along are audited with the journey, in one statement.
    if (family.length === 0) await appendAudit(db, entry, s.at);
    else await appendAuditMany(db, [entry, ...family.map((f) => familyReadEntry(actor, f))], s.at);
    return authorised.access;
  }

  /** The event history of a journey (with its audit entry, written last in the transaction). */
  async function events(actor: Actor, journeyId: string) {
    // A refused read commits its denied entry, then 404.
    const read = await db.transaction(async (tx) => {
      const s = store.reading(tx);
      const purpose = 'view journey history';
      const authorised = await authorise(s, actor, 'read', journeyId, purpose);
      if (!authorised.ok) return authorised;
      const { row, membership, relation } = authorised.access;
      const rows = await eventRowsOf(tx, row.id);
      await appendAudit(tx, accessEntry(actor, authorised.access, 'read', purpose), s.at);
      return { ok: true as const, row, membership, relation, events: rows };
    });
    if (!read.ok) throw read.error;
    const { ok: _ok, ...found } = read;
    return found;
  }

  return {
    db,
    open: async (actor: Actor, input: OpenInput, key: string | null = null) =>
      unwrap(await openOutcome(actor, input, key)),
    openOutcome,
    openJourney,
    command: async (actor: Actor, journeyId: string, input: StepCommandInput, key: string | null = null) =>
      unwrap(await commandOutcome(actor, journeyId, input, key)),
    commandOutcome,
    openThen,
    /** Several commands in one transaction: all or none (an imported XAusländer answer, issue 20). */
    commandsOutcome: (actor: Actor, journeyId: string, inputs: readonly StepCommandInput[]) =>
      handleCommandsAtomically(store.inTransaction, settings, { actor, journeyId, inputs }),
    read,
    events,
    /** The stream of a journey, folded: what the projection must equal. */
    replayed: (journeyId: string): Promise<Journey | null> => replayStream(db, journeyId),
    journeyObject,
    auditEvent,
    deadlines,
    /** The work queue's on-time rate per organisation, cached for a minute. */
    onTimeRate: createOnTimeRate(db, now),
    /** The organisations owning the steps of the person's own journeys, by name, with the steps each owns. */
    stepOwnersOf: (personId: string) => stepOwnersOf(db, personId),
    params,
    now,
  };
}

/**
 * The journey's two use cases as command handlers over a store Session (`store.ts`), each read top to bottom:
 * the stored answer of a repeated Idempotency-Key → load → authorise → decide (the pure core) → append. They return
 * values (`Outcome`): the answer, the core's refusal, or an error of the catalogue; what is thrown is unexpected, or
 * the store's signal to run the request again.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/access/policy.ts';
import {
  type Command,
  decide,
  type JourneyEvent,
  type JourneyParameters,
  momentOf,
  type Refusal,
} from '../../domain/journey/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { journeyRoleOf } from './access.ts';
import { type Access, accessEntry, auditEvent, authorise } from './authorise.ts';
import { type Opening, type Outcome, requestHash, type StepCommandInput } from './command-types.ts';
import { idempotencyKeyExpired } from './idempotency.ts';
import type { Session } from './store.ts';
import type { Change } from './store-rows.ts';

export interface HandlerSettings {
  readonly params: JourneyParameters;
  /** Hours a stored answer of an Idempotency-Key counts. */
  readonly idempotencyTtlHours: number;
}

export interface CommandRequest {
  readonly actor: Actor;
  readonly journeyId: string;
  readonly input: StepCommandInput;
  readonly key: string | null;
}

export interface OpeningRequest {
  readonly actor: Actor;
  readonly key: string | null;
  readonly hash: string;
  /** What the journey is, after the caller's own checks (an Outcome: refused before the core decides). */
  readonly prepare: (session: Session) => Promise<Opening | Outcome>;
}

type Decided =
  | { readonly ok: true; readonly events: readonly JourneyEvent[] }
  | { ok: false; refusal: Refusal };

/** Any command on a journey, for the membership the policy allows. */
export async function handleCommand(
  s: Session,
  settings: HandlerSettings,
  c: CommandRequest,
): Promise<Outcome> {
  const hash = requestHash({ journeyId: c.journeyId, input: c.input });
  const stored = await storedOutcome(s, settings, c.actor.personId, c.key, hash);
  if (stored) return stored;
  const purpose = `journey command ${c.input.type}`;
  const authorised = await authorise(s, c.actor, 'update', c.journeyId, purpose);
  if (!authorised.ok) return authorised;
  const { access } = authorised;
  const decided = decideCommand(c.actor, access, c.input, s.at, settings.params);
  if (!decided.ok) return decided;
  const { result } = await s.append({
    before: access.row.state,
    events: decided.events,
    key: c.key,
    audited: accessEntry(c.actor, access, 'update', purpose),
    answer: { actorId: c.actor.personId, hash, status: 200 },
  });
  return { ok: true, result };
}

/** A refusal that undoes the commands before it in the same transaction (`handleCommandsAtomically`). */
class Undo extends Error {
  readonly outcome: Outcome;
  constructor(outcome: Outcome) {
    super('undo');
    this.outcome = outcome;
  }
}

/**
 * Several commands of one actor on one journey in ONE transaction (e.g. an imported message that stands for two
 * steps of the core): all appended, or none; the first refusal is the outcome. The answer lists every event.
 */
export async function handleCommandsAtomically(
  inTransaction: (handler: (s: Session) => Promise<Outcome>) => Promise<Outcome>,
  settings: HandlerSettings,
  c: { actor: Actor; journeyId: string; inputs: readonly StepCommandInput[] },
): Promise<Outcome> {
  try {
    return await inTransaction(async (s) => {
      const events: string[] = [];
      let last: Outcome = { ok: false, error: new AppError('unprocessable', { detail: 'No command.' }) };
      for (const input of c.inputs) {
        last = await handleCommand(s, settings, { actor: c.actor, journeyId: c.journeyId, input, key: null });
        if (!last.ok) throw new Undo(last);
        events.push(...last.result.body.events);
      }
      return last.ok ? { ok: true, result: { ...last.result, body: { ...last.result.body, events } } } : last;
    });
  } catch (error) {
    if (error instanceof Undo) return error.outcome;
    throw error;
  }
}

/** `open-journey`: a new journey with its events, steps, audit entry and stored answer (201). */
export async function handleOpening(
  s: Session,
  settings: HandlerSettings,
  o: OpeningRequest,
): Promise<Outcome> {
  const stored = await storedOutcome(s, settings, o.actor.personId, o.key, o.hash);
  if (stored) return stored;
  const opening = await o.prepare(s);
  if ('ok' in opening) return opening;
  const journeyId = randomUUID();
  const decided = decideOpening(o.actor, opening, journeyId, s.at, settings.params);
  if (!decided.ok) return decided;
  const change = openingChange(o, opening, journeyId, decided.events);
  const { result } = await s.append(change);
  return { ok: true, result };
}

/** A new journey as a change for the store: its columns, its audit entry (the opening's) and its answer (201). */
function openingChange(
  o: OpeningRequest,
  opening: Opening,
  journeyId: string,
  events: readonly JourneyEvent[],
): Change {
  const { actor, key, hash } = o;
  const { membership, applicantId, audit } = opening;
  return {
    before: null,
    events,
    key,
    columns: { occupation: opening.occupation, place: opening.place },
    audited: auditEvent(
      actor,
      membership,
      audit.action,
      'journey',
      journeyId,
      applicantId,
      audit.purpose,
      'success',
    ),
    answer: { actorId: actor.personId, hash, status: 201 },
  };
}

/**
 * The answer stored under a repeated key, to be sent again; null when there is none, or it has expired (it is
 * unknown, even before the purge job has deleted it: the request is decided anew); 409 when it came with another body.
 */
async function storedOutcome(
  s: Session,
  settings: HandlerSettings,
  actorId: string,
  key: string | null,
  hash: string,
): Promise<Outcome | null> {
  if (key === null) return null;
  const stored = await s.storedAnswer(actorId, key);
  if (!stored) return null;
  if (idempotencyKeyExpired(stored.createdAt, s.at, settings.idempotencyTtlHours)) {
    await s.forgetAnswer(actorId, key);
    return null;
  }
  if (stored.requestHash !== hash) return { ok: false, error: keyReused() };
  return { ok: true, result: { status: stored.status, body: stored.response, replayed: true } };
}

/** 409 for an `Idempotency-Key` sent again with another body. */
function keyReused(): AppError {
  return new AppError('conflict', {
    detail: 'This Idempotency-Key was used for a different request.',
    errors: [{ field: 'header.idempotency-key', rule: 'reused', message: 'was used with another body' }],
  });
}

/** The core's decision on a command for the membership the policy allowed. */
function decideCommand(
  actor: Actor,
  access: Access,
  input: StepCommandInput,
  at: Date,
  params: JourneyParameters,
): Decided {
  const role = journeyRoleOf(access.membership.role);
  if (role === null)
    return {
      ok: false,
      refusal: { code: 'role-not-allowed', messageKey: 'journey.refusal.role-not-allowed' },
    };
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
  const command = { ...sent, actor: domainActor } as Command;
  const decision = decide({ status: 'open', ...state }, command, momentOf(at.toISOString()), params);
  return 'refusal' in decision
    ? { ok: false, refusal: decision.refusal }
    : { ok: true, events: decision.events };
}

/** The core's decision on `open-journey` for an opening. */
function decideOpening(
  actor: Actor,
  opening: Opening,
  journeyId: string,
  at: Date,
  params: JourneyParameters,
): Decided {
  const command = {
    type: 'open-journey',
    actor: { role: 'applicant', id: actor.personId },
    journeyId,
    facts: opening.facts,
    owners: opening.owners,
    applicantId: opening.applicantId,
  } as const;
  const decision = decide({ status: 'initial' }, command, momentOf(at.toISOString()), params);
  return 'refusal' in decision
    ? { ok: false, refusal: decision.refusal }
    : { ok: true, events: decision.events };
}

/**
 * Opens a journey and applies commands to it in ONE transaction: all or none (the first refusal undoes the
 * opening); `after` adds the caller's own rows in the same transaction (e.g. a fair's hand-off, issue 16).
 */
export async function handleOpeningThen(
  inTransaction: (handler: (s: Session) => Promise<Outcome>) => Promise<Outcome>,
  settings: HandlerSettings,
  o: OpeningRequest,
  inputs: readonly StepCommandInput[],
  after: (s: Session, journeyId: string) => Promise<void>,
): Promise<Outcome> {
  try {
    return await inTransaction(async (s) => {
      const opened = await handleOpening(s, settings, o);
      if (!opened.ok) throw new Undo(opened);
      const journeyId = opened.result.body.journeyId;
      for (const input of inputs) {
        const done = await handleCommand(s, settings, { actor: o.actor, journeyId, input, key: null });
        if (!done.ok) throw new Undo(done);
      }
      await after(s, journeyId);
      return opened;
    });
  } catch (error) {
    if (error instanceof Undo) return error.outcome;
    throw error;
  }
}

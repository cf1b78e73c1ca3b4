/**
 * What goes into the journey's two use cases (open a journey, apply a command) and what comes out: the inputs as
 * the API takes them, the answer, and the handlers' value result (an answer, a refusal of the core, or an error of
 * the catalogue; nothing is thrown for an expected outcome).
 */
import { createHash } from 'node:crypto';
import type { Membership } from '../../domain/access/policy.ts';
import type { Command, JourneyFacts, Refusal, StepKind } from '../../domain/journey/index.ts';
import type { AppError } from '../../platform/http/errors.ts';
import type { JourneyPlace } from './access.ts';

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

/** The value a handler returns: the answer, the core's refusal, or an error of the catalogue (404, 409 …). */
export type Outcome =
  | { readonly ok: true; readonly result: CommandResult }
  | { readonly ok: false; readonly refusal: Refusal }
  | { readonly ok: false; readonly error: AppError };

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

/** The hash of a request stored with its Idempotency-Key: canonical JSON (keys sorted), SHA-256. */
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

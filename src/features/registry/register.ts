import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  checkEntry,
  type PortabilityAnswer,
  portability,
  type RegisterEntry,
  SIX_STATES,
  type SixState,
  STATE_LAW_PROFESSIONS,
} from '../../domain/recognition/portability.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { auditActor, type ChangeActor } from './actor.ts';
import { mutualRecognitionEntry, registryChange } from './schema.ts';

export const registerEntryBody = z.strictObject({
  profession: z.enum(STATE_LAW_PROFESSIONS, { error: `must be one of ${STATE_LAW_PROFESSIONS.join(', ')}` }),
  fromState: z.enum(SIX_STATES),
  toState: z.enum(SIX_STATES),
  outcome: z.enum(['counts', 'notification', 'bridging']),
  bridgingStep: z.string().trim().max(1000).nullable().default(null),
  legalBasis: z.string().trim().min(1).max(500),
  source: z.string().trim().min(1).max(2000),
  reason: z.string().trim().min(1).max(500),
});
export type RegisterEntryInput = z.output<typeof registerEntryBody>;

async function entries(db: DbOrTx): Promise<RegisterEntry[]> {
  const rows = await db.select().from(mutualRecognitionEntry);
  return rows.map((r) => ({
    profession: r.profession as RegisterEntry['profession'],
    fromState: r.fromState as SixState,
    toState: r.toState as SixState,
    outcome: r.outcome,
    bridgingStep: r.bridgingStep,
    legalBasis: r.legalBasis,
    verified: r.verified,
  }));
}

/** The mutual-recognition register: defaults from the domain, confirmed or replaced by ministry officers. */
export function createRegisterService(db: Database, now: () => Date = () => new Date()) {
  /** The answer for every one of the six states as the receiving state. */
  async function answersFrom(profession: string, fromState: SixState): Promise<PortabilityAnswer[]> {
    const list = await entries(db);
    return SIX_STATES.map((to) => portability(profession, fromState, to, list));
  }

  /** A ministry officer sets the answer for one profession and pair of states; history and audit in one transaction. */
  async function setEntry(actor: ChangeActor, input: RegisterEntryInput) {
    const problems = checkEntry(input);
    if (problems.length > 0) {
      throw new AppError('validation-failed', {
        errors: problems.map((p) => ({ field: `body.${p.field}`, rule: p.rule, message: p.rule })),
      });
    }
    const id = `${input.profession}:${input.fromState}:${input.toState}`;
    const at = now();
    const values = {
      id,
      profession: input.profession,
      fromState: input.fromState,
      toState: input.toState,
      outcome: input.outcome,
      bridgingStep: input.outcome === 'counts' ? null : input.bridgingStep,
      legalBasis: input.legalBasis,
      source: input.source,
      asOf: at.toISOString().slice(0, 10),
      confidence: 'high' as const,
      verified: true,
    };
    await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(mutualRecognitionEntry)
        .where(eq(mutualRecognitionEntry.id, id))
        .for('update');
      await tx
        .insert(mutualRecognitionEntry)
        .values(values)
        .onConflictDoUpdate({ target: mutualRecognitionEntry.id, set: values });
      await tx.insert(registryChange).values({
        tableName: 'mutual-recognition-entry',
        rowKey: id,
        actor: actor.personId,
        at,
        reason: input.reason,
        before: before ?? null,
        after: values,
      });
      await appendAudit(
        tx,
        {
          ...auditActor(actor),
          action: 'mutual-recognition.set',
          objectType: 'mutual-recognition-entry',
          objectId: id,
          purpose: input.reason.slice(0, 200),
          result: 'success',
        },
        at,
      );
    });
    return portability(input.profession, input.fromState, input.toState, await entries(db));
  }

  return { answersFrom, setEntry, entries: () => entries(db) };
}

export type RegisterService = ReturnType<typeof createRegisterService>;

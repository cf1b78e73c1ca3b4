/**
 * What a participating state does with a joint project (issue 17): its officer records the state's answer to the
 * project and its split (only for their own state), and an officer of a participating state recalculates the split
 * from the key data as they stand now. A recalculation is an explicit act in the history with every state's share
 * before and after; when a share changes, the answers given to the old split are set back to open.
 */
import { and, eq } from 'drizzle-orm';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { answerRelations, projectRelations } from './access.ts';
import { calculateSplit } from './calculate.ts';
import { type Answer, jointProject, jointProjectEvent, jointProjectState } from './schema.ts';
import { auditActor, projectById } from './service.ts';

export type ActResult =
  | { kind: 'ok' }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'refused'; field: string; rule: string };

/** Records a state's answer to the project and its split, by an officer of that state. */
export async function answerProject(
  db: Database,
  actor: Actor,
  input: { projectId: string; stateCode: string; answer: Answer },
  now: Date,
): Promise<ActResult> {
  return db.transaction(async (tx) => {
    const p = await projectById(tx, input.projectId);
    if (!p) return { kind: 'not-found' } as const;
    const d = decideFor(actor, 'update', 'joint-project-agreement', (m) =>
      answerRelations(m, input.stateCode),
    );
    const who = auditActor(actor, d.allow ? d.membership : undefined);
    const audit = (result: 'success' | 'denied') =>
      appendAudit(
        tx,
        {
          ...who,
          action: 'update',
          objectType: 'joint-project-agreement',
          objectId: p.id,
          purpose: `joint project answer: ${input.stateCode} ${input.answer}`,
          result,
        },
        now,
      );
    if (!d.allow) {
      await audit('denied');
      return { kind: 'forbidden' } as const;
    }
    if (!p.states.some((s) => s.stateCode === input.stateCode))
      return { kind: 'refused', field: 'state', rule: 'participating' } as const;
    await tx
      .update(jointProjectState)
      .set({
        answer: input.answer,
        answeredBy: actor.personId,
        answeredByOrganisationId: who.actorOrganisationId,
        answeredAt: now,
      })
      .where(and(eq(jointProjectState.projectId, p.id), eq(jointProjectState.stateCode, input.stateCode)));
    await tx.insert(jointProjectEvent).values({
      projectId: p.id,
      kind: input.answer,
      stateCode: input.stateCode,
      actorPersonId: actor.personId,
      actorOrganisationId: who.actorOrganisationId,
      at: now,
    });
    await tx.update(jointProject).set({ updatedAt: now }).where(eq(jointProject.id, p.id));
    await audit('success');
    return { kind: 'ok' } as const;
  });
}

/** Calculates the split again from the key data as they stand now; recorded in the history with before and after. */
export async function recalculateProject(
  db: Database,
  actor: Actor,
  projectId: string,
  now: Date,
): Promise<ActResult> {
  return db.transaction(async (tx) => {
    const p = await projectById(tx, projectId);
    if (!p) return { kind: 'not-found' } as const;
    const states = p.states.map((s) => s.stateCode);
    const d = decideFor(actor, 'update', 'joint-project', (m) => projectRelations(m, states));
    const who = auditActor(actor, d.allow ? d.membership : undefined);
    const audit = (result: 'success' | 'denied' | 'failure') =>
      appendAudit(
        tx,
        {
          ...who,
          action: 'update',
          objectType: 'joint-project',
          objectId: p.id,
          purpose: 'recalculate split',
          result,
        },
        now,
      );
    if (!d.allow) {
      await audit('denied');
      return { kind: 'forbidden' } as const;
    }
    const split = await calculateSplit(tx, {
      keyKind: p.keyKind,
      keyYear: p.keyYear,
      states,
      weights: p.negotiatedWeights,
      budgetCents: p.budgetCents,
    });
    if (!split.ok) {
      await audit('failure');
      return { kind: 'refused', field: split.field, rule: split.rule } as const;
    }
    const detail: Record<string, { before: number; after: number }> = {};
    for (const row of split.rows) {
      const before = p.states.find((s) => s.stateCode === row.stateCode);
      detail[row.stateCode] = { before: before?.shareCents ?? 0, after: row.shareCents };
    }
    const changed = Object.values(detail).some((x) => x.before !== x.after);
    for (const row of split.rows)
      await tx
        .update(jointProjectState)
        .set({
          keyValue: row.keyValue,
          keyPeriod: row.keyPeriod,
          keySource: row.keySource,
          keyVerified: row.verified,
          shareCents: row.shareCents,
          ...(changed
            ? { answer: null, answeredBy: null, answeredByOrganisationId: null, answeredAt: null }
            : {}),
        })
        .where(and(eq(jointProjectState.projectId, p.id), eq(jointProjectState.stateCode, row.stateCode)));
    await tx.update(jointProject).set({ calculatedAt: now, updatedAt: now }).where(eq(jointProject.id, p.id));
    await tx.insert(jointProjectEvent).values({
      projectId: p.id,
      kind: 'recalculated',
      actorPersonId: actor.personId,
      actorOrganisationId: who.actorOrganisationId,
      detail,
      at: now,
    });
    await audit('success');
    return { kind: 'ok' } as const;
  });
}

/**
 * The organisers' side of a fair (issue 16, V4): an officer creates a fair for their own state and names other
 * states, whose officers each agree or decline for their own state only; the officers of an agreeing state
 * approve or refuse the exhibitors' applications and add talks. Each change is one transaction with its audit
 * entry, authorised by the policy (`fair`, `fair-agreement`, `fair-exhibitor`).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { auditActor, officerState } from '../joint-projects/index.ts';
import { fairRelations, stateAnswerRelations } from './access.ts';
import type { NewFair, NewSession } from './fair-form.ts';
import { type FairDetail, organisersOf } from './read.ts';
import { type FairAnswer, fair, fairExhibitor, fairSession, fairState } from './schema.ts';

export type Result = { kind: 'ok'; id: string } | { kind: 'forbidden' } | { kind: 'not-open' };

type Audit = { action: string; objectType: string; objectId: string | null; purpose: string };

async function audit(
  tx: DbOrTx,
  actor: Actor,
  m: Parameters<typeof auditActor>[1],
  a: Audit,
  result: 'success' | 'denied' | 'failure',
  now: Date,
) {
  await appendAudit(tx, { ...auditActor(actor, m), ...a, result }, now);
}

/** Creates a fair organised by the officer's own state (agreed) and the named states (their answers open). */
export async function createFair(db: Database, actor: Actor, input: NewFair, now: Date): Promise<Result> {
  const own = officerState(actor);
  const d = decideFor(actor, 'create', 'fair', (m) => fairRelations(m, own ? [own] : []));
  const a = { action: 'create', objectType: 'fair', objectId: null, purpose: 'organise a job fair' };
  if (!d.allow || !own) {
    await audit(db, actor, undefined, a, 'denied', now);
    return { kind: 'forbidden' };
  }
  return db.transaction(async (tx) => {
    const { states, ...values } = input;
    const [row] = await tx
      .insert(fair)
      .values({
        ...values,
        createdBy: actor.personId,
        createdByOrganisationId: d.membership?.organisationId ?? null,
        createdAt: now,
      })
      .returning({ id: fair.id });
    if (!row) throw new Error('fair not stored');
    const all = [...new Set([own, ...states])];
    await tx.insert(fairState).values(
      all.map((s) =>
        s === own
          ? {
              fairId: row.id,
              stateCode: s,
              answer: 'agreed' as const,
              answeredBy: actor.personId,
              answeredAt: now,
            }
          : { fairId: row.id, stateCode: s },
      ),
    );
    await audit(tx, actor, d.membership, { ...a, objectId: row.id }, 'success', now);
    return { kind: 'ok', id: row.id } as const;
  });
}

/** A co-organising state's answer, given once by an officer of that state. */
export async function answerFair(
  db: Database,
  actor: Actor,
  f: FairDetail,
  stateCode: string,
  answer: FairAnswer,
  now: Date,
): Promise<Result> {
  const d = decideFor(actor, 'update', 'fair-agreement', (m) => stateAnswerRelations(m, stateCode));
  const a = { action: 'update', objectType: 'fair-agreement', objectId: f.id, purpose: `fair: ${answer}` };
  if (!d.allow) {
    await audit(db, actor, undefined, a, 'denied', now);
    return { kind: 'forbidden' };
  }
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(fairState)
      .set({ answer, answeredBy: actor.personId, answeredAt: now })
      .where(and(eq(fairState.fairId, f.id), eq(fairState.stateCode, stateCode), isNull(fairState.answer)))
      .returning({ s: fairState.stateCode });
    await audit(tx, actor, d.membership, a, done ? 'success' : 'failure', now);
    return done ? ({ kind: 'ok', id: f.id } as const) : ({ kind: 'not-open' } as const);
  });
}

/** An organising state's officer approves or refuses an application (once; a refused one may be approved later). */
export async function decideExhibitor(
  db: Database,
  actor: Actor,
  f: FairDetail,
  organisationId: string,
  to: 'approved' | 'refused',
  now: Date,
): Promise<Result> {
  const d = decideFor(actor, 'update', 'fair-exhibitor', (m) => fairRelations(m, organisersOf(f)));
  const a = {
    action: 'update',
    objectType: 'fair-exhibitor',
    objectId: f.id,
    purpose: `fair exhibitor: ${to}`,
  };
  if (!d.allow || d.membership?.role !== 'ministry-officer') {
    await audit(db, actor, undefined, a, 'denied', now);
    return { kind: 'forbidden' };
  }
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(fairExhibitor)
      .set({ status: to, decidedBy: actor.personId, decidedAt: now })
      .where(
        and(
          eq(fairExhibitor.fairId, f.id),
          eq(fairExhibitor.organisationId, organisationId),
          to === 'approved' ? undefined : eq(fairExhibitor.status, 'applied'),
        ),
      )
      .returning({ id: fairExhibitor.organisationId });
    await audit(tx, actor, d.membership, a, done ? 'success' : 'failure', now);
    return done ? ({ kind: 'ok', id: organisationId } as const) : ({ kind: 'not-open' } as const);
  });
}

/** Adds a talk to the fair (an officer of an organising state). */
export async function addSession(
  db: Database,
  actor: Actor,
  f: FairDetail,
  s: NewSession,
  now: Date,
): Promise<Result> {
  const d = decideFor(actor, 'update', 'fair', (m) => fairRelations(m, organisersOf(f)));
  const a = { action: 'update', objectType: 'fair', objectId: f.id, purpose: 'fair: add a talk' };
  if (!d.allow) {
    await audit(db, actor, undefined, a, 'denied', now);
    return { kind: 'forbidden' };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fairSession)
      .values({ ...s, fairId: f.id, createdBy: actor.personId })
      .returning({ id: fairSession.id });
    await audit(tx, actor, d.membership, a, 'success', now);
    return { kind: 'ok', id: row?.id ?? '' } as const;
  });
}

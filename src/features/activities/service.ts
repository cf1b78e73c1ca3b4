/**
 * The states' activity register (issue 17): recording and changing an activity (one transaction with its audit
 * entry), reading the register, and the overlaps of a state. Who may do what is the policy's `state-activity`
 * rows; the relation is the activity's state against the officer's ministry's jurisdiction.
 */
import { asc, eq } from 'drizzle-orm';
import { jurisdictionStates } from '../../domain/access/jurisdiction.ts';
import { type Actor, decideFor, type Membership, type Relation } from '../../domain/access/policy.ts';
import type { ActivityInput } from '../../domain/workspace/activity.ts';
import { findOverlaps, type Overlap } from '../../domain/workspace/overlaps.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { person } from '../people/index.ts';
import { stateActivity } from './schema.ts';

export type ActivityRow = typeof stateActivity.$inferSelect;

/** The relations of an activity of a state to one membership of the actor. */
export function activityRelations(m: Membership, stateCode: string): ReadonlySet<Relation> {
  const out = new Set<Relation>(['other']);
  if (jurisdictionStates(m.jurisdictions).includes(stateCode)) out.add('within-jurisdiction');
  return out;
}

/** The ministry officer's state and ministry (the first ministry-officer role with a state jurisdiction). */
export function officerState(actor: Actor): { stateCode: string; membership: Membership } | null {
  for (const m of actor.memberships)
    if (m.role === 'ministry-officer') {
      const [stateCode] = jurisdictionStates(m.jurisdictions);
      if (stateCode) return { stateCode, membership: m };
    }
  return null;
}

/** True when the actor may change (or, with 'create', record) activities of this state. */
export const mayEdit = (actor: Actor, stateCode: string, action: 'create' | 'update' = 'update'): boolean =>
  decideFor(actor, action, 'state-activity', (m) => activityRelations(m, stateCode)).allow;

export async function allActivities(db: DbOrTx): Promise<ActivityRow[]> {
  return db
    .select()
    .from(stateActivity)
    .orderBy(asc(stateActivity.periodStart), asc(stateActivity.title), asc(stateActivity.id));
}

export async function publicActivities(db: DbOrTx): Promise<ActivityRow[]> {
  return db
    .select()
    .from(stateActivity)
    .where(eq(stateActivity.isPublic, true))
    .orderBy(asc(stateActivity.periodStart), asc(stateActivity.title), asc(stateActivity.id));
}

export async function activityById(db: DbOrTx, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(stateActivity).where(eq(stateActivity.id, id)).limit(1);
  return row;
}

/** The overlaps among all activities (the finder runs in memory: a register holds hundreds, not millions). */
export function overlapsOf(rows: readonly ActivityRow[]): Overlap[] {
  return findOverlaps(
    rows.map((r) => ({
      id: r.id,
      stateCode: r.stateCode,
      countries: r.countries,
      occupations: r.occupations,
      start: r.periodStart,
      end: r.periodEnd,
    })),
  );
}

const values = (input: ActivityInput) => ({
  kind: input.kind,
  title: input.title,
  description: input.description,
  countries: [...input.countries],
  occupations: [...input.occupations],
  periodStart: input.start,
  periodEnd: input.end,
  budgetCents: input.budgetCents,
  fundingSource: input.fundingSource,
  contactName: input.contactName,
  contactEmail: input.contactEmail,
  contactPhone: input.contactPhone,
  status: input.status,
  outcomes: input.outcomes,
  isPublic: input.isPublic,
});

type AuditAction = 'create' | 'update' | 'read';

/** One audit entry about the register or an activity, written with the change it records. */
export function auditActivity(
  db: DbOrTx,
  actor: Actor,
  m: Membership | undefined,
  action: AuditAction,
  objectId: string | null,
  result: 'success' | 'denied',
  now: Date,
  purpose = objectId ? 'states activity register' : 'states activity register: list',
) {
  return appendAudit(
    db,
    {
      actorPersonId: actor.personId,
      actorRole: m?.role ?? null,
      actorOrganisationId: m?.organisationId ?? null,
      action,
      objectType: 'state-activity',
      objectId,
      purpose,
      result,
    },
    now,
  );
}

/** Records an activity of the officer's state; its state and ministry come from the officer's role. */
export async function createActivity(
  db: Database,
  actor: Actor,
  input: ActivityInput,
  now: Date,
): Promise<{ kind: 'ok'; id: string } | { kind: 'forbidden' }> {
  const own = officerState(actor);
  if (!own?.membership.organisationId || !mayEdit(actor, own.stateCode, 'create')) {
    await auditActivity(db, actor, own?.membership, 'create', null, 'denied', now);
    return { kind: 'forbidden' };
  }
  const ministry = own.membership.organisationId;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stateActivity)
      .values({
        ...values(input),
        stateCode: own.stateCode,
        organisationId: ministry,
        createdBy: actor.personId,
        updatedBy: actor.personId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: stateActivity.id });
    if (!row) throw new Error('the activity was not stored');
    await auditActivity(tx, actor, own.membership, 'create', row.id, 'success', now);
    return { kind: 'ok', id: row.id } as const;
  });
}

/** Changes an activity; only an officer of its state may (anyone else's attempt is audited as denied). */
export async function updateActivity(
  db: Database,
  actor: Actor,
  id: string,
  input: ActivityInput,
  now: Date,
): Promise<{ kind: 'ok' } | { kind: 'forbidden' } | { kind: 'not-found' }> {
  return db.transaction(async (tx) => {
    const row = await activityById(tx, id);
    if (!row) return { kind: 'not-found' } as const;
    const d = decideFor(actor, 'update', 'state-activity', (m) => activityRelations(m, row.stateCode));
    if (!d.allow) {
      await auditActivity(tx, actor, actor.memberships[0], 'update', id, 'denied', now);
      return { kind: 'forbidden' } as const;
    }
    await tx
      .update(stateActivity)
      .set({ ...values(input), updatedBy: actor.personId, updatedAt: now })
      .where(eq(stateActivity.id, id));
    await auditActivity(tx, actor, d.membership, 'update', id, 'success', now);
    return { kind: 'ok' } as const;
  });
}

/** The officer's own name and address: the contact a new activity starts with. */
export async function ownContact(db: DbOrTx, personId: string): Promise<{ name: string; email: string }> {
  const [p] = await db
    .select({ name: person.displayName, email: person.email })
    .from(person)
    .where(eq(person.id, personId))
    .limit(1);
  return p ?? { name: '', email: '' };
}

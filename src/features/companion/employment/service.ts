/**
 * The employer's confirmation of a § 104c holder's employment (issue 18). The holder names a confirmed employer of
 * the platform; that employer's people confirm start, hours, pay and contract end; the holder can withdraw at any
 * time. Every read and change is authorised by the policy (`companion-employment`) and audited; every change is one
 * transaction with its audit entry.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { type Actor, decideFor, type Membership, type Relation } from '../../../domain/access/policy.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import { employerProfile } from '../../employers/index.ts';
import { organisation, person } from '../../people/index.ts';
import { companionHolder } from '../schema.ts';
import { companionEmployment } from './schema.ts';

export type EmploymentRow = typeof companionEmployment.$inferSelect;
export type EmploymentView = EmploymentRow & { employerName: string };
export type Confirmation = {
  startedOn: string;
  hoursPerWeek: number;
  monthlyGrossEur: number;
  permanent: boolean;
  contractEndsOn: string | null;
};

type Action = 'grant' | 'withdraw' | 'read' | 'update';
const PURPOSE: Record<Action, string> = {
  grant: 'companion: consent to an employer to confirm employment',
  withdraw: 'companion: consent to an employer withdrawn',
  read: 'companion: employment confirmation',
  update: 'companion: employer confirms employment',
};

/** The relations of one membership of the actor to a confirmation. */
function relations(actor: Actor, m: Membership, row: EmploymentRow): ReadonlySet<Relation> {
  const out = new Set<Relation>(['other']);
  if (row.personId === actor.personId) out.add('own');
  if (m.organisationId !== null && m.organisationId === row.organisationId && row.withdrawnAt === null)
    out.add('shared-by-consent');
  return out;
}

/** Decides and audits one attempt on a confirmation; returns whether it is allowed. */
async function authorise(db: DbOrTx, actor: Actor, action: Action, row: EmploymentRow, now: Date) {
  const d = decideFor(actor, action, 'companion-employment', (m) => relations(actor, m, row));
  const m = d.allow ? d.membership : actor.memberships[0];
  await appendAudit(
    db,
    {
      actorPersonId: actor.personId,
      actorRole: m?.role ?? null,
      actorOrganisationId: m?.organisationId ?? null,
      action: action === 'grant' ? 'create' : action,
      objectType: 'companion-employment',
      objectId: row.id,
      subjectPersonId: row.personId,
      purpose: PURPOSE[action],
      result: d.allow ? 'success' : 'denied',
    },
    now,
  );
  return d.allow;
}

/** The employers a holder may name: registered on the platform and confirmed by their state. */
export async function confirmedEmployers(db: DbOrTx): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: organisation.id, name: organisation.name })
    .from(employerProfile)
    .innerJoin(organisation, eq(organisation.id, employerProfile.organisationId))
    .where(eq(employerProfile.trust, 'confirmed'))
    .orderBy(organisation.name);
}

const withName = { row: companionEmployment, employerName: organisation.name };
const flat = (r: { row: EmploymentRow; employerName: string }): EmploymentView => ({
  ...r.row,
  employerName: r.employerName,
});

/** A person's consents, newest first (the caller has authorised the read of the person's own companion). */
export async function employmentsOf(db: DbOrTx, personId: string): Promise<EmploymentView[]> {
  const rows = await db
    .select(withName)
    .from(companionEmployment)
    .innerJoin(organisation, eq(organisation.id, companionEmployment.organisationId))
    .where(eq(companionEmployment.personId, personId))
    .orderBy(desc(companionEmployment.consentedAt));
  return rows.map(flat);
}

export type GrantResult = 'ok' | 'forbidden' | 'unknown-employer' | 'already';

/** The holder names an employer; one open consent per employer. */
export async function grantConsent(db: Database, actor: Actor, organisationId: string, now: Date) {
  return db.transaction(async (tx): Promise<GrantResult> => {
    const ok = (await confirmedEmployers(tx)).some((e) => e.id === organisationId);
    if (!ok) return 'unknown-employer';
    const open = await tx
      .select({ id: companionEmployment.id })
      .from(companionEmployment)
      .where(
        and(
          eq(companionEmployment.personId, actor.personId),
          eq(companionEmployment.organisationId, organisationId),
          isNull(companionEmployment.withdrawnAt),
        ),
      );
    if (open.length > 0) return 'already';
    const row: EmploymentRow = {
      id: randomUUID(),
      personId: actor.personId,
      organisationId,
      consentedAt: now,
      withdrawnAt: null,
      confirmedAt: null,
      confirmedBy: null,
      startedOn: null,
      hoursPerWeek: null,
      monthlyGrossEur: null,
      permanent: null,
      contractEndsOn: null,
    };
    if (!(await authorise(tx, actor, 'grant', row, now))) return 'forbidden';
    await tx.insert(companionEmployment).values(row);
    return 'ok';
  });
}

async function rowById(db: DbOrTx, id: string): Promise<EmploymentRow | undefined> {
  const [row] = await db.select().from(companionEmployment).where(eq(companionEmployment.id, id));
  return row;
}

/** The holder withdraws; the employer's access ends, the confirmation no longer counts. */
export async function withdrawConsent(db: Database, actor: Actor, id: string, now: Date) {
  return db.transaction(async (tx): Promise<'ok' | 'not-found'> => {
    const row = await rowById(tx, id);
    if (!row || row.withdrawnAt !== null) return 'not-found';
    if (!(await authorise(tx, actor, 'withdraw', row, now))) return 'not-found';
    await tx.update(companionEmployment).set({ withdrawnAt: now }).where(eq(companionEmployment.id, id));
    return 'ok';
  });
}

/** The open consents given to the actor's employer organisations, with the holder's name and permit end. */
export async function requestsFor(db: Database, actor: Actor, now: Date) {
  const orgs = actor.memberships
    .filter((m) => m.role === 'employer-admin' || m.role === 'employer-member')
    .flatMap((m) => (m.organisationId ? [m.organisationId] : []));
  if (orgs.length === 0) return [];
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        row: companionEmployment,
        name: person.displayName,
        expiresOn: companionHolder.permitExpiresOn,
      })
      .from(companionEmployment)
      .innerJoin(person, eq(person.id, companionEmployment.personId))
      .leftJoin(companionHolder, eq(companionHolder.personId, companionEmployment.personId))
      .where(and(inArray(companionEmployment.organisationId, orgs), isNull(companionEmployment.withdrawnAt)))
      .orderBy(desc(companionEmployment.consentedAt));
    const out = [];
    for (const r of rows) if (await authorise(tx, actor, 'read', r.row, now)) out.push(r);
    return out;
  });
}

/** One confirmation as the employer reads it; null when out of reach (the read is audited either way). */
export async function employmentForEmployer(db: Database, actor: Actor, id: string, now: Date) {
  return db.transaction(async (tx) => {
    const row = await rowById(tx, id);
    if (!row) return null;
    if (!(await authorise(tx, actor, 'read', row, now))) return null;
    const [p] = await tx.select({ name: person.displayName }).from(person).where(eq(person.id, row.personId));
    return { row, name: p?.name ?? '' };
  });
}

/** The employer confirms (or corrects) the employment; nothing is written unless allowed. */
export async function confirmEmployment(
  db: Database,
  actor: Actor,
  id: string,
  c: Confirmation,
  now: Date,
): Promise<'ok' | 'not-found'> {
  return db.transaction(async (tx) => {
    const row = await rowById(tx, id);
    if (!row) return 'not-found';
    if (!(await authorise(tx, actor, 'update', row, now))) return 'not-found';
    await tx
      .update(companionEmployment)
      .set({
        ...c,
        contractEndsOn: c.permanent ? null : c.contractEndsOn,
        confirmedAt: now,
        confirmedBy: actor.personId,
      })
      .where(eq(companionEmployment.id, id));
    return 'ok';
  });
}

/** Erases a person's consents and confirmations (an erasure request granted). */
export async function eraseEmploymentsOf(tx: DbOrTx, personId: string): Promise<void> {
  await tx.delete(companionEmployment).where(eq(companionEmployment.personId, personId));
}

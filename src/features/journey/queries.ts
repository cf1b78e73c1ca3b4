/**
 * Read models over the projection: the journeys a person sees in each role, an authority's work queue (steps of
 * its organisation, sorted by due date, overdue marked) and its on-time rate. Every read of personal data writes
 * its audit entry in the same transaction.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor, Membership } from '../../domain/access/policy.ts';
import { addDays, daysBetween } from '../../domain/calendar.ts';
import { type AuditEvent, appendAuditMany } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { consent, person } from '../people/index.ts';
import { journeyRoleOf } from './access.ts';
import { journey, journeyNotice, journeyStep } from './schema.ts';

export const QUEUE_STATUSES = ['submitted', 'in-review', 'waiting-for-applicant'] as const;
/** How far past the current page the work queue counts its steps. */
export const QUEUE_COUNT_CAP = 1_000;
const AUTHORITY_ROLES = new Set([
  'recognition-officer',
  'foreigners-office-caseworker',
  'mission-officer',
  'employment-agency-officer',
]);

export function authorityMemberships(actor: Actor): Membership[] {
  return actor.memberships.filter((m) => AUTHORITY_ROLES.has(m.role) && m.organisationId !== null);
}

export interface JourneySummary {
  readonly id: string;
  readonly applicantId: string;
  readonly applicantName: string;
  readonly pathway: string;
  readonly occupation: string | null;
  readonly targetStateCode: string | null;
  readonly status: string;
  readonly updatedAt: Date;
}

const summaryColumns = {
  id: journey.id,
  applicantId: journey.applicantId,
  applicantName: person.displayName,
  pathway: journey.pathway,
  occupation: journey.occupation,
  targetStateCode: journey.targetStateCode,
  status: journey.status,
  updatedAt: journey.updatedAt,
};

/** One journey shown on a list screen: whose it is, and through which organisation the actor sees it. */
interface Listed {
  readonly journeyId: string;
  readonly applicantId: string;
  readonly organisationId?: string | null;
}

/**
 * The audit entries of a list screen: one per journey shown, naming its applicant as the person concerned, so that
 * each person on the page finds the read in "who saw my data" and nobody else gets an entry. Each entry names the
 * membership through which the row was listed (the step's owner, the employer) where the row says so. Appended
 * together in one statement (`appendAuditMany`, ADR 0010) in the read's transaction, all to the actor's chain: a
 * page of 50 takes one chain's lock, as the list's single entry did, not the lock of every chain (which would make
 * every other audited request wait for the page).
 */
export async function auditListed(
  tx: DbOrTx,
  actor: Actor,
  memberships: readonly Membership[],
  rows: readonly Listed[],
  purpose: string,
  at: Date,
) {
  const seen = new Set<string>();
  const entries: AuditEvent[] = [];
  for (const row of rows) {
    if (seen.has(row.journeyId)) continue;
    seen.add(row.journeyId);
    const m = memberships.find((x) => x.organisationId === row.organisationId) ?? memberships[0];
    entries.push({
      actorPersonId: actor.personId,
      actorRole: m?.role ?? null,
      actorOrganisationId: m?.organisationId ?? null,
      action: 'read',
      objectType: 'journey',
      objectId: row.journeyId,
      subjectPersonId: row.applicantId,
      purpose,
      result: 'success',
    });
  }
  await appendAuditMany(tx, entries, at, { chainKey: actor.personId });
}

export const LIST_PURPOSE = {
  applicant: 'list own journeys',
  employer: 'list the employer’s journeys',
  counsellor: 'list the counselling centre’s journeys',
} as const;

/** The journeys the actor sees: own (applicant), the employer's, a counselling centre's consenting applicants. */
export async function journeysFor(
  db: Database,
  actor: Actor,
  as: 'applicant' | 'employer' | 'counsellor',
  at: Date,
  limit = 100,
  purpose: string = LIST_PURPOSE[as],
): Promise<JourneySummary[]> {
  return db.transaction(async (tx) => {
    const memberships = actor.memberships.filter((m) => journeyRoleOf(m.role) === as);
    const orgIds = memberships.map((m) => m.organisationId).filter((x): x is string => x !== null);
    let where: ReturnType<typeof eq> | undefined;
    if (as === 'applicant') {
      if (memberships.length === 0) return [];
      where = eq(journey.applicantId, actor.personId);
    } else if (orgIds.length === 0) {
      return [];
    } else if (as === 'employer') {
      where = inArray(journey.employerId, orgIds);
    } else {
      where = inArray(
        journey.applicantId,
        tx
          .select({ id: consent.personId })
          .from(consent)
          .where(and(inArray(consent.organisationId, orgIds), isNull(consent.withdrawnAt))),
      );
    }
    const rows = await tx
      .select({ ...summaryColumns, employerId: journey.employerId })
      .from(journey)
      .innerJoin(person, eq(person.id, journey.applicantId))
      .where(where)
      .orderBy(desc(journey.updatedAt))
      .limit(limit);
    await auditListed(
      tx,
      actor,
      memberships,
      rows.map((r) => ({ journeyId: r.id, applicantId: r.applicantId, organisationId: r.employerId })),
      purpose,
      at,
    );
    return rows.map(({ employerId: _, ...summary }) => summary);
  });
}

export interface QueueItem {
  readonly journeyId: string;
  readonly kind: string;
  readonly status: string;
  readonly applicantName: string;
  readonly pathway: string;
  readonly dueAt: string | null;
  /** Due date moved by a pause still under way. */
  readonly effectiveDueAt: string | null;
  readonly pausedSince: string | null;
  readonly deadline: 'on-time' | 'near-breach' | 'breached' | null;
  readonly ownerId: string;
}

export function deadlineOf(
  dueAt: string | null,
  pausedSince: string | null,
  today: string,
  nearBreachDays: number,
): { effective: string | null; status: QueueItem['deadline'] } {
  if (dueAt === null) return { effective: null, status: null };
  const effective = pausedSince === null ? dueAt : addDays(dueAt, daysBetween(pausedSince, today));
  const left = daysBetween(today, effective);
  return { effective, status: left < 0 ? 'breached' : left <= nearBreachDays ? 'near-breach' : 'on-time' };
}

/**
 * The work queue of the actor's authority organisations: open steps they own, by due date (no deadline last).
 * Paginated by `offset`/`limit`.
 */
export async function workQueue(
  db: Database,
  actor: Actor,
  today: string,
  nearBreachDays: number,
  at: Date,
  page: { limit: number; offset: number } = { limit: 50, offset: 0 },
  countCap = QUEUE_COUNT_CAP,
  purpose = 'work queue',
): Promise<{ items: QueueItem[]; total: number; totalIsLowerBound: boolean; organisationIds: string[] }> {
  const memberships = authorityMemberships(actor);
  const orgIds = [...new Set(memberships.map((m) => m.organisationId as string))];
  if (orgIds.length === 0) return { items: [], total: 0, totalIsLowerBound: false, organisationIds: [] };
  const where = and(inArray(journeyStep.ownerId, orgIds), inArray(journeyStep.status, [...QUEUE_STATUSES]));
  const queueOrder = [
    sql`${journeyStep.dueAt} asc nulls last`,
    asc(journeyStep.journeyId),
    asc(journeyStep.kind),
  ] as const;
  // The page's rows and their audit entries (one per journey shown, in one statement) in one transaction; the
  // entries are appended last, so the chains' locks are held only for them and the commit.
  const rows = await db.transaction(async (tx) => {
    const listed = await tx
      .select({
        journeyId: journeyStep.journeyId,
        kind: journeyStep.kind,
        status: journeyStep.status,
        dueAt: journeyStep.dueAt,
        pausedSince: journeyStep.pausedSince,
        ownerId: journeyStep.ownerId,
        applicantId: journey.applicantId,
        applicantName: person.displayName,
        pathway: journey.pathway,
      })
      .from(journeyStep)
      .innerJoin(journey, eq(journey.id, journeyStep.journeyId))
      .innerJoin(person, eq(person.id, journey.applicantId))
      .where(where)
      .orderBy(...queueOrder)
      .limit(page.limit)
      .offset(page.offset);
    await auditListed(
      tx,
      actor,
      memberships,
      listed.map((r) => ({ journeyId: r.journeyId, applicantId: r.applicantId, organisationId: r.ownerId })),
      purpose,
      at,
    );
    return listed;
  });
  // Counted only so far (QUEUE_COUNT_CAP past the page): a large authority's queue is not counted in full on every
  // page (34 000 open steps: 14 ms), beyond that the page says "more than". The count names nobody: no entry.
  const cap = page.offset + countCap;
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(
    db
      .select({ one: sql`1` })
      .from(journeyStep)
      .where(where)
      // In the order of `journey_step_open_queue_idx`: an index-only scan that stops at the cap.
      .orderBy(...queueOrder)
      .limit(cap + 1)
      .as('open_steps'),
  );
  return {
    items: rows.map(({ applicantId: _, ...r }) => {
      const d = deadlineOf(r.dueAt, r.pausedSince, today, nearBreachDays);
      return { ...r, ownerId: r.ownerId as string, effectiveDueAt: d.effective, deadline: d.status };
    }),
    total: Math.min(count?.n ?? 0, cap),
    totalIsLowerBound: (count?.n ?? 0) > cap,
    organisationIds: orgIds,
  };
}

/** In-app notices of a person (applicant) or of organisations (authority), newest first. */
export async function noticesFor(
  db: DbOrTx,
  target: { personId?: string; organisationIds?: readonly string[] },
  limit = 20,
) {
  const where =
    target.personId !== undefined
      ? eq(journeyNotice.recipientPersonId, target.personId)
      : inArray(journeyNotice.recipientOrganisationId, [...(target.organisationIds ?? [])]);
  if (target.personId === undefined && (target.organisationIds ?? []).length === 0) return [];
  return db.select().from(journeyNotice).where(where).orderBy(desc(journeyNotice.createdAt)).limit(limit);
}

/**
 * An exhibitor's stand (issue 16, V4): a confirmed employer applies to a public fair; once an organising state
 * approved it, its people publish 1:1 meeting slots, see who booked them (name and email: the applicant was told
 * so when booking; every read audited with the applicant as the person concerned) and record attendance and the
 * outcome. Each change is one transaction with its audit entry, authorised by the policy.
 */
import { and, asc, eq } from 'drizzle-orm';
import { type Actor, decideFor, type Membership } from '../../domain/access/policy.ts';
import { appendAudit, appendAuditMany } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { mayPublish } from '../employers/index.ts';
import { auditActor } from '../joint-projects/index.ts';
import { person } from '../people/index.ts';
import { bookingRelations, standMembership } from './access.ts';
import { type FairDetail, isPublic, UUID } from './read.ts';
import {
  type Attendance,
  fairBooking,
  fairExhibitor,
  fairRegistration,
  fairSlot,
  type Outcome,
} from './schema.ts';

export type StandResult =
  | { kind: 'ok' }
  | { kind: 'forbidden' }
  | { kind: 'refused'; field: string; rule: string };

const entry = (
  actor: Actor,
  m: Membership | undefined,
  objectType: string,
  objectId: string,
  purpose: string,
) => ({
  ...auditActor(actor, m),
  action: 'update',
  objectType,
  objectId,
  purpose,
});

/** Applies for a place at a public fair; only a confirmed employer applies, once. */
export async function applyToFair(
  db: Database,
  actor: Actor,
  f: FairDetail,
  organisationId: string,
  now: Date,
): Promise<StandResult> {
  const m = standMembership(actor, 'create', organisationId);
  const e = { ...entry(actor, m, 'fair-exhibitor', f.id, 'fair: apply as exhibitor'), action: 'create' };
  if (!m) {
    await appendAudit(db, { ...e, result: 'denied' }, now);
    return { kind: 'forbidden' };
  }
  return db.transaction(async (tx) => {
    const refuse = async (field: string, rule: string) => {
      await appendAudit(tx, { ...e, result: 'failure' }, now);
      return { kind: 'refused', field, rule } as const;
    };
    if (!isPublic(f)) return refuse('fair', 'not-public');
    if (!(await mayPublish(tx, organisationId))) return refuse('employer', 'confirmed');
    const [row] = await tx
      .insert(fairExhibitor)
      .values({ fairId: f.id, organisationId, appliedBy: actor.personId, appliedAt: now })
      .onConflictDoNothing()
      .returning({ id: fairExhibitor.organisationId });
    if (!row) return refuse('employer', 'applied');
    await appendAudit(tx, { ...e, result: 'success' }, now);
    return { kind: 'ok' } as const;
  });
}

/** Publishes a meeting slot of an approved exhibitor (start within the fair's days, 5 to 120 minutes). */
export async function publishSlot(
  db: Database,
  actor: Actor,
  f: FairDetail,
  organisationId: string,
  slot: { startsAt: Date; minutes: number },
  now: Date,
): Promise<StandResult> {
  const m = standMembership(actor, 'update', organisationId);
  const e = entry(actor, m, 'fair-exhibitor', f.id, 'fair: publish a meeting slot');
  if (!m) {
    await appendAudit(db, { ...e, result: 'denied' }, now);
    return { kind: 'forbidden' };
  }
  return db.transaction(async (tx) => {
    const [ex] = await tx
      .select({ status: fairExhibitor.status })
      .from(fairExhibitor)
      .where(and(eq(fairExhibitor.fairId, f.id), eq(fairExhibitor.organisationId, organisationId)));
    if (ex?.status !== 'approved') {
      await appendAudit(tx, { ...e, result: 'failure' }, now);
      return { kind: 'refused', field: 'employer', rule: 'approved' } as const;
    }
    await tx
      .insert(fairSlot)
      .values({ ...slot, fairId: f.id, organisationId, createdBy: actor.personId, createdAt: now });
    await appendAudit(tx, { ...e, result: 'success' }, now);
    return { kind: 'ok' } as const;
  });
}

export type StandBooking = {
  id: string;
  startsAt: Date;
  minutes: number;
  name: string;
  email: string;
  timeZone: string;
  attendance: Attendance | null;
  outcome: Outcome | null;
  journeyId: string | null;
};

/** Who booked the exhibitor's slots at a fair: each applicant's name and email, every one read audited. */
export async function standBookings(
  db: DbOrTx,
  actor: Actor,
  fairId: string,
  organisationId: string,
  now: Date,
): Promise<StandBooking[]> {
  const m = standMembership(actor, 'read', organisationId);
  if (!m) return [];
  const rows = await db
    .select({
      id: fairBooking.id,
      personId: fairBooking.personId,
      startsAt: fairSlot.startsAt,
      minutes: fairSlot.minutes,
      name: person.displayName,
      email: person.email,
      timeZone: fairRegistration.timeZone,
      attendance: fairBooking.attendance,
      outcome: fairBooking.outcome,
      journeyId: fairBooking.journeyId,
    })
    .from(fairBooking)
    .innerJoin(fairSlot, eq(fairSlot.id, fairBooking.slotId))
    .innerJoin(person, eq(person.id, fairBooking.personId))
    .innerJoin(
      fairRegistration,
      and(
        eq(fairRegistration.fairId, fairBooking.fairId),
        eq(fairRegistration.personId, fairBooking.personId),
      ),
    )
    .where(and(eq(fairBooking.fairId, fairId), eq(fairSlot.organisationId, organisationId)))
    .orderBy(asc(fairSlot.startsAt));
  await appendAuditMany(
    db,
    rows.map((r) => ({
      ...entry(actor, m, 'fair-booking', r.id, 'fair: who booked our meeting slots'),
      action: 'read',
      subjectPersonId: r.personId,
      result: 'success' as const,
    })),
    now,
  );
  return rows.map(({ personId: _p, ...r }) => ({ ...r, name: r.name ?? '', email: r.email }));
}

/** The booking with its slot's exhibitor, if there is one. */
export async function bookingById(db: DbOrTx, id: string) {
  if (!UUID.test(id)) return undefined;
  const [b] = await db
    .select({
      booking: fairBooking,
      organisationId: fairSlot.organisationId,
      startsAt: fairSlot.startsAt,
      minutes: fairSlot.minutes,
    })
    .from(fairBooking)
    .innerJoin(fairSlot, eq(fairSlot.id, fairBooking.slotId))
    .where(eq(fairBooking.id, id));
  return b;
}

/** Records whether the applicant came and, if they did, the outcome (the exhibitor's people of the slot). */
export async function recordOutcome(
  db: Database,
  actor: Actor,
  bookingId: string,
  attendance: Attendance,
  outcome: Outcome | null,
  now: Date,
): Promise<StandResult | { kind: 'not-found' }> {
  return db.transaction(async (tx) => {
    const b = await bookingById(tx, bookingId);
    if (!b) return { kind: 'not-found' } as const;
    const target = { personId: b.booking.personId, organisationId: b.organisationId };
    const d = decideFor(actor, 'update', 'fair-booking', (m) => bookingRelations(actor, m, target));
    const e = {
      ...entry(
        actor,
        d.allow ? d.membership : undefined,
        'fair-booking',
        b.booking.id,
        'fair: record the meeting',
      ),
      subjectPersonId: b.booking.personId,
    };
    if (!d.allow) {
      await appendAudit(tx, { ...e, result: 'denied' }, now);
      return { kind: 'not-found' } as const;
    }
    if (b.booking.journeyId !== null) {
      await appendAudit(tx, { ...e, result: 'failure' }, now);
      return { kind: 'refused', field: 'outcome', rule: 'handed-off' } as const;
    }
    await tx
      .update(fairBooking)
      .set({
        attendance,
        outcome: attendance === 'attended' ? outcome : null,
        recordedBy: actor.personId,
        recordedAt: now,
      })
      .where(eq(fairBooking.id, b.booking.id));
    await appendAudit(tx, { ...e, result: 'success' }, now);
    return { kind: 'ok' } as const;
  });
}

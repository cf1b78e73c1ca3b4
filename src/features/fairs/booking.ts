/**
 * The applicant at a fair (issue 16, V4): registers (the time zone their times are shown in, the country they
 * live in) and books 1:1 slots. One booking per slot is guaranteed by the database (the slot's unique key): of
 * two at once, one gets the slot and the other is told it was taken. Each change is one transaction with its
 * audit entry; the applicant is the person concerned.
 */
import { and, asc, eq } from 'drizzle-orm';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { auditActor } from '../joint-projects/index.ts';
import { organisation } from '../people/index.ts';
import { bookingRelations } from './access.ts';
import { type FairDetail, isPublic, UUID } from './read.ts';
import { fairBooking, fairExhibitor, fairRegistration, fairSlot } from './schema.ts';

export type BookResult =
  | { kind: 'ok'; id: string }
  | { kind: 'forbidden' }
  | { kind: 'refused'; field: string; rule: string };

/** The applicant may register and book for themselves (policy `fair-booking`, own). */
const asApplicant = (actor: Actor) =>
  decideFor(actor, 'create', 'fair-booking', (m) =>
    bookingRelations(actor, m, { personId: actor.personId, organisationId: '' }),
  );

function entry(
  actor: Actor,
  d: ReturnType<typeof asApplicant>,
  objectType: string,
  objectId: string,
  purpose: string,
) {
  const m = d.allow ? d.membership : undefined;
  return {
    ...auditActor(actor, m),
    action: 'create',
    objectType,
    objectId,
    purpose,
    subjectPersonId: actor.personId,
  };
}

/** Registers for a public fair, or changes the registration's time zone and country. */
export async function registerForFair(
  db: Database,
  actor: Actor,
  f: FairDetail,
  input: { timeZone: string; countryCode: string },
  now: Date,
): Promise<BookResult> {
  const d = asApplicant(actor);
  const e = entry(actor, d, 'fair-registration', f.id, 'fair: register');
  if (!d.allow) {
    await appendAudit(db, { ...e, result: 'denied' }, now);
    return { kind: 'forbidden' };
  }
  if (!isPublic(f)) return { kind: 'refused', field: 'fair', rule: 'not-public' };
  return db.transaction(async (tx) => {
    await tx
      .insert(fairRegistration)
      .values({ fairId: f.id, personId: actor.personId, ...input, registeredAt: now })
      .onConflictDoUpdate({ target: [fairRegistration.fairId, fairRegistration.personId], set: input });
    await appendAudit(tx, { ...e, result: 'success' }, now);
    return { kind: 'ok', id: f.id } as const;
  });
}

export async function registrationOf(db: DbOrTx, fairId: string, personId: string) {
  const [r] = await db
    .select()
    .from(fairRegistration)
    .where(and(eq(fairRegistration.fairId, fairId), eq(fairRegistration.personId, personId)));
  return r;
}

/** Books a slot of an approved exhibitor: the registered applicant only, one booking per slot. */
export async function bookSlot(
  db: Database,
  actor: Actor,
  f: FairDetail,
  slotId: string,
  now: Date,
): Promise<BookResult> {
  const d = asApplicant(actor);
  const e = entry(actor, d, 'fair-booking', slotId.slice(0, 64), 'fair: book a meeting');
  if (!d.allow) {
    await appendAudit(db, { ...e, result: 'denied' }, now);
    return { kind: 'forbidden' };
  }
  return db.transaction(async (tx) => {
    const refuse = async (field: string, rule: string) => {
      await appendAudit(tx, { ...e, result: 'failure' }, now);
      return { kind: 'refused', field, rule } as const;
    };
    if (!(await registrationOf(tx, f.id, actor.personId))) return refuse('registration', 'required');
    const [slot] = UUID.test(slotId)
      ? await tx
          .select({ id: fairSlot.id, startsAt: fairSlot.startsAt })
          .from(fairSlot)
          .innerJoin(
            fairExhibitor,
            and(
              eq(fairExhibitor.fairId, fairSlot.fairId),
              eq(fairExhibitor.organisationId, fairSlot.organisationId),
            ),
          )
          .where(
            and(eq(fairSlot.id, slotId), eq(fairSlot.fairId, f.id), eq(fairExhibitor.status, 'approved')),
          )
      : [];
    if (!slot) return refuse('slot', 'exists');
    if (slot.startsAt <= now) return refuse('slot', 'past');
    const [row] = await tx
      .insert(fairBooking)
      .values({ slotId: slot.id, fairId: f.id, personId: actor.personId, bookedAt: now })
      .onConflictDoNothing({ target: fairBooking.slotId })
      .returning({ id: fairBooking.id });
    if (!row) return refuse('slot', 'taken');
    await appendAudit(tx, { ...e, objectId: row.id, result: 'success' }, now);
    return { kind: 'ok', id: row.id } as const;
  });
}

export type MyBooking = {
  id: string;
  slotId: string;
  exhibitor: string;
  startsAt: Date;
  minutes: number;
  attendance: string | null;
  outcome: string | null;
};

/** The applicant's own bookings at a fair (their own data: no audit needed beyond the page's own). */
export function myBookings(db: DbOrTx, fairId: string, personId: string): Promise<MyBooking[]> {
  return db
    .select({
      id: fairBooking.id,
      slotId: fairBooking.slotId,
      exhibitor: organisation.name,
      startsAt: fairSlot.startsAt,
      minutes: fairSlot.minutes,
      attendance: fairBooking.attendance,
      outcome: fairBooking.outcome,
    })
    .from(fairBooking)
    .innerJoin(fairSlot, eq(fairSlot.id, fairBooking.slotId))
    .innerJoin(organisation, eq(organisation.id, fairSlot.organisationId))
    .where(and(eq(fairBooking.fairId, fairId), eq(fairBooking.personId, personId)))
    .orderBy(asc(fairSlot.startsAt));
}

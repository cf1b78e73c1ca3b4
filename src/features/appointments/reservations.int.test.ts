import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { seedApplicant, seedRequest, seedServicePoint } from '../../../test/support/appointments.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { createChecklistService } from '../documents/index.ts';
import { appointmentRequest, appointmentSlot } from './schema.ts';
import { type AppointmentsService, createAppointmentsService } from './service.ts';

const AT = new Date('2026-12-21T08:30:00Z'); // Monday 09:30 in Berlin
const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (days: number) => new Date(AT.getTime() + days * DAY);
const today = (now: Date) => momentOf(now.toISOString()).date;

describe('slots held for forecast § 81a arrivals (memo § 5.3 step 2)', () => {
  let db: TestDatabase;
  let appointments: AppointmentsService;
  let organisationId = '';
  const people: Record<string, { personId: string; journeyId: string }> = {};
  const request = async (id: string) =>
    (await db.db.select().from(appointmentRequest).where(eq(appointmentRequest.id, id)))[0];
  const slot = async (id: string) =>
    (await db.db.select().from(appointmentSlot).where(eq(appointmentSlot.id, id)))[0];
  const openSlot = async (startsAt: Date) =>
    (
      await db.db
        .insert(appointmentSlot)
        .values({
          organisationId,
          serviceType: 'visa-application',
          startsAt,
          day: startsAt.toISOString().slice(0, 10),
        })
        .returning({ id: appointmentSlot.id })
    )[0]?.id ?? '';
  const run = (now: Date) =>
    appointments.requests.run(organisationId, 'visa-application', now, today(now), 'test');

  before(async () => {
    db = await createTestDatabase();
    appointments = createAppointmentsService(
      db.db,
      'reservation-secret-that-is-at-least-32-characters',
      undefined,
      createChecklistService(db.db),
    );
    organisationId = await seedServicePoint(db.db, { slug: 'hold-point', name: 'Botschaft Test', at: AT });
    for (const name of ['old', 'std', 'acc'])
      people[name] = await seedApplicant(db.db, `${name}@example.org`, at(-70));
    // One § 81a request a week over the last eight weeks: the P90 of Poisson(1) is 2 held a week.
    for (let w = 0; w < 8; w++)
      await seedRequest(db.db, {
        organisationId,
        applicant: people.old as never,
        state: 'attended',
        at: at(-7 * w - 1),
        priorityClass: 'statutory-deadline',
      });
  });
  after(() => db.destroy());

  it('holds the slot for the § 81a class: a standard request does not get it while it is held', async () => {
    const held = await openSlot(at(10));
    const std = await seedRequest(db.db, {
      organisationId,
      applicant: people.std as never,
      state: 'ready',
      at: at(-3),
      shortNoticeOk: true,
    });
    const summary = await run(AT);
    assert.equal(summary.offered, 0);
    assert.equal((await request(std.requestId))?.state, 'ready');
    const s = await slot(held);
    assert.equal(s?.reservedFor, 'statutory-deadline');
    assert.equal(s?.releaseReservedAt?.toISOString(), new Date(at(10).getTime() - 72 * HOUR).toISOString());
  });

  it('gives the held slot to a § 81a request', async () => {
    const acc = await seedRequest(db.db, {
      organisationId,
      applicant: people.acc as never,
      state: 'ready',
      at: at(-1),
      priorityClass: 'statutory-deadline',
    });
    const summary = await run(new Date(AT.getTime() + 60_000));
    assert.deepEqual(summary.offeredIds, [acc.requestId]);
    const slotId = (await request(acc.requestId))?.slotId ?? '';
    assert.equal((await slot(slotId))?.startsAt.toISOString(), at(10).toISOString());
    // The person agrees (the offer would run out before the next test's clock).
    await db.db
      .update(appointmentRequest)
      .set({ state: 'booked' })
      .where(eq(appointmentRequest.id, acc.requestId));
    await db.db.update(appointmentSlot).set({ state: 'booked' }).where(eq(appointmentSlot.id, slotId));
  });

  it('releases a held slot to everyone 72 hours before it starts', async () => {
    const later = await openSlot(at(12));
    const std = (
      await db.db
        .select()
        .from(appointmentRequest)
        .where(eq(appointmentRequest.personId, people.std?.personId ?? ''))
    )[0];
    const before72 = new Date(at(12).getTime() - 72 * HOUR - 60_000);
    assert.equal((await run(before72)).offered, 0, 'still held a minute before the release');
    assert.equal((await slot(later))?.reservedFor, 'statutory-deadline');
    const after72 = new Date(at(12).getTime() - 72 * HOUR + 60_000);
    const summary = await run(after72);
    assert.deepEqual(summary.offeredIds, [std?.id]);
    assert.equal((await request(std?.id ?? ''))?.slotId, later);
  });

  it('holds nothing at a point without § 81a requests in the last eight weeks', async () => {
    const other = await seedServicePoint(db.db, { slug: 'no-hold-point', name: 'Botschaft Ohne', at: AT });
    const [s] = await db.db
      .insert(appointmentSlot)
      .values({ organisationId: other, serviceType: 'visa-application', startsAt: at(20), day: '2027-01-10' })
      .returning({ id: appointmentSlot.id });
    await appointments.requests.run(other, 'visa-application', AT, today(AT), 'test');
    assert.equal((await slot(s?.id ?? ''))?.reservedFor, null);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { seedApplicant, seedRequest, seedServicePoint } from '../../../test/support/appointments.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { createChecklistService } from '../documents/index.ts';
import { runScheduledAllocation } from './jobs.ts';
import { AppointmentRefusal } from './requests.ts';
import { appointmentRequest, appointmentSlot } from './schema.ts';
import { type AppointmentsService, createAppointmentsService } from './service.ts';

const AT = new Date('2026-12-21T08:30:00Z'); // Monday 09:30 in Berlin
const DAY = 86_400_000;
const before_ = (days: number, minutes = 0) => new Date(AT.getTime() - days * DAY + minutes * 60_000);
const today = (now: Date) => momentOf(now.toISOString()).date;
const person = (personId: string) => ({ personId, role: 'applicant', organisationId: null });

describe('reconfirmation of agreed appointments and the no-show rule', () => {
  let db: TestDatabase;
  let appointments: AppointmentsService;
  let organisationId = '';
  const people: Record<string, { personId: string; journeyId: string }> = {};
  const row = async (id: string) =>
    (await db.db.select().from(appointmentRequest).where(eq(appointmentRequest.id, id)))[0];
  before(async () => {
    db = await createTestDatabase();
    appointments = createAppointmentsService(
      db.db,
      'reconfirm-secret-that-is-at-least-32-characters',
      undefined,
      createChecklistService(db.db),
    );
    organisationId = await seedServicePoint(db.db, {
      slug: 'reconfirm-point',
      name: 'Botschaft Test',
      at: AT,
    });
    for (const name of ['ana', 'ben', 'cem', 'dan', 'eva'])
      people[name] = await seedApplicant(db.db, `${name}@example.org`, before_(30));
  });
  after(() => db.destroy());

  it('lets only the person confirm their own agreed appointment, again without change, never after the due time', async () => {
    const { requestId } = await seedRequest(db.db, {
      organisationId,
      applicant: people.cem as never,
      state: 'booked',
      at: before_(20),
      startsAt: new Date(AT.getTime() + 7 * DAY),
    });
    const at = before_(-1); // 6 days before its start: the window is open
    await assert.rejects(
      appointments.reconfirmation.reconfirm(person(people.dan?.personId ?? ''), requestId, at, today(at)),
      (e: unknown) => e instanceof AppointmentRefusal && e.status === 404,
    );
    assert.equal((await row(requestId))?.reconfirmedAt, null, 'a stranger changes nothing');
    const me = person(people.cem?.personId ?? '');
    await appointments.reconfirmation.reconfirm(me, requestId, at, today(at));
    assert.equal((await row(requestId))?.reconfirmedAt?.toISOString(), at.toISOString());
    const later = new Date(at.getTime() + 3_600_000);
    await appointments.reconfirmation.reconfirm(me, requestId, later, today(later));
    assert.equal((await row(requestId))?.reconfirmedAt?.toISOString(), at.toISOString(), 'idempotent');
    assert.equal(await appointments.reconfirmation.releaseUnconfirmed(before_(-5), '2026-12-24'), 0);
    assert.equal((await row(requestId))?.state, 'booked');

    const late = await seedRequest(db.db, {
      organisationId,
      applicant: people.eva as never,
      state: 'booked',
      at: before_(20),
      startsAt: new Date(AT.getTime() + 9 * DAY),
    });
    const due = new Date(AT.getTime() + 5 * DAY); // exactly 4 days before
    await assert.rejects(
      appointments.reconfirmation.reconfirm(
        person(people.eva?.personId ?? ''),
        late.requestId,
        due,
        today(due),
      ),
      (e: unknown) => e instanceof AppointmentRefusal && e.code === 'reconfirmation-closed',
    );
    assert.equal((await row(late.requestId))?.reconfirmedAt, null);
    await db.db.delete(appointmentRequest).where(eq(appointmentRequest.id, late.requestId));
    await db.db.delete(appointmentSlot).where(eq(appointmentSlot.requestId, late.requestId));
  });

  it('releases an unconfirmed appointment by the 15-minute job at the due time and offers the slot at once', async () => {
    const held = await seedRequest(db.db, {
      organisationId,
      applicant: people.ana as never,
      state: 'booked',
      at: before_(20),
      startsAt: AT,
    });
    const waiting = await seedRequest(db.db, {
      organisationId,
      applicant: people.ben as never,
      state: 'ready',
      at: before_(10),
    });
    const early = before_(4, -1); // a minute before the due time
    assert.equal((await runScheduledAllocation(db.db, appointments, early)).released, 0);
    assert.equal((await row(held.requestId))?.state, 'booked');
    const due = before_(4, 1);
    const result = await runScheduledAllocation(db.db, appointments, due);
    assert.equal(result.released, 1);
    assert.equal((await row(held.requestId))?.state, 'released');
    assert.equal((await row(held.requestId))?.slotId, null);
    const next = await row(waiting.requestId);
    assert.equal(next?.state, 'offered', 'the cascade offered the freed slot to the person waiting');
    assert.equal(next?.slotId, held.slotId);
    const [audit] = await db.db
      .select()
      .from(auditEntry)
      .where(
        and(
          eq(auditEntry.objectId, held.requestId),
          eq(auditEntry.purpose, 'appointment released: not reconfirmed'),
        ),
      );
    assert.equal(audit?.actorRole, 'system');
    const [mine] = await appointments.own(people.ana?.personId ?? '');
    assert.equal(mine?.state, 'released');
    const again = await runScheduledAllocation(db.db, appointments, new Date(due.getTime() + 15 * 60_000));
    assert.equal(again.released, 0, 'once');
  });

  it('ranks a new request after the others of its class after two no-shows within a year', async () => {
    const dan = people.dan;
    const eva = people.eva;
    if (!dan || !eva) throw new Error('setup');
    const key = 'dan-passport';
    // One no-show in the spring (written as it stands), one recorded by the service point now.
    await seedRequest(db.db, {
      organisationId,
      applicant: dan,
      state: 'no-show',
      at: before_(300),
      startsAt: before_(250),
      slotState: 'no-show',
      personKey: key,
    });
    const booked = await seedRequest(db.db, {
      organisationId,
      applicant: dan,
      state: 'booked',
      at: before_(30),
      startsAt: before_(12),
      personKey: key,
    });
    const staff = { personId: '', role: 'mission-officer', organisationId };
    const now = before_(12, 60);
    await appointments.requests.attendance(staff, booked.requestId, false, now, today(now));
    assert.equal((await row(booked.requestId))?.state, 'no-show', 'the no-show closes that booking');

    const filed = before_(11);
    const passport = { passportNumber: 'D1234567', nationality: 'IN', birthDate: '1990-01-01' };
    const common = {
      organisationId,
      serviceType: 'visa-application' as const,
      priorityClass: 'standard' as const,
      deadline: null,
      acceptsEarlierSlots: true,
      shortNoticeOk: true,
    };
    const danAgain = await appointments.requests.create(
      { ...common, ...passport, personId: dan.personId, journeyId: dan.journeyId },
      filed,
    );
    assert.equal(danAgain.deprioritisedUntil, '2027-06-07', '180 days after the second no-show');
    const evaNew = await appointments.requests.create(
      { ...common, passportNumber: 'E7654321', nationality: 'IN', birthDate: '1991-02-02', ...eva },
      filed,
    );
    assert.equal(evaNew.deprioritisedUntil, null);
    // Dan's documents were complete first; both wait when a slot frees.
    await db.db
      .update(appointmentRequest)
      .set({ state: 'ready', readyOn: '2026-12-09' })
      .where(eq(appointmentRequest.id, danAgain.id));
    await db.db
      .update(appointmentRequest)
      .set({ state: 'ready', readyOn: '2026-12-10' })
      .where(eq(appointmentRequest.id, evaNew.id));
    await db.db.insert(appointmentSlot).values({
      organisationId,
      serviceType: 'visa-application',
      startsAt: new Date(AT.getTime() + 14 * DAY),
      day: '2027-01-04',
    });
    const run = await appointments.requests.run(
      organisationId,
      'visa-application',
      filed,
      today(filed),
      'test',
    );
    assert.equal(run.offered, 1);
    assert.equal((await row(evaNew.id))?.state, 'offered', 'Eva gets the slot, though ready a day later');
    const waitingDan = await row(danAgain.id);
    assert.equal(waitingDan?.state, 'ready');
    assert.equal((waitingDan?.reason as { deprioritised?: boolean } | null)?.deprioritised, true);
    // The § 81a class is never demoted.
    await db.db
      .update(appointmentRequest)
      .set({ state: 'withdrawn' })
      .where(eq(appointmentRequest.id, danAgain.id));
    const statutory = await appointments.requests.create(
      { ...common, ...passport, priorityClass: 'statutory-deadline', deadline: '2026-12-30', ...dan },
      filed,
    );
    assert.equal(statutory.deprioritisedUntil, null);
  });
});

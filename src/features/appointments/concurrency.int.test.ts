/**
 * The "0 double bookings" guarantee (memo § 5.8 G1, test case 8) under real concurrency: on PostgreSQL (the CI's
 * integration run) the calls below run on a pool of connections at the same time; on PGlite they are serialised,
 * so there the test only shows the rules, with fewer repetitions.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase, testPostgresUrl } from '../../../test/support/db.ts';
import { createChecklistService } from '../documents/index.ts';
import { journey } from '../journey/index.ts';
import { organisation, person } from '../people/index.ts';
import { AppointmentRefusal } from './requests.ts';
import { appointmentRequest, appointmentService, appointmentSlot } from './schema.ts';
import { createAppointmentsService } from './service.ts';

const ON_POSTGRES = testPostgresUrl() !== undefined;
const REPETITIONS = ON_POSTGRES ? 100 : 3;
const PEOPLE = 200;
const SLOTS = 10;
const NOW = new Date('2026-12-07T09:00:00Z');
const TODAY = '2026-12-07';

describe(`appointments under concurrency (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'}, ${REPETITIONS} repetitions)`, () => {
  let db: TestDatabase;
  let org = '';
  const people: { personId: string; journeyId: string }[] = [];
  before(async () => {
    db = await createTestDatabase();
    const [o] = await db.db
      .insert(organisation)
      .values({ slug: 'race-mission', name: 'Botschaft Race', kind: 'mission', seatCountryCode: 'IN' })
      .returning({ id: organisation.id });
    org = o?.id ?? '';
    await db.db.insert(appointmentService).values({
      organisationId: org,
      serviceType: 'visa-application',
      slotMinutes: 20,
      targetWeeks: 4,
      weekdaySlots: [2, 2, 2, 2, 2],
      firstStart: '09:00',
      timeZone: 'Asia/Kolkata',
      updatedAt: NOW,
    });
    const persons = await db.db
      .insert(person)
      .values(
        Array.from({ length: PEOPLE }, (_, i) => ({
          email: `race-${i}@example.org`,
          displayName: `Race ${i}`,
        })),
      )
      .returning({ id: person.id });
    for (const p of persons) {
      const id = randomUUID();
      people.push({ personId: p.id, journeyId: id });
    }
    await db.db.insert(journey).values(
      people.map((p) => ({
        id: p.journeyId,
        applicantId: p.personId,
        pathway: 'aufenthg-18a',
        status: 'open' as const,
        version: 1,
        state: {} as never,
        openedAt: NOW,
        updatedAt: NOW,
      })),
    );
  });
  after(() => db.destroy());

  it('gives exactly ten bookings on ten slots, whatever 200 people and five parallel runs do at once', async () => {
    const appointments = createAppointmentsService(
      db.db,
      'race-secret-that-is-at-least-32-characters-long',
      undefined,
      createChecklistService(db.db),
    );
    for (let rep = 0; rep < REPETITIONS; rep++) {
      await db.db.delete(appointmentSlot);
      await db.db.delete(appointmentRequest);
      await db.db.insert(appointmentSlot).values(
        Array.from({ length: SLOTS }, (_, i) => ({
          organisationId: org,
          serviceType: 'visa-application',
          startsAt: new Date(Date.UTC(2026, 11, 14 + i, 4, 0)),
          day: `2026-12-${14 + i}`,
        })),
      );
      await db.db.insert(appointmentRequest).values(
        people.map((p, i) => ({
          personId: p.personId,
          journeyId: p.journeyId,
          organisationId: org,
          serviceType: 'visa-application',
          personKey: `key-${i}`,
          priorityClass: 'standard',
          state: 'ready',
          readyOn: TODAY,
          createdAt: NOW,
          updatedAt: NOW,
        })),
      );
      const requests = await db.db.select().from(appointmentRequest);
      const byPerson = new Map(requests.map((r) => [r.personId, r.id]));
      const tries: Promise<unknown>[] = [];
      for (let run = 0; run < 5; run++)
        tries.push(appointments.requests.run(org, 'visa-application', NOW, TODAY, 'race'));
      for (const p of people) {
        const actor = { personId: p.personId, role: 'applicant', organisationId: null };
        const id = byPerson.get(p.personId) as string;
        const times = p === people[0] ? 5 : 1;
        for (let k = 0; k < times; k++) tries.push(appointments.requests.accept(actor, id, NOW, TODAY));
      }
      const results = await Promise.allSettled(tries);
      for (const r of results)
        if (r.status === 'rejected') assert.ok(r.reason instanceof AppointmentRefusal, String(r.reason));
      // Whoever holds an offer accepts it now (the runs may have finished after the first accepts).
      for (const r of await db.db
        .select()
        .from(appointmentRequest)
        .where(eq(appointmentRequest.state, 'offered'))) {
        const actor = { personId: r.personId, role: 'applicant', organisationId: null };
        await appointments.requests.accept(actor, r.id, NOW, TODAY);
      }
      const booked = await db.db.select().from(appointmentSlot).where(eq(appointmentSlot.state, 'booked'));
      assert.equal(booked.length, SLOTS, `repetition ${rep}`);
      assert.equal(new Set(booked.map((s) => s.requestId)).size, SLOTS);
      const doubled = await db.db.execute(
        sql`select request_id from appointment_slot where state = 'booked' group by request_id having count(*) > 1`,
      );
      assert.equal((doubled as { rows: unknown[] }).rows.length, 0);
      const live = await db.db
        .select()
        .from(appointmentRequest)
        .where(eq(appointmentRequest.state, 'booked'));
      assert.equal(new Set(live.map((r) => r.personId)).size, live.length, 'no person with two bookings');
    }
  });

  it('lets one person file one live request, however many times they send it at once', async () => {
    const appointments = createAppointmentsService(
      db.db,
      'race-secret-that-is-at-least-32-characters-long',
      undefined,
      createChecklistService(db.db),
    );
    const p = people[1] as { personId: string; journeyId: string };
    for (let rep = 0; rep < REPETITIONS; rep++) {
      await db.db.delete(appointmentSlot);
      await db.db.delete(appointmentRequest);
      const attempts = await Promise.allSettled(
        Array.from({ length: 5 }, (_, k) =>
          appointments.requests.create(
            {
              personId: k < 3 ? p.personId : (people[2]?.personId as string),
              journeyId: k < 3 ? p.journeyId : (people[2]?.journeyId as string),
              organisationId: org,
              serviceType: 'visa-application',
              // The last two come from another account with the same passport written differently.
              passportNumber: k < 3 ? 'x1234567' : 'X 1234567',
              nationality: 'IN',
              birthDate: '1994-05-14',
              priorityClass: 'standard',
              deadline: null,
              acceptsEarlierSlots: true,
              shortNoticeOk: false,
            },
            NOW,
          ),
        ),
      );
      const made = attempts.filter((a) => a.status === 'fulfilled').length;
      assert.equal(made, 1, `repetition ${rep}`);
      for (const a of attempts)
        if (a.status === 'rejected')
          assert.equal((a.reason as AppointmentRefusal).code, 'duplicate-request', String(a.reason));
    }
  });
});

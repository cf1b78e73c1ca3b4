import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { seedApplicant, seedRequest, seedServicePoint } from '../../../test/support/appointments.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { createChecklistService } from '../documents/index.ts';
import { AppointmentRefusal } from './requests.ts';
import { allocationRun, appointmentRequest, appointmentSlot } from './schema.ts';
import { type AppointmentsService, createAppointmentsService } from './service.ts';

const AT = new Date('2026-12-21T08:30:00Z'); // Monday 09:30 in Berlin
const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (days: number) => new Date(AT.getTime() + days * DAY);
const today = (now: Date) => momentOf(now.toISOString()).date;
const actor = (personId: string) => ({ personId, role: 'applicant', organisationId: null });

describe('the pull-forward cascade (memo § 5.3): a freed slot goes to the next person holding a later one', () => {
  let db: TestDatabase;
  let appointments: AppointmentsService;
  let organisationId = '';
  const people: Record<string, { personId: string; journeyId: string }> = {};
  const req: Record<string, { requestId: string; slotId: string | null }> = {};
  const request = async (id: string) =>
    (await db.db.select().from(appointmentRequest).where(eq(appointmentRequest.id, id)))[0];
  const slot = async (id: string | null) =>
    (
      await db.db
        .select()
        .from(appointmentSlot)
        .where(eq(appointmentSlot.id, id ?? ''))
    )[0];
  const heldBy = async (requestId: string) =>
    db.db
      .select({ state: appointmentSlot.state, startsAt: appointmentSlot.startsAt })
      .from(appointmentSlot)
      .where(
        and(
          eq(appointmentSlot.requestId, requestId),
          inArray(appointmentSlot.state, ['offered', 'booked', 'earlier-offer']),
        ),
      );
  const book = async (name: string, startsAt: Date, readyOn: string, extra = {}) => {
    req[name] = await seedRequest(db.db, {
      organisationId,
      applicant: people[name] as never,
      state: 'booked',
      at: at(-20),
      startsAt,
      readyOn,
      ...extra,
    });
  };

  before(async () => {
    db = await createTestDatabase();
    appointments = createAppointmentsService(
      db.db,
      'pull-forward-secret-that-is-at-least-32-characters',
      createMailer({ from: 'test@example.org' }),
      createChecklistService(db.db),
    );
    organisationId = await seedServicePoint(db.db, {
      slug: 'pull-point',
      name: 'Botschaft Vorziehen',
      at: AT,
    });
    for (const name of ['ana', 'ben', 'cem', 'dan', 'eva', 'fay'])
      people[name] = await seedApplicant(db.db, `${name}@example.org`, at(-30));
    await book('ana', at(10), '2026-11-20');
    await book('ben', at(20), '2026-12-01');
    await book('cem', at(25), '2026-12-02');
  });
  after(() => db.destroy());

  it('offers a slot freed more than 48 hours ahead to the highest-ranked holder of a later one; their booking stays', async () => {
    await appointments.requests.withdraw(
      actor(people.ana?.personId ?? ''),
      req.ana?.requestId ?? '',
      AT,
      today(AT),
    );
    const freed = await slot(req.ana?.slotId ?? null);
    assert.equal(freed?.state, 'earlier-offer');
    assert.equal(freed?.requestId, req.ben?.requestId, 'Ben ranks before Cem (documents complete earlier)');
    const ben = await request(req.ben?.requestId ?? '');
    assert.equal(ben?.state, 'booked');
    assert.equal(ben?.slotId, req.ben?.slotId, 'the booking stays until Ben accepts');
    assert.ok(ben?.earlierOfferExpiresAt && ben.earlierOfferExpiresAt > AT);
    assert.deepEqual(
      (await heldBy(req.ben?.requestId ?? '')).map((s) => s.state).sort(),
      ['booked', 'earlier-offer'],
      'one booking and one offer of an earlier slot, never two bookings',
    );
    assert.equal((await request(req.cem?.requestId ?? ''))?.earlierOfferExpiresAt, null);
    const [run] = await db.db
      .select({ earlierOffers: allocationRun.earlierOffers })
      .from(allocationRun)
      .orderBy(desc(allocationRun.ranAt))
      .limit(1);
    assert.deepEqual(run?.earlierOffers, [
      {
        requestId: req.ben?.requestId,
        from: req.ben?.slotId,
        to: req.ana?.slotId,
        reason: {
          basis: 'pull-forward',
          priorityClass: 'standard',
          deadline: null,
          readyOn: (await request(req.ben?.requestId ?? ''))?.readyOn,
          minHoursAhead: 48,
        },
      },
    ]);
    const mails = await db.db.select().from(outboxMail).where(eq(outboxMail.toAddress, 'ben@example.org'));
    assert.equal(mails.length, 1);
    assert.match(
      String(mails[0]?.subject),
      /Ein früherer Termin für Sie: .* \/ An earlier appointment for you/,
    );
  });

  it('moves the person when they accept; their old slot goes on down the cascade', async () => {
    const now = new Date(AT.getTime() + HOUR);
    await appointments.earlier.acceptEarlier(
      actor(people.ben?.personId ?? ''),
      req.ben?.requestId ?? '',
      now,
      today(now),
    );
    const ben = await request(req.ben?.requestId ?? '');
    assert.equal(ben?.slotId, req.ana?.slotId);
    assert.equal(ben?.earlierOfferExpiresAt, null);
    assert.deepEqual(
      (await heldBy(req.ben?.requestId ?? '')).map((s) => [s.state, s.startsAt.toISOString()]),
      [['booked', at(10).toISOString()]],
    );
    const old = await slot(req.ben?.slotId ?? null);
    assert.equal(old?.state, 'earlier-offer');
    assert.equal(
      old?.requestId,
      req.cem?.requestId,
      'Ben’s old slot is offered to Cem, who holds a later one',
    );
    await assert.rejects(
      appointments.earlier.acceptEarlier(
        actor(people.ben?.personId ?? ''),
        req.ben?.requestId ?? '',
        now,
        today(now),
      ),
      (e: unknown) => e instanceof AppointmentRefusal && e.code === 'offer-not-open',
    );
  });

  it('keeps the booking when the person says no; the slot is not offered to them again', async () => {
    const now = new Date(AT.getTime() + 2 * HOUR);
    await appointments.earlier.declineEarlier(
      actor(people.cem?.personId ?? ''),
      req.cem?.requestId ?? '',
      now,
      today(now),
    );
    const cem = await request(req.cem?.requestId ?? '');
    assert.equal(cem?.slotId, req.cem?.slotId);
    assert.equal(cem?.state, 'booked');
    assert.deepEqual(cem?.unavailable, [at(20).toISOString().slice(0, 10)]);
    assert.equal((await slot(req.ben?.slotId ?? null))?.state, 'open');
    await appointments.requests.run(organisationId, 'visa-application', now, today(now), 'test');
    assert.equal((await slot(req.ben?.slotId ?? null))?.state, 'open', 'not offered to Cem again');
  });

  it('does not pull forward a slot freed less than 48 hours ahead, nor to someone who switched it off', async () => {
    await book('dan', new Date(AT.getTime() + 40 * HOUR), '2026-11-01');
    await book('eva', at(30), '2026-11-02', { shortNoticeOk: true });
    await appointments.requests.withdraw(
      actor(people.dan?.personId ?? ''),
      req.dan?.requestId ?? '',
      AT,
      today(AT),
    );
    assert.equal((await slot(req.dan?.slotId ?? null))?.state, 'open', 'Dan’s slot is 40 hours ahead');
    // Eva is offered Ben’s old slot (20 days ahead, freed by Cem's no) instead; she keeps hers.
    assert.equal((await slot(req.ben?.slotId ?? null))?.requestId, req.eva?.requestId);
    const eva = actor(people.eva?.personId ?? '');
    await appointments.earlier.declineEarlier(eva, req.eva?.requestId ?? '', AT, today(AT));

    await book('fay', at(5), '2026-11-03');
    await appointments.earlier.setAcceptsEarlier(eva, req.eva?.requestId ?? '', false, AT, today(AT));
    assert.equal((await request(req.eva?.requestId ?? ''))?.acceptsEarlierSlots, 0);
    await appointments.requests.withdraw(
      actor(people.fay?.personId ?? ''),
      req.fay?.requestId ?? '',
      AT,
      today(AT),
    );
    const faySlot = await slot(req.fay?.slotId ?? null);
    assert.notEqual(faySlot?.requestId, req.eva?.requestId, 'Eva asked not to be offered earlier slots');
  });

  it('withdrawing while an earlier slot is offered frees both', async () => {
    // Ben (10 days ahead, ranked first) is offered Fay's slot, 5 days ahead.
    const faySlot = await slot(req.fay?.slotId ?? null);
    assert.equal(faySlot?.state, 'earlier-offer');
    assert.equal(faySlot?.requestId, req.ben?.requestId);
    await appointments.requests.withdraw(
      actor(people.ben?.personId ?? ''),
      req.ben?.requestId ?? '',
      AT,
      today(AT),
    );
    assert.deepEqual(await heldBy(req.ben?.requestId ?? ''), []);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedSharedDocuments } from '../../../test/support/appointments.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, pageClient, setUpWay } from '../../../test/support/journey.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { appointmentRequest, appointmentSlot } from './schema.ts';

describe('appointments: a service point plans, an applicant requests, is offered and accepts (no JavaScript)', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let journeyId = '';
  before(async () => {
    t = await buildTestApp();
    const way = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
  });
  after(() => t.close());

  const get = (who: string, url: string) => pageClient(t.app, b).get(who, url);
  const form = (who: string, url: string, fields: Record<string, string>) =>
    pageClient(t.app, b).form(who, url, fields);
  const plan = {
    serviceType: 'visa-application',
    active: 'yes',
    mon: '2',
    tue: '2',
    wed: '2',
    thu: '2',
    fri: '2',
    firstStart: '09:00',
    slotMinutes: '30',
    targetWeeks: '4',
    timeZone: 'Asia/Kolkata',
  };
  const passport = { passportNumber: 'x1234567', nationality: 'IN', birthDate: '14.05.1994' };

  it('lets the mission plan its week; a bad field is named and nothing is saved', async () => {
    const page = await get('mission', '/de/termine/planung');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Termin für den Visumantrag/);
    assert.doesNotMatch(
      page.body,
      /Aufenthaltserlaubnis/,
      'a mission offers no residence permit appointments',
    );
    const bad = await form('mission', '/de/termine/planung', {
      ...plan,
      firstStart: '9 Uhr',
      timeZone: 'Mars/Base',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#field-firstStart"/);
    assert.match(bad.body, /Erster Termin des Tages: ist so nicht gültig/);
    assert.match(bad.body, /Zeitzone: ist so nicht gültig/);
    const none = await t.database.db.select().from(appointmentSlot);
    assert.equal(none.length, 0);
    const saved = await form('mission', '/de/termine/planung', plan);
    assert.equal(saved.statusCode, 303, saved.body);
    const slots = await t.database.db.select().from(appointmentSlot);
    assert.equal(slots.length, 80, 'ten a week for eight weeks');
    // 09:00 in New Delhi is 03:30 UTC.
    assert.ok(
      slots.every(
        (s) =>
          s.startsAt.toISOString().endsWith('T03:30:00.000Z') ||
          s.startsAt.toISOString().endsWith('T04:00:00.000Z'),
      ),
    );
    const shown = await get('mission', String(saved.headers.location));
    assert.match(shown.body, /Gespeichert/);
    assert.match(shown.body, /Die nächsten Wochen/);
    assert.match(shown.body, /keine Termine für das beschleunigte Fachkräfteverfahren zurückgehalten/);
  });

  it('closes a day: its slots are gone, the others stay', async () => {
    const slots = await t.database.db.select().from(appointmentSlot);
    const day = slots.map((s) => s.day).sort()[4] as string;
    const res = await form('mission', '/de/termine/planung/tage', {
      serviceType: 'visa-application',
      day,
      slots: '0',
      reason: 'Feiertag',
    });
    assert.equal(res.statusCode, 303, res.body);
    const after = await t.database.db.select().from(appointmentSlot);
    assert.equal(after.filter((s) => s.day === day).length, 0);
    assert.equal(after.length, 78);
    const past = await form('mission', '/de/termine/planung/tage', {
      serviceType: 'visa-application',
      day: '01.01.2020',
      slots: '0',
      reason: 'x',
    });
    assert.equal(past.statusCode, 422);
    assert.match(past.body, /href="#field-day"/);
  });

  it('offers the applicant the appointment their journey needs; the form names bad fields', async () => {
    const api = apiClient(t.app);
    const opened = await api.open(b('applicant'));
    assert.equal(opened.statusCode, 201, opened.body);
    journeyId = (JSON.parse(opened.body) as { journeyId: string }).journeyId;
    const page = await get('applicant', '/de/termine');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Termin für den Visumantrag bei Botschaft New Delhi anfragen/);
    const formPage = await get(
      'applicant',
      `/de/termine/anfrage?journey=${journeyId}&service=visa-application`,
    );
    assert.equal(formPage.statusCode, 200);
    assert.match(formPage.body, /Nummer Ihres Reisepasses/);
    assert.match(formPage.body, /frühestens 7 Tage und spätestens 4 Tage vorher/, 'the reconfirmation rule');
    assert.match(
      formPage.body,
      /innerhalb von 365 Tagen 2 Termine versäumt/,
      'the no-show rule in plain words',
    );
    const strangers = await get(
      'stranger',
      `/de/termine/anfrage?journey=${journeyId}&service=visa-application`,
    );
    assert.equal(strangers.statusCode, 404, 'not the stranger’s journey');
    const bad = await form('applicant', '/de/termine/anfrage', {
      journeyId,
      serviceType: 'visa-application',
      passportNumber: '12',
      nationality: 'XX',
      birthDate: '31.02.1994',
    });
    assert.equal(bad.statusCode, 422);
    for (const field of ['passportNumber', 'nationality', 'birthDate'])
      assert.match(bad.body, new RegExp(`href="#field-${field}"`));
    assert.equal((await t.database.db.select().from(appointmentRequest)).length, 0, 'nothing half-written');
  });

  it('files the request, which files the journey step; a second request with the same passport is refused', async () => {
    const res = await form('applicant', '/de/termine/anfrage', {
      journeyId,
      serviceType: 'visa-application',
      ...passport,
      acceptsEarlierSlots: 'yes',
    });
    assert.equal(res.statusCode, 303, res.body);
    const page = await get('applicant', String(res.headers.location));
    assert.match(page.body, /Ihre Anfrage ist eingegangen/);
    assert.match(page.body, /Angefragt – Unterlagen werden geprüft/);
    const journey = await apiClient(t.app).get(b('applicant'), journeyId);
    const steps = (JSON.parse(journey.body) as { steps: { kind: string; status: string }[] }).steps;
    assert.equal(steps.find((s) => s.kind === 'visa-appointment')?.status, 'submitted');
    const [row] = await t.database.db.select().from(appointmentRequest);
    assert.ok(row && !row.personKey.includes('1234567'), 'the passport number is not stored');

    const other = await apiClient(t.app).open(b('stranger'));
    const otherId = (JSON.parse(other.body) as { journeyId: string }).journeyId;
    const dup = await form('stranger', '/de/termine/anfrage', {
      journeyId: otherId,
      serviceType: 'visa-application',
      passportNumber: 'X 1234567',
      nationality: 'IN',
      birthDate: '1994-05-14',
    });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /läuft schon eine Anfrage/);
    assert.match(dup.body, /href="#field-passportNumber"/);
  });

  it('lets the mission check the documents; the allocation offers the earliest slot at once, with its reason', async () => {
    const list = await get('mission', '/en/appointments/requests');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Requested – documents being checked/);
    assert.match(list.body, /Standard checklist, version 1/);
    assert.match(list.body, /Missing: Passport, Biometric passport photo/);
    const [row] = await t.database.db.select().from(appointmentRequest);
    assert.ok(row);
    // The step's standard checklist requires the passport and the photo: not shared yet, so not ready.
    const refused = await form('mission', '/en/appointments/requests', {
      action: 'documents-checked',
      requestId: row.id,
    });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(refused.body, /not been shared with your office: Passport, Biometric passport photo/);
    const [still] = await t.database.db
      .select()
      .from(appointmentRequest)
      .where(eq(appointmentRequest.id, row.id));
    assert.equal(still?.state, 'submitted', 'nothing changed');
    await seedSharedDocuments(t.database.db, {
      personId: row.personId,
      organisationId: row.organisationId,
      categories: ['passport', 'photo'],
      at: new Date(),
    });
    const checked = await form('mission', '/en/appointments/requests', {
      action: 'documents-checked',
      requestId: row.id,
    });
    assert.equal(checked.statusCode, 303, checked.body);
    const [offered] = await t.database.db
      .select()
      .from(appointmentRequest)
      .where(eq(appointmentRequest.id, row.id));
    assert.equal(offered?.state, 'offered');
    assert.equal(offered?.checklistVersion, 1, 'checked against the catalogue (version 1)');
    assert.equal((offered?.reason as { ruleVersion?: string } | null)?.ruleVersion, 'rank-2026-12b');
    // The earliest slot at least 72 hours ahead: the person did not tick "short notice".
    const soon = Date.now() + 72 * 3_600_000;
    const earliest = (await t.database.db.select().from(appointmentSlot))
      .filter((s) => s.startsAt.getTime() >= soon)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
    assert.equal(offered?.slotId, earliest?.id);
    const audited = await t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'appointment-request'), eq(auditEntry.action, 'read')));
    assert.ok(audited.length >= 1, 'reading the requests is audited');
    const mails = await t.database.db.select().from(outboxMail);
    const offer = mails.find((m) => m.subject.startsWith('Ihr Termin: bitte bis'));
    assert.ok(offer, 'the person is told of the offer');
    assert.match(offer.text, /Termin für den Visumantrag bei Botschaft New Delhi/);
    assert.match(offer.text, /Appointment to apply for the visa at Botschaft New Delhi/);
  });

  it('lets the applicant accept the offer and take the appointment into the calendar', async () => {
    const page = await get('applicant', '/en/appointments');
    assert.match(
      page.body,
      /We offer you this appointment: .*GMT\+5:30|We offer you this appointment: .*IST/,
    );
    assert.equal(page.body.match(/kern-btn--primary/g)?.length, 1, 'one next step: accept');
    const [row] = await t.database.db.select().from(appointmentRequest);
    assert.ok(row);
    const stranger = await form('stranger', `/en/appointments/${row.id}`, { answer: 'accept' });
    assert.equal(stranger.statusCode, 404);
    const ok = await form('applicant', `/en/appointments/${row.id}`, { answer: 'accept' });
    assert.equal(ok.statusCode, 303, ok.body);
    const booked = await get('applicant', String(ok.headers.location));
    assert.match(booked.body, /You accepted the appointment/);
    assert.match(booked.body, /Your appointment: /);
    const again = await form('applicant', `/en/appointments/${row.id}`, { answer: 'accept' });
    assert.equal(again.statusCode, 409);
    const ics = await get('applicant', `/en/appointments/${row.id}/appointment.ics`);
    assert.equal(ics.statusCode, 200);
    assert.match(String(ics.headers['content-type']), /text\/calendar/);
    assert.match(ics.body, /BEGIN:VEVENT\r\n/);
    assert.match(ics.body, /DTSTART:\d{8}T033000Z/);
    const [slot] = await t.database.db
      .select()
      .from(appointmentSlot)
      .where(eq(appointmentSlot.requestId, row.id));
    assert.equal(slot?.state, 'booked');
  });

  it('lets the applicant confirm the agreed appointment with a form; the staff list shows it', async () => {
    const [row] = await t.database.db.select().from(appointmentRequest);
    assert.ok(row);
    const stranger = await form('stranger', `/en/appointments/${row.id}`, { answer: 'reconfirm' });
    assert.equal(stranger.statusCode, 404, 'only one’s own appointment');
    const ok = await form('applicant', `/en/appointments/${row.id}`, { answer: 'reconfirm' });
    assert.equal(ok.statusCode, 303, ok.body);
    const page = await get('applicant', String(ok.headers.location));
    assert.match(page.body, /you have confirmed the appointment/);
    assert.match(page.body, /You have confirmed that you will come/);
    assert.doesNotMatch(page.body, /value="reconfirm"/, 'no button once confirmed');
    const again = await form('applicant', `/en/appointments/${row.id}`, { answer: 'reconfirm' });
    assert.equal(again.statusCode, 303, 'confirming again changes nothing and is no error');
    const list = await get('mission', '/en/appointments/requests');
    assert.match(list.body, /\(confirmed\)/);
  });

  it('shows an earlier appointment offered while one is agreed; the person takes it, or switches such offers off', async () => {
    const [row] = await t.database.db.select().from(appointmentRequest);
    assert.ok(row?.slotId);
    const [booked] = await t.database.db
      .select()
      .from(appointmentSlot)
      .where(eq(appointmentSlot.id, row.slotId));
    assert.ok(booked);
    // As the pull-forward cascade leaves it (pull-forward.int.test.ts runs the cascade itself).
    const startsAt = new Date(booked.startsAt.getTime() - 30 * 60_000);
    const [earlier] = await t.database.db
      .insert(appointmentSlot)
      .values({
        organisationId: booked.organisationId,
        serviceType: booked.serviceType,
        startsAt,
        day: booked.day,
        state: 'earlier-offer',
        requestId: row.id,
      })
      .returning({ id: appointmentSlot.id });
    await t.database.db
      .update(appointmentRequest)
      .set({ earlierOfferExpiresAt: new Date(Date.now() + 12 * 3_600_000) })
      .where(eq(appointmentRequest.id, row.id));
    const page = await get('applicant', '/en/appointments');
    assert.match(page.body, /An earlier appointment is free for you: /);
    assert.match(page.body, /Take the earlier appointment/);
    assert.match(page.body, /Keep my appointment/);
    const ok = await form('applicant', `/en/appointments/${row.id}`, { answer: 'accept-earlier' });
    assert.equal(ok.statusCode, 303, ok.body);
    const moved = await get('applicant', String(ok.headers.location));
    assert.match(moved.body, /You took the earlier appointment/);
    const [after] = await t.database.db
      .select()
      .from(appointmentRequest)
      .where(eq(appointmentRequest.id, row.id));
    assert.equal(after?.slotId, earlier?.id);
    const [old] = await t.database.db.select().from(appointmentSlot).where(eq(appointmentSlot.id, booked.id));
    assert.equal(old?.state, 'open', 'the old appointment is free for the next person');
    assert.match(moved.body, /Offer me earlier appointments|Do not offer me earlier appointments/);
    const off = await form('applicant', `/de/termine/${row.id}`, { answer: 'earlier-off' });
    assert.equal(off.statusCode, 303, off.body);
    assert.match((await get('applicant', String(off.headers.location))).body, /keine früheren Termine an/);
    const [switched] = await t.database.db
      .select()
      .from(appointmentRequest)
      .where(eq(appointmentRequest.id, row.id));
    assert.equal(switched?.acceptsEarlierSlots, 0);
  });

  it('records attendance; staff pages are closed to applicants and other roles', async () => {
    const [row] = await t.database.db.select().from(appointmentRequest);
    assert.ok(row);
    const res = await form('mission', '/de/termine/anfragen', { action: 'attended', requestId: row.id });
    assert.equal(res.statusCode, 303, res.body);
    const [after] = await t.database.db
      .select()
      .from(appointmentRequest)
      .where(eq(appointmentRequest.id, row.id));
    assert.equal(after?.state, 'attended');
    assert.equal((await get('applicant', '/de/termine/anfragen')).statusCode, 404);
    assert.equal((await get('applicant', '/de/termine/planung')).statusCode, 403);
    assert.equal((await get('employer', '/de/termine/planung')).statusCode, 403);
    const bad = await form('mission', '/de/termine/anfragen', { action: 'explode' });
    assert.equal(bad.statusCode, 422);
  });

  it('tells the person why a request was released, in their language', async () => {
    const [row] = await t.database.db.select().from(appointmentRequest);
    assert.ok(row);
    // As the scheduled release leaves it (reconfirmation.int.test.ts runs the release itself).
    await t.database.db
      .update(appointmentRequest)
      .set({ state: 'released', slotId: null })
      .where(eq(appointmentRequest.id, row.id));
    const de = await get('applicant', '/de/termine');
    assert.match(de.body, /Freigegeben – nicht rechtzeitig bestätigt/);
    assert.match(de.body, /nicht rechtzeitig bestätigt und deshalb an die nächste Person vergeben/);
    const en = await get('applicant', '/en/appointments');
    assert.match(en.body, /was not confirmed in time, so it was given to the next person/);
  });
});

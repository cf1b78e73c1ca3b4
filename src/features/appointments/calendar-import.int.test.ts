import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { applyFrom, type Session, uploadCsv } from '../../../test/support/csv-upload.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { addDays } from '../../domain/calendar.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { appointmentClosure, appointmentService, appointmentSlot } from './schema.ts';

const german = (iso: string) => iso.split('-').reverse().join('.');

describe('a service point takes its capacity calendar from a CSV file (dry run, then apply)', () => {
  let t: TestApp;
  let staff: Session;
  let applicant: Session;
  let orgId = '';
  const today = momentOf(new Date().toISOString()).date;
  const day1 = addDays(today, 10);
  const day2 = addDays(today, 12);
  const URL = '/de/termine/planung/import';
  const APPLY = '/de/termine/planung/import/uebernehmen';

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    orgId = await makeOrganisation(db, {
      slug: 'csv-mission',
      name: 'Botschaft Testhausen',
      kind: 'mission',
      jurisdictions: [],
    });
    await db.insert(appointmentService).values({
      organisationId: orgId,
      serviceType: 'visa-application',
      slotMinutes: 30,
      targetWeeks: 4,
      weekdaySlots: [1, 1, 1, 1, 1],
      firstStart: '09:00',
      timeZone: 'Europe/Berlin',
      updatedAt: new Date(),
    });
    const officer = await makeAccount(db, 'mission-officer', 'csv-mission');
    staff = await sessionFor(t.app, db, officer.personId, 'mission-officer');
    const person = await makeAccount(db, 'applicant');
    applicant = await sessionFor(t.app, db, person.personId, 'applicant');
  });
  after(() => t.close());

  const closures = () =>
    t.database.db.select().from(appointmentClosure).where(eq(appointmentClosure.organisationId, orgId));
  const weekly = async () =>
    (
      await t.database.db
        .select()
        .from(appointmentService)
        .where(eq(appointmentService.organisationId, orgId))
    )[0]?.weekdaySlots;
  const imports = () =>
    t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.action, 'import'), eq(auditEntry.objectType, 'appointment-calendar')));

  it('shows the upload page with the columns and a template in both languages', async () => {
    const de = await t.app.inject({ url: URL, headers: { cookie: staff.cookie } });
    assert.equal(de.statusCode, 200);
    assert.match(de.body, /Terminkalender aus einer Datei übernehmen/);
    assert.match(de.body, /enctype="multipart\/form-data"/);
    const en = await t.app.inject({
      url: '/en/appointments/planning/import',
      headers: { cookie: staff.cookie },
    });
    assert.match(en.body, /Take the appointment calendar from a file/);
    const template = await t.app.inject({
      url: '/de/termine/planung/vorlage.csv',
      headers: { cookie: staff.cookie },
    });
    assert.equal(template.statusCode, 200);
    assert.match(template.headers['content-type'] as string, /text\/csv/);
    const lines = template.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, 2);
    assert.equal(lines[0], 'Leistung;Tag;Termine;Grund');
    assert.match(lines[1] ?? '', /^Visumantrag;\d\d\.\d\d\.\d{4};0;/);
    const planning = await t.app.inject({ url: '/de/termine/planung', headers: { cookie: staff.cookie } });
    assert.match(planning.body, /href="\/de\/termine\/planung\/import"/);
  });

  it('lists every row with its problem, names row and column, and writes nothing', async () => {
    const file = `Leistung;Tag;Termine;Grund\nVisumantrag;Montag;3;\nVisumantrag;Samstag;2;\n;${german(day1)};99;Feiertag\nReisepass;${german(day2)};0;\n`;
    const res = await uploadCsv(t.app, staff, URL, file);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Zeile 3, Spalte „Tag“: Der Wochenplan gilt nur von Montag bis Freitag/);
    assert.match(res.body, /Zeile 4, Spalte „Termine“: Die Zahl muss zwischen 0 und 60 liegen/);
    assert.match(res.body, /Zeile 5, Spalte „Leistung“: Dieser Wert ist hier nicht möglich/);
    assert.match(res.body, /href="#field-row-3"/);
    assert.match(res.body, /id="field-row-3"/);
    assert.match(res.body, /wird geändert/, 'the fine row says what it would do');
    assert.doesNotMatch(res.body, /name="content"/, 'no apply button for a file with problems');
    assert.doesNotMatch(res.body, /visa-application|weekend|not-offered/, 'no codes on the page');
    assert.deepEqual(await weekly(), [1, 1, 1, 1, 1]);
    assert.equal((await closures()).length, 0);
  });

  it('refuses a wrong header, an empty file, no file, another encoding and a file over the limit', async () => {
    const cases: [string | Buffer | null, RegExp][] = [
      [
        'Leistung;Datum;Termine\n;Montag;2\n',
        /Die Kopfzeile nennt die Spalte „Datum“.*|Spalte „Tag“: Diese Spalte fehlt/s,
      ],
      ['', /Die Datei ist leer oder es wurde keine Datei gewählt/],
      [null, /Die Datei ist leer oder es wurde keine Datei gewählt/],
      ['Leistung;Tag;Termine\n', /nur die Kopfzeile/],
      [
        Buffer.from('Leistung;Tag;Termine;Grund\n;Montag;2;Br\xfccke\n', 'latin1'),
        /nicht als UTF-8 gespeichert/,
      ],
      [`Leistung;Tag;Termine\n${';Montag;2\n'.repeat(12000)}`, /größer als 100 KB/],
    ];
    for (const [file, expected] of cases) {
      const res = await uploadCsv(t.app, staff, URL, file);
      assert.equal(res.statusCode, 422, String(expected));
      assert.match(res.body, expected);
      assert.match(res.body, /Es wurde nichts gespeichert/);
    }
    const header = await uploadCsv(t.app, staff, URL, 'Leistung;Datum;Termine\n;Montag;2\n');
    assert.match(header.body, /Zeile 1, Spalte „Tag“: Diese Spalte fehlt in der Kopfzeile/);
    assert.deepEqual(await weekly(), [1, 1, 1, 1, 1]);
  });

  it('answers a malformed multipart body with 400 naming the body, before anything else', async () => {
    for (const [type, url] of [
      ['multipart/form-data', URL],
      ['multipart/form-data; boundary=x', `${URL}/uebernehmen`],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: staff.cookie, 'content-type': type },
        payload: 'a=b',
      });
      assert.equal(res.statusCode, 400, `${url} ${res.body.slice(0, 300)}`);
    }
  });

  it('refuses other roles with 403 on every import address', async () => {
    for (const [method, url] of [
      ['GET', URL],
      ['GET', '/de/termine/planung/vorlage.csv'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: { cookie: applicant.cookie } });
      assert.equal(res.statusCode, 403, url);
    }
    assert.equal((await uploadCsv(t.app, applicant, URL, 'Leistung;Tag;Termine\n;Mo;2\n')).statusCode, 403);
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appointments/calendar/import?dryRun=true',
      headers: { cookie: applicant.cookie, 'x-csrf-token': applicant.csrfToken },
      payload: { csv: 'Leistung;Tag;Termine\n;Mo;2\n' },
    });
    assert.equal(api.statusCode, 403);
  });

  it('applies a checked file in one go: exactly its rows, the slots re-planned, audited', async () => {
    const file = `\uFEFFservice,day,appointments,reason\nvisa application,Monday,3,\n,Tue,0,\n,${day1},0,Feiertag\n,${german(day2)},2,"Betriebsversammlung, halbtags"\n,Wednesday,1,\n`;
    const check = await uploadCsv(t.app, staff, '/en/appointments/planning/import', file);
    assert.equal(check.statusCode, 200);
    assert.match(check.body, /2 rows new, 2 changed, 1 unchanged, 0 with errors/);
    assert.match(check.body, /Nothing has been saved yet/);
    assert.deepEqual(await weekly(), [1, 1, 1, 1, 1], 'the dry run writes nothing');
    const applied = await applyFrom(t.app, staff, check.body, '/en/appointments/planning/import/apply');
    assert.equal(applied.statusCode, 303);
    assert.match(applied.headers.location as string, /\/en\/appointments\/planning\?done=imported/);
    assert.deepEqual(await weekly(), [3, 0, 1, 1, 1]);
    const days = (await closures()).map((c) => [c.day, c.slots, c.reason]).sort();
    assert.deepEqual(days, [
      [day1, 0, 'Feiertag'],
      [day2, 2, 'Betriebsversammlung, halbtags'],
    ]);
    const slots = await t.database.db
      .select()
      .from(appointmentSlot)
      .where(eq(appointmentSlot.organisationId, orgId));
    assert.equal(slots.filter((s) => s.day === day1).length, 0, 'the closed day has no slots');
    assert.ok(slots.length > 0, 'the horizon is planned');
    const audit = await imports();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.objectId, `${orgId}/visa-application`);
  });

  it('refuses to apply a carried file that has problems now (422), writing nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: APPLY,
      headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: staff.csrfToken,
        content: Buffer.from('Leistung;Tag;Termine\n;Mo;5\n;Sa;1\n').toString('base64'),
      }).toString(),
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Zeile 3, Spalte „Tag“/);
    assert.deepEqual(await weekly(), [3, 0, 1, 1, 1]);
  });

  it('answers the same report as JSON with ?dryRun=true, applies without it, refuses bad rows with 422', async () => {
    const post = (query: string, csv: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/appointments/calendar/import${query}`,
        headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken },
        payload: { csv },
      });
    const dry = await post('?dryRun=true', 'Leistung;Tag;Termine\n;Fr;4\n;Sonntag;1\n');
    assert.equal(dry.statusCode, 200);
    const report = dry.json();
    assert.equal(report.ok, false);
    assert.equal(report.applied, false);
    assert.deepEqual(report.rows[1].problems[0], {
      row: 3,
      column: 'day',
      rule: 'weekend',
      message: 'Row 3, column “day”: The weekly plan covers Monday to Friday only.',
    });
    const refused = await post('', 'Leistung;Tag;Termine\n;Fr;4\n;Sonntag;1\n');
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().errors[0].field, 'body.csv.rows[3].day');
    assert.deepEqual(await weekly(), [3, 0, 1, 1, 1]);
    const ok = await post('', 'Leistung;Tag;Termine\n;Fr;4\n');
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().applied, true);
    assert.deepEqual(await weekly(), [3, 0, 1, 1, 4]);
    assert.equal((await imports()).length, 2);
  });
});

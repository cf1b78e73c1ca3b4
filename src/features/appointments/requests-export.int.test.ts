import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedApplicant, seedRequest } from '../../../test/support/appointments.ts';
import { auditedWith, csvRows } from '../../../test/support/csv.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { type Browser, pageClient, setUpWay } from '../../../test/support/journey.ts';
import { person } from '../people/index.ts';
import { appointmentService } from './schema.ts';

/** The service point's requests as CSV: its live requests only, in words, under the page's policy and audit. */
describe('appointment requests as CSV', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  const at = new Date('2026-12-01T09:00:00Z');
  const people: string[] = [];

  before(async () => {
    t = await buildTestApp();
    b = (await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor })).b;
    const organisationId = b('mission').organisationId as string;
    await t.database.db.insert(appointmentService).values({
      organisationId,
      serviceType: 'visa-application',
      slotMinutes: 20,
      targetWeeks: 4,
      weekdaySlots: [0, 0, 0, 0, 0],
      firstStart: '09:30',
      timeZone: 'Europe/Berlin',
      updatedAt: at,
    });
    for (const [i, [name, state]] of (
      [
        ['@SUM(A1)', 'submitted'],
        ['Chandra Beispiel', 'ready'],
        ['Ende Beispiel', 'attended'],
      ] as const
    ).entries()) {
      const applicant = await seedApplicant(t.database.db, `csv-${i}@example.org`, at);
      await t.database.db.update(person).set({ displayName: name }).where(eq(person.id, applicant.personId));
      people.push(applicant.personId);
      await seedRequest(t.database.db, { organisationId, applicant, state, at });
    }
  });
  after(() => t.close());

  const get = (who: string, url: string) => pageClient(t.app, b).get(who, url);

  it('the requests page links to its download', async () => {
    const page = await get('mission', '/de/termine/anfragen');
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /href="\/de\/termine\/anfragen\.csv"/);
  });

  it('lists the live requests in words, the formula-like name as text, and audits each person', async () => {
    const rows = csvRows(await get('mission', '/de/termine/anfragen.csv'));
    assert.equal(rows[0]?.[0], 'Person');
    assert.equal(rows.length, 3, 'the attended request is not live');
    const names = rows
      .slice(1)
      .map((r) => r[0])
      .sort();
    assert.deepEqual(names, ["'@SUM(A1)", 'Chandra Beispiel'].sort());
    assert.doesNotMatch(rows.flat().join(' '), /visa-application|submitted|ready|standard/);
    const audited = await auditedWith(
      t.database.db,
      b('mission').personId,
      'appointment requests (list export)',
    );
    assert.deepEqual(new Set(audited.map((a) => a.subjectPersonId)), new Set(people.slice(0, 2)));
  });

  it('English headings on the English address', async () => {
    const rows = csvRows(await get('mission', '/en/appointments/requests.csv'));
    assert.equal(rows[0]?.[1], 'Kind of appointment');
  });

  it('is closed to others as the page is', async () => {
    for (const who of ['applicant', 'employer']) {
      const page = await get(who, '/de/termine/anfragen');
      const csv = await get(who, '/de/termine/anfragen.csv');
      assert.equal(csv.statusCode, page.statusCode, who);
      assert.ok([403, 404].includes(csv.statusCode), `${who}: ${csv.statusCode}`);
    }
    const other = csvRows(await get('abh', '/de/termine/anfragen.csv'));
    assert.equal(other.length, 1, 'another service point sees none of these');
  });
});

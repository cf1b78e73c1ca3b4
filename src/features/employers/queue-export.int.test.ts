import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { csvRows } from '../../../test/support/csv.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { employerProfile } from './schema.ts';

type Who = { cookie: string };

/** The ministry's employer check list as CSV: all employers, in words, and which wait for this ministry. */
describe('employer check list as CSV', () => {
  let t: TestApp;
  const who: Record<string, Who> = {};
  const get = (name: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: (who[name] as Who).cookie } });

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    await makeOrganisation(db, {
      slug: 'csv-smwa',
      name: 'Ministerium Sachsen',
      kind: 'state-ministry',
      jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    });
    for (const [slug, name, trust] of [
      ['csv-firma-a', '=Pflege GmbH', 'unconfirmed'],
      ['csv-firma-b', 'Bau Beispiel KG', 'confirmed'],
    ] as const) {
      const org = await makeOrganisation(db, { slug, name, kind: 'employer', jurisdictions: [] });
      await db.insert(employerProfile).values({
        organisationId: org,
        street: 'Markt 2',
        postcode: '02826',
        town: 'Görlitz',
        districtAgs: '14626',
        registerCourt: 'Amtsgericht Dresden',
        registerNumber: `HRB ${slug.length}${name.length}`,
        registerKey: `dresden|${slug}`,
        sizeBand: '10-49',
        trust,
        trustChangedAt: new Date(),
        createdAt: new Date(),
      });
    }
    for (const [name, role, org] of [
      ['ministry', 'ministry-officer', 'csv-smwa'],
      ['applicant', 'applicant', undefined],
    ] as const) {
      const account = await makeAccount(db, role, org);
      who[name] = { cookie: (await sessionFor(t.app, db, account.personId, role)).cookie };
    }
  });
  after(() => t.close());

  it('the page links to the download; the file lists every employer in words, a formula name as text', async () => {
    const page = await get('ministry', '/de/ministerium/arbeitgeber');
    assert.match(page.body, /href="\/de\/ministerium\/arbeitgeber\.csv"/);
    const rows = csvRows(await get('ministry', '/de/ministerium/arbeitgeber.csv'));
    assert.deepEqual(rows[0], ['Name des Arbeitgebers', 'Ort', 'Land', 'Prüfung', 'Wartet auf Ihre Prüfung']);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    assert.equal(byName.get("'=Pflege GmbH")?.[4], 'ja');
    assert.equal(byName.get('Bau Beispiel KG')?.[4], 'nein');
    assert.equal(byName.get('Bau Beispiel KG')?.[2], 'Sachsen');
    assert.equal(
      csvRows(await get('ministry', '/en/ministry/employers.csv'))[0]?.[4],
      'Waiting for your check',
    );
  });

  it('refuses an applicant as the page does', async () => {
    const page = await get('applicant', '/de/ministerium/arbeitgeber');
    const csv = await get('applicant', '/de/ministerium/arbeitgeber.csv');
    assert.equal(csv.statusCode, 403);
    assert.equal(csv.statusCode, page.statusCode);
  });
});

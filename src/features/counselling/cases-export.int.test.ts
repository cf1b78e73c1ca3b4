import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { auditedWith, csvRows } from '../../../test/support/csv.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { counsellingCase } from './schema.ts';

type Who = { cookie: string; personId: string };

/** A counselling centre's cases as CSV: its own cases in words, the linked ones audited as on the page. */
describe('counselling cases as CSV', () => {
  let t: TestApp;
  const who: Record<string, Who> = {};
  let applicantId = '';
  const get = (name: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: (who[name] as Who).cookie } });

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const orgs: Record<string, string> = {};
    for (const [slug, state] of [
      ['csv-beratung-a', 'SN'],
      ['csv-beratung-b', 'TH'],
    ] as const)
      orgs[slug] = await makeOrganisation(db, {
        slug,
        name: `Beratung ${state}`,
        kind: 'counselling-centre',
        jurisdictions: [{ scope: 'state', stateCode: state }],
      });
    for (const [name, role, org] of [
      ['a', 'counsellor', 'csv-beratung-a'],
      ['b', 'counsellor', 'csv-beratung-b'],
      ['applicant', 'applicant', undefined],
    ] as const) {
      const account = await makeAccount(db, role, org);
      const s = await sessionFor(t.app, db, account.personId, role);
      who[name] = { cookie: s.cookie, personId: account.personId };
    }
    applicantId = (who.applicant as Who).personId;
    const at = new Date('2026-03-02T10:00:00Z');
    const base = { organisationId: orgs['csv-beratung-a'] as string, createdAt: at, updatedAt: at };
    await db.insert(counsellingCase).values([
      { ...base, stateCode: 'SN', openedOn: '2026-03-02', topic: 'recognition', outcome: 'referred' },
      {
        ...base,
        stateCode: 'SN',
        openedOn: '2026-03-05',
        topic: 'recognition',
        applicantPersonId: applicantId,
      },
    ]);
  });
  after(() => t.close());

  it('the list links to its download', async () => {
    const page = await get('a', '/de/beratung/faelle');
    assert.match(page.body, /href="\/de\/beratung\/faelle\.csv"/);
  });

  it('lists the centre’s cases in words and audits the linked one as an export', async () => {
    const rows = csvRows(await get('a', '/de/beratung/faelle.csv'));
    assert.equal(rows.length, 3);
    assert.equal(rows[1]?.[0], '2026-03-05', 'newest first, as on the page');
    assert.equal(rows[1]?.[1], 'Sachsen');
    assert.doesNotMatch(rows.flat().join(' '), /\b(SN|recognition|referred|open)\b/);
    const audited = await auditedWith(t.database.db, (who.a as Who).personId, 'counselling (list export)');
    assert.deepEqual(
      audited.map((e) => e.subjectPersonId),
      [applicantId],
    );
    assert.equal(csvRows(await get('a', '/en/counselling/cases.csv'))[0]?.[1], 'State');
  });

  it('shows another centre none of them and refuses an applicant', async () => {
    assert.equal(csvRows(await get('b', '/de/beratung/faelle.csv')).length, 1);
    const page = await get('applicant', '/de/beratung/faelle');
    const csv = await get('applicant', '/de/beratung/faelle.csv');
    assert.equal(csv.statusCode, page.statusCode);
    assert.ok([403, 404].includes(csv.statusCode), String(csv.statusCode));
  });
});

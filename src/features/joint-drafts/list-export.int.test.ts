import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { auditCount, csvRows, stateOfficers } from '../../../test/support/csv.ts';
import { type Browser, pageClient } from '../../../test/support/journey.ts';

/** The joint drafts' list as CSV: the drafts in words (kind, conference, status, states), no audit as on the page. */
describe('joint drafts as CSV', () => {
  let t: TestApp;
  let browsers: Record<string, Browser> = {};

  before(async () => {
    t = await buildTestApp();
    browsers = await stateOfficers(t, 'jdcsv', ['SN', 'TH']);
    const made = await client().form('sn', '/de/laender/entwuerfe/neu', {
      kind: 'resolution',
      title: '@Anerkennung',
      target: 'asmk',
      targetDate: '20.01.2099',
      deadline: '10.01.2099',
      states: ['SN', 'TH'],
      text: 'Die Länder bitten den Bund, die Anerkennung zu beschleunigen.',
    });
    assert.equal(made.statusCode, 303, made.body);
  });
  after(() => t.close());

  const client = () => pageClient(t.app, (n) => browsers[n] as Browser);
  const audits = (name: string) => auditCount(t.database.db, (browsers[name] as Browser).personId);

  it('the list links to its download', async () => {
    const page = await client().get('th', '/de/laender/entwuerfe');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/de\/laender\/entwuerfe\.csv"/);
  });

  it('holds the draft in words, the formula-like title as text, and writes no audit entry', async () => {
    const before = await audits('th');
    const rows = csvRows(await client().get('th', '/de/laender/entwuerfe.csv'));
    assert.deepEqual(rows[0], [
      'Titel des Entwurfs',
      'Art des Entwurfs',
      'Konferenz',
      'Tag der Konferenz',
      'Stand',
      'Beteiligte Länder',
      'Zustimmung',
      'Zeichnung bis',
    ]);
    assert.equal(rows.length, 2);
    assert.equal(rows[1]?.[0], "'@Anerkennung");
    assert.equal(rows[1]?.[3], '20. Januar 2099');
    assert.equal(rows[1]?.[5], 'Sachsen und Thüringen');
    assert.doesNotMatch(rows.flat().join(' '), /\b(SN|TH|asmk|resolution|in-sign-off)\b/);
    assert.equal(await audits('th'), before);
    const en = csvRows(await client().get('sn', '/en/states/drafts.csv'));
    assert.deepEqual(en[0]?.slice(0, 2), ['Title of the draft', 'Kind of draft']);
    assert.equal(en[1]?.[1], 'Resolution proposal');
  });

  it('refuses an applicant as the page does', async () => {
    const page = await client().get('applicant', '/de/laender/entwuerfe');
    const csv = await client().get('applicant', '/de/laender/entwuerfe.csv');
    assert.equal(csv.statusCode, 403);
    assert.equal(csv.statusCode, page.statusCode);
  });
});

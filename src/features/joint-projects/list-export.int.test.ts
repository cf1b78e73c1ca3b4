import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { auditCount, csvRows, stateOfficers } from '../../../test/support/csv.ts';
import { type Browser, pageClient } from '../../../test/support/journey.ts';

/** The joint projects' list as CSV: the projects in words, the budget a number, no audit as on the page. */
describe('joint projects as CSV', () => {
  let t: TestApp;
  let browsers: Record<string, Browser> = {};

  before(async () => {
    t = await buildTestApp();
    browsers = await stateOfficers(t, 'jpcsv', ['SN', 'TH']);
    const made = await client().form('sn', '/de/laender/projekte/neu', {
      title: '=SUMME(1;2)',
      description: '',
      states: ['SN', 'TH'],
      leadState: 'SN',
      budget: '150.000,00',
      keyKind: 'equal',
    });
    assert.equal(made.statusCode, 303, made.body);
  });
  after(() => t.close());

  const client = () => pageClient(t.app, (n) => browsers[n] as Browser);
  const audits = (name: string) => auditCount(t.database.db, (browsers[name] as Browser).personId);

  it('the list links to its download', async () => {
    const page = await client().get('th', '/de/laender/projekte');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/de\/laender\/projekte\.csv"/);
  });

  it('holds the project in words, the formula title as text, and writes no audit entry', async () => {
    const before = await audits('th');
    const rows = csvRows(await client().get('th', '/de/laender/projekte.csv'));
    assert.deepEqual(rows, [
      ['Titel des Projekts', 'Beteiligte Länder', 'Federführendes Land', 'Budget in Euro', 'Zustimmung'],
      ["'=SUMME(1;2)", 'Sachsen und Thüringen', 'Sachsen', '150000', '0 von 2 Ländern haben zugestimmt'],
    ]);
    assert.equal(await audits('th'), before);
    const en = csvRows(await client().get('sn', '/en/states/projects.csv'));
    assert.deepEqual(en[0]?.slice(0, 3), ['Title of the project', 'States taking part', 'Lead state']);
  });

  it('refuses an applicant as the page does', async () => {
    const page = await client().get('applicant', '/de/laender/projekte');
    const csv = await client().get('applicant', '/de/laender/projekte.csv');
    assert.equal(csv.statusCode, 403);
    assert.equal(csv.statusCode, page.statusCode);
  });
});

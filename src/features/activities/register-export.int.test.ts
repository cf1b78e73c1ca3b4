import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { auditedWith, csvRows } from '../../../test/support/csv.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { type Browser, pageClient } from '../../../test/support/journey.ts';

/** An activity as an officer types it; the title and state vary. */
const ACTIVITY = {
  kind: 'recruitment-project',
  description: 'Sprachkurse vor der Einreise.',
  countries: 'VN',
  occupations: '81302',
  start: '01.03.2026',
  end: '31.12.2026',
  budget: '1.000',
  fundingSource: 'Landeshaushalt',
  contactName: 'Kontakt Beispiel',
  contactEmail: 'kontakt@ministerium.example',
  contactPhone: '',
  status: 'running',
  outcomes: '',
  public: 'yes',
};

/**
 * The register's search as CSV: the filtered entries in words, without the contact, audited like the page; and the
 * overlaps of the officer's state, the other state's contact as the page shows it.
 */
describe('activity register and overlaps as CSV', () => {
  let t: TestApp;
  const browsers: Record<string, Browser> = {};

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    for (const code of ['SN', 'TH', 'BB'])
      await makeOrganisation(db, {
        slug: `csv-${code.toLowerCase()}`,
        name: `Ministerium ${code}`,
        kind: 'state-ministry',
        jurisdictions: [{ scope: 'state', stateCode: code }],
      });
    for (const [name, role, org] of [
      ['sn', 'ministry-officer', 'csv-sn'],
      ['th', 'ministry-officer', 'csv-th'],
      ['bb', 'ministry-officer', 'csv-bb'],
      ['applicant', 'applicant', undefined],
    ] as const) {
      const a = await makeAccount(db, role, org);
      const s = await sessionFor(t.app, db, a.personId, role);
      browsers[name] = { personId: a.personId, ...s, organisationId: null };
    }
    for (const [who, title] of [
      ['sn', '=SUMME(1;2)'],
      ['th', 'Pflege aus Vietnam, Thüringen'],
    ] as const) {
      const res = await client().form(who, '/de/laender/aktivitaeten/neu', { ...ACTIVITY, title });
      assert.equal(res.statusCode, 303, res.body);
    }
  });
  after(() => t.close());

  const client = () => pageClient(t.app, (n) => browsers[n] as Browser);

  it('the register links to the download with its search', async () => {
    const page = await client().get('th', '/de/laender/aktivitaeten?state=SN&kind=');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/de\/laender\/aktivitaeten\.csv\?state=SN&amp;kind="/);
  });

  it('keeps the search: only Saxony’s entry, in words, the formula title as text, audited as an export', async () => {
    const rows = csvRows(await client().get('th', '/de/laender/aktivitaeten.csv?state=SN'));
    assert.deepEqual(rows[0], [
      'Titel',
      'Land',
      'Art der Aktivität',
      'Stand',
      'Zeitraum',
      'Zielländer',
      'Berufe',
    ]);
    assert.equal(rows.length, 2);
    assert.equal(rows[1]?.[0], "'=SUMME(1;2)");
    assert.equal(rows[1]?.[1], 'Sachsen');
    assert.equal(rows[1]?.[5], 'Vietnam');
    assert.doesNotMatch(rows.flat().join(' '), /\b(SN|VN|81302|recruitment-project|running)\b|Kontakt/);
    const audited = await auditedWith(
      t.database.db,
      (browsers.th as Browser).personId,
      'states activity register: list export',
    );
    assert.equal(audited.length, 1);
    const all = csvRows(await client().get('sn', '/en/states/activities.csv'));
    assert.equal(all.length, 3);
    assert.equal(all[0]?.[0], 'Title');
  });

  it('names a bad date of the search (400), and refuses an applicant as the page does', async () => {
    const bad = await client().get('sn', '/de/laender/aktivitaeten.csv?from=gestern');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /query\.from/);
    const page = await client().get('applicant', '/de/laender/aktivitaeten');
    const csv = await client().get('applicant', '/de/laender/aktivitaeten.csv');
    assert.equal(csv.statusCode, 403);
    assert.equal(csv.statusCode, page.statusCode);
  });

  it('the overlaps page links to its download', async () => {
    const page = await client().get('th', '/de/laender/ueberschneidungen');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/de\/laender\/ueberschneidungen\.csv"/);
  });

  it('lists the overlap seen from the own state, in words, the formula title as text, audited', async () => {
    const rows = csvRows(await client().get('th', '/de/laender/ueberschneidungen.csv'));
    assert.deepEqual(rows[0], [
      'Land',
      'Ihre Aktivität',
      'Aktivität des anderen Landes',
      'Gemeinsamer Zeitraum',
      'Gemeinsame Zielländer',
      'Gemeinsame Berufe',
      'Ansprechperson des anderen Landes',
    ]);
    assert.equal(rows.length, 2);
    assert.equal(rows[1]?.[0], 'Sachsen');
    assert.equal(rows[1]?.[1], 'Pflege aus Vietnam, Thüringen');
    assert.equal(rows[1]?.[2], "'=SUMME(1;2)");
    assert.equal(rows[1]?.[4], 'Vietnam');
    assert.match(rows[1]?.[6] ?? '', /Kontakt Beispiel, kontakt@ministerium\.example/);
    assert.doesNotMatch(rows.flat().join(' '), /\b(SN|TH|VN|81302|recruitment-project)\b/);
    const audited = await auditedWith(
      t.database.db,
      (browsers.th as Browser).personId,
      'states activity register: overlaps list export',
    );
    assert.equal(audited.length, 1);
    const en = csvRows(await client().get('sn', '/en/states/overlaps.csv'));
    assert.equal(en[0]?.[0], 'State');
    assert.equal(en[1]?.[0], 'Thuringia');
  });

  it('holds only the heading for a state without overlaps, and refuses an applicant as the page does', async () => {
    const none = csvRows(await client().get('bb', '/de/laender/ueberschneidungen.csv'));
    assert.equal(none.length, 1);
    const page = await client().get('applicant', '/de/laender/ueberschneidungen');
    const csv = await client().get('applicant', '/de/laender/ueberschneidungen.csv');
    assert.equal(csv.statusCode, 403);
    assert.equal(csv.statusCode, page.statusCode);
  });
});

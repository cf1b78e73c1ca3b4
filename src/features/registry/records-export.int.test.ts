import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { auditedWith, csvRows } from '../../../test/support/csv.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import type { Role } from '../../domain/access/roles.ts';

/** A recognition authority's records as CSV: its own records only, in words, audited per record like the page. */
describe('recognition records as CSV', () => {
  let t: TestApp;
  type Session = { cookie: string; personId: string };
  const signedIn = async (role: Role, org?: string): Promise<Session> => {
    const account = await makeAccount(t.database.db, role, org);
    const s = await sessionFor(t.app, t.database.db, account.personId, role);
    return { cookie: s.cookie, personId: account.personId };
  };
  const page = (url: string, s?: Session) =>
    t.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
  let officer: Session;
  const codes: string[] = [];

  before(async () => {
    t = await buildTestApp();
    for (const [slug, name, state] of [
      ['lasub-csv', 'Landesamt für Schule und Bildung', 'SN'],
      ['lva-csv', 'Landesverwaltungsamt', 'ST'],
    ] as const)
      await makeOrganisation(t.database.db, {
        slug,
        name,
        kind: 'recognition-authority',
        seat: { stateCode: state },
        jurisdictions: [{ scope: 'state', stateCode: state }],
      });
    officer = await signedIn('recognition-officer', 'lasub-csv');
    for (const name of ['-2+3', 'Olena Beispiel']) {
      const form = await page('/de/verwaltung/nachweise/neu', officer);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const res = await t.app.inject({
        method: 'POST',
        url: '/de/verwaltung/nachweise/neu',
        headers: { cookie: officer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: csrf,
          name,
          birthDate: '1985-06-15',
          occupation: '81302',
          equivalence: 'full',
          adjustmentMeasures: '',
          authority: 'own',
          issuingState: 'SN',
          noticeReference: '',
          legalBasis: '§ 2 Abs. 3 PflBG',
          decisionDate: '2026-10-01',
        }).toString(),
      });
      assert.equal(res.statusCode, 303, res.body);
      codes.push(/nachweise\/([0-9A-Z-]{19})/.exec(String(res.headers.location))?.[1] ?? '');
    }
  });
  after(() => t.close());

  it('the list page links to its download and audits its rows', async () => {
    const list = await page('/de/verwaltung/nachweise', officer);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /href="\/de\/verwaltung\/nachweise\.csv"/);
    assert.equal((await auditedWith(t.database.db, officer.personId, 'recognition records')).length, 2);
  });

  it('downloads both records in words, the formula-like name as text, one audit entry per record', async () => {
    const rows = csvRows(await page('/de/verwaltung/nachweise.csv', officer));
    assert.deepEqual(rows[0], ['Prüfcode', 'Person', 'Beruf', 'Datum der Entscheidung', 'Stand']);
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows
        .map((r) => r[0])
        .slice(1)
        .sort(),
      [...codes].sort(),
    );
    assert.deepEqual(
      rows
        .map((r) => r[1])
        .slice(1)
        .sort(),
      ["'-2+3", 'Olena Beispiel'].sort(),
    );
    assert.ok(
      rows.slice(1).every((r) => r[4] === 'gültig' && r[3] === '1. Oktober 2026'),
      JSON.stringify(rows),
    );
    const audited = await auditedWith(t.database.db, officer.personId, 'recognition records (list export)');
    assert.equal(audited.length, 2);
    assert.ok(audited.every((a) => a.objectType === 'recognition-record' && a.action === 'read'));
  });

  it('English headings; another authority gets none of these; other roles are refused', async () => {
    const en = csvRows(await page('/en/admin/records.csv', officer));
    assert.equal(en[0]?.[2], 'Occupation');
    const other = csvRows(
      await page('/de/verwaltung/nachweise.csv', await signedIn('recognition-officer', 'lva-csv')),
    );
    assert.equal(other.length, 1);
    const applicant = await signedIn('applicant');
    assert.equal((await page('/de/verwaltung/nachweise.csv', applicant)).statusCode, 403);
    assert.equal(
      (await page('/de/verwaltung/nachweise.csv', applicant)).statusCode,
      (await page('/de/verwaltung/nachweise', applicant)).statusCode,
    );
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { auditedWith, csvRows } from '../../../test/support/csv.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import type { Role } from '../../domain/access/roles.ts';
import { poolProfile } from './schema.ts';

type Who = { personId: string; cookie: string; csrfToken: string };

/** A ministry's pool search as CSV: the search's profiles, released facts in words, audited per profile. */
describe('talent pool search as CSV', () => {
  let t: TestApp;
  const who: Record<string, Who> = {};
  const get = (name: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: (who[name] as Who).cookie } });

  before(async () => {
    t = await buildTestApp();
    for (const code of ['SN', 'TH'])
      await makeOrganisation(t.database.db, {
        slug: `pool-csv-${code.toLowerCase()}`,
        name: `Ministerium ${code}`,
        kind: 'state-ministry',
        jurisdictions: [{ scope: 'state', stateCode: code }],
      });
    for (const [name, role, org] of [
      ['sn', 'ministry-officer', 'pool-csv-sn'],
      ['th', 'ministry-officer', 'pool-csv-th'],
      ['ana', 'applicant', undefined],
    ] as const satisfies readonly (readonly [string, Role, string | undefined])[]) {
      const a = await makeAccount(t.database.db, role, org);
      const s = await sessionFor(t.app, t.database.db, a.personId, role);
      who[name] = { personId: a.personId, cookie: s.cookie, csrfToken: s.csrfToken };
    }
    const body = new URLSearchParams({
      _csrf: (who.ana as Who).csrfToken,
      occupation: 'Softwareentwickler',
      occupationKldb: '',
      qualification: 'bachelor',
      recognition: 'pending',
      language1: 'en',
      level1: 'C1',
      availableFrom: '01.03.2027',
      preferredStates: 'SN',
      poolStates: 'SN',
    });
    for (const r of ['occupation', 'languages', 'availableFrom']) body.append('released', r);
    const res = await t.app.inject({
      method: 'POST',
      url: '/de/talentpool',
      headers: { cookie: (who.ana as Who).cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    assert.equal(res.statusCode, 303, res.body);
  });
  after(() => t.close());

  it('the results link to the download with the search', async () => {
    const page = await get('sn', '/de/talentpool/suche?language=en');
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /href="\/de\/talentpool\/suche\.csv\?language=en"/);
  });

  it('lists the profile with its released facts in words, unreleased ones empty; audited as an export', async () => {
    const [profile] = await t.database.db
      .select()
      .from(poolProfile)
      .where(eq(poolProfile.personId, (who.ana as Who).personId));
    const rows = csvRows(await get('sn', '/de/talentpool/suche.csv?language=en'));
    assert.equal(rows[0]?.[0], 'Profil');
    assert.equal(rows.length, 2);
    const [label, occupation, qualification, recognition, languages, availableFrom] = rows[1] ?? [];
    assert.equal(label, profile?.label);
    assert.match(occupation ?? '', /Softwareentwick/);
    assert.equal(qualification, '', 'not released');
    assert.equal(recognition, '', 'not released');
    assert.match(languages ?? '', /^Englisch: /);
    assert.equal(availableFrom, '1. März 2027');
    const audited = await auditedWith(
      t.database.db,
      (who.sn as Who).personId,
      'talent pool search (list export)',
    );
    assert.deepEqual(
      audited.map((a) => a.subjectPersonId),
      [(who.ana as Who).personId],
    );
  });

  it('keeps the filters, shows another state nothing, names a bad filter, refuses an applicant', async () => {
    assert.equal(csvRows(await get('sn', '/de/talentpool/suche.csv?language=fr')).length, 1);
    assert.equal(csvRows(await get('th', '/en/talent-pool/search.csv?language=en')).length, 1);
    const bad = await get('sn', '/de/talentpool/suche.csv?state=XX');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /query\.state/);
    assert.equal((await get('ana', '/de/talentpool/suche.csv')).statusCode, 403);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
  await makeOrganisation(t.database.db, {
    slug: 'operator-test',
    name: 'Betrieb Chancenregion',
    kind: 'operator',
    jurisdictions: [{ scope: 'nationwide' }],
  });
});
after(() => t.close());

describe('registry write side in the running app', () => {
  it('lets a signed-in administrator correct an entry, with CSRF, and shows the correction at once', async () => {
    const admin = await makeAccount(t.database.db, 'administrator', 'operator-test');
    const s = await sessionFor(t.app, t.database.db, admin.personId, 'administrator');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/registry/recognition-authority/SN:architect',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: {
        changes: { verified: true, source: 'Architektenkammer Sachsen, 2026-11-20' },
        reason: 'confirmed',
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    const finder = (await t.app.inject('/api/v1/recognition/finder?kldb=31114&state=SN')).json();
    assert.ok(JSON.stringify(finder).includes('Architektenkammer Sachsen, 2026-11-20'));
  });

  it('refuses the correction without a CSRF token and to an applicant', async () => {
    const admin = await makeAccount(t.database.db, 'administrator', 'operator-test');
    const s = await sessionFor(t.app, t.database.db, admin.personId, 'administrator');
    const noToken = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/registry/recognition-authority/SN:architect',
      headers: { cookie: s.cookie },
      payload: { changes: { verified: false }, reason: 'x' },
    });
    assert.equal(noToken.statusCode, 403);
    const applicant = await makeAccount(t.database.db, 'applicant');
    const a = await sessionFor(t.app, t.database.db, applicant.personId, 'applicant');
    const denied = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/registry/recognition-authority/SN:architect',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
      payload: { changes: { verified: false }, reason: 'x' },
    });
    assert.equal(denied.statusCode, 403);
    const anonymous = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/registry/recognition-authority/SN:architect',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ changes: { verified: false }, reason: 'x' }),
    });
    assert.equal(anonymous.statusCode, 401);
  });
});

describe('navigation by role', () => {
  it('shows the administration pages only to the roles that may use them', async () => {
    const anonymous = (await t.app.inject('/de')).body;
    assert.doesNotMatch(anonymous, /Referenzdaten pflegen/);
    const admin = await makeAccount(t.database.db, 'administrator', 'operator-test');
    const s = await sessionFor(t.app, t.database.db, admin.personId, 'administrator');
    const page = (await t.app.inject({ url: '/de', headers: { cookie: s.cookie } })).body;
    assert.match(page, /href="\/de\/verwaltung\/register"[^>]*>Referenzdaten pflegen/);
    assert.doesNotMatch(page, /Anerkennungsregister der Länder/);
    const home = page.slice(page.indexOf('<main'));
    assert.doesNotMatch(
      home,
      /kern-card[^"]*"[^>]*>(?:(?!<\/li>)[\s\S])*Referenzdaten pflegen/,
      'no card for role pages',
    );
    assert.match(
      home,
      /Ihre nächsten Schritte[\s\S]*href="\/de\/verwaltung\/register">Referenzdaten pflegen/,
    );
  });
});

describe('journey pages in the navigation', () => {
  it('shows the work queue to a caseworker and "Mein Weg" to an applicant', async () => {
    await makeOrganisation(t.database.db, {
      slug: 'abh-leipzig-test',
      name: 'Stadt Leipzig – Ausländerbehörde',
      kind: 'foreigners-office',
      jurisdictions: [{ scope: 'district', ags: '14713' }],
    });
    const caseworker = await makeAccount(t.database.db, 'foreigners-office-caseworker', 'abh-leipzig-test');
    const c = await sessionFor(t.app, t.database.db, caseworker.personId, 'foreigners-office-caseworker');
    const forCaseworker = (await t.app.inject({ url: '/de', headers: { cookie: c.cookie } })).body;
    assert.match(forCaseworker, /href="\/de\/behoerde\/arbeitsliste"/);
    assert.doesNotMatch(forCaseworker, /href="\/de\/mein-weg"/);
    const applicant = await makeAccount(t.database.db, 'applicant');
    const a = await sessionFor(t.app, t.database.db, applicant.personId, 'applicant');
    const forApplicant = (await t.app.inject({ url: '/en', headers: { cookie: a.cookie } })).body;
    assert.match(forApplicant, /href="\/en\/my-journey"/);
    assert.doesNotMatch(forApplicant, /href="\/en\/authority\/work-queue"/);
  });
});

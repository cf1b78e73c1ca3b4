import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { buildTestApp, cookieHeader, type TestApp } from '../../../../test/support/app.ts';
import { SoftAuthenticator } from '../../../../test/support/authenticator.ts';
import { makeAccount, makeOrganisation, sessionFor, signInApi } from '../../../../test/support/identity.ts';
import { auditEntry } from '../../../platform/audit/schema.ts';
import { organisation, organisationJurisdiction, organisationRegistryBody } from '../../people/schema.ts';
import { mission } from '../../registry/schema.ts';
import { passkey } from '../schema.ts';
import { MISSION_COUNTRY_CODES } from './organisations.ts';

type Session = Awaited<ReturnType<typeof sessionFor>>;

describe('administration and passkeys in the web interface', () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;
  before(async () => {
    t = await buildTestApp();
    await makeOrganisation(t.database.db, {
      slug: 'op-web',
      name: 'Betrieb Web',
      kind: 'operator',
      jurisdictions: [],
    });
    adminId = (await makeAccount(t.database.db, 'administrator', 'op-web')).personId;
    admin = await sessionFor(t.app, t.database.db, adminId, 'administrator');
  });
  after(() => t.close());

  const send = (s: Session, url: string, fields: [string, string][]) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([['_csrf', s.csrfToken], ...fields]).toString(),
    });
  const page = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const lastAudit = async (objectType: string) =>
    (
      await t.database.db
        .select()
        .from(auditEntry)
        .where(eq(auditEntry.objectType, objectType))
        .orderBy(desc(auditEntry.seq))
        .limit(1)
    )[0];
  const jurisdictionRows = (organisationId: string) =>
    t.database.db
      .select()
      .from(organisationJurisdiction)
      .where(eq(organisationJurisdiction.organisationId, organisationId));

  it('offers every country of the missions registry as an ISO code', async () => {
    const countries = await t.database.db.selectDistinct({ country: mission.country }).from(mission);
    const named = countries.map((c) => c.country).filter((c) => !c.startsWith('('));
    assert.ok(named.length > 10);
    for (const c of named) assert.match(MISSION_COUNTRY_CODES[c] ?? '', /^[A-Z]{2}$/, c);
    const form = await page(admin, '/en/admin/organisations/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="country" value="VN"/);
    assert.match(form.body, /name="district" value="14626"/);
    assert.match(form.body, /name="state" value="SN"/);
    assert.doesNotMatch(form.body, /<input[^>]*type="text"[^>]*name="(state|district|country)/);
  });

  it('creates an organisation with seat and jurisdiction from the reference data, audited', async () => {
    const res = await send(admin, '/de/verwaltung/organisationen/neu', [
      ['kind', 'foreigners-office'],
      ['name', 'Ausländerbehörde Görlitz Test'],
      ['seatDistrict', '14626'],
      ['seatCountry', ''],
      ['district', '14626'],
      ['district', '14625'],
    ]);
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/de/verwaltung/organisationen?done=created');
    const [org] = await t.database.db
      .select()
      .from(organisation)
      .where(eq(organisation.slug, 'auslaenderbehoerde-goerlitz-test'));
    assert.ok(org);
    assert.equal(org.kind, 'foreigners-office');
    assert.equal(org.seatDistrictAgs, '14626');
    assert.equal(org.seatStateCode, 'SN');
    const rows = await jurisdictionRows(org.id);
    assert.deepEqual(rows.map((r) => r.districtAgs).sort(), ['14625', '14626']);
    const entry = await lastAudit('organisation');
    assert.equal(entry?.objectId, org.id);
    assert.equal(entry?.actorPersonId, adminId);
    assert.equal(entry?.action, 'create');
    const list = await page(admin, '/de/verwaltung/organisationen?done=created');
    assert.match(list.body, /Die Organisation wurde angelegt/);
    assert.match(list.body, /Görlitz \(14626\)/);
    // The same name again gets a free slug.
    const again = await send(admin, '/en/admin/organisations/new', [
      ['kind', 'mission'],
      ['name', 'Ausländerbehörde Görlitz Test'],
      ['seatCountry', 'VN'],
      ['country', 'VN'],
    ]);
    assert.equal(again.statusCode, 303);
    assert.ok(
      (
        await t.database.db
          .select()
          .from(organisation)
          .where(eq(organisation.slug, 'auslaenderbehoerde-goerlitz-test-2'))
      )[0],
    );
  });

  it('answers a wrong form with 422 and an error summary linking to the fields, creating nothing', async () => {
    const before = (await t.database.db.select().from(organisation)).length;
    const res = await send(admin, '/de/verwaltung/organisationen/neu', [
      ['kind', 'castle'],
      ['name', 'X'],
      ['seatDistrict', '99999'],
      ['district', '99999'],
      ['country', 'ZZ'],
    ]);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="error-summary"/);
    for (const f of ['kind', 'name', 'seatDistrict', 'jurisdiction'])
      assert.match(res.body, new RegExp(`href="#field-${f}"`), f);
    assert.match(res.body, /id="field-jurisdiction"/);
    assert.equal((await t.database.db.select().from(organisation)).length, before);
  });

  it('makes a recognition authority the registry bodies chosen, on creation and when edited (audited); 422 for other kinds, unknown and taken bodies', async () => {
    const bodiesOf = async (organisationId: string) =>
      (
        await t.database.db
          .select()
          .from(organisationRegistryBody)
          .where(eq(organisationRegistryBody.organisationId, organisationId))
      )
        .map((r) => r.recognitionAuthorityId ?? r.nationwideBodyId ?? r.craftsChamberId)
        .sort();
    const orgBySlug = async (slug: string) =>
      (await t.database.db.select().from(organisation).where(eq(organisation.slug, slug)))[0];
    const form = await page(admin, '/de/verwaltung/organisationen/neu');
    assert.match(form.body, /name="registryBody" value="recognition-authority:SN:nurse"/);
    assert.match(form.body, /name="registryBody" value="nationwide-body:zab"/);
    const created = await send(admin, '/de/verwaltung/organisationen/neu', [
      ['kind', 'recognition-authority'],
      ['name', 'Landesdirektion Register Test'],
      ['state', 'SN'],
      ['registryBody', 'recognition-authority:SN:nurse'],
      ['registryBody', 'recognition-authority:SN:physician'],
    ]);
    assert.equal(created.statusCode, 303, created.body);
    const org = await orgBySlug('landesdirektion-register-test');
    assert.ok(org);
    assert.deepEqual(await bodiesOf(org.id), ['SN:nurse', 'SN:physician']);

    const count = async () => (await t.database.db.select().from(organisation)).length;
    const before = await count();
    const taken = await send(admin, '/en/admin/organisations/new', [
      ['kind', 'recognition-authority'],
      ['name', 'Second Authority'],
      ['registryBody', 'recognition-authority:SN:nurse'],
    ]);
    assert.equal(taken.statusCode, 422);
    assert.match(taken.body, /href="#field-registryBodies"/);
    assert.match(taken.body, /belongs to another organisation already/);
    const wrongKind = await send(admin, '/en/admin/organisations/new', [
      ['kind', 'employer'],
      ['name', 'Employer With Body'],
      ['registryBody', 'nationwide-body:zab'],
    ]);
    assert.equal(wrongKind.statusCode, 422);
    assert.match(wrongKind.body, /Only recognition authorities are bodies of the registry/);
    for (const value of ['recognition-authority:SN:castle', 'castle:SN:nurse']) {
      const unknown = await send(admin, '/de/verwaltung/organisationen/neu', [
        ['kind', 'recognition-authority'],
        ['name', 'Unbekannte Stelle'],
        ['registryBody', value],
      ]);
      assert.equal(unknown.statusCode, 422, value);
      assert.match(unknown.body, /Wählen Sie die Stellen aus der Liste des Registers/, value);
    }
    assert.equal(await count(), before, 'nothing created');

    const edit = await page(admin, `/de/verwaltung/organisationen/${org.id}/zustaendigkeit`);
    assert.match(edit.body, /name="registryBody" value="recognition-authority:SN:nurse" checked/);
    const saved = await send(admin, `/en/admin/organisations/${org.id}/jurisdiction`, [
      ['name', org.name],
      ['state', 'SN'],
      ['registryBody', 'recognition-authority:SN:physician'],
      ['registryBody', 'nationwide-body:zab'],
    ]);
    assert.equal(saved.statusCode, 303, saved.body);
    assert.deepEqual(await bodiesOf(org.id), ['SN:physician', 'zab']);
    const entry = await lastAudit('organisation');
    assert.equal(entry?.objectId, org.id);
    assert.match(entry?.purpose ?? '', /registry bodies/);
    // Another authority cannot take a body this one is; nothing changes on refusal.
    const other = await makeOrganisation(t.database.db, {
      slug: 'other-authority-web',
      name: 'Andere Anerkennungsstelle',
      kind: 'recognition-authority',
      jurisdictions: [],
    });
    const refused = await send(admin, `/de/verwaltung/organisationen/${other}/zustaendigkeit`, [
      ['name', 'Andere Anerkennungsstelle'],
      ['registryBody', 'nationwide-body:zab'],
    ]);
    assert.equal(refused.statusCode, 422);
    assert.deepEqual(await bodiesOf(other), []);
    assert.deepEqual(await bodiesOf(org.id), ['SN:physician', 'zab']);
    // Other kinds are not offered the bodies.
    const ministry = await makeOrganisation(t.database.db, {
      slug: 'ministry-no-bodies',
      name: 'Ministerium ohne Stellen',
      kind: 'state-ministry',
      jurisdictions: [],
    });
    const plain = await page(admin, `/de/verwaltung/organisationen/${ministry}/zustaendigkeit`);
    assert.equal(plain.statusCode, 200);
    assert.doesNotMatch(plain.body, /name="registryBody"/);
  });

  it('edits the name, seat and jurisdiction of an organisation (audited), 422 for unknown values, 404 for unknown organisations', async () => {
    const id = await makeOrganisation(t.database.db, {
      slug: 'ministry-web',
      name: 'Ministerium Web',
      kind: 'state-ministry',
      jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    });
    const form = await page(admin, `/de/verwaltung/organisationen/${id}/zustaendigkeit`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="state" value="SN" checked/);
    assert.match(
      form.body,
      /name="name"[^>]*value="Ministerium Web"|value="Ministerium Web"[^>]*name="name"/,
    );
    const res = await send(admin, `/en/admin/organisations/${id}/jurisdiction`, [
      ['name', 'Ministerium Web (neu)'],
      ['seatDistrict', '16051'],
      ['seatCountry', ''],
      ['state', 'TH'],
      ['country', 'VN'],
      ['nationwide', '1'],
    ]);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/en/admin/organisations?done=jurisdiction');
    const rows = await jurisdictionRows(id);
    assert.deepEqual(rows.map((r) => r.stateCode ?? r.countryCode ?? r.scope).sort(), [
      'TH',
      'VN',
      'nationwide',
    ]);
    const [renamed] = await t.database.db.select().from(organisation).where(eq(organisation.id, id));
    assert.equal(renamed?.name, 'Ministerium Web (neu)');
    assert.equal(renamed?.seatDistrictAgs, '16051');
    assert.equal(renamed?.seatStateCode, 'TH');
    const entry = await lastAudit('organisation');
    assert.equal(entry?.action, 'update');
    assert.equal(entry?.objectId, id);
    const bad = await send(admin, `/de/verwaltung/organisationen/${id}/zustaendigkeit`, [
      ['name', ''],
      ['state', 'BY'],
    ]);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#field-jurisdiction"/);
    assert.match(bad.body, /href="#field-name"/);
    assert.equal((await jurisdictionRows(id)).length, 3);
    const ghost = await send(
      admin,
      '/de/verwaltung/organisationen/00000000-0000-4000-8000-000000000000/zustaendigkeit',
      [
        ['name', 'Geist'],
        ['state', 'SN'],
      ],
    );
    assert.equal(ghost.statusCode, 404);
    // An employer administrator manages members, not organisations.
    const employerId = await makeOrganisation(t.database.db, {
      slug: 'employer-web',
      name: 'Bäckerei Web',
      kind: 'employer',
      jurisdictions: [],
    });
    const boss = await makeAccount(t.database.db, 'employer-admin', 'employer-web');
    const b = await sessionFor(t.app, t.database.db, boss.personId, 'employer-admin');
    assert.equal(
      (await send(b, `/de/verwaltung/organisationen/${employerId}/zustaendigkeit`, [['state', 'SN']]))
        .statusCode,
      403,
    );
    assert.equal((await page(b, '/de/verwaltung/organisationen/neu')).statusCode, 403);
    const list = await page(b, '/de/verwaltung/organisationen');
    assert.doesNotMatch(list.body, /zustaendigkeit|sitzungen-beenden/);
  });

  it('ends all sessions of a person by address or from the member list, effective on the next request', async () => {
    const applicant = await makeAccount(t.database.db, 'applicant');
    const victim = await signInApi(t.app, applicant);
    const unknown = await send(admin, '/de/verwaltung/sitzungen-beenden', [['email', 'nobody@example.org']]);
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /href="#field-email"/);
    const res = await send(admin, '/de/verwaltung/sitzungen-beenden', [['email', applicant.email]]);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/de/verwaltung/organisationen?done=sessions');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: victim.cookie } });
    assert.equal(me.statusCode, 401);
    const entry = await lastAudit('session');
    assert.equal(entry?.subjectPersonId, applicant.personId);
    assert.equal(entry?.actorPersonId, adminId);
    // From the member list (by person id).
    const officer = await makeAccount(t.database.db, 'ministry-officer', 'ministry-web', { withTotp: true });
    const o = await signInApi(t.app, officer);
    const list = await page(admin, '/en/admin/organisations');
    assert.match(list.body, new RegExp(`name="personId" value="${officer.personId}"`));
    assert.equal(
      (await send(admin, '/en/admin/end-sessions', [['personId', officer.personId]])).statusCode,
      303,
    );
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: o.cookie } });
    assert.equal(after.statusCode, 401);
    // Someone without the administrator role cannot end another person's sessions.
    const other = await makeAccount(t.database.db, 'applicant');
    const s = await sessionFor(t.app, t.database.db, other.personId, 'applicant');
    assert.equal(
      (await send(s, '/de/verwaltung/sitzungen-beenden', [['personId', adminId]])).statusCode,
      404,
    );
  });

  it('shows the passkey buttons hidden until the script reveals them, with the CSRF token as data', async () => {
    const signIn = await t.app.inject({ method: 'GET', url: '/de/anmelden' });
    assert.match(
      signIn.body,
      /<div class="passkey" data-passkey="sign-in" data-csrf="[^"]+" data-next="\/de\/konto" hidden/,
    );
    const src = /<script type="module" src="(\/assets\/passkeys\.[0-9a-f]{10}\.js)"><\/script>/.exec(
      signIn.body,
    )?.[1];
    assert.ok(src, 'the sign-in page loads the fingerprinted passkey script');
    const script = await t.app.inject({ method: 'GET', url: src });
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /javascript/);
    const applicant = await makeAccount(t.database.db, 'applicant');
    const s = await sessionFor(t.app, t.database.db, applicant.personId, 'applicant');
    const account = await page(s, '/en/account');
    assert.match(account.body, /data-passkey="register"/);
    assert.match(account.body, /href="\/en\/account\/passkeys"/);
  });

  it('lists one’s passkeys and removes one with a form; a removed passkey no longer signs in', async () => {
    const applicant = await makeAccount(t.database.db, 'applicant');
    const s = await sessionFor(t.app, t.database.db, applicant.personId, 'applicant');
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
    const opts = await t.app.inject({ method: 'POST', url: '/api/v1/me/passkeys/options', headers });
    const authenticator = new SoftAuthenticator('localhost', 'http://localhost:3000');
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/passkeys',
      headers: { ...headers, cookie: `${s.cookie}; ${cookieHeader(opts)}` },
      payload: authenticator.register(opts.json()),
    });
    assert.equal(reg.statusCode, 201);
    const id = (reg.json() as { id: string }).id;
    const list = await page(s, '/de/konto/passkeys');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`name="id" value="${id}"`));
    assert.match(list.body, /Passkey 1 entfernen/);
    // Another person cannot remove it.
    const other = await makeAccount(t.database.db, 'applicant');
    const o = await sessionFor(t.app, t.database.db, other.personId, 'applicant');
    assert.equal((await send(o, '/de/konto/passkeys/entfernen', [['id', id]])).statusCode, 404);
    const removed = await send(s, '/en/account/passkeys/remove', [['id', id]]);
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, '/en/account/passkeys?done=removed');
    assert.equal(
      (
        await t.database.db
          .select()
          .from(passkey)
          .where(and(eq(passkey.id, id)))
      ).length,
      0,
    );
    assert.equal((await lastAudit('account'))?.action, 'remove-passkey');
    const after = await page(s, '/en/account/passkeys?done=removed');
    assert.match(after.body, /The passkey has been removed/);
    assert.match(after.body, /You have no passkey yet/);
    const options = await t.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/options' });
    const answer = authenticator.authenticate(options.json());
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/passkey',
      headers: {
        cookie: cookieHeader(options),
        'x-csrf-token': (options.json() as { csrfToken: string }).csrfToken,
      },
      payload: answer,
    });
    assert.equal(signIn.statusCode, 401);
  });
});

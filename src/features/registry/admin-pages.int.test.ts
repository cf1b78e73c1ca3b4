import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { ROLE_ORGANISATION_KINDS, ROLES, type Role } from '../../domain/access/roles.ts';
import { mutualRecognitionEntry, recognitionAuthority, recognitionRecord, registryChange } from './schema.ts';

let t: TestApp;
type Session = { cookie: string; personId: string; email: string };

before(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await makeOrganisation(db, {
    slug: 'operator-pages',
    name: 'Betrieb Chancenregion',
    kind: 'operator',
    jurisdictions: [{ scope: 'nationwide' }],
  });
  await makeOrganisation(db, {
    slug: 'lasub-pages',
    name: 'Landesamt für Schule und Bildung',
    kind: 'recognition-authority',
    seat: { stateCode: 'SN' },
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  });
  await makeOrganisation(db, {
    slug: 'other-authority-pages',
    name: 'Landesverwaltungsamt',
    kind: 'recognition-authority',
    seat: { stateCode: 'ST' },
    jurisdictions: [{ scope: 'state', stateCode: 'ST' }],
  });
  await makeOrganisation(db, {
    slug: 'ministry-pages',
    name: 'Kultusministerium',
    kind: 'state-ministry',
    seat: { stateCode: 'TH' },
    jurisdictions: [{ scope: 'state', stateCode: 'TH' }],
  });
});
after(() => t.close());

async function signedIn(role: Role, org?: string): Promise<Session> {
  const account = await makeAccount(t.database.db, role, org);
  const s = await sessionFor(t.app, t.database.db, account.personId, role);
  return { cookie: s.cookie, personId: account.personId, email: account.email };
}

async function page(url: string, s?: Session) {
  return t.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
}

/** Opens the form page, takes its `_csrf` and posts the fields as a browser without JavaScript would. */
async function submit(formUrl: string, action: string, s: Session, fields: Record<string, string>) {
  const form = await page(formUrl, s);
  assert.equal(form.statusCode, 200, form.body);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
  assert.ok(csrf, 'the form carries a CSRF token');
  return t.app.inject({
    method: 'POST',
    url: action,
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
  });
}

const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

describe('administrators correct registry entries in the web interface', () => {
  const entryUrl = '/de/verwaltung/register/recognition-authority/SN%3Aarchitect';

  it('lists the tables with unconfirmed entries first and the note', async () => {
    const admin = await signedIn('administrator', 'operator-pages');
    const res = await page('/en/admin/registry', admin);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Recognition authorities/);
    const section = res.body.slice(res.body.indexOf('id="table-recognition-authority"'));
    const list = section.slice(0, section.indexOf('</ul>'));
    const firstVerified = list.search(/<li>(?:(?!<\/li>).)*<\/a><\/li>/s);
    const lastUnverified = list.lastIndexOf('kern-badge--warning');
    assert.ok(lastUnverified > 0 && lastUnverified < firstVerified, 'unverified entries come first');
  });

  it('saves a correction with reason (POST → 303), shows it at once and keeps the history', async () => {
    const admin = await signedIn('administrator', 'operator-pages');
    const res = await submit(entryUrl, entryUrl, admin, {
      authority: 'Architektenkammer Sachsen',
      address: '',
      email: '',
      legalBasis: 'SächsArchG',
      fees: '',
      notes: '',
      source: 'Architektenkammer Sachsen, Telefonat 2026-11-20',
      asOf: '2026-11-20',
      confidence: 'high',
      verified: 'true',
      reason: 'Zuständigkeit telefonisch bestätigt',
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `${entryUrl}?saved=1`);
    const [row] = await t.database.db
      .select()
      .from(recognitionAuthority)
      .where(eq(recognitionAuthority.id, 'SN:architect'));
    assert.equal(row?.verified, true);
    assert.equal(row?.authority, 'Architektenkammer Sachsen');
    const shown = decode((await page(`${entryUrl}?saved=1`, admin)).body);
    assert.match(shown, /Die Korrektur ist gespeichert/);
    assert.match(shown, /Änderungshistorie/);
    assert.match(shown, /Zuständigkeit telefonisch bestätigt/);
    assert.ok(shown.includes(admin.email.split('@')[0] ?? ''), 'names who changed it');
    assert.match(shown, /Bestätigt\?: false → true/);
    assert.match(shown, /Quelle: .+ → Architektenkammer Sachsen, Telefonat 2026-11-20/);
    const finder = await t.app.inject('/api/v1/recognition/finder?kldb=31114&state=SN');
    assert.ok(finder.body.includes('Telefonat 2026-11-20'));
  });

  it('re-renders the form with 422 and the error summary on bad input, writing nothing', async () => {
    const admin = await signedIn('administrator', 'operator-pages');
    const url = '/en/admin/registry/occupation/81302';
    const before = await t.database.db
      .select()
      .from(registryChange)
      .where(eq(registryChange.rowKey, '81302'));
    const res = await submit(url, url, admin, {
      titleEn: 'Nurse',
      isco08: '12',
      asOf: 'yesterday',
      reason: '',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="error-summary"/);
    assert.match(res.body, /Give a reason of at most 500 characters/);
    assert.match(res.body, /href="#field-reason"/);
    const noChange = await submit(url, url, admin, { reason: 'nothing changed' });
    assert.equal(noChange.statusCode, 422);
    assert.match(noChange.body, /Change at least one field/);
    const invalid = await submit(url, url, admin, { isco08: '12', reason: 'typo' });
    assert.equal(invalid.statusCode, 422);
    assert.match(decode(invalid.body), /Check the field “ISCO-08 code \(four digits\)”/);
    assert.match(invalid.body, /href="#field-isco08"/);
    const afterwards = await t.database.db
      .select()
      .from(registryChange)
      .where(eq(registryChange.rowKey, '81302'));
    assert.equal(afterwards.length, before.length);
  });

  it('answers 404 for an unknown table or entry', async () => {
    const admin = await signedIn('administrator', 'operator-pages');
    assert.equal((await page('/en/admin/registry/statistic/x', admin)).statusCode, 404);
    assert.equal((await page('/en/admin/registry/occupation/99999', admin)).statusCode, 404);
  });

  it('refuses other roles (403) and sends anonymous visitors to sign in', async () => {
    const officer = await signedIn('recognition-officer', 'lasub-pages');
    assert.equal((await page('/de/verwaltung/register', officer)).statusCode, 403);
    assert.equal((await page(entryUrl, officer)).statusCode, 403);
    const applicant = await signedIn('applicant');
    const post = await t.app.inject({
      method: 'POST',
      url: entryUrl,
      headers: { cookie: applicant.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'reason=x&verified=false',
    });
    assert.equal(post.statusCode, 403);
    const anonymous = await page('/de/verwaltung/register');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/de\/anmelden/);
  });
});

describe('recognition officers record decisions and withdraw records', () => {
  const decision = {
    name: 'Olena Kovalenko',
    birthDate: '1985-06-15',
    occupation: '81302',
    equivalence: 'partial',
    adjustmentMeasures: 'Anpassungslehrgang, 6 Monate\nKenntnisprüfung',
    authority: 'own',
    issuingState: 'SN',
    noticeReference: '',
    legalBasis: '§ 2 Abs. 3 PflBG',
    decisionDate: '2026-10-01',
  };

  it('issues a signed record from the form and shows code, QR code and the verification link', async () => {
    const officer = await signedIn('recognition-officer', 'lasub-pages');
    const form = await page('/de/verwaltung/nachweise/neu', officer);
    assert.match(form.body, /Meine Behörde: Landesamt für Schule und Bildung/);
    assert.match(form.body, /<option value="SN" selected/);
    const res = await submit(
      '/de/verwaltung/nachweise/neu',
      '/de/verwaltung/nachweise/neu',
      officer,
      decision,
    );
    assert.equal(res.statusCode, 303, res.body);
    const location = String(res.headers.location);
    const code = /\/de\/verwaltung\/nachweise\/([0-9A-Z-]{19})\?issued=1$/.exec(location)?.[1];
    assert.ok(code, location);
    const shown = await page(location, officer);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, new RegExp(code));
    assert.ok(shown.body.includes(`/api/v1/recognition/records/${code}/qr.svg`));
    assert.ok(shown.body.includes(`href="/de/nachweis/${code}"`));
    assert.match(shown.body, /Anpassungslehrgang, 6 Monate; Kenntnisprüfung/);
    const api = (await t.app.inject(`/api/v1/recognition/records/${code}`)).json();
    assert.equal(api.status, 'valid');
    assert.equal(api.signatureValid, true);
    assert.equal(api.record.authority, 'Landesamt für Schule und Bildung');
    assert.equal(api.record.profession.key, 'nurse');
    assert.equal(api.record.issuingState, 'SN');

    const list = await page('/en/admin/records', officer);
    assert.ok(list.body.includes(code));
    const withdraw = `/en/admin/records/${code}/withdrawal`;
    const empty = await submit('/en/admin/records', withdraw, officer, { [`reason-${code}`]: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Give a reason for the withdrawal/);
    assert.equal((await t.app.inject(`/api/v1/recognition/records/${code}`)).json().status, 'valid');
    const done = await submit('/en/admin/records', withdraw, officer, {
      [`reason-${code}`]: 'entered in error',
    });
    assert.equal(done.statusCode, 303, done.body);
    assert.equal(done.headers.location, `/en/admin/records?withdrawn=${code}`);
    assert.equal((await t.app.inject(`/api/v1/recognition/records/${code}`)).json().status, 'withdrawn');
    const after = await page(String(done.headers.location), officer);
    assert.match(after.body, new RegExp(`Record ${code} is withdrawn`));
  });

  it('enters a paper notice of another authority from the registry', async () => {
    const officer = await signedIn('recognition-officer', 'lasub-pages');
    const url = '/en/admin/records/new';
    const missing = await submit(url, url, officer, { ...decision, authority: 'authority:TH:nurse' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /Enter the file number/);
    const res = await submit(url, url, officer, {
      ...decision,
      equivalence: 'full',
      adjustmentMeasures: '',
      authority: 'authority:TH:nurse',
      issuingState: 'SN',
      noticeReference: 'TLV-2024-117',
    });
    assert.equal(res.statusCode, 303, res.body);
    const code = /records\/([0-9A-Z-]{19})/.exec(String(res.headers.location))?.[1];
    const api = (await t.app.inject(`/api/v1/recognition/records/${code}`)).json();
    assert.equal(api.record.issuingState, 'TH', 'the state of the registry authority');
    assert.equal(api.record.noticeReference, 'TLV-2024-117');
  });

  it('re-renders with 422 and writes nothing on bad input', async () => {
    const officer = await signedIn('recognition-officer', 'lasub-pages');
    const count = async () => (await t.database.db.select().from(recognitionRecord)).length;
    const before = await count();
    const url = '/de/verwaltung/nachweise/neu';
    const res = await submit(url, url, officer, {
      ...decision,
      adjustmentMeasures: '',
      decisionDate: '2099-01-01',
      occupation: '',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="error-summary"/);
    assert.match(res.body, /Wählen Sie den Beruf aus der Liste/);
    const partial = await submit(url, url, officer, { ...decision, adjustmentMeasures: '' });
    assert.equal(partial.statusCode, 422);
    assert.match(partial.body, /nennen Sie die nötigen Ausgleichsmaßnahmen/);
    assert.match(partial.body, /href="#field-adjustmentMeasures"/);
    assert.match(partial.body, /value="Olena Kovalenko"/, 'keeps what was typed');
    assert.equal(await count(), before);
  });

  it('lists only the records of the own authority; withdrawing another authority’s record answers 404', async () => {
    const mine = await signedIn('recognition-officer', 'lasub-pages');
    const other = await signedIn('recognition-officer', 'other-authority-pages');
    const url = '/de/verwaltung/nachweise/neu';
    const res = await submit(url, url, mine, { ...decision, name: 'Nur Meine' });
    const code = /nachweise\/([0-9A-Z-]{19})/.exec(String(res.headers.location))?.[1] ?? '';
    const list = await page('/de/verwaltung/nachweise', other);
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(code));
    assert.match(list.body, /Landesverwaltungsamt/);
    const attempt = await submit(url, `/de/verwaltung/nachweise/${code}/ruecknahme`, other, {
      [`reason-${code}`]: 'not mine',
    });
    assert.equal(attempt.statusCode, 404);
  });

  it('refuses other roles (403) and sends anonymous visitors to sign in', async () => {
    const admin = await signedIn('administrator', 'operator-pages');
    assert.equal((await page('/en/admin/records', admin)).statusCode, 403);
    assert.equal((await page('/en/admin/records/new', admin)).statusCode, 403);
    const anonymous = await page('/en/admin/records/new');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/en\/sign-in/);
  });
});

describe('ministry officers maintain the mutual-recognition register', () => {
  it('shows the 6×6 matrix per state-law profession with unconfirmed answers marked', async () => {
    const ministry = await signedIn('ministry-officer', 'ministry-pages');
    const res = await page('/en/admin/mutual-recognition', ministry);
    assert.equal(res.statusCode, 200, res.body);
    for (const p of ['Teachers', 'Erzieher', 'Social workers', 'Engineers', 'Architects']) {
      assert.match(res.body, new RegExp(`<caption class="kern-title">${p}`));
    }
    assert.equal(res.body.match(/<table/g)?.length, 5);
    assert.match(res.body, /bridging step needed/);
    assert.match(res.body, /counts as it is/);
    assert.match(res.body, /kern-badge--warning/);
    const prefilled = await page('/en/admin/mutual-recognition?profession=teacher&from=SN&to=TH', ministry);
    assert.match(prefilled.body, /<option value="teacher" selected/);
  });

  it('sets an entry (POST → 303) that the verification pages use at once; 422 writes nothing', async () => {
    const ministry = await signedIn('ministry-officer', 'ministry-pages');
    const url = '/de/verwaltung/anerkennungsregister';
    const bad = await submit(url, url, ministry, {
      profession: 'teacher',
      fromState: 'SN',
      toState: 'SN',
      outcome: 'counts',
      bridgingStep: '',
      legalBasis: 'KMK 2013',
      source: 'Erlass',
      reason: 'Test',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Wählen Sie zwei verschiedene Länder/);
    const noStep = await submit(url, url, ministry, {
      profession: 'teacher',
      fromState: 'SN',
      toState: 'TH',
      outcome: 'bridging',
      bridgingStep: '',
      legalBasis: 'KMK 2013',
      source: 'Erlass',
      reason: 'Test',
    });
    assert.equal(noStep.statusCode, 422);
    assert.match(noStep.body, /Beschreiben Sie den nötigen Schritt/);
    assert.equal((await t.database.db.select().from(mutualRecognitionEntry)).length, 0);

    const ok = await submit(url, url, ministry, {
      profession: 'teacher',
      fromState: 'SN',
      toState: 'TH',
      outcome: 'counts',
      bridgingStep: '',
      legalBasis: 'Ländervereinbarung SN–TH 2026',
      source: 'TMBJS, Erlass vom 2026-11-01',
      reason: 'Vereinbarung in Kraft',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    assert.equal(ok.headers.location, `${url}?saved=1`);
    const [entry] = await t.database.db.select().from(mutualRecognitionEntry);
    assert.equal(entry?.id, 'teacher:SN:TH');
    assert.equal(entry?.verified, true);
    const shown = await page(`${url}?saved=1`, ministry);
    assert.match(shown.body, /Der Eintrag ist gespeichert/);
    const history = await t.database.db
      .select()
      .from(registryChange)
      .where(eq(registryChange.rowKey, 'teacher:SN:TH'));
    assert.equal(history.length, 1);
    assert.equal(history[0]?.actor, ministry.personId);
  });

  it('refuses other roles (403) and sends anonymous visitors to sign in', async () => {
    const officer = await signedIn('recognition-officer', 'lasub-pages');
    assert.equal((await page('/de/verwaltung/anerkennungsregister', officer)).statusCode, 403);
    const anonymous = await page('/de/verwaltung/anerkennungsregister');
    assert.equal(anonymous.statusCode, 303);
  });
});

describe('who may open the write-side pages', () => {
  const PAGES: Record<string, Role> = {
    '/de/verwaltung/register': 'administrator',
    '/en/admin/registry/occupation/81302': 'administrator',
    '/de/verwaltung/nachweise': 'recognition-officer',
    '/en/admin/records/new': 'recognition-officer',
    '/en/admin/mutual-recognition': 'ministry-officer',
  };

  it('opens each page to its role only (every other role 403)', async () => {
    const db = t.database.db;
    for (const role of ROLES) {
      const kind = ROLE_ORGANISATION_KINDS[role][0];
      const slug = kind ? `matrix-${role}` : undefined;
      if (kind && slug) {
        await makeOrganisation(db, {
          slug,
          name: `Matrix ${role}`,
          kind,
          jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
        });
      }
      const s = await signedIn(role, slug);
      for (const [url, allowed] of Object.entries(PAGES)) {
        const res = await page(url, s);
        const expected = role === allowed ? 200 : 403;
        // a page on an entry that does not exist would be 404; the matrix uses existing ones
        assert.equal(res.statusCode, expected, `${role} ${url}`);
      }
    }
  });
});

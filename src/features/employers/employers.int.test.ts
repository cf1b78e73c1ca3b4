import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, desc, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import {
  makeAccount,
  makeOrganisation,
  randomAddress,
  sessionFor,
  signInApi,
} from '../../../test/support/identity.ts';
import { type Browser, pageClient, setUpWay } from '../../../test/support/journey.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { organisation, roleAssignment } from '../people/index.ts';
import { employerProfile, employerTrustDecision } from './schema.ts';
import { mayPublish } from './service.ts';

/** The registration form filled in as a firm in Görlitz would. */
const FIRM = {
  name: 'Tischlerei Lindner GmbH',
  street: 'Berliner Straße 12',
  postcode: '02826',
  town: 'Görlitz',
  district: '14626',
  legal: 'register',
  registerCourt: 'Amtsgericht Dresden',
  registerNumber: 'HRB 12345',
  publicKind: '',
  size: '10-49',
};

/** Codes a person must never read on these pages. */
const CODES =
  />\s*(unconfirmed|confirmed|refused|withdrawn|confirm|refuse|withdraw|14626|SN|TH|10-49|municipality)\s*</;

describe('employers: registration, colleagues and the check by a state (issue 16)', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  const extra: Record<string, Browser> = {};
  let employerId = '';
  before(async () => {
    t = await buildTestApp();
    b = (await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor })).b;
    await makeOrganisation(t.database.db, {
      slug: 'emp-ministry-th',
      name: 'Ministerium Thüringen',
      kind: 'state-ministry',
      jurisdictions: [{ scope: 'state', stateCode: 'TH' }],
    });
    const th = await makeAccount(t.database.db, 'ministry-officer', 'emp-ministry-th');
    const s = await sessionFor(t.app, t.database.db, th.personId, 'ministry-officer');
    extra['ministry-th'] = { personId: th.personId, ...s, organisationId: null };
  });
  after(() => t.close());

  const who = (name: string) => extra[name] ?? b(name);
  const client = () => pageClient(t.app, who);
  const organisations = async () =>
    (
      await t.database.db.select({ n: count() }).from(organisation).where(eq(organisation.kind, 'employer'))
    )[0]?.n;

  it('shows the registration form in both languages, with the districts to choose and no codes', async () => {
    for (const url of ['/de/arbeitgeber/registrieren', '/en/employers/register']) {
      const page = await client().get('stranger', url);
      assert.equal(page.statusCode, 200, page.body);
      assert.match(page.body, /<option value="14626"[^>]*>Görlitz \((Sachsen|Saxony)\)<\/option>/);
      assert.doesNotMatch(page.body, CODES);
    }
  });

  it('refuses bad fields with 422 naming each field, and writes nothing', async () => {
    const before = await organisations();
    const res = await client().form('stranger', '/de/arbeitgeber/registrieren', {
      ...FIRM,
      postcode: '123',
      district: '99999',
      registerNumber: 'Nummer 5',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Postleitzahl: Bitte geben Sie fünf Ziffern an/);
    assert.match(res.body, /Landkreis: Bitte wählen Sie/);
    assert.match(res.body, /href="#field-registerNumber"/);
    const publicWithoutKind = await client().form('stranger', '/en/employers/register', {
      ...FIRM,
      legal: 'public',
      size: 'huge',
    });
    assert.equal(publicWithoutKind.statusCode, 422);
    assert.match(publicWithoutKind.body, /Size: please choose/);
    assert.equal(await organisations(), before);
  });

  it('registers an employer: the person becomes its administrator, unconfirmed, audited', async () => {
    const res = await client().form('stranger', '/de/arbeitgeber/registrieren', FIRM);
    assert.equal(res.statusCode, 303, res.body);
    const m = /\/de\/arbeitgeber\/([0-9a-f-]{36})$/.exec(String(res.headers.location));
    assert.ok(m, String(res.headers.location));
    employerId = m[1] as string;
    const [p] = await t.database.db
      .select()
      .from(employerProfile)
      .where(eq(employerProfile.organisationId, employerId));
    assert.equal(p?.trust, 'unconfirmed');
    assert.equal(p?.registerNumber, 'HRB 12345');
    const roles = await t.database.db
      .select({ role: roleAssignment.role })
      .from(roleAssignment)
      .where(
        and(
          eq(roleAssignment.personId, b('stranger').personId),
          eq(roleAssignment.organisationId, employerId),
        ),
      );
    assert.deepEqual(
      roles.map((r) => r.role),
      ['employer-admin'],
    );
    const audited = await t.database.db
      .select({ n: count() })
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'employer'), eq(auditEntry.objectId, employerId)));
    assert.equal(audited[0]?.n, 1);
    assert.equal(await mayPublish(t.database.db, employerId), false);
    // The new role ends the session: the person signs in again and sees the employer waiting.
    const old = await client().get('stranger', `/de/arbeitgeber/${employerId}`);
    assert.equal(old.statusCode, 303);
    const s = await sessionFor(t.app, t.database.db, b('stranger').personId, 'employer-admin');
    extra.owner = { personId: b('stranger').personId, ...s, organisationId: employerId };
    const page = await client().get('owner', `/de/arbeitgeber/${employerId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Noch nicht bestätigt/);
    assert.match(page.body, /Görlitz \(Sachsen\)/);
    assert.match(page.body, /Kolleginnen und Kollegen einladen/);
    assert.doesNotMatch(page.body, CODES);
    const mine = await client().get('owner', '/en/employers');
    assert.match(mine.body, /Tischlerei Lindner GmbH/);
    assert.match(mine.body, /Not yet confirmed/);
  });

  it('refuses a second registration of the same register number (any spelling) with 409 naming the field', async () => {
    const before = await organisations();
    const res = await client().form('applicant', '/de/arbeitgeber/registrieren', {
      ...FIRM,
      name: 'Lindner Kopie',
      registerCourt: ' amtsgericht  dresden ',
      registerNumber: 'hrb12345',
    });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Registernummer: Ein Arbeitgeber mit dieser Nummer/);
    assert.match(res.body, /href="#field-registerNumber"/);
    assert.equal(await organisations(), before);
  });

  it('lets the administrator invite a colleague by mail, who joins as a member after setting a password', async () => {
    const o = who('owner');
    const res = await client().form('owner', '/de/verwaltung/organisationen/einladen', {
      organisationId: employerId,
      [`email-${employerId}`]: 'geselle@example.org',
      [`role-${employerId}`]: 'employer-member',
    });
    assert.equal(res.statusCode, 303, res.body);
    const [mail] = await t.database.db
      .select()
      .from(outboxMail)
      .where(eq(outboxMail.toAddress, 'geselle@example.org'))
      .orderBy(desc(outboxMail.createdAt));
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      remoteAddress: randomAddress(),
      payload: { token, password: 'Holz und Leim seit 1952' },
    });
    assert.equal(set.statusCode, 204);
    const colleague = await signInApi(t.app, {
      email: 'geselle@example.org',
      password: 'Holz und Leim seit 1952',
      personId: '',
      totpSecret: null,
    });
    const page = await t.app.inject({
      method: 'GET',
      url: `/en/employers/${employerId}`,
      headers: { cookie: colleague.cookie },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Not yet confirmed/);
    assert.doesNotMatch(page.body, /Invite colleagues/);
    assert.ok(o.cookie);
  });

  it('shows the queue of its state to a ministry officer, and lets them confirm', async () => {
    const queue = await client().get('ministry', '/de/ministerium/arbeitgeber');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Ein Arbeitgeber wartet/);
    assert.match(queue.body, /Tischlerei Lindner GmbH/);
    assert.doesNotMatch(queue.body, CODES);
    const page = await client().get('ministry', `/de/arbeitgeber/${employerId}`);
    assert.match(page.body, /HRB 12345, Amtsgericht Dresden/);
    assert.match(page.body, /name="decision" value="confirm"/);
    const res = await client().form('ministry', `/de/arbeitgeber/${employerId}/pruefung`, {
      decision: 'confirm',
      reason: '',
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(await mayPublish(t.database.db, employerId), true);
    const seen = await client().get('owner', `/de/arbeitgeber/${employerId}`);
    assert.match(seen.body, /Bestätigt/);
    assert.match(seen.body, /bestätigt von Ministerium/);
  });

  it('lets every state read the trust level, but only the own state decide: 403 for another state and others', async () => {
    const th = await client().get('ministry-th', `/en/employers/${employerId}`);
    assert.equal(th.statusCode, 200);
    assert.match(th.body, /Confirmed/);
    assert.doesNotMatch(th.body, /name="decision"/);
    const thQueue = await client().get('ministry-th', '/en/ministry/employers');
    assert.match(thQueue.body, /Nobody is waiting/);
    assert.match(thQueue.body, /Tischlerei Lindner GmbH/);
    const withdraw = { decision: 'withdraw', reason: 'Register gelöscht' };
    const other = await client().form('ministry-th', `/en/employers/${employerId}/check`, withdraw);
    assert.equal(other.statusCode, 403);
    for (const name of ['applicant', 'employer', 'owner']) {
      const res = await client().form(name, `/de/arbeitgeber/${employerId}/pruefung`, withdraw);
      assert.equal(res.statusCode, 403, name);
    }
    const foreign = await client().get('other-employer', `/de/arbeitgeber/${employerId}`);
    assert.equal(foreign.statusCode, 404);
    assert.equal(await mayPublish(t.database.db, employerId), true);
  });

  it('withdraws only with a reason (422 naming it), keeps the history and shows the reason to the employer', async () => {
    const url = `/de/arbeitgeber/${employerId}/pruefung`;
    const bare = await client().form('ministry', url, { decision: 'withdraw', reason: ' ' });
    assert.equal(bare.statusCode, 422);
    assert.match(bare.body, /Begründung: Wenn Sie ablehnen/);
    const again = await client().form('ministry', url, { decision: 'confirm', reason: '' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Entscheidung: Diese Entscheidung passt nicht mehr/);
    const res = await client().form('ministry', url, {
      decision: 'withdraw',
      reason: 'Die Firma ist nicht mehr im Handelsregister eingetragen.',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(await mayPublish(t.database.db, employerId), false);
    const history = await t.database.db
      .select()
      .from(employerTrustDecision)
      .where(eq(employerTrustDecision.organisationId, employerId));
    assert.deepEqual(history.map((h) => h.decision).sort(), ['confirm', 'withdraw']);
    assert.ok(history.every((h) => h.officerPersonId === b('ministry').personId));
    const [mail] = await t.database.db
      .select()
      .from(outboxMail)
      .where(
        eq(
          outboxMail.subject,
          'Tischlerei Lindner GmbH: Bestätigung zurückgenommen / Tischlerei Lindner GmbH: Confirmation withdrawn',
        ),
      );
    assert.match(mail?.text ?? '', /Begründung: Die Firma ist nicht mehr im Handelsregister eingetragen\./);
    const seen = await client().get('owner', `/en/employers/${employerId}`);
    assert.match(seen.body, /Confirmation withdrawn/);
    assert.match(seen.body, /Reason: Die Firma ist nicht mehr im Handelsregister eingetragen\./);
    assert.doesNotMatch(seen.body, CODES);
    const audited = await t.database.db
      .select({ result: auditEntry.result })
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'employer-confirmation'), eq(auditEntry.objectId, employerId)));
    assert.ok(audited.some((a) => a.result === 'denied'));
    assert.equal(audited.filter((a) => a.result === 'success').length, 2);
  });

  it('registers a public employer without a register number', async () => {
    const res = await client().form('applicant', '/en/employers/register', {
      ...FIRM,
      name: 'Stadtverwaltung Erfurt',
      district: '16051',
      postcode: '99084',
      town: 'Erfurt',
      legal: 'public',
      registerCourt: '',
      registerNumber: '',
      publicKind: 'municipality',
      size: '250+',
    });
    assert.equal(res.statusCode, 303, res.body);
    const queue = await client().get('ministry-th', '/de/ministerium/arbeitgeber');
    assert.match(queue.body, /Ein Arbeitgeber wartet/);
    assert.match(queue.body, /Stadtverwaltung Erfurt/);
  });

  it('lets the administrator of an employer created before registration existed complete its details', async () => {
    const id = b('employer').organisationId as string;
    const mine = await client().get('employer', '/de/arbeitgeber');
    assert.match(mine.body, /Pflegeheim Neiße GmbH: Die Angaben für die Prüfung fehlen noch/);
    assert.match(mine.body, new RegExp(`registrieren\\?organisation=${id}`));
    const form = await client().get('employer', `/en/employers/register?organisation=${id}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Complete the details: Pflegeheim Neiße GmbH/);
    assert.match(form.body, new RegExp(`name="organisationId" value="${id}"`));
    const strangers = await client().get('counsellor', `/de/arbeitgeber/registrieren?organisation=${id}`);
    assert.equal(strangers.statusCode, 404);
    const sneaky = await client().form('counsellor', '/de/arbeitgeber/registrieren', {
      ...FIRM,
      organisationId: id,
    });
    assert.equal(sneaky.statusCode, 404);
    const res = await client().form('employer', '/de/arbeitgeber/registrieren', {
      ...FIRM,
      name: 'Pflegeheim Neiße GmbH',
      registerNumber: 'HRB 777',
      organisationId: id,
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `/de/arbeitgeber/${id}`);
    const page = await client().get('employer', `/de/arbeitgeber/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Noch nicht bestätigt/);
    const twice = await client().form('employer', '/de/arbeitgeber/registrieren', {
      ...FIRM,
      registerNumber: 'HRB 778',
      organisationId: id,
    });
    assert.equal(twice.statusCode, 404);
  });

  it('lets only one of two registrations of the same number at the same moment through', async () => {
    const same = { ...FIRM, name: 'Zwilling GmbH', registerNumber: 'HRB 24680' };
    const answers = await Promise.all(
      ['family', 'counsellor'].map((name) => client().form(name, '/de/arbeitgeber/registrieren', same)),
    );
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [303, 409]);
    const rows = await t.database.db
      .select({ n: count() })
      .from(organisation)
      .where(eq(organisation.name, 'Zwilling GmbH'));
    assert.equal(rows[0]?.n, 1);
  });
});

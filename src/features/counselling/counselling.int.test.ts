import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { grantConsent } from '../identity/consent/service.ts';
import { counsellingCase } from './schema.ts';

type Browser = { cookie: string; csrfToken: string };

let t: TestApp;
let orgA = '';
let a: Browser;
let b: Browser;

before(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  orgA = await makeOrganisation(db, {
    slug: 'beratung-a',
    name: 'Beratungsstelle A',
    kind: 'counselling-centre',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  });
  await makeOrganisation(db, {
    slug: 'beratung-b',
    name: 'Beratungsstelle B',
    kind: 'counselling-centre',
    jurisdictions: [{ scope: 'state', stateCode: 'TH' }],
  });
  const ca = await makeAccount(db, 'counsellor', 'beratung-a');
  const cb = await makeAccount(db, 'counsellor', 'beratung-b');
  a = await sessionFor(t.app, db, ca.personId, 'counsellor');
  b = await sessionFor(t.app, db, cb.personId, 'counsellor');
});
after(() => t.close());

const get = (who: Browser | null, url: string) =>
  t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

const post = (who: Browser, url: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ _csrf: who.csrfToken });
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
};

const casesOf = (orgId: string) =>
  t.database.db.select().from(counsellingCase).where(eq(counsellingCase.organisationId, orgId));

const NEW_CASE = {
  stateCode: 'SN',
  openedOn: '2026-03-02',
  topic: 'recognition',
  referrals: ['recognition-authority', 'language-course'],
  outcome: 'referred',
};

describe('counselling cases', () => {
  it('creates an anonymous case (303) and lists it, in German and English', async () => {
    const res = await post(a, '/de/beratung/faelle', NEW_CASE);
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/de/beratung/faelle');
    const rows = await casesOf(orgA);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.applicantPersonId, null);
    assert.deepEqual(rows[0]?.referrals, ['recognition-authority', 'language-course']);
    const page = await get(a, '/en/counselling/cases');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Recognition of a qualification/);
    assert.match(page.body, /Anonymous/);
    assert.match(page.body, /href="\/en\/counselling\/cases"[^>]*>Counselling cases/, 'in the navigation');
  });

  it('refuses bad input with 422, keeps the input and writes nothing', async () => {
    const before = (await casesOf(orgA)).length;
    const res = await post(a, '/en/counselling/cases', {
      stateCode: 'XX',
      openedOn: '2026-02-30x',
      topic: 'chancen-aufenthaltsrecht',
      referrals: ['nowhere'],
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="error-summary"/);
    assert.match(res.body, /Choose the state/);
    assert.match(res.body, /value="2026-02-30x"/);
    assert.match(res.body, /<option value="chancen-aufenthaltsrecht" selected/);
    assert.equal((await casesOf(orgA)).length, before);
    const feb30 = await post(a, '/de/beratung/faelle', { ...NEW_CASE, openedOn: '2023-02-30' });
    assert.equal(feb30.statusCode, 422);
    assert.match(
      feb30.body,
      /id="field-openedOn-error"[\s\S]*?Geben Sie das Datum an, an dem der Fall begann/,
    );
    assert.equal((await casesOf(orgA)).length, before);
  });

  it('links an applicant only with consent to the centre, and audits writes and reads', async () => {
    const applicant = await makeAccount(t.database.db, 'applicant');
    const refused = await post(a, '/en/counselling/cases', {
      ...NEW_CASE,
      applicantPersonId: applicant.personId,
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /has not given your centre consent/);
    assert.ok(await grantConsent(t.database.db, applicant.personId, orgA, new Date()));
    const ok = await post(a, '/en/counselling/cases', { ...NEW_CASE, applicantPersonId: applicant.personId });
    assert.equal(ok.statusCode, 303, ok.body);
    const [row] = (await casesOf(orgA)).filter((r) => r.applicantPersonId === applicant.personId);
    assert.ok(row);
    await get(a, `/en/counselling/cases/${row.id}`);
    const audit = await t.database.db.select().from(auditEntry).where(eq(auditEntry.objectId, row.id));
    assert.ok(audit.some((e) => e.action === 'create' && e.subjectPersonId === applicant.personId));
    assert.ok(audit.some((e) => e.action === 'read'));
  });

  it('updates a case of the own centre; another centre gets 404', async () => {
    const [row] = await casesOf(orgA);
    assert.ok(row);
    const url = `/de/beratung/faelle/${row.id}`;
    assert.equal((await get(a, url)).statusCode, 200);
    const bad = await post(a, url, { topic: 'family', outcome: 'resolved', closedOn: '2026-01-01' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Abschlussdatum/);
    const ok = await post(a, url, {
      topic: 'family',
      outcome: 'resolved',
      closedOn: '2026-04-01',
      referrals: 'chamber',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const [after] = await t.database.db.select().from(counsellingCase).where(eq(counsellingCase.id, row.id));
    assert.equal(after?.outcome, 'resolved');
    assert.equal(after?.closedOn, '2026-04-01');
    assert.deepEqual(after?.referrals, ['chamber']);
    assert.equal((await get(b, url)).statusCode, 404);
    assert.equal((await post(b, url, { topic: 'other', outcome: 'dropped' })).statusCode, 404);
    assert.equal((await get(b, '/de/beratung/faelle/00000000-0000-0000-0000-000000000000')).statusCode, 404);
    assert.doesNotMatch((await get(b, '/de/beratung/faelle')).body, new RegExp(row.id));
  });

  it('refuses other roles (403) and sends anonymous visitors to sign in', async () => {
    const applicant = await makeAccount(t.database.db, 'applicant');
    const s = await sessionFor(t.app, t.database.db, applicant.personId, 'applicant');
    assert.equal((await get(s, '/de/beratung/faelle')).statusCode, 403);
    assert.equal((await post(s, '/de/beratung/faelle', NEW_CASE)).statusCode, 403);
    assert.equal((await get(s, '/en/counselling/statistics.csv')).statusCode, 403);
    const anon = await get(null, '/de/beratung/faelle');
    assert.ok([302, 303].includes(anon.statusCode), String(anon.statusCode));
    assert.match(String(anon.headers.location), /anmelden|sign-in|login/);
    assert.doesNotMatch((await get(null, '/de')).body, /Beratungsfälle/);
  });

  it('counts by state × topic and outcome for a year, small counts suppressed, also as CSV', async () => {
    for (let i = 0; i < 5; i++)
      assert.equal(
        (
          await post(b, '/en/counselling/cases', {
            ...NEW_CASE,
            stateCode: 'TH',
            topic: 'job-search',
            outcome: 'open',
          })
        ).statusCode,
        303,
      );
    assert.equal(
      (await post(b, '/en/counselling/cases', { ...NEW_CASE, stateCode: 'BE', openedOn: '2025-12-31' }))
        .statusCode,
      303,
    );
    assert.equal((await post(b, '/en/counselling/cases', { ...NEW_CASE, stateCode: 'ST' })).statusCode, 303);
    const page = await get(b, '/en/counselling/statistics?year=2026');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, />5</);
    assert.match(page.body, /&lt; 5/);
    const csv = await get(b, '/en/counselling/statistics.csv?year=2026');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(csv.body, /state-topic,TH,job-search,5\r\n/);
    assert.match(csv.body, /state-topic,ST,recognition,< 5\r\n/);
    assert.match(csv.body, /state-topic,BE,recognition,0\r\n/, 'the 2025 case is not counted');
    assert.match(csv.body, /outcome,,open,5\r\n/);
    assert.match(csv.body, /outcome,,referred,< 5\r\n/);
    assert.equal((await get(b, '/de/beratung/statistik?year=abc')).statusCode, 400);
  });
});

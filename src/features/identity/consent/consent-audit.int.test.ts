import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  makeAccount,
  makeOrganisation,
  sessionFor,
  signInApi,
  type TestAccount,
} from '../../../../test/support/identity.ts';
import { auditVerify } from '../../../commands/identity.ts';
import { verifyAudit } from '../../../platform/audit/audit.ts';
import { auditEntry } from '../../../platform/audit/schema.ts';
import { applicantProfile } from '../../people/schema.ts';

describe('consent and "who has seen my data"', () => {
  let t: TestApp;
  let applicant: TestAccount;
  let counsellor: TestAccount;
  let centreId: string;
  before(async () => {
    t = await buildTestApp();
    centreId = await makeOrganisation(t.database.db, {
      slug: 'centre-consent',
      name: 'Beratungsstelle Erfurt',
      kind: 'counselling-centre',
      jurisdictions: [{ scope: 'state', stateCode: 'TH' }],
    });
    applicant = await makeAccount(t.database.db, 'applicant');
    await t.database.db.insert(applicantProfile).values({ personId: applicant.personId, countryCode: 'VN' });
    counsellor = await makeAccount(t.database.db, 'counsellor', 'centre-consent');
  });
  after(() => t.close());

  it('lets a counsellor see an applicant only while the applicant consents; withdrawal acts on the next request', async () => {
    const a = await signInApi(t.app, applicant);
    const c = await signInApi(t.app, counsellor);
    const read = () =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/applicants/${applicant.personId}`,
        headers: { cookie: c.cookie },
      });
    assert.equal((await read()).statusCode, 404, 'no consent yet: outside reach');
    const grant = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/consents',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
      payload: { organisationId: centreId },
    });
    assert.equal(grant.statusCode, 201);
    const seen = await read();
    assert.equal(seen.statusCode, 200);
    assert.equal((seen.json() as { countryCode: string }).countryCode, 'VN');
    const withdraw = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/consents/${centreId}`,
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
    });
    assert.equal(withdraw.statusCode, 204);
    const denied = await read();
    assert.equal(denied.statusCode, 404);
    assert.doesNotMatch(denied.body, /VN/);
  });

  it('shows the applicant who accessed their data, in which role and organisation, including refusals', async () => {
    const a = await signInApi(t.app, applicant);
    const log = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/access-log',
      headers: { cookie: a.cookie },
    });
    const entries = (
      log.json() as { entries: { self: boolean; actorRole: string; organisation: string; result: string }[] }
    ).entries;
    const byCounsellor = entries.filter((e) => !e.self && e.actorRole === 'counsellor');
    assert.ok(
      byCounsellor.some((e) => e.result === 'success' && e.organisation === 'Beratungsstelle Erfurt'),
    );
    assert.ok(byCounsellor.some((e) => e.result === 'denied'));
    const page = await t.app.inject({
      method: 'GET',
      url: '/de/konto/zugriffe',
      headers: { cookie: a.cookie },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Wer hat meine Daten gesehen\?/);
    assert.match(page.body, /Beratungsstelle Erfurt/);
  });

  it('exports all of the applicant’s data as JSON and as a readable page', async () => {
    const a = await signInApi(t.app, applicant);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/export',
      headers: { cookie: a.cookie },
    });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /attachment/);
    const data = res.json() as Record<string, unknown>;
    for (const key of ['account', 'roles', 'applicantProfile', 'consents', 'sessions', 'accessLog']) {
      assert.ok(key in data, `export has ${key}`);
    }
    assert.doesNotMatch(res.body, /argon2|password_hash|passwordHash|totpSecret/);
    const page = await t.app.inject({
      method: 'GET',
      url: '/en/account/data',
      headers: { cookie: a.cookie },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Download my data/);
  });

  it('writes an audit entry for every sign-in, read of personal data and denial', async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEntry);
    const c = await signInApi(t.app, counsellor);
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/applicants/${applicant.personId}`,
      headers: { cookie: c.cookie },
    });
    await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox', headers: { cookie: c.cookie } });
    const rows = await t.database.db.select().from(auditEntry).orderBy(auditEntry.seq);
    const newRows = rows.slice(before[0]?.n ?? 0);
    assert.deepEqual(
      newRows.map((r) => [r.action, r.objectType, r.result]),
      [
        ['sign-in', 'session', 'success'],
        ['read', 'applicant-profile', 'denied'],
        ['read', 'outbox', 'denied'],
      ],
    );
    assert.ok(newRows.every((r) => r.actorPersonId === counsellor.personId));
  });
});

describe('audit trail tamper evidence', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
    const acc = await makeAccount(t.database.db, 'applicant');
    for (let i = 0; i < 3; i++) await signInApi(t.app, acc);
  });
  after(() => t.close());

  const io = () => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: {
        stdout: (s: string) => {
          out.stdout += s;
        },
        stderr: (s: string) => {
          out.stderr += s;
        },
        readStdin: async () => '',
      },
    };
  };

  it('verifies an intact chain with exit code 0', async () => {
    const { out, io: cli } = io();
    assert.equal(await auditVerify(t.database, cli), 0);
    assert.match(out.stdout, /intact/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit entries', async () => {
    await assert.rejects(t.database.db.update(auditEntry).set({ purpose: 'nothing to see' }));
    await assert.rejects(t.database.db.delete(auditEntry));
    await assert.rejects(t.database.db.execute(sql`truncate audit_entry`));
  });

  it('names the first altered entry when someone with owner rights changes one', async () => {
    const rows = await t.database.db.select().from(auditEntry).orderBy(auditEntry.seq);
    const target = rows[2];
    assert.ok(target);
    await t.database.db.execute(sql`alter table audit_entry disable trigger audit_entry_no_update_delete`);
    await t.database.db.update(auditEntry).set({ result: 'failure' }).where(eq(auditEntry.seq, target.seq));
    await t.database.db.execute(sql`alter table audit_entry enable trigger audit_entry_no_update_delete`);
    const result = await verifyAudit(t.database.db);
    assert.deepEqual(result, { ok: false, entries: 3, brokenSeq: target.seq, reason: 'hash-mismatch' });
    const { out, io: cli } = io();
    assert.equal(await auditVerify(t.database, cli), 1);
    assert.match(out.stderr, new RegExp(`seq=${target.seq}\\b`));
  });

  it('detects a removed entry at the entry that followed it in its chain', async () => {
    const rows = await t.database.db.select().from(auditEntry).orderBy(auditEntry.seq);
    const first = rows.find((r) => rows.some((o) => o.chain === r.chain && o.seq > r.seq));
    const second = rows.find((o) => first && o.chain === first.chain && o.seq > first.seq);
    assert.ok(first && second);
    await t.database.db.execute(sql`alter table audit_entry disable trigger audit_entry_no_update_delete`);
    await t.database.db.delete(auditEntry).where(eq(auditEntry.seq, first.seq));
    await t.database.db.execute(sql`alter table audit_entry enable trigger audit_entry_no_update_delete`);
    const result = await verifyAudit(t.database.db);
    assert.equal(result.ok, false);
    assert.equal(result.ok ? 0 : result.brokenSeq, second.seq);
  });
});

describe('consent pages without JavaScript', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('grants and withdraws consent through forms, each redirecting with 303', async () => {
    const orgId = await makeOrganisation(t.database.db, {
      slug: 'centre-forms',
      name: 'Beratung Rostock',
      kind: 'counselling-centre',
      jurisdictions: [{ scope: 'state', stateCode: 'MV' }],
    });
    const applicant = await makeAccount(t.database.db, 'applicant');
    const s = await sessionFor(t.app, t.database.db, applicant.personId, 'applicant');
    const post = (url: string) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: s.csrfToken, organisationId: orgId }).toString(),
      });
    const granted = await post('/de/konto/einwilligungen');
    assert.equal(granted.statusCode, 303);
    const page = await t.app.inject({
      method: 'GET',
      url: '/de/konto/einwilligungen',
      headers: { cookie: s.cookie },
    });
    assert.match(page.body, /Einwilligung für Beratung Rostock widerrufen/);
    assert.equal((await post('/de/konto/einwilligungen/widerrufen')).statusCode, 303);
    const after = await t.app.inject({
      method: 'GET',
      url: '/en/account/consents',
      headers: { cookie: s.cookie },
    });
    assert.match(after.body, /You have not shared your data with any organisation/);
  });
});

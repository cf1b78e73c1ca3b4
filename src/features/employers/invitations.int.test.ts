import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, pageClient, setUpWay } from '../../../test/support/journey.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { journey } from '../journey/index.ts';
import { employerCandidateInvitation, employerProfile } from './schema.ts';

describe('an employer invites a candidate by email (issue 16)', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;
  let journeyId = '';
  let link = '';

  before(async () => {
    t = await buildTestApp();
    ({ b, orgs } = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor }));
    const profile = (organisationId: string, trust: 'confirmed' | 'unconfirmed', number: string) => ({
      organisationId,
      street: 'Markt 1',
      postcode: '02826',
      town: 'Görlitz',
      districtAgs: '14626',
      registerCourt: 'Amtsgericht Dresden',
      registerNumber: `HRB ${number}`,
      registerKey: `dresden|HRB ${number}`,
      sizeBand: '10-49' as const,
      trust,
      trustChangedAt: new Date(),
      registeredBy: b('employer').personId,
      createdAt: new Date(),
    });
    await t.database.db
      .insert(employerProfile)
      .values([
        profile(orgs['jt-employer'] as string, 'confirmed', '1001'),
        profile(orgs['jt-other-employer'] as string, 'unconfirmed', '1002'),
      ]);
    const opened = await apiClient(t.app).open(b('applicant'));
    assert.equal(opened.statusCode, 201, opened.body);
    journeyId = opened.json().journeyId;
  });
  after(() => t.close());

  const client = () => pageClient(t.app, b);
  const invitationsUrl = (org: string) => `/en/employers/${orgs[org]}/invitations`;

  it('refuses a bad name or address with 422 naming the field, and sends nothing', async () => {
    const res = await client().form('employer', invitationsUrl('jt-employer'), { name: 'A', email: 'no-at' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /href="#field-name"/);
    assert.match(res.body, /href="#field-email"/);
    const [n] = await t.database.db.select({ n: count() }).from(employerCandidateInvitation);
    assert.equal(n?.n, 0);
  });

  it('lets only a confirmed employer invite, and only its own people', async () => {
    const unconfirmed = await client().form('other-employer', invitationsUrl('jt-other-employer'), {
      name: 'Priya Nair',
      email: 'priya@example.org',
    });
    assert.equal(unconfirmed.statusCode, 409);
    assert.match(unconfirmed.body, /once a state has confirmed your firm/);
    const foreign = await client().form('other-employer', invitationsUrl('jt-employer'), {
      name: 'Priya Nair',
      email: 'priya@example.org',
    });
    assert.equal(foreign.statusCode, 404);
    assert.equal((await client().get('applicant', invitationsUrl('jt-employer'))).statusCode, 403);
  });

  it('mails a link that works once; the hash is stored, not the token; audited', async () => {
    const res = await client().form('employer', invitationsUrl('jt-employer'), {
      name: 'Priya Nair',
      email: 'Priya@Example.org',
    });
    assert.equal(res.statusCode, 303, res.body);
    const [mail] = await t.database.db
      .select()
      .from(outboxMail)
      .where(eq(outboxMail.toAddress, 'priya@example.org'));
    assert.ok(mail, 'mailed');
    assert.match(mail.subject, /Pflegeheim Neiße GmbH lädt Sie ein/);
    link = /https?:\/\/[^\s]+\/en\/employers\/invitation\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0] ?? '';
    assert.ok(link, mail.text);
    const token = link.split('/').pop() as string;
    const [row] = await t.database.db.select().from(employerCandidateInvitation);
    assert.notEqual(row?.tokenHash, token);
    assert.equal(row?.email, 'priya@example.org');
    const list = await client().get('employer', invitationsUrl('jt-employer'));
    assert.match(list.body, /Priya Nair/);
    assert.match(list.body, /Waiting for an answer until/);
    const [audited] = await t.database.db
      .select({ n: count() })
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'employer-invitation'), eq(auditEntry.action, 'create')));
    assert.equal(audited?.n, 1);
  });

  it('shows the candidate who invites and what they will see; agreeing invites the employer into the journey', async () => {
    const path = new URL(link).pathname;
    const anonymous = await t.app.inject({ method: 'GET', url: path });
    assert.equal(anonymous.statusCode, 303);
    const page = await client().get('applicant', path);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Pflegeheim Neiße GmbH invites you/);
    assert.match(page.body, /What Pflegeheim Neiße GmbH sees if you agree/);
    const bad = await client().form('applicant', path, { answer: 'accept', journey: 'not-mine' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#field-journey"/);
    const ok = await client().form('applicant', path, { answer: 'accept', journey: journeyId });
    assert.equal(ok.statusCode, 303, ok.body);
    assert.equal(ok.headers.location, `/en/journeys/${journeyId}`);
    const [j] = await t.database.db.select().from(journey).where(eq(journey.id, journeyId));
    assert.equal(j?.employerId, orgs['jt-employer']);
    const [row] = await t.database.db.select().from(employerCandidateInvitation);
    assert.equal(row?.answer, 'accepted');
    assert.equal(row?.journeyId, journeyId);
    assert.equal((await client().get('applicant', path)).statusCode, 404, 'used once');
    const list = await client().get('employer', invitationsUrl('jt-employer'));
    assert.match(list.body, /Agreed on/);
    const seen = await client().get('employer', `/en/journeys/${journeyId}`);
    assert.equal(seen.statusCode, 200);
  });

  it('lets the candidate decline; an unknown link is a 404', async () => {
    await client().form('employer', invitationsUrl('jt-employer'), {
      name: 'Ravi Kumar',
      email: 'ravi@example.org',
    });
    const [mail] = await t.database.db
      .select()
      .from(outboxMail)
      .where(eq(outboxMail.toAddress, 'ravi@example.org'));
    const path = /\/de\/arbeitgeber\/einladung\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? '';
    assert.ok(path);
    const no = await client().form('stranger', path, { answer: 'decline' });
    assert.equal(no.statusCode, 303);
    const rows = await t.database.db
      .select()
      .from(employerCandidateInvitation)
      .where(eq(employerCandidateInvitation.email, 'ravi@example.org'));
    assert.equal(rows[0]?.answer, 'declined');
    assert.equal((await client().get('stranger', '/de/arbeitgeber/einladung/abc')).statusCode, 404);
  });
});

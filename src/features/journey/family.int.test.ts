import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, like } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, setUpWay } from '../../../test/support/journey.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { requestErasure } from '../identity/admin/erasure.ts';
import { consent, person, roleAssignment } from '../people/schema.ts';
import { familyMember, journey } from './schema.ts';

type Problem = { code?: string; errors?: { field: string; rule: string }[] };
type JourneyBody = {
  id: string;
  linkedTo: string | null;
  steps: { kind: string; required: boolean; owner: { id: string } | null; documents?: string[] }[];
  family: { id: string; relationship: string; name: string; status: string; currentStep: unknown }[];
  familyMember: { principalJourneyId: string; relationship: string; name: string } | null;
};

const SPOUSE = {
  relationship: 'spouse',
  name: 'Ravi Kumar',
  birthDate: '1991-06-02',
  travel: 'with-principal',
  email: 'ravi.kumar@example.org',
};

describe('family members’ linked journeys (API)', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;
  let api: ReturnType<typeof apiClient>;
  let principalId = '';
  let spouseJourney = '';
  let spouse: Browser;

  before(async () => {
    t = await buildTestApp();
    const way = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    orgs = way.orgs;
    api = apiClient(t.app);
    const opened = await api.open(b('applicant'));
    assert.equal(opened.statusCode, 201, opened.body);
    principalId = (opened.json() as { journeyId: string }).journeyId;
  });
  after(() => t.close());

  const add = (who: Browser, id: string, body: unknown, key?: string) =>
    api.send(
      who,
      'POST',
      `/api/v1/journeys/${id}/family-members`,
      body,
      key ? { 'idempotency-key': key } : {},
    );
  const read = async (who: Browser, id: string) => {
    const res = await api.get(who, id);
    return { status: res.statusCode, body: res.statusCode === 200 ? (res.json() as JourneyBody) : null };
  };
  const links = async () => (await t.database.db.select({ n: count() }).from(familyMember))[0]?.n ?? 0;

  it('opens the spouse’s linked journey, owned by a new person invited by mail, with facts and owners from the principal’s', async () => {
    const res = await add(b('applicant'), principalId, SPOUSE);
    assert.equal(res.statusCode, 201, res.body);
    spouseJourney = (res.json() as { journeyId: string }).journeyId;
    assert.equal(res.headers.location, `/api/v1/journeys/${spouseJourney}`);
    const db = t.database.db;
    const [member] = await db.select().from(person).where(eq(person.email, SPOUSE.email));
    assert.ok(member, 'the family member has a person of their own');
    assert.equal(member.displayName, 'Ravi Kumar');
    assert.equal(member.passwordHash, null, 'nobody set a password for them');
    const roles = await db.select().from(roleAssignment).where(eq(roleAssignment.personId, member.id));
    assert.deepEqual(
      roles.map((r) => r.role),
      ['family-member'],
    );
    const [row] = await db.select().from(journey).where(eq(journey.id, spouseJourney));
    assert.equal(row?.applicantId, member.id);
    assert.equal(row?.linkedTo, principalId);
    assert.equal(row?.targetDistrictAgs, '14626');
    assert.deepEqual(row?.state.facts, {
      pathway: 'aufenthg-18a',
      qualification: { kind: 'none', regulation: 'not-regulated' },
      employerUses81a: false,
      location: 'abroad',
      linkedTo: principalId,
    });
    const owners = Object.fromEntries(Object.values(row?.state.steps ?? {}).map((s) => [s.kind, s.owner]));
    assert.equal(owners['visa-decision'], orgs['jt-mission']);
    assert.equal(owners['residence-permit'], orgs['jt-abh']);
    assert.equal(owners.recognition, null, 'no owner for a step the family member does not need');
    const [mail] = await db.select().from(outboxMail).where(eq(outboxMail.toAddress, SPOUSE.email));
    assert.match(String(mail?.subject), /Einladung/);
    assert.match(String(mail?.text), /\/de\/passwort-neu\?token=/);
    const audit = await db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.action, 'journey.add-family-member'), eq(auditEntry.objectId, spouseJourney)));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.subjectPersonId, member.id);
    assert.equal(audit[0]?.actorPersonId, b('applicant').personId);
    const s = await sessionFor(t.app, db, member.id, 'family-member');
    spouse = { personId: member.id, ...s, organisationId: null };
  });

  it('lists the linked journey on the principal’s journey and links back, for the principal', async () => {
    const principal = await read(b('applicant'), principalId);
    assert.equal(principal.status, 200);
    assert.deepEqual(
      principal.body?.family.map((f) => [f.id, f.relationship, f.name, f.status]),
      [[spouseJourney, 'spouse', 'Ravi Kumar', 'open']],
    );
    assert.deepEqual(principal.body?.family[0]?.currentStep, { kind: 'orientation', status: 'not-started' });
    const linked = await read(b('applicant'), spouseJourney);
    assert.equal(linked.status, 200);
    assert.equal(linked.body?.familyMember?.principalJourneyId, principalId);
    assert.equal(linked.body?.familyMember?.relationship, 'spouse');
    assert.ok(
      linked.body?.steps.every((s) => s.documents === undefined),
      'the principal sees no document ids of the family member',
    );
    const reads = await t.database.db
      .select()
      .from(auditEntry)
      .where(
        and(
          eq(auditEntry.objectId, spouseJourney),
          eq(auditEntry.action, 'read'),
          eq(auditEntry.actorPersonId, b('applicant').personId),
        ),
      );
    assert.ok(reads.length >= 2, 'the family list and the linked journey are audited as reads');
  });

  it('lets the family member see and act on their own journey, not the principal’s; the principal cannot act on it', async () => {
    const own = await read(spouse, spouseJourney);
    assert.equal(own.status, 200);
    assert.ok(own.body?.steps.every((s) => Array.isArray(s.documents)));
    assert.equal((await read(spouse, principalId)).status, 404);
    const submitted = await api.command(spouse, spouseJourney, { type: 'submit', step: 'orientation' });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const byPrincipal = await api.command(b('applicant'), spouseJourney, {
      type: 'submit',
      step: 'visa-appointment',
    });
    assert.equal(byPrincipal.statusCode, 404);
  });

  it('refuses another applicant (404, audited) and roles without the right to open journeys (403)', async () => {
    const before = await links();
    const stranger = await add(b('stranger'), principalId, { ...SPOUSE, email: 'stranger-kin@example.org' });
    assert.equal(stranger.statusCode, 404);
    assert.equal((await read(b('stranger'), spouseJourney)).status, 404);
    const [denied] = await t.database.db
      .select()
      .from(auditEntry)
      .where(
        and(
          eq(auditEntry.action, 'journey.add-family-member'),
          eq(auditEntry.result, 'denied'),
          eq(auditEntry.actorPersonId, b('stranger').personId),
        ),
      );
    assert.ok(denied, 'the refusal is audited');
    for (const who of ['employer', 'recognition', 'counsellor', 'ministry']) {
      const res = await add(b(who), principalId, { ...SPOUSE, email: `${who}-kin@example.org` });
      assert.equal(res.statusCode, 403, who);
    }
    assert.equal(await links(), before);
    const [nobody] = await t.database.db
      .select({ n: count() })
      .from(person)
      .where(like(person.email, '%-kin@example.org'));
    assert.equal(nobody?.n, 0, 'no person was made for a refused request');
  });

  it('shows an authority a linked journey only where it owns a step of it', async () => {
    const recognition = await read(b('recognition'), principalId);
    assert.equal(recognition.status, 200, 'the recognition authority owns a step of the principal’s journey');
    assert.deepEqual(recognition.body?.family, [], 'but none of the spouse’s');
    assert.equal((await read(b('recognition'), spouseJourney)).status, 404);
    const mission = await read(b('mission'), principalId);
    assert.deepEqual(
      mission.body?.family.map((f) => f.id),
      [spouseJourney],
    );
    assert.equal((await read(b('mission'), spouseJourney)).status, 200);
  });

  it('shows a counsellor a linked journey only with the family member’s own consent', async () => {
    const db = t.database.db;
    const centre = orgs['jt-centre'] as string;
    await db
      .insert(consent)
      .values({ personId: b('applicant').personId, organisationId: centre, grantedAt: new Date() });
    const before = await read(b('counsellor'), principalId);
    assert.equal(before.status, 200);
    assert.deepEqual(before.body?.family, [], 'the principal’s consent does not cover the family member');
    assert.equal((await read(b('counsellor'), spouseJourney)).status, 404);
    await db
      .insert(consent)
      .values({ personId: spouse.personId, organisationId: centre, grantedAt: new Date() });
    const after = await read(b('counsellor'), principalId);
    assert.deepEqual(
      after.body?.family.map((f) => f.id),
      [spouseJourney],
    );
    await db.update(consent).set({ withdrawnAt: new Date() }).where(eq(consent.personId, spouse.personId));
    assert.deepEqual((await read(b('counsellor'), principalId)).body?.family, [], 'withdrawal acts at once');
  });

  it('answers bad input with 4xx naming the field and the rule, and writes nothing', async () => {
    const before = await links();
    const cases: [unknown, number, string, string][] = [
      [{ ...SPOUSE, relationship: undefined }, 400, 'body.relationship', 'enum'],
      [{ ...SPOUSE, relationship: 'cousin' }, 400, 'body.relationship', 'enum'],
      [{ ...SPOUSE, birthDate: '02.06.1991' }, 400, 'body.birthDate', 'custom'],
      [{ ...SPOUSE, email: 'not-an-address' }, 400, 'body.email', 'format:email'],
      [{ ...SPOUSE, name: ' ' }, 400, 'body.name', 'min:1'],
      [{ ...SPOUSE, travel: 'never' }, 400, 'body.travel', 'enum'],
      [{ ...SPOUSE, linkedTo: principalId }, 400, 'body', 'unknown-key'],
      [
        { ...SPOUSE, email: 'old@example.org', relationship: 'child', birthDate: '2001-01-01' },
        400,
        'body.birthDate',
        'minor',
      ],
      [{ ...SPOUSE, email: 'young@example.org', birthDate: '2015-01-01' }, 400, 'body.birthDate', 'adult'],
      [
        { ...SPOUSE, email: 'later@example.org', birthDate: '2999-01-01' },
        400,
        'body.birthDate',
        'not-in-future',
      ],
      [{ ...SPOUSE }, 409, 'body.email', 'already-added'],
    ];
    for (const [body, status, field, rule] of cases) {
      const res = await add(b('applicant'), principalId, body);
      assert.equal(res.statusCode, status, `${field} ${rule}: ${res.body}`);
      const problem = res.json() as Problem;
      assert.ok(
        problem.errors?.some((e) => e.field === field && e.rule === rule),
        `${field} ${rule}: ${res.body}`,
      );
    }
    const [me] = await t.database.db
      .select({ email: person.email })
      .from(person)
      .where(eq(person.id, b('applicant').personId));
    const own = await add(b('applicant'), principalId, { ...SPOUSE, email: String(me?.email).toUpperCase() });
    assert.equal(own.statusCode, 400);
    assert.equal((own.json() as Problem).errors?.[0]?.rule, 'own-address');
    const onLinked = await add(spouse, spouseJourney, { ...SPOUSE, email: 'child@example.org' });
    assert.equal(onLinked.statusCode, 400, 'family joins the principal’s journey, not a linked one');
    assert.deepEqual(
      (onLinked.json() as Problem).errors?.map((e) => [e.field, e.rule]),
      [['params.id', 'principal-journey']],
    );
    const bogus = await add(b('applicant'), 'not-a-uuid', SPOUSE);
    assert.equal(bogus.statusCode, 400);
    assert.equal(await links(), before, 'nothing was written');
    const opened = await api.open(b('applicant'), {
      facts: {
        pathway: 'aufenthg-18a',
        qualification: { kind: 'vocational', regulation: 'federal' },
        location: 'abroad',
        linkedTo: principalId,
      },
      place: { stateCode: 'SN' },
    });
    assert.equal(opened.statusCode, 400, 'a journey is linked only through the family-members route');
  });

  it('creates once for the same Idempotency-Key, and refuses the key with another body', async () => {
    const child = {
      relationship: 'child',
      name: 'Anaya Kumar',
      birthDate: '2019-05-14',
      travel: 'later',
      email: 'anaya.kumar@example.org',
    };
    const before = await links();
    const first = await add(b('applicant'), principalId, child, 'family-key-1');
    const second = await add(b('applicant'), principalId, child, 'family-key-1');
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(second.statusCode, 201, second.body);
    assert.deepEqual(second.json(), first.json());
    assert.equal(await links(), before + 1);
    const [mails] = await t.database.db
      .select({ n: count() })
      .from(outboxMail)
      .where(eq(outboxMail.toAddress, child.email));
    assert.equal(mails?.n, 1, 'one invitation');
    const other = await add(b('applicant'), principalId, { ...child, name: 'Other' }, 'family-key-1');
    assert.equal(other.statusCode, 409);
    const [row] = await t.database.db
      .select()
      .from(journey)
      .where(eq(journey.id, (first.json() as { journeyId: string }).journeyId));
    assert.equal(row?.state.facts.location, 'abroad', 'a child coming later applies from abroad');
  });

  it('links an existing account without inviting it again, keeping its role and sessions', async () => {
    const db = t.database.db;
    const [existing] = await db
      .select()
      .from(person)
      .where(eq(person.id, b('family').personId));
    const res = await add(b('applicant'), principalId, {
      ...SPOUSE,
      relationship: 'child',
      birthDate: '2012-09-30',
      name: 'Name as the principal wrote it',
      email: existing?.email,
    });
    assert.equal(res.statusCode, 201, res.body);
    const id = (res.json() as { journeyId: string }).journeyId;
    const roles = await db
      .select()
      .from(roleAssignment)
      .where(eq(roleAssignment.personId, b('family').personId));
    assert.equal(roles.length, 1, 'no second role');
    const own = await read(b('family'), id);
    assert.equal(own.status, 200, 'the session still works and the journey is theirs');
    const [mail] = await db
      .select()
      .from(outboxMail)
      .where(eq(outboxMail.toAddress, String(existing?.email)));
    assert.match(String(mail?.subject), /added as a family member/);
    assert.doesNotMatch(String(mail?.text), /token=/);
    const [changed] = await db
      .select()
      .from(person)
      .where(eq(person.id, b('family').personId));
    assert.equal(changed?.displayName, existing?.displayName, 'the account’s own name is not overwritten');
  });

  it('erases the name the principal entered with the family member’s account', async () => {
    const db = t.database.db;
    const requestId = await requestErasure(db, spouse.personId, undefined, new Date());
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/erasure-requests/${requestId}`,
      headers: { cookie: b('admin').cookie, 'x-csrf-token': b('admin').csrfToken },
      payload: { outcome: 'erased' },
    });
    assert.equal(res.statusCode, 204, res.body);
    const [link] = await db.select().from(familyMember).where(eq(familyMember.journeyId, spouseJourney));
    assert.equal(link?.name, '–');
    assert.equal(link?.birthDate, SPOUSE.birthDate, 'the birth date stays with the case file');
  });
});

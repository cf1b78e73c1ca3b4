import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import type { Role } from '../../domain/access/roles.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { employerProfile } from '../employers/index.ts';
import { person } from '../people/index.ts';
import { poolContactRequest, poolProfile } from './schema.ts';

type Who = { personId: string; email: string; cookie: string; csrfToken: string };

/** A profile as an applicant fills it in: recognition pending but not released. */
const PROFILE: Record<string, string | string[]> = {
  occupation: 'Softwareentwickler',
  occupationKldb: '',
  qualification: 'bachelor',
  recognition: 'pending',
  language1: 'en',
  level1: 'C1',
  language2: 'de',
  level2: 'A2',
  availableFrom: '01.03.2027',
  preferredStates: ['SN'],
  poolStates: ['SN'],
  released: ['occupation', 'languages', 'availableFrom'],
};

describe('talent pool: opt-in, search, contact (issue 16, V4)', () => {
  let t: TestApp;
  const who: Record<string, Who> = {};
  const orgs: Record<string, string> = {};

  async function employer(slug: string, trust: 'confirmed' | 'unconfirmed', ags: string) {
    const id = await makeOrganisation(t.database.db, {
      slug,
      name: `Firma ${slug}`,
      kind: 'employer',
      jurisdictions: [],
    });
    const now = new Date();
    await t.database.db.insert(employerProfile).values({
      organisationId: id,
      ...{ street: 'Markt 1', postcode: '04109', town: 'Leipzig', districtAgs: ags },
      ...{
        registerCourt: 'Amtsgericht Leipzig',
        registerNumber: `HRB ${slug.length}1`,
        registerKey: `l|${slug}`,
      },
      ...{ publicKind: null, sizeBand: '10-49', trust, trustChangedAt: now, createdAt: now },
    });
    orgs[slug] = id;
  }
  async function person_(name: string, role: Role, slug?: string) {
    const a = await makeAccount(t.database.db, role, slug);
    const s = await sessionFor(t.app, t.database.db, a.personId, role);
    who[name] = { personId: a.personId, email: a.email, cookie: s.cookie, csrfToken: s.csrfToken };
  }
  const get = (name: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: (who[name] as Who).cookie } });
  function post(name: string, url: string, fields: Record<string, string | string[]>) {
    const w = who[name] as Who;
    const body = new URLSearchParams({ _csrf: w.csrfToken });
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    const headers = { cookie: w.cookie, 'content-type': 'application/x-www-form-urlencoded' };
    return t.app.inject({ method: 'POST', url, headers, payload: body.toString() });
  }
  const profiles = async () => (await t.database.db.select({ n: count() }).from(poolProfile))[0]?.n ?? 0;
  const labelOf = async (name: string) =>
    (
      await t.database.db
        .select()
        .from(poolProfile)
        .where(eq(poolProfile.personId, (who[name] as Who).personId))
    )[0]?.label ?? '';
  const search = (name: string, query = 'occupation=') => get(name, `/de/talentpool/suche?${query}`);

  before(async () => {
    t = await buildTestApp();
    await employer('pool-soft', 'confirmed', '14713');
    await employer('pool-new', 'unconfirmed', '16053');
    await makeOrganisation(t.database.db, {
      slug: 'pool-smwa',
      name: 'Ministerium Sachsen (Pool)',
      kind: 'state-ministry',
      jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    });
    await person_('soft', 'employer-admin', 'pool-soft');
    await person_('fresh', 'employer-admin', 'pool-new');
    await person_('officer', 'ministry-officer', 'pool-smwa');
    await person_('ana', 'applicant');
    await person_('ben', 'applicant');
    await t.database.db
      .update(person)
      .set({ displayName: 'Ana Beispiel' })
      .where(eq(person.id, (who.ana as Who).personId));
  });
  after(() => t.close());

  it('shows the profile form in both languages', async () => {
    for (const url of ['/de/talentpool', '/en/talent-pool']) {
      const res = await get('ana', url);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.body, /name="released"/);
    }
  });

  it('refuses bad fields with 422 naming each, and writes nothing', async () => {
    const res = await post('ana', '/de/talentpool', {
      ...PROFILE,
      occupation: '43414',
      qualification: 'king',
      level1: 'Z9',
      availableFrom: 'bald',
      poolStates: [],
      released: [],
    });
    assert.equal(res.statusCode, 422);
    for (const f of ['occupation', 'qualification', 'level1', 'availableFrom', 'poolStates', 'released'])
      assert.match(res.body, new RegExp(`href="#field-${f}"`), f);
    assert.equal(await profiles(), 0);
  });

  it('joins the pool with the occupation found by its name, and changes the profile', async () => {
    const res = await post('ana', '/de/talentpool', { ...PROFILE, occupation: 'Softwarentwickler' });
    assert.equal(res.statusCode, 303, res.body);
    const [row] = await t.database.db.select().from(poolProfile);
    assert.equal(row?.occupationKldb, '43414');
    assert.equal(row?.availableFrom, '2027-03-01');
    assert.match(row?.label ?? '', /^[A-Z0-9]{6}$/);
    const again = await post('ana', '/de/talentpool', { ...PROFILE, level1: 'C2' });
    assert.equal(again.statusCode, 303);
    assert.equal(await profiles(), 1);
    assert.equal((await labelOf('ana')) === row?.label, true);
    const page = await get('ana', '/de/talentpool?done=saved');
    assert.match(page.body, new RegExp(`Profil ${row?.label}`));
    const ben = await post('ben', '/de/talentpool', { ...PROFILE, poolStates: ['TH'] });
    assert.equal(ben.statusCode, 303);
  });

  it('lets a confirmed employer find released facts only, never name, email or unreleased facts', async () => {
    const res = await search('soft');
    assert.equal(res.statusCode, 200, res.body);
    const label = await labelOf('ana');
    assert.match(res.body, new RegExp(`Profil ${label}`));
    const results = res.body.slice(res.body.indexOf('</form>'));
    assert.match(results, /Englisch: fast wie Muttersprache \(C2\)/);
    assert.doesNotMatch(
      results,
      /Ana Beispiel|Antrag läuft|Bachelor|Höchster Abschluss|Stand der Anerkennung/,
    );
    assert.ok(!res.body.includes((who.ana as Who).email));
    assert.doesNotMatch(res.body, new RegExp(await labelOf('ben')), 'the Thuringian pool is not Saxony’s');
    const unreleased = await search('soft', 'recognition=pending');
    assert.match(unreleased.body, /Kein Profil gefunden/);
    const bad = await search('soft', 'state=XX&language=kl&availableBy=morgen');
    assert.equal(bad.statusCode, 422);
    for (const f of ['state', 'language', 'availableBy'])
      assert.match(bad.body, new RegExp(`href="#field-${f}"`));
  });

  it('refuses an unconfirmed employer with a page saying why, and an applicant by policy', async () => {
    const res = await search('fresh');
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /noch nicht bestätigt/);
    assert.doesNotMatch(res.body, new RegExp(await labelOf('ana')));
    assert.equal((await search('ana')).statusCode, 403);
  });

  it('audits every row read with the reader’s organisation, shown on the applicant’s access log', async () => {
    const rows = await t.database.db
      .select()
      .from(auditEntry)
      .where(
        and(
          eq(auditEntry.subjectPersonId, (who.ana as Who).personId),
          eq(auditEntry.objectType, 'pool-profile'),
          eq(auditEntry.action, 'read'),
        ),
      );
    assert.ok(rows.length >= 1);
    assert.ok(rows.every((r) => r.actorOrganisationId === orgs['pool-soft']));
    const log = await get('ana', '/de/konto/zugriffe');
    assert.equal(log.statusCode, 200);
    assert.match(log.body, /Firma pool-soft/);
    assert.match(log.body, /Ihr Profil im Talentpool/);
    assert.match(log.body, /Talentpool: Suche und Kontakt/);
  });

  it('a ministry officer of the state searches too', async () => {
    const res = await search('officer');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(await labelOf('ana')));
  });

  it('sends a contact request; the requester learns nothing until the applicant reveals', async () => {
    const label = await labelOf('ana');
    const url = `/de/talentpool/suche/${label}/kontakt`;
    assert.equal((await get('soft', url)).statusCode, 200);
    const empty = await post('soft', url, { message: '  ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /href="#field-message"/);
    const other = await post('soft', url, {
      message: 'Hallo',
      jobAdId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(other.statusCode, 422);
    assert.match(other.body, /href="#field-jobAdId"/);
    assert.equal((await t.database.db.select({ n: count() }).from(poolContactRequest))[0]?.n, 0);
    assert.equal((await post('soft', url, { message: 'Wir suchen Entwickler in Leipzig.' })).statusCode, 303);
    assert.equal(
      (await post('officer', url, { message: 'Das Land Sachsen stellt sich vor.' })).statusCode,
      303,
    );
    assert.equal((await post('fresh', url, { message: 'Hallo' })).statusCode, 403);
    const before = await get('soft', '/de/talentpool/kontaktanfragen');
    assert.match(before.body, /Noch keine Antwort/);
    assert.doesNotMatch(before.body, /Ana Beispiel/);
    const mine = await get('ana', '/de/talentpool');
    assert.match(mine.body, /Wir suchen Entwickler in Leipzig/);
    const [fromSoft, fromOfficer] = [
      ...(await t.database.db.select().from(poolContactRequest)).sort((a, b) =>
        a.requesterOrganisationId === orgs['pool-soft']
          ? -1
          : b.requesterOrganisationId === orgs['pool-soft']
            ? 1
            : 0,
      ),
    ];
    assert.equal(
      (await post('ben', `/de/talentpool/anfragen/${fromSoft?.id}`, { answer: 'revealed' })).statusCode,
      404,
    );
    assert.equal(
      (await post('ana', `/de/talentpool/anfragen/${fromSoft?.id}`, { answer: 'maybe' })).statusCode,
      422,
    );
    assert.equal(
      (await post('ana', `/de/talentpool/anfragen/${fromSoft?.id}`, { answer: 'revealed' })).statusCode,
      303,
    );
    assert.equal(
      (await post('ana', `/de/talentpool/anfragen/${fromOfficer?.id}`, { answer: 'declined' })).statusCode,
      303,
    );
    const revealed = await get('soft', '/de/talentpool/kontaktanfragen');
    assert.match(revealed.body, /Ana Beispiel/);
    assert.ok(revealed.body.includes((who.ana as Who).email));
    assert.match(revealed.body, new RegExp(`/de/arbeitgeber/${orgs['pool-soft']}/einladungen`));
    const declined = await get('officer', '/de/talentpool/kontaktanfragen');
    assert.match(declined.body, /hat abgelehnt/);
    assert.doesNotMatch(declined.body, /Ana Beispiel/);
  });

  it('withdrawing removes the profile from the search at once, and open requests with it', async () => {
    const label = await labelOf('ana');
    await post('officer', `/de/talentpool/suche/${label}/kontakt`, { message: 'Noch eine Frage.' });
    const res = await post('ana', '/de/talentpool/austreten', {});
    assert.equal(res.statusCode, 303);
    const found = await search('soft');
    assert.doesNotMatch(found.body, new RegExp(label));
    assert.equal((await get('soft', `/de/talentpool/suche/${label}/kontakt`)).statusCode, 404);
    const open = await t.database.db.select().from(poolContactRequest);
    assert.ok(
      open.every((r) => r.answer !== null),
      'no open request left',
    );
    assert.equal((await post('ana', '/de/talentpool/austreten', {})).statusCode, 404);
  });
});

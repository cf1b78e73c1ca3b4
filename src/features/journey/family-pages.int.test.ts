import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, setUpWay } from '../../../test/support/journey.ts';
import { person } from '../people/schema.ts';
import { familyMember } from './schema.ts';

describe('family pages (no JavaScript: the form posts and redirects)', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let principalId = '';
  let linkedId = '';

  before(async () => {
    t = await buildTestApp();
    const way = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    const opened = await apiClient(t.app).open(b('applicant'));
    principalId = (opened.json() as { journeyId: string }).journeyId;
  });
  after(() => t.close());

  const get = (who: Browser, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (who: Browser, url: string, fields: Record<string, string>, csrf = who.csrfToken) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  const child = {
    relationship: 'child',
    name: 'Meera Sharma',
    birthDate: '2018-11-23',
    travel: 'with-principal',
    email: 'meera@example.org',
  };

  it('offers the principal a family section with a link to the form, in German and English', async () => {
    const de = await get(b('applicant'), `/de/wege/${principalId}`);
    assert.match(de.body, /<h2[^>]*id="family"[^>]*>Familie<\/h2>/);
    assert.match(de.body, new RegExp(`href="/de/wege/${principalId}/familie/neu"`));
    const en = await get(b('applicant'), `/en/journeys/${principalId}`);
    assert.match(en.body, /Add a family member/);
    const form = await get(b('applicant'), `/en/journeys/${principalId}/family/new`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="_csrf"/);
    for (const field of ['relationship', 'name', 'birthDate', 'travel', 'email'])
      assert.match(form.body, new RegExp(`name="${field}"`), field);
    const page = await get(b('applicant'), `/de/wege/${principalId}/familie/neu`);
    assert.match(page.body, /Hinzufügen und einladen/);
  });

  it('re-renders bad input with 422 and an error summary naming each field, and writes nothing', async () => {
    const url = `/de/wege/${principalId}/familie/neu`;
    const empty = await post(b('applicant'), url, {});
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /id="error-summary"/);
    for (const field of ['relationship', 'name', 'birthDate', 'travel', 'email'])
      assert.match(empty.body, new RegExp(`href="#field-${field}"`), field);
    assert.match(empty.body, /Geben Sie „Name“ an\./);
    const typo = await post(b('applicant'), url, { ...child, birthDate: '23.11.18' });
    assert.equal(typo.statusCode, 422);
    assert.match(typo.body, /Geben Sie das Geburtsdatum als Tag, Monat und Jahr an/);
    const tooOld = await post(b('applicant'), url, { ...child, birthDate: '2000-01-01' });
    assert.equal(tooOld.statusCode, 422);
    assert.match(tooOld.body, /Ein Kind muss jünger als 18 Jahre sein\./);
    assert.match(tooOld.body, /value="Meera Sharma"/);
    const own = await t.database.db
      .select()
      .from(person)
      .where(eq(person.id, b('applicant').personId));
    const mine = await post(b('applicant'), url, { ...child, email: String(own[0]?.email) });
    assert.equal(mine.statusCode, 422);
    assert.match(mine.body, /Das ist Ihre eigene Adresse/);
    assert.equal((await t.database.db.select().from(familyMember)).length, 0);
  });

  it('adds the family member, redirects with 303 and lists them with a link; the linked page links back', async () => {
    // The date as people write it (day.month.year) is taken on the English page too.
    const res = await post(b('applicant'), `/en/journeys/${principalId}/family/new`, {
      ...child,
      birthDate: '23.11.2018',
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `/en/journeys/${principalId}?done=1`);
    const [link] = await t.database.db.select().from(familyMember);
    linkedId = link?.journeyId as string;
    const page = await get(b('applicant'), `/en/journeys/${principalId}`);
    assert.match(
      page.body,
      new RegExp(`<a class="kern-link" href="/en/journeys/${linkedId}">Meera Sharma</a>`),
    );
    assert.match(page.body, /Minor child/);
    assert.match(page.body, /Orientation/);
    const linked = await get(b('applicant'), `/de/wege/${linkedId}`);
    assert.equal(linked.statusCode, 200);
    assert.match(linked.body, new RegExp(`href="/de/wege/${principalId}">Zum Weg der Fachkraft</a>`));
    assert.match(linked.body, /Meera Sharma \(Minderjähriges Kind\)/);
    assert.doesNotMatch(
      linked.body,
      /befehl/,
      'the principal gets no buttons on the family member’s journey',
    );
    assert.doesNotMatch(linked.body, /familie\/neu/, 'no family of a family member');
    assert.match(linked.body, /erledigen diese Schritte in ihrem eigenen Konto/);
    const again = await post(b('applicant'), `/de/wege/${principalId}/familie/neu`, child);
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Diese Person ist schon eingetragen/);
  });

  it('shows the family member their own journey with actions and the link as text', async () => {
    const [member] = await t.database.db.select().from(person).where(eq(person.email, child.email));
    const s = await sessionFor(t.app, t.database.db, member?.id as string, 'family-member');
    const me: Browser = { personId: member?.id as string, ...s, organisationId: null };
    const page = await get(me, `/de/wege/${linkedId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Dieser Weg ist mit dem Weg einer Fachkraft verknüpft\./);
    assert.doesNotMatch(page.body, new RegExp(`href="/de/wege/${principalId}"`));
    assert.match(page.body, /befehl/, 'the family member acts on their own journey');
    const mine = await get(me, '/de/mein-weg');
    assert.match(mine.body, new RegExp(`href="/de/wege/${linkedId}"`));
  });

  it('refuses the form to others: 404 for another applicant, 403 without the right to open journeys, 403 without CSRF', async () => {
    assert.equal((await get(b('stranger'), `/de/wege/${principalId}/familie/neu`)).statusCode, 404);
    assert.equal(
      (await post(b('stranger'), `/de/wege/${principalId}/familie/neu`, { ...child, email: 'x@example.org' }))
        .statusCode,
      404,
    );
    assert.equal((await get(b('employer'), `/de/wege/${principalId}/familie/neu`)).statusCode, 403);
    assert.equal((await get(b('applicant'), `/de/wege/${linkedId}/familie/neu`)).statusCode, 404);
    const noCsrf = await post(
      b('applicant'),
      `/de/wege/${principalId}/familie/neu`,
      { ...child, email: 'y@example.org' },
      'wrong',
    );
    assert.equal(noCsrf.statusCode, 403);
    assert.equal((await t.database.db.select().from(familyMember)).length, 1);
  });
});

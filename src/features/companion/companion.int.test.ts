import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { type Browser, pageClient } from '../../../test/support/journey.ts';
import { checkPage, loadKnowledge } from '../../../test/support/plain-language.ts';
import { addDays } from '../../domain/calendar.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { todayIso } from '../pathways/index.ts';
import { consent } from '../people/index.ts';
import { companionHolder, supportOffer } from './schema.ts';

const typed = (iso: string) => iso.split('-').reverse().join('.');
const TODAY = todayIso(new Date());
/** The permit runs out in 100 days. */
const EXPIRES = addDays(TODAY, 100);

/** A holder in Saxony, as they would type it: German A2, livelihood not yet said. */
const HOLDER = {
  state: 'SN',
  grantedOn: '01.06.2025',
  expiresOn: typed(EXPIRES),
  birthDate: '01.03.1990',
  inGermanySince: '01.05.2016',
  german: 'A2',
  livelihood: '',
  child: 'no',
  school: '',
};

describe('the § 104c companion (issue 18)', () => {
  let t: TestApp;
  const browsers: Record<string, Browser> = {};

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const centre = await makeOrganisation(db, {
      slug: 'comp-centre',
      name: 'Beratung Dresden',
      kind: 'counselling-centre',
      jurisdictions: [],
    });
    await makeOrganisation(db, {
      slug: 'comp-other',
      name: 'Beratung Leipzig',
      kind: 'counselling-centre',
      jurisdictions: [],
    });
    for (const [name, role, org] of [
      ['holder', 'applicant', undefined],
      ['other', 'applicant', undefined],
      ['counsellor', 'counsellor', 'comp-centre'],
      ['stranger', 'counsellor', 'comp-other'],
    ] as const) {
      const a = await makeAccount(db, role, org);
      const s = await sessionFor(t.app, db, a.personId, role);
      browsers[name] = { personId: a.personId, ...s, organisationId: null };
    }
    await db.insert(consent).values({
      personId: browsers.holder?.personId ?? '',
      organisationId: centre,
      grantedAt: new Date(),
    });
  });
  after(() => t.close());

  const client = () =>
    pageClient(t.app, (n) => {
      const b = browsers[n];
      if (!b) throw new Error(n);
      return b;
    });
  const stored = async () => (await t.database.db.select({ n: count() }).from(companionHolder))[0]?.n;

  it('loads the 71 offers of the research table with their sources', async () => {
    const rows = await t.database.db.select().from(supportOffer);
    assert.equal(rows.length, 71);
    for (const r of rows) assert.ok(r.sourceUrls.length > 0, r.id);
    const cast = rows.find((r) => r.id === 'st-cast');
    assert.equal(cast?.stateCode, 'ST');
    assert.ok(rows.some((r) => !r.verified));
  });

  it('lists the offers, filtered by state and topic, in both languages', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/de/unterstuetzung' });
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /71 Angebote gefunden/);
    const sn = await t.app.inject({ method: 'GET', url: '/de/unterstuetzung?state=SN&topic=legal' });
    assert.match(sn.body, /Perspektive Bleiberecht Dresden/);
    assert.doesNotMatch(sn.body, /Flüchtlingsrat Thüringen/);
    assert.doesNotMatch(sn.body, /Integrationskurs</);
    const id = await t.app.inject({ method: 'GET', url: '/en/support-offers?topic=identity' });
    assert.match(id.body, /Guides on passport and identity/);
    assert.match(id.body, /3 offers found/);
    const bad = await t.app.inject({ method: 'GET', url: '/de/unterstuetzung?state=XX&topic=geld' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#field-state"/);
    assert.match(bad.body, /href="#field-topic"/);
  });

  it('asks a signed-in person for their dates; the public is sent to sign in', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/de/chancen-aufenthalt' });
    assert.ok([302, 303, 401].includes(anon.statusCode), String(anon.statusCode));
    const page = await client().get('holder', '/de/chancen-aufenthalt');
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /name="grantedOn"/);
  });

  it('refuses bad fields with 422 naming each field, and stores nothing', async () => {
    const res = await client().form('holder', '/de/chancen-aufenthalt', {
      ...HOLDER,
      state: 'XX',
      grantedOn: 'gestern',
      birthDate: '',
      german: 'perfekt',
      child: 'vielleicht',
    });
    assert.equal(res.statusCode, 422, res.body);
    for (const field of ['state', 'grantedOn', 'birthDate', 'german', 'child'])
      assert.match(res.body, new RegExp(`href="#field-${field}"`));
    assert.match(res.body, /Geben Sie Ihr Geburtsdatum an/);
    const order = await client().form('holder', '/en/opportunity-residence', {
      ...HOLDER,
      expiresOn: '01.05.2025',
    });
    assert.equal(order.statusCode, 422);
    assert.match(order.body, /href="#field-expiresOn"/);
    assert.match(order.body, /The end must come after the start/);
    assert.equal(await stored(), 0);
  });

  it('stores the facts, audited, and shows the clock and the conditions with offers', async () => {
    const res = await client().form('holder', '/de/chancen-aufenthalt', HOLDER);
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(await stored(), 1);
    const page = await client().get('holder', '/de/chancen-aufenthalt');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /gilt noch 100 Tage, also etwa 14 Wochen/);
    assert.match(page.body, /§ 25a/);
    assert.match(page.body, /§ 25b/);
    assert.match(page.body, /Lebensunterhalt überwiegend durch Arbeit/);
    assert.match(page.body, /Nachweis nötig/);
    assert.match(page.body, /erfüllt/);
    assert.match(page.body, /Arbeitsmarktmentoren Sachsen/);
    assert.doesNotMatch(page.body, /Arbeit für Thüringen/);
    assert.match(page.body, /value="01.06.2025"/);
    const en = await client().get('holder', '/en/opportunity-residence');
    assert.match(en.body, /proof needed/);
    const me = browsers.holder?.personId ?? '';
    const [audited] = await t.database.db
      .select({ n: count() })
      .from(auditEntry)
      .where(and(eq(auditEntry.subjectPersonId, me), eq(auditEntry.objectType, 'companion')));
    assert.ok((audited?.n ?? 0) >= 3);
  });

  it('says it all in plain language, in both languages, to the holder and the counsellor', async () => {
    const knowledge = loadKnowledge();
    const id = browsers.holder?.personId ?? '';
    for (const [who, url, locale, staff] of [
      ['holder', '/de/chancen-aufenthalt', 'de', false],
      ['holder', '/en/opportunity-residence', 'en', false],
      ['counsellor', `/de/beratung/chancen-aufenthalt/${id}`, 'de', true],
      ['counsellor', `/en/counselling/opportunity-residence/${id}`, 'en', true],
    ] as const) {
      const page = await client().get(who, url);
      assert.equal(page.statusCode, 200, url);
      const findings = checkPage({ html: page.body, locale, staff, administrator: false }, knowledge);
      assert.deepEqual(findings, [], url);
    }
  });

  it('lets a counsellor with consent read it, no one else', async () => {
    const id = browsers.holder?.personId ?? '';
    const ok = await client().get('counsellor', `/de/beratung/chancen-aufenthalt/${id}`);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.match(ok.body, /Nachweis nötig/);
    assert.doesNotMatch(ok.body, /name="grantedOn"/);
    const stranger = await client().get('stranger', `/de/beratung/chancen-aufenthalt/${id}`);
    assert.equal(stranger.statusCode, 404);
    const other = await client().get('other', `/de/beratung/chancen-aufenthalt/${id}`);
    assert.equal(other.statusCode, 404);
    const counsellorOwn = await client().form('counsellor', '/de/chancen-aufenthalt', HOLDER);
    assert.equal(counsellorOwn.statusCode, 403);
    const [denied] = await t.database.db
      .select({ n: count() })
      .from(auditEntry)
      .where(
        and(
          eq(auditEntry.subjectPersonId, id),
          eq(auditEntry.objectType, 'companion'),
          eq(auditEntry.result, 'denied'),
        ),
      );
    assert.equal(denied?.n, 2);
  });

  it("links the counsellor's case list to the companion of a holder who consents", async () => {
    const id = browsers.holder?.personId ?? '';
    const created = await client().form('counsellor', '/de/beratung/faelle', {
      stateCode: 'SN',
      openedOn: TODAY,
      topic: 'visa-residence',
      applicantPersonId: id,
      outcome: 'open',
    });
    assert.equal(created.statusCode, 303, created.body);
    for (const [url, link] of [
      ['/de/beratung/faelle', `/de/beratung/chancen-aufenthalt/${id}`],
      ['/en/counselling/cases', `/en/counselling/opportunity-residence/${id}`],
    ] as const) {
      const list = await client().get('counsellor', url);
      assert.equal(list.statusCode, 200);
      assert.ok(list.body.includes(`href="${link}"`), url);
    }
    const stranger = await client().get('stranger', '/de/beratung/faelle');
    assert.doesNotMatch(stranger.body, /beratung\/chancen-aufenthalt\//);
  });
});

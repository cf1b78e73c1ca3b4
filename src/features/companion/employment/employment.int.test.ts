import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../../test/support/identity.ts';
import { type Browser, pageClient } from '../../../../test/support/journey.ts';
import { checkPage, loadKnowledge } from '../../../../test/support/plain-language.ts';
import { addDays } from '../../../domain/calendar.ts';
import { auditEntry } from '../../../platform/audit/schema.ts';
import { employerProfile } from '../../employers/index.ts';
import { todayIso } from '../../pathways/index.ts';
import { consent } from '../../people/index.ts';
import { companionHolder } from '../schema.ts';
import { companionEmployment } from './schema.ts';

const TODAY = todayIso(new Date());
const typed = (iso: string) => iso.split('-').reverse().join('.');

async function employer(t: TestApp, slug: string, trust: 'confirmed' | 'unconfirmed') {
  const id = await makeOrganisation(t.database.db, {
    slug,
    name: `Betrieb ${slug}`,
    kind: 'employer',
    jurisdictions: [],
  });
  await t.database.db.insert(employerProfile).values({
    organisationId: id,
    street: 'Hauptstraße 1',
    postcode: '01067',
    town: 'Dresden',
    districtAgs: '14612',
    registerCourt: 'Amtsgericht Dresden',
    registerNumber: `HRB ${slug.length}${trust.length}`,
    registerKey: `dresden|${slug}`,
    sizeBand: '10-49',
    trust,
    trustChangedAt: new Date(),
    createdAt: new Date(),
  });
  return id;
}

describe('the employer kit and the confirmation of employment (issue 18)', () => {
  let t: TestApp;
  const browsers: Record<string, Browser> = {};
  let firm = '';
  let unchecked = '';

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    firm = await employer(t, 'emp-firm', 'confirmed');
    unchecked = await employer(t, 'emp-unchecked', 'unconfirmed');
    await employer(t, 'emp-rival', 'confirmed');
    const centre = await makeOrganisation(db, {
      slug: 'emp-centre',
      name: 'Beratung',
      kind: 'counselling-centre',
      jurisdictions: [],
    });
    for (const [name, role, org] of [
      ['holder', 'applicant', undefined],
      ['counsellor', 'counsellor', 'emp-centre'],
      ['boss', 'employer-admin', 'emp-firm'],
      ['rival', 'employer-admin', 'emp-rival'],
    ] as const) {
      const a = await makeAccount(db, role, org);
      const s = await sessionFor(t.app, db, a.personId, role);
      browsers[name] = { personId: a.personId, ...s, organisationId: null };
    }
    await db.insert(companionHolder).values({
      personId: browsers.holder?.personId ?? '',
      stateCode: 'SN',
      permitGrantedOn: '2025-06-01',
      permitExpiresOn: addDays(TODAY, 100),
      birthDate: '1990-03-01',
      inGermanySince: '2016-05-01',
      german: 'A2',
      livelihoodMainlyFromWork: null,
      livesWithMinorChild: false,
      germanSchoolOrQualification: null,
      updatedAt: new Date(),
    });
    await db
      .insert(consent)
      .values({ personId: browsers.holder?.personId ?? '', organisationId: centre, grantedAt: new Date() });
  });
  after(() => t.close());

  const client = () =>
    pageClient(t.app, (n) => {
      const b = browsers[n];
      if (!b) throw new Error(n);
      return b;
    });
  const rows = () => t.database.db.select().from(companionEmployment);

  it('shows the kit to everyone in both languages, with dated sources, linked from the guide', async () => {
    const knowledge = loadKnowledge();
    for (const [url, locale] of [
      ['/de/arbeitgeber/chancen-aufenthalt', 'de'],
      ['/en/employers/opportunity-residence', 'en'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /gesetze-im-internet\.de\/aufenthg_2004\/__104c\.html/);
      assert.match(res.body, /__4a\.html/);
      assert.match(
        res.body,
        locale === 'de' ? /gilt seit 31\. Dezember 2022/ : /in force since December 31, 2022/,
      );
      assert.match(res.body, locale === 'de' ? /gilt ab 1\. Juli 2027/ : /in force from July 1, 2027/);
      assert.match(res.body, locale === 'de' ? /18 Monate/ : /18 months/);
      assert.deepEqual(
        checkPage({ html: res.body, locale, staff: false, administrator: false }, knowledge),
        [],
        url,
      );
    }
    const guide = await t.app.inject({ method: 'GET', url: '/de/arbeitgeber/leitfaden' });
    assert.match(guide.body, /href="\/de\/arbeitgeber\/chancen-aufenthalt"/);
  });

  it('refuses an employer that is not checked or not chosen (422 naming the field), writing nothing', async () => {
    for (const employer of ['', 'nicht-da', unchecked]) {
      const res = await client().form('holder', '/de/chancen-aufenthalt/arbeitgeber', { employer });
      assert.equal(res.statusCode, 422, employer);
      assert.match(res.body, /href="#field-employer"/);
    }
    assert.equal((await rows()).length, 0);
  });

  it('lets the holder name the employer; only that employer sees and confirms, with 422 naming fields', async () => {
    const page = await client().get('holder', '/de/chancen-aufenthalt/arbeitgeber');
    assert.match(page.body, /Betrieb emp-firm/);
    assert.doesNotMatch(page.body, /Betrieb emp-unchecked/);
    const granted = await client().form('holder', '/de/chancen-aufenthalt/arbeitgeber', { employer: firm });
    assert.equal(granted.statusCode, 303, granted.body);
    const again = await client().form('holder', '/en/opportunity-residence/employer', { employer: firm });
    assert.equal(again.statusCode, 422);
    const [row] = await rows();
    assert.ok(row);
    const list = await client().get('boss', '/de/arbeitgeber/beschaeftigungen');
    assert.match(list.body, new RegExp(`/de/arbeitgeber/beschaeftigungen/${row.id}`));
    const rivalList = await client().get('rival', '/de/arbeitgeber/beschaeftigungen');
    assert.doesNotMatch(rivalList.body, new RegExp(row.id));
    const rival = await client().get('rival', `/de/arbeitgeber/beschaeftigungen/${row.id}`);
    assert.equal(rival.statusCode, 404);
    const bad = await client().form('boss', `/de/arbeitgeber/beschaeftigungen/${row.id}`, {
      startedOn: 'bald',
      hoursPerWeek: '80',
      monthlyGross: 'viel',
      contract: 'fixed',
      endsOn: '',
    });
    assert.equal(bad.statusCode, 422);
    for (const f of ['startedOn', 'hoursPerWeek', 'monthlyGross', 'endsOn'])
      assert.match(bad.body, new RegExp(`href="#field-${f}"`));
    assert.equal((await rows())[0]?.confirmedAt, null);
    const before = await client().get('holder', '/de/chancen-aufenthalt');
    assert.match(before.body, /Nachweis nötig/);
    const ok = await client().form('boss', `/en/employers/employments/${row.id}`, {
      startedOn: typed(addDays(TODAY, -200)),
      hoursPerWeek: '38',
      monthlyGross: '2.450',
      contract: 'permanent',
      endsOn: '',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const [confirmed] = await rows();
    assert.equal(confirmed?.monthlyGrossEur, 2450);
    assert.equal(confirmed?.permanent, true);
    const after = await client().get('holder', '/de/chancen-aufenthalt');
    assert.match(after.body, /Betrieb emp-firm hat Ihre Arbeit am/);
    const seen = await client().get(
      'counsellor',
      `/de/beratung/chancen-aufenthalt/${browsers.holder?.personId}`,
    );
    assert.match(seen.body, /Betrieb emp-firm hat die Arbeit am/);
    assert.doesNotMatch(seen.body, /chancen-aufenthalt\/arbeitgeber/);
    const consents = await client().get('holder', '/en/opportunity-residence/employer');
    assert.match(consents.body, /2,450 €/);
  });

  it('lets the holder withdraw; the employer loses access and the evidence no longer counts; all audited', async () => {
    const [row] = await rows();
    assert.ok(row);
    const stranger = await client().form(
      'boss',
      `/de/chancen-aufenthalt/arbeitgeber/${row.id}/widerrufen`,
      {},
    );
    assert.equal(stranger.statusCode, 403);
    const res = await client().form('holder', `/de/chancen-aufenthalt/arbeitgeber/${row.id}/widerrufen`, {});
    assert.equal(res.statusCode, 303, res.body);
    const gone = await client().get('boss', `/de/arbeitgeber/beschaeftigungen/${row.id}`);
    assert.equal(gone.statusCode, 404);
    const page = await client().get('holder', '/de/chancen-aufenthalt');
    assert.match(page.body, /Nachweis nötig/);
    const [n] = await t.database.db
      .select({ n: count() })
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'companion-employment'), eq(auditEntry.objectId, row.id)));
    assert.ok((n?.n ?? 0) >= 6, String(n?.n));
  });
});

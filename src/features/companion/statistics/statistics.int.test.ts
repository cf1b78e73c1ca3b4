import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../../test/support/identity.ts';
import { type Browser, pageClient } from '../../../../test/support/journey.ts';
import { checkPage, loadKnowledge } from '../../../../test/support/plain-language.ts';
import { auditEntry } from '../../../platform/audit/schema.ts';
import { seedCompanionDemo } from '../../../seed/companion-demo.ts';
import { seedCompanionStatisticsDemo } from '../../../seed/companion-statistics-demo.ts';
import { journey } from '../../journey/index.ts';
import { companionHolder } from '../schema.ts';

describe('the companion statistics of the states (issue 18)', () => {
  let t: TestApp;
  const browsers: Record<string, Browser> = {};

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const now = new Date();
    await db.transaction((tx) => seedCompanionDemo(tx, now));
    assert.ok((await db.transaction((tx) => seedCompanionStatisticsDemo(tx, now))) >= 60);
    assert.equal(await db.transaction((tx) => seedCompanionStatisticsDemo(tx, now)), 0);
    // The companion records a move as the holder's journey on § 25b; six Saxon holders in Leipzig have one.
    const leipzig = await db
      .select({ id: companionHolder.personId })
      .from(companionHolder)
      .where(eq(companionHolder.districtAgs, '14713'))
      .limit(6);
    for (const h of leipzig)
      await db.insert(journey).values({
        id: randomUUID(),
        applicantId: h.id,
        pathway: 'aufenthg-25b',
        targetDistrictAgs: '14713',
        status: 'open',
        version: 1,
        state: {} as never,
        openedAt: now,
        updatedAt: now,
      });
    for (const [slug, st] of [
      ['stat-ministry-sn', 'SN'],
      ['stat-ministry-bb', 'BB'],
    ] as const)
      await makeOrganisation(db, {
        slug,
        name: `Ministerium ${st}`,
        kind: 'state-ministry',
        jurisdictions: [{ scope: 'state', stateCode: st }],
      });
    await makeOrganisation(db, {
      slug: 'stat-office-leipzig',
      name: 'Ausländerbehörde Leipzig',
      kind: 'foreigners-office',
      jurisdictions: [{ scope: 'district', ags: '14713' }],
    });
    await makeOrganisation(db, {
      slug: 'stat-centre',
      name: 'Beratung',
      kind: 'counselling-centre',
      jurisdictions: [],
    });
    for (const [name, role, org] of [
      ['sn', 'ministry-officer', 'stat-ministry-sn'],
      ['bb', 'ministry-officer', 'stat-ministry-bb'],
      ['leipzig', 'foreigners-office-caseworker', 'stat-office-leipzig'],
      ['counsellor', 'counsellor', 'stat-centre'],
      ['holder', 'applicant', undefined],
    ] as const) {
      const a = await makeAccount(db, role, org);
      const s = await sessionFor(t.app, db, a.personId, role);
      browsers[name] = { personId: a.personId, ...s, organisationId: null };
    }
  });
  after(() => t.close());

  const client = () =>
    pageClient(t.app, (n) => {
      const b = browsers[n];
      if (!b) throw new Error(n);
      return b;
    });

  it('shows the six states compared and the own state by district, with small counts hidden', async () => {
    const sn = await client().get('sn', '/de/ministerium/chancen-aufenthalt');
    assert.equal(sn.statusCode, 200, sn.body);
    assert.match(sn.body, /Die sechs Länder im Vergleich/);
    assert.match(sn.body, /Sachsen nach Landkreisen/);
    assert.match(sn.body, /Leipzig/);
    assert.match(sn.body, /nicht gezeigt/);
    assert.match(sn.body, /den Schritt zur Ausländerbehörde für ein Bleiberecht geöffnet/);
    // Six Saxon holders moved on to § 25b: shown in the comparison and in their district.
    assert.match(
      sn.body,
      /Wechsel begonnen: Bleiberecht wegen guter Integration<\/th><td class="kern-table__cell" data-label="Berlin">0</,
    );
    // Saxony's 35 holders (34 + the first demo's) are shown; Mecklenburg-Vorpommern's 4 are not.
    assert.match(sn.body, /data-label="Sachsen">35</);
    assert.match(sn.body, /data-label="Mecklenburg-Vorpommern">nicht gezeigt</);
    const bb = await client().get('bb', '/en/ministry/opportunity-residence');
    assert.equal(bb.statusCode, 200);
    assert.match(bb.body, /Brandenburg by district/);
    assert.doesNotMatch(bb.body, /Saxony by district/);
  });

  it('says it in plain language in both languages', async () => {
    const knowledge = loadKnowledge();
    for (const [url, locale] of [
      ['/de/ministerium/chancen-aufenthalt', 'de'],
      ['/en/ministry/opportunity-residence', 'en'],
    ] as const) {
      const page = await client().get('sn', url);
      assert.deepEqual(
        checkPage({ html: page.body, locale, staff: true, administrator: false }, knowledge),
        [],
        url,
      );
    }
  });

  it('gives the same counts as CSV, hidden ones empty and flagged', async () => {
    const csv = await client().get('sn', '/de/ministerium/chancen-aufenthalt.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    assert.equal(lines[0], 'table,day,state,district,measure,count,count_suppressed');
    assert.ok(lines.some((l) => /^states,[\d-]+,SN,,holders,35,false$/.test(l)));
    assert.ok(lines.some((l) => /^states,[\d-]+,MV,,holders,,true$/.test(l)));
    assert.ok(lines.some((l) => /^states,[\d-]+,SN,,moved-25b,6,false$/.test(l)));
    assert.ok(lines.some((l) => /^districts,[\d-]+,SN,14713,moved-25b,6,false$/.test(l)));
    assert.ok(lines.some((l) => l.startsWith('districts,') && l.includes(',SN,14713,')));
    assert.ok(lines.some((l) => l.startsWith('open-conditions,')));
  });

  it('takes the district of the holder from the form: one of the chosen state, else 422 naming the field', async () => {
    const form = {
      state: 'TH',
      district: '14713',
      grantedOn: '01.06.2025',
      expiresOn: '01.12.2027',
      birthDate: '01.03.1990',
      inGermanySince: '',
      german: '',
      livelihood: '',
      child: '',
      school: '',
    };
    const bad = await client().form('holder', '/de/chancen-aufenthalt', form);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#field-district"/);
    assert.match(bad.body, /nicht in dem Bundesland/);
    const unknown = await client().form('holder', '/en/opportunity-residence', {
      ...form,
      district: '99999',
    });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /href="#field-district"/);
    const ok = await client().form('holder', '/de/chancen-aufenthalt', { ...form, district: '16051' });
    assert.equal(ok.statusCode, 303, ok.body);
    const page = await client().get('holder', '/de/chancen-aufenthalt');
    assert.match(page.body, /<option value="16051" selected/);
  });

  it('shows a municipality, through its foreigners office, the comparison and its state by district', async () => {
    const page = await client().get('leipzig', '/de/ministerium/chancen-aufenthalt');
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Die sechs Länder im Vergleich/);
    assert.match(page.body, /Sachsen nach Landkreisen/);
    assert.match(page.body, /Leipzig/);
    const csv = await client().get('leipzig', '/en/ministry/opportunity-residence.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /^districts,[\d-]+,SN,14713,moved-25b,6,false$/m);
  });

  it('refuses everyone but ministry officers and foreigners offices, and audits no read of the aggregate counts', async () => {
    for (const who of ['counsellor', 'holder'])
      assert.equal((await client().get(who, '/de/ministerium/chancen-aufenthalt')).statusCode, 403, who);
    assert.equal(
      (await client().get('counsellor', '/en/ministry/opportunity-residence.csv')).statusCode,
      403,
    );
    const anon = await t.app.inject({ method: 'GET', url: '/de/ministerium/chancen-aufenthalt.csv' });
    assert.ok([302, 303, 401].includes(anon.statusCode), String(anon.statusCode));
    const before = (await t.database.db.select({ n: count() }).from(auditEntry))[0]?.n ?? 0;
    await client().get('sn', '/de/ministerium/chancen-aufenthalt');
    const afterN = (await t.database.db.select({ n: count() }).from(auditEntry))[0]?.n ?? 0;
    assert.equal(afterN, before);
    assert.ok(((await t.database.db.select({ n: count() }).from(companionHolder))[0]?.n ?? 0) >= 67);
  });
});

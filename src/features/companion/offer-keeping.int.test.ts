import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, isNull } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import type { Browser } from '../../../test/support/journey.ts';
import { checkPage, loadKnowledge } from '../../../test/support/plain-language.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { supportOffer, supportOfferVersion } from './schema.ts';

/** A Saxon language course, as an officer types it. */
const COURSE: [string, string][] = [
  ['nameDe', 'Deutschkurs am Abend Leipzig'],
  ['nameEn', 'Evening German course Leipzig'],
  ['provider', 'Volkshochschule Leipzig'],
  ['levels', 'municipal'],
  ['stateCode', 'SN'],
  ['districtAgs', '14713'],
  ['topics', 'language'],
  ['languages', 'Deutsch, Arabisch'],
  ['costDe', 'kostenlos'],
  ['costEn', 'free'],
  ['contactUrl', 'https://www.vhs-leipzig.de'],
  ['sourceUrls', 'https://www.vhs-leipzig.de/deutsch'],
  ['sourceDate', '11.2026'],
  ['reason', 'Neues Angebot der Stadt'],
];
const without = (form: [string, string][], ...names: string[]) => form.filter(([k]) => !names.includes(k));
const withValue = (form: [string, string][], name: string, value: string) =>
  form.map(([k, v]): [string, string] => [k, k === name ? value : v]);

describe('keeping the support offers with history (issue 18)', () => {
  let t: TestApp;
  const browsers: Record<string, Browser> = {};
  let created = '';

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    await makeOrganisation(db, {
      slug: 'keep-operator',
      name: 'Betrieb',
      kind: 'operator',
      jurisdictions: [{ scope: 'nationwide' }],
    });
    for (const code of ['SN', 'TH'])
      await makeOrganisation(db, {
        slug: `keep-${code.toLowerCase()}`,
        name: `Ministerium ${code}`,
        kind: 'state-ministry',
        jurisdictions: [{ scope: 'state', stateCode: code }],
      });
    for (const [name, role, org] of [
      ['admin', 'administrator', 'keep-operator'],
      ['sn', 'ministry-officer', 'keep-sn'],
      ['th', 'ministry-officer', 'keep-th'],
      ['applicant', 'applicant', undefined],
    ] as const) {
      const a = await makeAccount(db, role, org);
      const s = await sessionFor(t.app, db, a.personId, role);
      browsers[name] = { personId: a.personId, ...s, organisationId: null };
    }
  });
  after(() => t.close());

  const b = (who: string) => {
    const x = browsers[who];
    if (!x) throw new Error(who);
    return x;
  };
  const get = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: b(who).cookie } });
  const post = (who: string, url: string, pairs: [string, string][]) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: b(who).cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([['_csrf', b(who).csrfToken], ...pairs]).toString(),
    });
  const versions = async (id: string) =>
    (
      await t.database.db
        .select({ n: count() })
        .from(supportOfferVersion)
        .where(eq(supportOfferVersion.offerId, id))
    )[0]?.n;

  it('keeps the seeded offers as version 1', async () => {
    const [v] = await t.database.db.select({ n: count() }).from(supportOfferVersion);
    assert.equal(v?.n, 71);
    assert.equal(await versions('st-cast'), 1);
  });

  it('lets an officer keep the offers of her state only; others get 403 or 404', async () => {
    const list = await get('sn', '/de/unterstuetzung/pflege');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Perspektive Bleiberecht Dresden/);
    assert.doesNotMatch(list.body, /Flüchtlingsrat Thüringen/);
    assert.equal((await get('applicant', '/de/unterstuetzung/pflege')).statusCode, 403);
    assert.equal((await get('th', '/de/unterstuetzung/pflege/st-cast')).statusCode, 404);
    const all = await get('admin', '/en/support-offers/manage');
    assert.match(all.body, /71 offers you keep/);
  });

  it('refuses bad input with 422 naming each field, and writes nothing', async () => {
    const bad = await post('sn', '/de/unterstuetzung/pflege/neu', [
      ...withValue(without(COURSE, 'nameDe', 'levels', 'topics', 'reason'), 'contactUrl', 'vhs-leipzig.de'),
      ['levels', 'galaxy'],
    ]);
    assert.equal(bad.statusCode, 422);
    for (const f of ['nameDe', 'levels', 'topics', 'reason', 'contactUrl'])
      assert.match(bad.body, new RegExp(`href="#field-${f}"`), f);
    const elsewhere = await post('sn', '/en/support-offers/manage/new', withValue(COURSE, 'stateCode', 'TH'));
    assert.equal(elsewhere.statusCode, 422);
    assert.match(elsewhere.body, /Choose a place for which you may keep offers/);
    const district = await post(
      'sn',
      '/de/unterstuetzung/pflege/neu',
      withValue(COURSE, 'districtAgs', '16051'),
    );
    assert.match(district.body, /href="#field-districtAgs"/);
    const [n] = await t.database.db.select({ n: count() }).from(supportOffer);
    assert.equal(n?.n, 71);
  });

  it('adds an offer, changes it, and shows who changed what, when and why', async () => {
    const res = await post('sn', '/de/unterstuetzung/pflege/neu', COURSE);
    assert.equal(res.statusCode, 303, res.body);
    const m = /\/de\/unterstuetzung\/pflege\/([a-z0-9-]+)\/verlauf$/.exec(String(res.headers.location));
    assert.ok(m);
    created = m[1] as string;
    const shown = await get('applicant', '/de/unterstuetzung?state=SN&topic=language');
    assert.match(shown.body, /Deutschkurs am Abend Leipzig/);
    const change = await post('sn', `/de/unterstuetzung/pflege/${created}`, [
      ...withValue(withValue(COURSE, 'costDe', '20 Euro im Monat'), 'reason', 'Neue Kosten laut Anbieter'),
      ['version', '1'],
    ]);
    assert.equal(change.statusCode, 303, change.body);
    const stale = await post('sn', `/de/unterstuetzung/pflege/${created}`, [
      ...withValue(COURSE, 'costDe', '30 Euro'),
      ['version', '1'],
    ]);
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /inzwischen geändert/);
    const history = await get('sn', `/de/unterstuetzung/pflege/${created}/verlauf`);
    assert.equal(history.statusCode, 200);
    assert.match(history.body, /Fassung 2 vom/);
    assert.match(history.body, /Kosten auf Deutsch: vorher „kostenlos“, jetzt „20 Euro im Monat“/);
    assert.match(history.body, /Grund: Neue Kosten laut Anbieter/);
    assert.match(history.body, /Ministerium SN/);
    assert.equal(await versions(created), 2);
    const en = await get('admin', `/en/support-offers/manage/${created}/history`);
    assert.match(en.body, /Version 1 of .*: added/);
    const [audited] = await t.database.db
      .select({ n: count() })
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'support-offer'), eq(auditEntry.objectId, created)));
    assert.equal(audited?.n, 3);
  });

  it('retires an offer: it leaves the directory and the matching at once', async () => {
    const none = await post('sn', `/de/unterstuetzung/pflege/${created}/beenden`, [['version', '2']]);
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /href="#field-retireReason"/);
    const res = await post('sn', `/de/unterstuetzung/pflege/${created}/beenden`, [
      ['retireReason', 'Kurs eingestellt'],
      ['version', '2'],
    ]);
    assert.equal(res.statusCode, 303, res.body);
    const shown = await get('applicant', '/de/unterstuetzung?state=SN&topic=language');
    assert.doesNotMatch(shown.body, /Deutschkurs am Abend Leipzig/);
    const history = await get('sn', `/de/unterstuetzung/pflege/${created}/verlauf`);
    assert.match(history.body, /Fassung 3 vom .*: herausgenommen/);
    assert.equal((await get('sn', `/de/unterstuetzung/pflege/${created}`)).statusCode, 404);
  });

  it('lets only an administrator keep a nationwide offer', async () => {
    const [nationwide] = await t.database.db
      .select({ id: supportOffer.id })
      .from(supportOffer)
      .where(isNull(supportOffer.stateCode))
      .limit(1);
    const id = nationwide?.id ?? '';
    assert.ok(id);
    assert.equal((await get('sn', `/de/unterstuetzung/pflege/${id}`)).statusCode, 404);
    assert.equal((await get('admin', `/de/unterstuetzung/pflege/${id}`)).statusCode, 200);
  });

  it('says it all in plain language, in both languages', async () => {
    const knowledge = loadKnowledge();
    for (const [who, url, locale, administrator] of [
      ['sn', '/de/unterstuetzung/pflege', 'de', false],
      ['sn', '/en/support-offers/manage', 'en', false],
      ['sn', '/de/unterstuetzung/pflege/neu', 'de', false],
      ['admin', '/en/support-offers/manage/new', 'en', true],
      ['sn', `/de/unterstuetzung/pflege/${created}/verlauf`, 'de', false],
      ['admin', `/en/support-offers/manage/${created}/history`, 'en', true],
      ['sn', '/de/unterstuetzung/pflege/sn-arbeitsmarktmentoren', 'de', false],
    ] as const) {
      const page = await get(who, url);
      assert.equal(page.statusCode, 200, url);
      const findings = checkPage({ html: page.body, locale, staff: true, administrator }, knowledge);
      assert.deepEqual(findings, [], url);
    }
  });
});

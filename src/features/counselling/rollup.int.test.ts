import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { counsellingCase } from './schema.ts';

type Browser = { cookie: string; csrfToken: string };

let t: TestApp;
let officer: Browser;
let counsellor: Browser;

/** `n` cases of one centre opened in 2026 with the same state, topic and outcome. */
function cases(org: string, n: number, stateCode: string, topic: string, outcome: string) {
  const at = new Date('2026-05-04T10:00:00Z');
  return Array.from({ length: n }, () => ({
    organisationId: org,
    stateCode,
    openedOn: '2026-05-04',
    topic,
    outcome,
    createdAt: at,
    updatedAt: at,
  }));
}

before(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const sn = await makeOrganisation(db, {
    slug: 'rollup-beratung-sn',
    name: 'Beratungsstelle Leipzig',
    kind: 'counselling-centre',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  });
  const th = await makeOrganisation(db, {
    slug: 'rollup-beratung-th',
    name: 'Beratungsstelle Erfurt',
    kind: 'counselling-centre',
    jurisdictions: [{ scope: 'state', stateCode: 'TH' }],
  });
  await makeOrganisation(db, {
    slug: 'rollup-ministry-th',
    name: 'Ministerium Thüringen',
    kind: 'state-ministry',
    jurisdictions: [{ scope: 'state', stateCode: 'TH' }],
  });
  await db
    .insert(counsellingCase)
    .values([
      ...cases(sn, 12, 'SN', 'recognition', 'resolved'),
      ...cases(sn, 3, 'SN', 'recognition', 'referred'),
      ...cases(sn, 9, 'SN', 'job-search', 'referred'),
      ...cases(th, 7, 'TH', 'job-search', 'open'),
      ...cases(th, 20, 'TH', 'family', 'resolved'),
    ]);
  const o = await makeAccount(db, 'ministry-officer', 'rollup-ministry-th');
  const c = await makeAccount(db, 'counsellor', 'rollup-beratung-sn');
  officer = await sessionFor(t.app, db, o.personId, 'ministry-officer');
  counsellor = await sessionFor(t.app, db, c.personId, 'counsellor');
});
after(() => t.close());

const get = (who: Browser | null, url: string) =>
  t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

describe('the counselling roll-up for ministry officers', () => {
  it("opens on the officer's own state with the six states by topic", async () => {
    const res = await get(officer, '/en/counselling/states?year=2026');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Cases opened in 2026 in Thuringia by topic and outcome/);
    assert.match(res.body, /Looking for work/);
    assert.doesNotMatch(res.body, /job-search|TH\b/);
  });

  it('hides the 3 referred recognition cases of Saxony and what they could be worked out from', async () => {
    const res = await get(officer, '/de/beratung/laender.csv?year=2026&state=sn');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.headers['content-type'] as string, /text\/csv/);
    const rows = res.body
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    const find = (table: string, state: string, topic: string, outcome: string) =>
      rows.find((r) => r[0] === table && r[2] === state && r[3] === topic && r[4] === outcome);
    assert.deepEqual(find('topic-outcome', 'SN', 'recognition', 'referred')?.slice(5), ['', 'true']);
    // The recognition row (12 + 3 = 15) and the referred column (3 + 9 = 12) would give the 3 away by
    // subtraction if everything else were shown: at least one more cell in each is hidden.
    const hidden = (cells: (string[] | undefined)[]) => cells.filter((r) => r?.[6] === 'true').length;
    const outcomes = ['open', 'referred', 'recognition-applied', 'resolved', 'dropped', ''];
    assert.ok(hidden(outcomes.map((o) => find('topic-outcome', 'SN', 'recognition', o))) >= 2);
    const topics = [
      'recognition',
      'qualification',
      'visa-residence',
      'job-search',
      'family',
      'chancen-aufenthaltsrecht',
      'other',
      '',
    ];
    assert.ok(hidden(topics.map((x) => find('topic-outcome', 'SN', x, 'referred'))) >= 2);
    // Every shown count is 0 or at least 5.
    for (const r of rows.slice(1))
      if (r[6] === 'false') assert.ok(r[5] === '0' || Number(r[5]) >= 5, r.join());
    assert.deepEqual(find('state-topic', 'TH', 'family', '')?.slice(5), ['20', 'false']);
    assert.deepEqual(find('state-topic', 'all', '', '')?.slice(5), ['51', 'false']);
  });

  it('answers a bad year or state with 400 naming the field', async () => {
    const page = await get(officer, '/de/beratung/laender?year=20x6&state=xx');
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /Geben Sie ein Jahr mit vier Ziffern ein/);
    assert.match(page.body, /Wählen Sie eines der sechs Länder/);
    const csv = await get(officer, '/en/counselling/states.csv?year=1999');
    assert.equal(csv.statusCode, 400);
    assert.match(csv.body, /query\.year/);
  });

  it('is for ministry officers: a counsellor gets 403, a visitor is sent to sign in', async () => {
    assert.equal((await get(counsellor, '/de/beratung/laender')).statusCode, 403);
    assert.equal((await get(counsellor, '/de/beratung/laender.csv')).statusCode, 403);
    const anonymous = await get(null, '/de/beratung/laender');
    assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
  });
});

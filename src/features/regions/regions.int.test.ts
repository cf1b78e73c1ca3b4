import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { administratorSession } from '../../../test/support/identity.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const EXPECTED = { BE: 1, BB: 18, MV: 8, SN: 13, ST: 14, TH: 22 } as const;

describe('GET /api/v1/districts', () => {
  it('lists all 76 districts with their foreigners office and provenance', async () => {
    const res = await t.app.inject('/api/v1/districts');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.count, 76);
    const first = body.districts[0];
    for (const key of [
      'ags',
      'name',
      'kind',
      'state',
      'foreignersOffice',
      'source',
      'asOf',
      'confidence',
      'verified',
    ]) {
      assert.ok(key in first, key);
    }
    assert.ok(body.districts.every((d: { ags: string }) => /^\d{5}$/.test(d.ags)));
  });

  for (const [code, count] of Object.entries(EXPECTED)) {
    it(`lists the ${count} districts of ${code} with the state's central office`, async () => {
      const body = (await t.app.inject(`/api/v1/districts?state=${code}`)).json();
      assert.equal(body.count, count);
      assert.equal(body.state.code, code);
      assert.ok(body.districts.every((d: { state: string }) => d.state === code));
    });
  }

  it('knows Brandenburg has a central office and Saxony has none', async () => {
    const bb = (await t.app.inject('/api/v1/districts?state=BB')).json();
    assert.match(bb.state.centralOffice.name, /Dahme-Spreewald/);
    const sn = (await t.app.inject('/api/v1/districts?state=SN')).json();
    assert.equal(sn.state.centralOffice, null);
  });

  it('marks unverified entries (Thüringen central office plans are unconfirmed)', async () => {
    const body = (await t.app.inject('/api/v1/states')).json();
    const th = body.states.find((s: { code: string }) => s.code === 'TH');
    assert.equal(th.verified, false);
  });

  for (const bad of ['XX', 'sn', '', 'SNX']) {
    it(`answers state=${JSON.stringify(bad)} with 400 naming query.state`, async () => {
      const res = await t.app.inject(`/api/v1/districts?state=${encodeURIComponent(bad)}`);
      assert.equal(res.statusCode, 400);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      const problem = res.json();
      assert.equal(problem.code, 'validation-failed');
      assert.equal(problem.errors[0].field, 'query.state');
      assert.equal(problem.errors[0].rule, 'enum');
    });
  }

  it('rejects unknown query parameters by name', async () => {
    const res = await t.app.inject('/api/v1/districts?sate=SN');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].rule, 'unknown-key');
  });
});

describe('regions page', () => {
  it('lists every state with its districts in German and English', async () => {
    const de = await t.app.inject('/de/regionen');
    assert.equal(de.statusCode, 200);
    assert.match(de.body, /Landkreis Görlitz|Görlitz/);
    assert.match(de.body, /Landkreise und kreisfreie Städte in Thüringen/);
    const en = await t.app.inject('/en/regions?state=TH');
    assert.match(en.body, /Districts and district-free cities in Thuringia/);
    assert.doesNotMatch(en.body, /in Saxony</);
    assert.match(en.body, /Entry unconfirmed/);
  });

  it('shows no research notes to the public: no English notes, no research table description', async () => {
    const de = await t.app.inject('/de/regionen');
    assert.doesNotMatch(de.body, /UNVERIFIED|Research table|Senate answer|est\. 1 Jan/);
    assert.match(de.body, /Stand der Angaben: 1\. November 2026/);
    const en = await t.app.inject('/en/regions');
    assert.doesNotMatch(en.body, /UNVERIFIED|Research table|Senate answer/);
  });

  it('shows administrators the research notes for review', async () => {
    const { cookie } = await administratorSession(t.app, t.database.db, 'op-reg');
    const res = await t.app.inject({ method: 'GET', url: '/de/regionen', headers: { cookie } });
    assert.match(res.body, /Research table districts\.csv/);
    assert.match(res.body, /Senate answer/);
  });

  it('shows a 400 page naming the field for an unknown state', async () => {
    const res = await t.app.inject('/de/regionen?state=XX');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Wählen Sie eines der sechs Länder/);
    assert.match(res.body, /href="#field-state"/);
  });
});

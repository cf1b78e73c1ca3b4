import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { actorOf, clockedJourneys } from '../../../test/support/clocked-journeys.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { OPEN_BODY, setUpWay } from '../../../test/support/journey.ts';

const DAY = 86_400_000;

/** 30 recognitions, case i decided (1 + i mod 3) weeks after it was filed: P50 2 weeks, P80 3 weeks. */
describe('waiting times API', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
    const { b, orgs } = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    let clock = new Date();
    const service = clockedJourneys(t.database.db, () => clock);
    const applicant = actorOf(b('applicant').personId, 'applicant');
    const officer = actorOf(b('recognition').personId, 'recognition-officer', orgs['jt-recognition'] ?? null);
    const start = Date.now() - 100 * DAY;
    for (let i = 0; i < 30; i++) {
      clock = new Date(start + i * DAY);
      const id = (await service.open(applicant, OPEN_BODY)).body.journeyId;
      await service.command(applicant, id, { type: 'submit', step: 'recognition' });
      clock = new Date(clock.getTime() + 7 * (1 + (i % 3)) * DAY);
      await service.command(officer, id, { type: 'decide', step: 'recognition', outcome: 'positive' });
    }
  });
  after(() => t.close());

  it('gives every office with its figures, overall and per step, and the address of its pages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/waiting-times' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['cache-control']), /max-age=60/);
    const body = res.json();
    assert.match(body.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(!Number.isNaN(Date.parse(body.computedAt)));
    const rec = body.offices.find((o: { slug: string }) => o.slug === 'jt-recognition');
    assert.equal(rec.name, 'Anerkennungsstelle Sachsen');
    assert.equal(rec.group, 'SN');
    assert.deepEqual(rec.target, { weeks: 13, source: 'statutory' });
    assert.equal(rec.forecast.n, 30);
    assert.equal(rec.forecast.insufficient, false);
    assert.equal(rec.forecast.historicalP50Weeks, 2);
    assert.equal(rec.forecast.historicalP80Weeks, 3);
    assert.equal(rec.weeklyArrivals.length, 26);
    assert.ok(['green', 'amber', 'red'].includes(rec.status), 'a colour once there are 30 cases');
    assert.deepEqual(
      rec.steps.map((s: { kind: string; forecast: { n: number } }) => [s.kind, s.forecast.n]),
      [['recognition', 30]],
    );
    assert.deepEqual(rec.pages, {
      de: '/de/wartezeiten/jt-recognition',
      en: '/en/waiting-times/jt-recognition',
    });
    const abh = body.offices.find((o: { slug: string }) => o.slug === 'jt-abh');
    assert.equal(abh.forecast.insufficient, true, 'not enough data: said, no figure made up');
    assert.equal(abh.forecast.historicalP80Weeks, null);
  });

  it('filters by state, gives one office by its slug, and names the field of a bad query', async () => {
    const sn = (await t.app.inject({ method: 'GET', url: '/api/v1/waiting-times?state=SN' })).json();
    assert.ok(sn.offices.length > 0);
    assert.ok(sn.offices.every((o: { group: string }) => o.group === 'SN'));
    const abroad = (await t.app.inject({ method: 'GET', url: '/api/v1/waiting-times?state=abroad' })).json();
    assert.ok(abroad.offices.every((o: { kind: string }) => o.kind === 'mission'));
    const one = await t.app.inject({ method: 'GET', url: '/api/v1/waiting-times/jt-recognition' });
    assert.equal(one.statusCode, 200);
    assert.equal(one.json().office.forecast.historicalP80Weeks, 3);
    for (const url of ['/api/v1/waiting-times/gibt-es-nicht', '/api/v1/waiting-times/jt-employer'])
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 404, url);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/waiting-times?state=XX' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /query\.state|"state"/);
    const extra = await t.app.inject({ method: 'GET', url: '/api/v1/waiting-times?foo=1' });
    assert.equal(extra.statusCode, 400);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { actorOf, clockedJourneys } from '../../../test/support/clocked-journeys.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { type Browser, OPEN_BODY, setUpWay } from '../../../test/support/journey.ts';
import type { Actor } from '../../domain/access/policy.ts';
import type { IsoDate } from '../../domain/calendar.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { computeWaitingTimes } from './waiting.ts';
import { createWaitingTimes } from './waiting-store.ts';

const DAY = 86_400_000;

/**
 * Case i is filed 150 − i days ago and decided (1 + i mod 10) weeks later: 40 cases give four of each duration
 * from 1 to 10 weeks, so the nearest-rank P80 is the 32nd smallest (8 weeks) and P50 the 20th (5 weeks).
 */
describe('published waiting times per office', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;
  let recognition = '';
  const today = (): IsoDate => momentOf(new Date().toISOString()).date;
  const rec = (w: Awaited<ReturnType<typeof computeWaitingTimes>>) =>
    w.offices.find((f) => f.office.slug === 'jt-recognition');

  before(async () => {
    t = await buildTestApp();
    ({ b, orgs } = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor }));
    recognition = orgs['jt-recognition'] as string;
    await seedMission();
  });
  after(() => t.close());

  let clock = new Date();
  let seeded = 0;
  async function finishCases(upTo: number) {
    const service = clockedJourneys(t.database.db, () => clock);
    const applicant: Actor = actorOf(b('applicant').personId, 'applicant');
    const officer: Actor = actorOf(b('recognition').personId, 'recognition-officer', recognition);
    const start = Date.parse(`${today()}T09:00:00Z`) - 150 * DAY;
    for (; seeded < upTo; seeded++) {
      clock = new Date(start + seeded * DAY);
      const id = (await service.open(applicant, OPEN_BODY)).body.journeyId;
      await service.command(applicant, id, { type: 'submit', step: 'recognition' });
      clock = new Date(clock.getTime() + 7 * (1 + (seeded % 10)) * DAY);
      await service.command(officer, id, { type: 'decide', step: 'recognition', outcome: 'positive' });
    }
  }

  /** Seeded before any page is asked for (the app's figures are kept ten minutes). */
  async function seedMission() {
    const service = clockedJourneys(t.database.db, () => clock);
    const applicant: Actor = actorOf(b('applicant').personId, 'applicant');
    const mission = actorOf(b('mission').personId, 'mission-officer', orgs['jt-mission'] ?? null, [
      { scope: 'country', countryCode: 'IN' },
    ]);
    const start = Date.parse(`${today()}T09:00:00Z`) - 150 * DAY;
    for (let i = 0; i < 32; i++) {
      clock = new Date(start + i * DAY);
      const id = (await service.open(applicant, OPEN_BODY)).body.journeyId;
      await service.command(applicant, id, { type: 'submit', step: 'visa-appointment' });
      clock = new Date(clock.getTime() + 7 * (1 + (i % 4)) * DAY);
      const done = await service.command(mission, id, {
        type: 'decide',
        step: 'visa-appointment',
        outcome: 'positive',
      });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      if (i >= 4) continue;
      const sent = await service.command(applicant, id, { type: 'submit', step: 'visa-decision' });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      if (i === 3) continue;
      clock = new Date(clock.getTime() + 6 * 7 * DAY);
      await service.command(mission, id, { type: 'decide', step: 'visa-decision', outcome: 'positive' });
    }
  }

  it('shows no wait below 30 finished cases and the nearest-rank P80 from 30 on', async () => {
    await finishCases(29);
    const below = rec(await computeWaitingTimes(t.database.db, today()));
    assert.equal(below?.forecast.n, 29);
    assert.equal(below?.forecast.insufficient, true);
    assert.equal(below?.forecast.historicalP80Weeks, null);
    assert.equal(below?.status, null, 'no colour without enough data');
    await finishCases(30);
    const at = rec(await computeWaitingTimes(t.database.db, today()));
    assert.equal(at?.forecast.n, 30);
    assert.equal(at?.forecast.insufficient, false);
    // 30 cases: three of each of 1..10 weeks; rank ceil(0.8 · 30) = 24 → 8 weeks.
    assert.equal(at?.forecast.historicalP80Weeks, 8);
    assert.equal(at?.office.target?.weeks, 13, 'recognition: the statutory three months');
    assert.equal(at?.office.group, 'SN');
  });

  it('shows the stored figures, computes them again after ten minutes without making anyone wait', async () => {
    await finishCases(39);
    let now = new Date();
    const waiting = createWaitingTimes(t.database.db, () => now, { checkMs: 0 });
    assert.equal(rec(await waiting.all())?.forecast.n, 39, 'no figures stored: computed at once');
    await finishCases(40);
    assert.equal(rec(await waiting.all())?.forecast.n, 39, 'still the stored figures');
    now = new Date(now.getTime() + 11 * 60_000);
    assert.equal(rec(await waiting.all())?.forecast.n, 39, 'shown while they are computed again');
    await waiting.publish();
    assert.equal(rec(await waiting.all())?.forecast.n, 40);
    const other = createWaitingTimes(t.database.db, () => now);
    const stored = await other.all();
    assert.equal(rec(stored)?.forecast.n, 40, 'another process reads the stored figures');
    assert.deepEqual(
      stored.offices,
      (await computeWaitingTimes(t.database.db, stored.asOf)).offices,
      'stored as computed (no value lost in JSON)',
    );
  });

  it('publishes the overview in both languages: chart, table, colour word, target, as-of and method', async () => {
    const de = await t.app.inject({ method: 'GET', url: '/de/wartezeiten' });
    assert.equal(de.statusCode, 200);
    assert.match(
      de.body,
      /<a class="kern-link" href="\/de\/wartezeiten\/jt-recognition">Anerkennungsstelle Sachsen<\/a>/,
    );
    assert.match(de.body, /8 von 10 Menschen haben höchstens 8 Wochen gewartet \(Ziel: 13 Wochen\)/);
    assert.match(de.body, /<svg[^>]*role="img"[^>]*aria-label="Balkendiagramm/);
    assert.match(de.body, /<table class="kern-table pathways-reflow"/);
    assert.match(de.body, /Noch nicht genug Daten: 0 abgeschlossene Fälle/, 'the offices without cases');
    assert.match(de.body, /Stand: /);
    assert.match(de.body, /So rechnen wir/);
    assert.match(de.body, /Botschaft New Delhi/);
    assert.match(de.body, /Auslandsvertretungen/);
    const en = await t.app.inject({ method: 'GET', url: '/en/waiting-times' });
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /8 in 10 people waited at most 8 weeks \(target: 13 weeks\)/);
    assert.match(en.body, /Not enough data yet: 0 finished cases/);
    assert.match(en.body, /we take as its capacity how many cases it decided per week/);
  });

  it('filters by state with a GET form and refuses a state it does not know, naming the field', async () => {
    const sn = await t.app.inject({ method: 'GET', url: '/de/wartezeiten?state=SN' });
    assert.equal(sn.statusCode, 200);
    assert.match(sn.body, /Anerkennungsstelle Sachsen/);
    assert.match(sn.body, /Ausländerbehörde Görlitz/);
    assert.doesNotMatch(sn.body, /Botschaft New Delhi/);
    assert.match(sn.body, /<option value="SN" selected/);
    const abroad = await t.app.inject({ method: 'GET', url: '/en/waiting-times?state=abroad' });
    assert.match(abroad.body, /Botschaft New Delhi/);
    assert.doesNotMatch(abroad.body, /Anerkennungsstelle Sachsen/);
    const all = await t.app.inject({ method: 'GET', url: '/de/wartezeiten?state=' });
    assert.equal(all.statusCode, 200);
    for (const bad of ['XX', 'sn', 'SN%27']) {
      const res = await t.app.inject({ method: 'GET', url: `/de/wartezeiten?state=${bad}` });
      assert.equal(res.statusCode, 400, bad);
      assert.match(res.body, /query\.state/);
      assert.match(res.body, /Bitte wählen Sie ein Bundesland aus der Liste/);
    }
  });

  it('shows one office: headline, forecast, backlog, weeks, n; not enough data for one without cases', async () => {
    const de = await t.app.inject({ method: 'GET', url: '/de/wartezeiten/jt-recognition' });
    assert.equal(de.statusCode, 200);
    assert.match(de.body, /8 von 10 Menschen haben höchstens 8 Wochen auf die Anerkennung/);
    assert.match(de.body, /Die Hälfte hat höchstens 5 Wochen gewartet\. Das zeigen 40 abgeschlossene Fälle/);
    assert.match(de.body, /Wenn Sie heute einreichen/);
    assert.match(de.body, /Gerade wartet niemand/);
    assert.match(de.body, /Das Gesetz sieht für die Entscheidung 13 Wochen vor/);
    assert.match(de.body, /role="img"/);
    assert.equal((de.body.match(/Woche ab /g) ?? []).length, 26, 'one row per week of the window');
    const en = await t.app.inject({ method: 'GET', url: '/en/waiting-times/jt-recognition' });
    assert.match(en.body, /8 in 10 people waited at most 8 weeks for the recognition/);
    const none = await t.app.inject({ method: 'GET', url: '/en/waiting-times/jt-abh' });
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /Not enough data yet/);
    assert.match(none.body, /No case has finished here/);
    assert.doesNotMatch(none.body, /waited at most \d/);
  });

  it('answers 404 for an unknown slug and for an organisation that owns no steps a person waits on', async () => {
    for (const url of [
      '/de/wartezeiten/gibt-es-nicht',
      '/en/waiting-times/jt-employer',
      '/de/wartezeiten/jt-centre',
    ])
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 404, url);
  });

  /**
   * At the mission, two step kinds: 32 visa appointments of 1 to 4 weeks (eight each; nearest rank: P80 the 26th
   * smallest, 4 weeks; P50 the 16th, 2 weeks) and, after the first three, a visa decision of 6 weeks each, plus a
   * fourth still open. Together: 35 cases, P80 the 28th (4 weeks), P50 the 18th (3 weeks), one open.
   */
  it('splits an office by step kind from the same read: own n, P50, P80, open cases; too few → no wait', async () => {
    const w = await computeWaitingTimes(t.database.db, today());
    const f = w.offices.find((x) => x.office.slug === 'jt-mission');
    assert.equal(f?.forecast.n, 35);
    assert.equal(f?.forecast.historicalP80Weeks, 4);
    assert.equal(f?.forecast.historicalP50Weeks, 3);
    assert.equal(f?.forecast.backlog, 1);
    assert.deepEqual(
      f?.steps.map((s) => [
        s.kind,
        s.forecast.n,
        s.forecast.historicalP50Weeks,
        s.forecast.historicalP80Weeks,
      ]),
      [
        ['visa-appointment', 32, 2, 4],
        ['visa-decision', 3, null, null],
      ],
    );
    assert.deepEqual(
      f?.steps.map((s) => [s.forecast.backlog, s.forecast.insufficient]),
      [
        [0, false],
        [1, true],
      ],
    );
    const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);
    assert.deepEqual(
      f?.steps.map((s) => [sum(s.weeklyArrivals), sum(s.weeklyCompletions)]),
      [
        [32, 32],
        [4, 3],
      ],
    );
    assert.equal(rec(w)?.steps.length, 1, 'the recognition authority: one step kind with cases');

    const de = await t.app.inject({ method: 'GET', url: '/de/wartezeiten/jt-mission' });
    assert.equal(de.statusCode, 200);
    const [, deAppt = '', deDecision = ''] = de.body.split(/<section aria-labelledby="waiting-step-/);
    assert.match(de.body, /<h2 class="kern-heading-medium" id="waiting-steps">Wartezeiten je Schritt<\/h2>/);
    assert.match(deAppt, />Termin für den Visumantrag<\/h3>/);
    assert.match(
      deAppt,
      /8 von 10 Menschen haben höchstens 4 Wochen gewartet\. Die Hälfte hat höchstens 2 Wochen/,
    );
    assert.match(deAppt, /Das zeigen 32 abgeschlossene Fälle der letzten 26 Wochen/);
    // The last appointment was decided three months ago: no recent decisions, so no forecast (never made up).
    assert.match(deAppt, /Für neue Anträge können wir gerade keine Wartezeit vorhersagen/);
    assert.match(deAppt, /Gerade wartet niemand\./);
    assert.doesNotMatch(de.body, /-0 Wochen/);
    assert.match(deDecision, />Entscheidung über das Visum<\/h3>/);
    assert.match(deDecision, /Noch nicht genug Daten: erst 3 abgeschlossene Fälle/);
    assert.match(deDecision, /Gerade ist 1 Fall offen\./);
    assert.doesNotMatch(deDecision, /höchstens \d+ Wochen? gewartet/, 'no wait below 30 cases');
    assert.doesNotMatch(de.body, />[^<]*visa-(appointment|decision)[^<]*</, 'never the enum value as text');
    const en = await t.app.inject({ method: 'GET', url: '/en/waiting-times/jt-mission' });
    assert.match(en.body, /Waiting times per step/);
    assert.match(en.body, />Visa appointment<\/h3>/);
    assert.match(en.body, /8 in 10 people waited at most 4 weeks\. Half waited at most 2 weeks/);
    assert.match(en.body, /Not enough data yet: only 3 finished cases/);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedApplicant, seedRequest, seedServicePoint } from '../../../test/support/appointments.ts';
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { computeWaitingTimes } from './waiting.ts';

const DAY = 86_400_000;

/**
 * A counselling centre with appointments only: 30 requests got their appointment 1, 2 or 3 weeks after their
 * documents were complete (ten each: P50 2 weeks, P80 3 weeks), two wait without a slot, one waits for an agreed
 * day still ahead, one was withdrawn. A mission with one appointment held: too few to show a wait.
 */
describe('the wait for an appointment at a service point', () => {
  let t: TestApp;
  const now = new Date();
  const today = momentOf(now.toISOString()).date;
  const noon = (day: IsoDate) => new Date(`${day}T10:00:00Z`);

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const centre = await seedServicePoint(db, {
      slug: 'wt-centre',
      name: 'Beratungsstelle Halle',
      at: now,
      kind: 'counselling-centre',
    });
    for (let i = 0; i < 34; i++) {
      const applicant = await seedApplicant(db, `wait-${i}@example.org`, now);
      const readyOn = addDays(today, -100 + i);
      const at = new Date(Date.parse(`${readyOn}T08:00:00Z`) - DAY);
      if (i < 30) {
        const day = addDays(readyOn, 7 * (1 + (i % 3)));
        await seedRequest(db, {
          organisationId: centre,
          applicant,
          state: 'attended',
          at,
          readyOn,
          startsAt: noon(day),
          slotState: 'attended',
        });
      } else if (i < 32)
        await seedRequest(db, { organisationId: centre, applicant, state: 'ready', at, readyOn });
      else if (i === 32)
        await seedRequest(db, {
          organisationId: centre,
          applicant,
          state: 'booked',
          at,
          readyOn,
          startsAt: noon(addDays(today, 5)),
        });
      else await seedRequest(db, { organisationId: centre, applicant, state: 'withdrawn', at, readyOn });
    }
    const mission = await seedServicePoint(db, { slug: 'wt-mission', name: 'Botschaft Hanoi', at: now });
    const applicant = await seedApplicant(db, 'wait-m@example.org', now);
    const readyOn = addDays(today, -20);
    await seedRequest(db, {
      organisationId: mission,
      applicant,
      state: 'attended',
      at: now,
      readyOn,
      startsAt: noon(addDays(readyOn, 9)),
      slotState: 'attended',
    });
  });
  after(() => t.close());

  it('counts complete documents to the appointment day; a centre with appointments only is published by it', async () => {
    const { offices } = await computeWaitingTimes(t.database.db, today);
    const centre = offices.find((f) => f.office.slug === 'wt-centre');
    assert.ok(centre, 'a counselling centre with appointments is on the waiting-time pages');
    assert.equal(centre.forecast.n, 30);
    assert.equal(centre.forecast.historicalP50Weeks, 2);
    assert.equal(centre.forecast.historicalP80Weeks, 3);
    assert.equal(
      centre.forecast.backlog,
      3,
      'two without a slot and one whose day is ahead; not the withdrawn one',
    );
    assert.deepEqual(centre.appointment?.forecast.n, 30);
    assert.equal(centre.office.target?.weeks, 4, 'its published appointment target');
    const mission = offices.find((f) => f.office.slug === 'wt-mission');
    assert.equal(mission?.appointment?.forecast.n, 1);
    assert.equal(mission?.appointment?.forecast.insufficient, true);
  });

  it('shows it in words on the office page, in German and English', async () => {
    const de = await t.app.inject({ method: 'GET', url: '/de/wartezeiten/wt-centre' });
    assert.equal(de.statusCode, 200);
    assert.match(de.body, /8 von 10 Menschen haben höchstens 3 Wochen auf einen Beratungstermin gewartet/);
    assert.match(de.body, /Termine<\/th>/);
    const en = await t.app.inject({ method: 'GET', url: '/en/waiting-times/wt-mission' });
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /Waiting for the appointment/);
    assert.match(en.body, /From complete documents to the appointment/);
    assert.match(en.body, /only 1 finished case/);
    const api = (await t.app.inject({ method: 'GET', url: '/api/v1/waiting-times/wt-centre' })).json();
    assert.equal(api.office.appointment.forecast.historicalP80Weeks, 3);
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, setUpWay } from '../../../test/support/journey.ts';

describe('appointments API', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let api: ReturnType<typeof apiClient>;
  let journeyId = '';
  before(async () => {
    t = await buildTestApp();
    b = (await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor })).b;
    api = apiClient(t.app);
  });
  after(() => t.close());

  const plan = {
    active: true,
    slotMinutes: 20,
    targetWeeks: 6,
    weekdaySlots: [4, 4, 4, 4, 2],
    firstStart: '08:30',
    timeZone: 'Asia/Kolkata',
  };

  it('lets the mission keep its calendar; bad values name the field; others may not', async () => {
    const bad = await api.send(b('mission'), 'PUT', '/api/v1/appointments/calendar/visa-application', {
      ...plan,
      weekdaySlots: [1, 2],
      timeZone: 'Nowhere/City',
    });
    assert.equal(bad.statusCode, 400);
    const fields = (JSON.parse(bad.body) as { errors: { field: string }[] }).errors.map((e) => e.field);
    assert.deepEqual(fields.sort(), ['body.timeZone', 'body.weekdaySlots']);
    const ok = await api.send(b('mission'), 'PUT', '/api/v1/appointments/calendar/visa-application', plan);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((JSON.parse(ok.body) as { added: number }).added, 18 * 8);
    const wrongKind = await api.send(
      b('mission'),
      'PUT',
      '/api/v1/appointments/calendar/residence-permit',
      plan,
    );
    assert.equal(wrongKind.statusCode, 404, 'a mission gives no residence permit appointments');
    const closed = await api.send(
      b('mission'),
      'PUT',
      '/api/v1/appointments/calendar/visa-application/days/2099-01-05',
      {
        slots: 0,
        reason: 'Feiertag',
      },
    );
    assert.equal(closed.statusCode, 200, closed.body);
    const calendar = await api.send(b('mission'), 'GET', '/api/v1/appointments/calendar');
    assert.equal(calendar.statusCode, 200);
    assert.match(calendar.body, /Asia\/Kolkata/);
    assert.equal(
      (await api.send(b('applicant'), 'PUT', '/api/v1/appointments/calendar/visa-application', plan))
        .statusCode,
      403,
    );
    assert.equal((await api.send(b('abh'), 'GET', '/api/v1/appointments/calendar')).statusCode, 200);
  });

  it('lets the applicant file a request for her journey and refuses a second one naming the field', async () => {
    const opened = await api.open(b('applicant'));
    journeyId = (JSON.parse(opened.body) as { journeyId: string }).journeyId;
    const body = {
      journeyId,
      serviceType: 'visa-application',
      passportNumber: 'P1234567',
      nationality: 'IN',
      birthDate: '1994-05-14',
    };
    const made = await api.send(b('applicant'), 'POST', '/api/v1/appointments/requests', body);
    assert.equal(made.statusCode, 201, made.body);
    const again = await api.send(b('applicant'), 'POST', '/api/v1/appointments/requests', body);
    assert.equal(again.statusCode, 404, 'nothing left to ask for on this journey');
    const theirs = await api.send(b('stranger'), 'POST', '/api/v1/appointments/requests', body);
    assert.equal(theirs.statusCode, 404, 'not the stranger’s journey');
    const other = await api.open(b('stranger'));
    const dup = await api.send(b('stranger'), 'POST', '/api/v1/appointments/requests', {
      ...body,
      journeyId: (JSON.parse(other.body) as { journeyId: string }).journeyId,
      passportNumber: 'p 1234567',
    });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /"field":"body.passportNumber"/);
    const list = await api.send(b('applicant'), 'GET', '/api/v1/appointments/requests');
    assert.equal((JSON.parse(list.body) as { requests: unknown[] }).requests.length, 1);
    assert.doesNotMatch(list.body, /1234567/, 'the passport number is nowhere');
  });

  it('answers with 404 for a request that is not the caller’s and 409 for an offer that is not open', async () => {
    const list = await api.send(b('applicant'), 'GET', '/api/v1/appointments/requests');
    const [mine] = (JSON.parse(list.body) as { requests: { id: string }[] }).requests;
    assert.ok(mine);
    const notOffered = await api.send(
      b('applicant'),
      'POST',
      `/api/v1/appointments/requests/${mine.id}/answer`,
      {
        answer: 'accept',
      },
    );
    assert.equal(notOffered.statusCode, 409);
    const notAgreed = await api.send(
      b('applicant'),
      'POST',
      `/api/v1/appointments/requests/${mine.id}/answer`,
      { answer: 'reconfirm' },
    );
    assert.equal(notAgreed.statusCode, 409, 'only an agreed appointment is confirmed');
    assert.match(notAgreed.body, /"field":"body.state","rule":"not-possible"/);
    const stranger = await api.send(
      b('stranger'),
      'POST',
      `/api/v1/appointments/requests/${mine.id}/answer`,
      {
        answer: 'withdraw',
      },
    );
    assert.equal(stranger.statusCode, 404);
    const unknown = await api.send(
      b('applicant'),
      'POST',
      `/api/v1/appointments/requests/${randomUUID()}/answer`,
      {
        answer: 'withdraw',
      },
    );
    assert.equal(unknown.statusCode, 404);
    const withdrawn = await api.send(
      b('applicant'),
      'POST',
      `/api/v1/appointments/requests/${mine.id}/answer`,
      {
        answer: 'withdraw',
      },
    );
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.match(withdrawn.body, /"state":"withdrawn"/);
  });
});

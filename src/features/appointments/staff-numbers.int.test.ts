import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, setUpWay, type WayOrganisations } from '../../../test/support/journey.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { staffNumberOn } from './staff-numbers.ts';

type Numbers = {
  current: { fte: number; effectiveFrom: string } | null;
  history: { fte: number; effectiveFrom: string }[];
};

describe('an office’s staff numbers (issue 15, V2.3): history, policy, audit, API', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: WayOrganisations;
  before(async () => {
    t = await buildTestApp();
    ({ b, orgs } = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor }));
  });
  after(() => t.close());

  const url = (slug: string) => `/api/v1/offices/${orgs[slug]}/staff`;
  const send = (who: string, method: 'GET' | 'POST', slug: string, body?: unknown) =>
    apiClient(t.app).send(b(who), method, url(slug), body);
  const audits = (action: string, slug: string) =>
    t.database.db
      .select()
      .from(auditEntry)
      .where(
        and(
          eq(auditEntry.objectType, 'office-staffing'),
          eq(auditEntry.action, action),
          eq(auditEntry.objectId, orgs[slug] as string),
        ),
      );

  it('keeps every figure: a change is a new entry, the figure today is the latest one in force', async () => {
    for (const body of [
      { fte: 4.5, effectiveFrom: '2026-01-01' },
      { fte: 6, effectiveFrom: '2026-06-01' },
      { fte: 9.25, effectiveFrom: '2099-01-01' },
    ]) {
      const res = await send('abh', 'POST', 'jt-abh', body);
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((JSON.parse(res.body) as { fte: number }).fte, body.fte);
    }
    const res = await send('abh', 'GET', 'jt-abh');
    assert.equal(res.statusCode, 200, res.body);
    const n = JSON.parse(res.body) as Numbers;
    assert.deepEqual(n.current && { fte: n.current.fte, effectiveFrom: n.current.effectiveFrom }, {
      fte: 6,
      effectiveFrom: '2026-06-01',
    });
    assert.deepEqual(
      n.history.map((h) => h.fte),
      [9.25, 6, 4.5],
    );
  });

  it('takes the last recorded of two figures for the same day', () => {
    const at = (s: string) => new Date(s);
    const history = [
      { fte: 5, effectiveFrom: '2026-03-01', recordedAt: at('2026-03-02T10:00:00Z') },
      { fte: 4, effectiveFrom: '2026-03-01', recordedAt: at('2026-03-01T10:00:00Z') },
    ];
    assert.equal(staffNumberOn(history, '2026-03-01')?.fte, 5);
    assert.equal(staffNumberOn(history, '2026-02-28'), null);
  });

  it('lets only the office’s own staff change it, and its staff and the state’s ministry read it', async () => {
    assert.equal(
      (await send('zab', 'POST', 'jt-abh', { fte: 1, effectiveFrom: '2026-01-01' })).statusCode,
      404,
    );
    assert.equal((await send('zab', 'GET', 'jt-abh')).statusCode, 404);
    assert.equal((await send('recognition', 'GET', 'jt-abh')).statusCode, 404);
    for (const who of ['applicant', 'counsellor', 'employer', 'ministry'])
      assert.ok(
        [403, 404].includes(
          (await send(who, 'POST', 'jt-abh', { fte: 1, effectiveFrom: '2026-01-01' })).statusCode,
        ),
        who,
      );
    for (const who of ['applicant', 'counsellor', 'employer'])
      assert.ok([403, 404].includes((await send(who, 'GET', 'jt-abh')).statusCode), who);
    const ministry = await send('ministry', 'GET', 'jt-abh');
    assert.equal(ministry.statusCode, 200, ministry.body);
    assert.equal((JSON.parse(ministry.body) as Numbers).history.length, 3);
    assert.equal((await send('ministry', 'GET', 'jt-recognition-th')).statusCode, 404, 'another state');
    const history = await send('abh', 'GET', 'jt-abh');
    assert.equal((JSON.parse(history.body) as Numbers).history.length, 3, 'refusals stored nothing');
  });

  it('audits every change and every read with actor, role and office', async () => {
    const updates = await audits('update', 'jt-abh');
    assert.equal(updates.length, 3);
    assert.ok(updates.every((u) => u.actorPersonId === b('abh').personId && u.result === 'success'));
    const reads = await audits('read', 'jt-abh');
    assert.ok(reads.some((r) => r.actorRole === 'ministry-officer'));
    assert.ok(reads.some((r) => r.actorRole === 'foreigners-office-caseworker'));
  });

  it('answers bad input with problem+json naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ fte: -1, effectiveFrom: '2026-01-01' }, 'body.fte'],
      [{ fte: 1000.5, effectiveFrom: '2026-01-01' }, 'body.fte'],
      [{ fte: 4.555, effectiveFrom: '2026-01-01' }, 'body.fte'],
      [{ fte: '4.5', effectiveFrom: '2026-01-01' }, 'body.fte'],
      [{ fte: 4, effectiveFrom: '01.12.2026' }, 'body.effectiveFrom'],
      [{ fte: 4, effectiveFrom: '2026-02-30' }, 'body.effectiveFrom'],
      [{ fte: 4 }, 'body.effectiveFrom'],
    ];
    for (const [body, field] of cases) {
      const res = await send('abh', 'POST', 'jt-abh', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      const fields = (JSON.parse(res.body) as { errors: { field: string }[] }).errors.map((e) => e.field);
      assert.deepEqual(fields, [field], JSON.stringify(body));
    }
    const bad = await apiClient(t.app).send(b('abh'), 'GET', '/api/v1/offices/not-a-uuid/staff');
    assert.equal(bad.statusCode, 400);
    assert.equal((await audits('update', 'jt-abh')).length, 3);
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, OPEN_BODY, setUpWay } from '../../../test/support/journey.ts';
import type { Step, StepKind } from '../../domain/journey/index.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { consent } from '../people/schema.ts';
import { journey, journeyEvent, journeyStep } from './schema.ts';

type Json = Record<string, unknown> & {
  steps: {
    kind: string;
    status: string;
    outcome: string | null;
    owner: { id: string } | null;
    dueAt: string | null;
  }[];
};

describe('journey API: the whole way', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;
  let api: ReturnType<typeof apiClient>;
  let id = '';
  before(async () => {
    t = await buildTestApp();
    const way = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    orgs = way.orgs;
    api = apiClient(t.app);
  });
  after(() => t.close());

  const ok = async (who: string, body: unknown) => {
    const res = await api.command(b(who), id, body);
    assert.equal(res.statusCode, 200, `${who} ${JSON.stringify(body)}: ${res.body}`);
    return res.json() as { version: number; events: string[] };
  };
  const steps = async (who = 'applicant') => {
    const res = await api.get(b(who), id);
    assert.equal(res.statusCode, 200, res.body);
    const j = res.json() as Json;
    return Object.fromEntries(j.steps.map((s) => [s.kind, s]));
  };

  it('opens a journey with owners resolved from the registered organisations', async () => {
    const res = await api.open(b('applicant'));
    assert.equal(res.statusCode, 201, res.body);
    id = (res.json() as { journeyId: string }).journeyId;
    assert.equal(res.headers.location, `/api/v1/journeys/${id}`);
    const s = await steps();
    assert.equal(s.recognition?.owner?.id, orgs['jt-recognition']);
    assert.equal(s['accelerated-procedure']?.owner?.id, orgs['jt-zab']);
    assert.equal(s['residence-permit']?.owner?.id, orgs['jt-abh']);
    assert.equal(s['visa-decision']?.owner?.id, orgs['jt-mission']);
  });

  it('walks applicant → employer § 81a → recognition → pre-approval → mission → local office', async () => {
    await ok('applicant', { type: 'invite-employer', employerId: orgs['jt-employer'] });
    await ok('employer', { type: 'start-accelerated-procedure', powerOfAttorney: true });
    await ok('applicant', { type: 'submit', step: 'recognition' });
    let s = await steps('employer');
    assert.equal(s.recognition?.status, 'submitted');
    assert.ok(s.recognition?.dueAt, 'receipt deadline runs');
    await ok('recognition', { type: 'start-review', step: 'recognition' });
    await ok('recognition', { type: 'request-documents', step: 'recognition', missing: ['Übersetzung'] });
    s = await steps();
    assert.equal(s.recognition?.status, 'waiting-for-applicant');
    await ok('applicant', { type: 'submit-documents', step: 'recognition', documents: [randomUUID()] });
    await ok('recognition', { type: 'documents-complete', step: 'recognition' });
    const withoutRecord = await api.command(b('recognition'), id, {
      type: 'decide',
      step: 'recognition',
      outcome: 'positive',
    });
    assert.equal(withoutRecord.statusCode, 400, 'a positive recognition needs the record data');
    assert.ok(
      (withoutRecord.json() as { errors: { field: string }[] }).errors.some((e) => e.field === 'body.record'),
    );
    const decided = (await ok('recognition', {
      type: 'decide',
      step: 'recognition',
      outcome: 'positive',
      reason: 'gleichwertig',
      record: {
        birthDate: '1994-03-12',
        professionKey: 'nurse',
        professionTitle: 'Pflegefachfrau',
        legalBasis: '§ 2 PflBG',
      },
    })) as { recognitionRecord?: string };
    assert.match(
      String(decided.recognitionRecord),
      /^[A-Z0-9-]+$/,
      'the positive decision issued the record',
    );
    const verify = await t.app.inject({
      method: 'GET',
      url: `/api/v1/recognition/records/${decided.recognitionRecord}`,
    });
    assert.equal(verify.statusCode, 200, verify.body);
    await ok('zab', { type: 'decide', step: 'accelerated-procedure', outcome: 'positive' });
    s = await steps();
    if (s['ba-approval']?.status === 'not-started') {
      await ok('employer', { type: 'submit', step: 'ba-approval' });
      await ok('ba', { type: 'decide', step: 'ba-approval', outcome: 'positive' });
    }
    await ok('applicant', { type: 'submit', step: 'visa-appointment' });
    await ok('mission', { type: 'decide', step: 'visa-appointment', outcome: 'positive' });
    await ok('applicant', { type: 'submit', step: 'visa-decision' });
    await ok('mission', { type: 'start-review', step: 'visa-decision' });
    await ok('mission', { type: 'documents-complete', step: 'visa-decision' });
    assert.ok((await steps())['visa-decision']?.dueAt, 'the § 31a visa decision clock runs');
    await ok('mission', { type: 'decide', step: 'visa-decision', outcome: 'positive' });
    await ok('applicant', { type: 'submit', step: 'entry-registration' });
    await ok('abh', { type: 'decide', step: 'entry-registration', outcome: 'positive' });
    await ok('applicant', { type: 'submit', step: 'residence-permit' });
    await ok('abh', { type: 'decide', step: 'residence-permit', outcome: 'positive' });
    for (const who of ['applicant', 'employer', 'abh', 'mission']) {
      const v = await steps(who);
      assert.equal(v['residence-permit']?.status, 'decided', who);
      assert.equal(v['residence-permit']?.outcome, 'positive', who);
    }
  });

  it('keeps the projection equal to the replay of the events, one event version per row', async () => {
    const [row] = await t.database.db.select().from(journey).where(eq(journey.id, id));
    assert.ok(row);
    const events = await t.database.db.select().from(journeyEvent).where(eq(journeyEvent.journeyId, id));
    assert.equal(events.length, row.version);
    const { createJourneyService } = await import('./service.ts');
    const replayed = await createJourneyService(t.database.db).replayed(id);
    assert.deepEqual(replayed, row.state);
    const stepRows = await t.database.db.select().from(journeyStep).where(eq(journeyStep.journeyId, id));
    for (const r of stepRows) {
      const s: Step = row.state.steps[r.kind as StepKind];
      assert.equal(r.status, s.status, r.kind);
      assert.equal(r.dueAt, s.dueAt, r.kind);
    }
  });

  it('writes one audit entry per command, in the same transaction', async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEntry);
    const res = await api.command(b('applicant'), id, { type: 'withdraw', step: 'integration' });
    assert.equal(res.statusCode, 200, res.body);
    const afterCount = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEntry);
    assert.equal((afterCount[0]?.n ?? 0) - (before[0]?.n ?? 0), 1);
    const [last] = await t.database.db
      .select()
      .from(auditEntry)
      .orderBy(sql`${auditEntry.seq} desc`)
      .limit(1);
    assert.equal(last?.objectId, id);
    assert.equal(last?.subjectPersonId, b('applicant').personId);
  });

  it('maps refusals to problem+json with the code and field; nothing is written', async () => {
    const [before] = await t.database.db.select().from(journey).where(eq(journey.id, id));
    const res = await api.command(b('applicant'), id, {
      type: 'decide',
      step: 'recognition',
      outcome: 'negative',
    });
    assert.equal(res.statusCode, 403);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    assert.equal((res.json() as { code: string }).code, 'role-not-allowed');
    const final = await api.command(b('applicant'), id, { type: 'withdraw', step: 'recognition' });
    assert.equal(final.statusCode, 409);
    assert.equal((final.json() as { code: string }).code, 'step-final');
    const [afterRow] = await t.database.db.select().from(journey).where(eq(journey.id, id));
    assert.equal(afterRow?.version, before?.version);
  });

  it('rejects bad input with 400 naming the field, and writes nothing', async () => {
    const count = async () =>
      (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(journey))[0]?.n ?? 0;
    const n = await count();
    const res = await api.open(b('stranger'), { ...OPEN_BODY, place: { stateCode: 'XX' } });
    assert.equal(res.statusCode, 400);
    const fields = (res.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
    assert.ok(fields.includes('body.place.stateCode'), fields.join());
    const cmd = await api.command(b('applicant'), id, { type: 'submit', step: 'nonsense' });
    assert.equal(cmd.statusCode, 400);
    assert.ok((cmd.json() as { errors: { field: string }[] }).errors.some((e) => e.field === 'body.step'));
    assert.equal(await count(), n);
  });

  it('never creates twice for a repeated Idempotency-Key; another body with the same key is a conflict', async () => {
    const count = async () =>
      (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(journey))[0]?.n ?? 0;
    const n = await count();
    const first = await api.open(b('stranger'), OPEN_BODY, 'key-1');
    const second = await api.open(b('stranger'), OPEN_BODY, 'key-1');
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201);
    assert.deepEqual(second.json(), first.json());
    assert.equal(await count(), n + 1);
    const other = await api.open(b('stranger'), { ...OPEN_BODY, occupation: 'Koch' }, 'key-1');
    assert.equal(other.statusCode, 409);
    const sid = (first.json() as { journeyId: string }).journeyId;
    const c1 = await api.command(b('stranger'), sid, { type: 'submit', step: 'recognition' }, 'sub-1');
    const c2 = await api.command(b('stranger'), sid, { type: 'submit', step: 'recognition' }, 'sub-1');
    assert.equal(c1.statusCode, 200);
    assert.equal(c2.statusCode, 200, 'a repeat answers as the first time, it does not decide again');
    assert.deepEqual(c2.json(), c1.json());
  });

  it('serialises concurrent commands by version: one wins, the other decides again on the new state', async () => {
    const res = await api.open(b('stranger'));
    const sid = (res.json() as { journeyId: string }).journeyId;
    const [a, c] = await Promise.all([
      api.command(b('stranger'), sid, { type: 'submit', step: 'recognition' }),
      api.command(b('stranger'), sid, { type: 'submit', step: 'recognition' }),
    ]);
    const codes = [a.statusCode, c.statusCode].sort();
    assert.deepEqual(codes, [200, 409]);
    const events = await t.database.db.select().from(journeyEvent).where(eq(journeyEvent.journeyId, sid));
    assert.equal(events.filter((e) => e.type === 'step-submitted').length, 1);
  });

  it('shows the counsellor a journey only while the applicant consents (withdrawal acts on the next request)', async () => {
    assert.equal((await api.get(b('counsellor'), id)).statusCode, 404);
    await t.database.db.insert(consent).values({
      personId: b('applicant').personId,
      organisationId: orgs['jt-centre'] as string,
      grantedAt: new Date(),
    });
    assert.equal((await api.get(b('counsellor'), id)).statusCode, 200);
    await t.database.db
      .update(consent)
      .set({ withdrawnAt: new Date() })
      .where(eq(consent.personId, b('applicant').personId));
    assert.equal((await api.get(b('counsellor'), id)).statusCode, 404);
  });

  it('hides document ids from the employer', async () => {
    const j = (await api.get(b('employer'), id)).json() as {
      steps: Record<string, unknown>[];
      employerTasks: unknown[];
    };
    assert.ok(j.steps.every((s) => !('documents' in s)));
    assert.ok(Array.isArray(j.employerTasks));
  });

  it('lists the work queue of an authority by due date, overdue marked', async () => {
    const res = await api.open(b('stranger'));
    const sid = (res.json() as { journeyId: string }).journeyId;
    await api.command(b('stranger'), sid, { type: 'submit', step: 'recognition' });
    const q = await api.send(b('recognition'), 'GET', '/api/v1/work-queue');
    assert.equal(q.statusCode, 200, q.body);
    const body = q.json() as {
      items: { journeyId: string; kind: string; overdue: boolean; dueAt: string }[];
    };
    assert.ok(body.items.some((i) => i.journeyId === sid && i.kind === 'recognition'));
    const other = await api.send(b('recognition-th'), 'GET', '/api/v1/work-queue');
    assert.equal((other.json() as { items: unknown[] }).items.length, 0);
    assert.equal((await api.send(b('applicant'), 'GET', '/api/v1/work-queue')).statusCode, 403);
  });
});

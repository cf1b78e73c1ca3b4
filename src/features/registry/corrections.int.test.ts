import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { AppError, parseInput } from '../../platform/http/errors.ts';
import type { ChangeActor } from './actor.ts';
import { correctionBody, createCorrectionsService } from './corrections.ts';
import { createRegisterService, registerEntryBody } from './register.ts';
import { mutualRecognitionEntry, recognitionAuthority, registryChange } from './schema.ts';
import { seedRegistry } from './seed.ts';

const admin: ChangeActor = { personId: randomUUID(), role: 'administrator', organisationId: null };
const ministry: ChangeActor = {
  personId: randomUUID(),
  role: 'ministry-officer',
  organisationId: randomUUID(),
};

const rejectsWith = (promise: Promise<unknown>, status: number, field: string) =>
  assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.status, status);
    assert.ok(
      e.errors.some((x) => x.field === field),
      `${field}: ${JSON.stringify(e.errors)}`,
    );
    return true;
  });

describe('administrator corrections of the registry', () => {
  let database: TestDatabase;
  let invalidated = 0;
  let corrections: ReturnType<typeof createCorrectionsService>;
  before(async () => {
    database = await createTestDatabase();
    corrections = createCorrectionsService(
      database.db,
      () => {
        invalidated++;
      },
      () => new Date('2026-11-03T09:00:00Z'),
    );
  });
  after(() => database.destroy());

  const counts = async () => ({
    changes: (await database.db.select({ n: sql<number>`count(*)::int` }).from(registryChange))[0]?.n,
    audit: (await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEntry))[0]?.n,
  });

  it('changes the row, keeps who, when, why, before and after, audits it, and survives the next seed', async () => {
    const result = await corrections.correct(admin, 'recognition-authority', 'BE:engineer', {
      changes: {
        authority: 'Baukammer Berlin',
        verified: true,
        confidence: 'high',
        source: 'Baukammer Berlin, letter of 2026-11-02',
      },
      reason: 'confirmed by the chamber',
    });
    assert.deepEqual(result.before, {
      authority: 'Baukammer Berlin (UNVERIFIED as the competent body under IngG Berlin)',
      verified: false,
      confidence: 'low',
      source: result.before.source,
    });
    const history = await corrections.history('recognition-authority', 'BE:engineer');
    assert.equal(history.length, 1);
    assert.equal(history[0]?.actor, admin.personId);
    assert.equal(history[0]?.reason, 'confirmed by the chamber');
    assert.equal(history[0]?.at.toISOString(), '2026-11-03T09:00:00.000Z');
    assert.equal(invalidated, 1, 'the finder cache is refreshed');
    const [audit] = await database.db.select().from(auditEntry).where(eq(auditEntry.objectId, 'BE:engineer'));
    assert.equal(audit?.action, 'registry.correct');
    assert.equal(audit?.actorPersonId, admin.personId);
    await seedRegistry(database.db);
    const [row] = await database.db
      .select()
      .from(recognitionAuthority)
      .where(eq(recognitionAuthority.id, 'BE:engineer'));
    assert.equal(row?.authority, 'Baukammer Berlin');
    assert.equal(row?.verified, true);
  });

  it('answers bad input with 4xx naming the field and writes nothing', async () => {
    // As the API route does: the body schema first, then the service.
    const correctAsRoute = async (table: string, key: string, body: unknown) =>
      corrections.correct(admin, table, key, parseInput(correctionBody, body, 'body'));
    const before = await counts();
    const [row] = await database.db
      .select()
      .from(recognitionAuthority)
      .where(eq(recognitionAuthority.id, 'SN:nurse'));
    await rejectsWith(
      correctAsRoute('no-such-table', 'x', { changes: {}, reason: 'r' }),
      404,
      'params.table',
    );
    await rejectsWith(
      correctAsRoute('recognition-authority', 'XX:nurse', {
        changes: { fees: '1 EUR' },
        reason: 'r',
      }),
      404,
      'params.key',
    );
    await rejectsWith(
      correctAsRoute('recognition-authority', 'SN:nurse', {
        changes: { stateCode: 'BE' },
        reason: 'r',
      }),
      400,
      'body.changes',
    );
    await rejectsWith(
      correctAsRoute('recognition-authority', 'SN:nurse', {
        changes: { confidence: 'sure' },
        reason: 'r',
      }),
      400,
      'body.changes.confidence',
    );
    await rejectsWith(
      correctAsRoute('recognition-authority', 'SN:nurse', {
        changes: { fees: '1 EUR' },
        reason: '',
      }),
      400,
      'body.reason',
    );
    await rejectsWith(
      correctAsRoute('recognition-authority', 'SN:nurse', { changes: {}, reason: 'r' }),
      400,
      'body.changes',
    );
    assert.deepEqual(await counts(), before);
    const [unchanged] = await database.db
      .select()
      .from(recognitionAuthority)
      .where(eq(recognitionAuthority.id, 'SN:nurse'));
    assert.deepEqual(unchanged, row);
  });
});

describe('mutual-recognition register maintained by ministry officers', () => {
  let database: TestDatabase;
  let register: ReturnType<typeof createRegisterService>;
  before(async () => {
    database = await createTestDatabase();
    register = createRegisterService(database.db, () => new Date('2026-11-04T12:00:00Z'));
  });
  after(() => database.destroy());

  it('answers from the defaults for every receiving state until a ministry sets an entry', async () => {
    const answers = await register.answersFrom('teacher', 'SN');
    assert.deepEqual(
      answers.map((a) => [a.toState, a.outcome]),
      [
        ['BE', 'bridging'],
        ['BB', 'bridging'],
        ['MV', 'bridging'],
        ['SN', 'counts'],
        ['ST', 'bridging'],
        ['TH', 'bridging'],
      ],
    );
    const set = await register.setEntry(ministry, {
      profession: 'teacher',
      fromState: 'SN',
      toState: 'TH',
      outcome: 'counts',
      bridgingStep: null,
      legalBasis: 'Ländervereinbarung',
      source: 'TMBWK letter',
      reason: 'agreed between SN and TH',
    });
    assert.deepEqual([set.outcome, set.basis, set.verified], ['counts', 'register-entry', true]);
    const th = (await register.answersFrom('teacher', 'SN')).find((a) => a.toState === 'TH');
    assert.equal(th?.outcome, 'counts');
    const history = await database.db
      .select()
      .from(registryChange)
      .where(eq(registryChange.rowKey, 'teacher:SN:TH'));
    assert.equal(history.length, 1);
    assert.equal(history[0]?.actor, ministry.personId);
    assert.equal(history[0]?.before, null);
  });

  it('refuses an entry for the same state or a bridging answer without a step, writing nothing', async () => {
    // As the API route and the form do: the body schema first, then the service.
    const setAsRoute = async (body: unknown) =>
      register.setEntry(ministry, parseInput(registerEntryBody, body, 'body'));
    const before = (await database.db.select().from(mutualRecognitionEntry)).length;
    const base = {
      profession: 'architect',
      fromState: 'BE',
      toState: 'BB',
      outcome: 'bridging',
      bridgingStep: null,
      legalBasis: 'x',
      source: 'y',
      reason: 'z',
    };
    await rejectsWith(setAsRoute({ ...base, toState: 'BE', bridgingStep: 'x' }), 400, 'body.toState');
    await rejectsWith(setAsRoute(base), 400, 'body.bridgingStep');
    await rejectsWith(setAsRoute({ ...base, profession: 'nurse' }), 400, 'body.profession');
    assert.equal((await database.db.select().from(mutualRecognitionEntry)).length, before);
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount } from '../../../test/support/identity.ts';
import { OPEN_BODY } from '../../../test/support/journey.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { verifyAudit } from '../../platform/audit/audit.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { journey, journeyEvent } from './schema.ts';
import { type CommandResult, createJourneyService, JourneyRefusal } from './service.ts';

/** Commands without key that arrive together are read and written together (ADR 0010), each on its own terms. */
describe('journey commands written together', () => {
  let t: TestApp;
  let applicants: Actor[];
  const applicantActor = (personId: string): Actor => ({
    personId,
    memberships: [{ role: 'applicant', organisationId: null, jurisdictions: [] }],
  });
  before(async () => {
    t = await buildTestApp();
    applicants = [];
    for (let i = 0; i < 12; i++)
      applicants.push(applicantActor((await makeAccount(t.database.db, 'applicant')).personId));
  });
  after(() => t.close());

  /** A service whose clock counts its readings: a batch reads it once, a command run alone once per attempt. */
  const counted = (batch: { maxBatch: number; maxInFlight: number }) => {
    const clock = { reads: 0 };
    const service = createJourneyService(t.database.db, {
      now: () => {
        clock.reads++;
        return new Date();
      },
      batch,
    });
    return { service, clock };
  };

  const settled = (p: Promise<CommandResult>) =>
    p.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );

  it('decides every command on its own: the allowed ones are written with one event and one audit entry each, the others refused without writing', async () => {
    const db = t.database.db;
    // Batches of at most four, one at a time: twelve concurrent commands take several batches.
    const { service, clock } = counted({ maxBatch: 4, maxInFlight: 1 });
    const journeys = await Promise.all(
      applicants.map(async (a) => (await service.open(a, OPEN_BODY, randomUUID())).body.journeyId),
    );
    clock.reads = 0;

    const stranger = applicants[0] as Actor;
    const outcomes = await Promise.all([
      ...applicants.map((a, i) =>
        settled(service.command(a, journeys[i] as string, { type: 'submit', step: 'orientation' })),
      ),
      // Another applicant's journey: outside reach, the same answer as no journey.
      settled(service.command(stranger, journeys[1] as string, { type: 'submit', step: 'recognition' })),
      // No such journey, and no UUID at all.
      settled(service.command(stranger, randomUUID(), { type: 'submit', step: 'recognition' })),
      settled(service.command(stranger, 'not-a-journey', { type: 'submit', step: 'recognition' })),
      // A decision on one's own step is refused by the core (the applicant decides nothing).
      settled(
        service.command(
          stranger,
          journeys[0] as string,
          {
            type: 'decide',
            step: 'recognition',
            outcome: 'positive',
            reasons: 'x',
          } as never,
        ),
      ),
    ]);

    // A batch reads the clock once: sixteen commands went in four batches, none alone.
    assert.equal(clock.reads, 4, 'the commands were read and written in batches of four');
    const allowed = outcomes.slice(0, applicants.length);
    for (const [i, o] of allowed.entries()) {
      assert.ok(o.ok, `command ${i} was written`);
      assert.deepEqual(o.value.body.events.includes('step-submitted'), true);
      assert.equal(o.value.body.journeyId, journeys[i]);
    }
    const [outside, missing, malformed, refused] = outcomes.slice(applicants.length);
    for (const o of [outside, missing, malformed]) {
      assert.equal(o?.ok, false);
      assert.equal((o as { error: { code?: string } }).error.code, 'not-found');
    }
    assert.equal(refused?.ok, false);
    assert.ok((refused as { error: unknown }).error instanceof JourneyRefusal);

    for (const [i, id] of journeys.entries()) {
      const [row] = await db.select().from(journey).where(eq(journey.id, id));
      const events = await db.select().from(journeyEvent).where(eq(journeyEvent.journeyId, id));
      const expected = (allowed[i] as { value: CommandResult }).value.body.version;
      assert.equal(row?.version, expected, 'the row carries the version the answer names');
      assert.equal(events.length, expected, 'one event row per version, none lost or doubled');
      assert.deepEqual(
        await service.replayed(id),
        row?.state,
        'the projection equals the replay of the stream',
      );
    }
    // One success entry per written command, one denied entry per refused access; the core's refusal writes none.
    const entries = await db
      .select({ result: auditEntry.result, objectId: auditEntry.objectId, purpose: auditEntry.purpose })
      .from(auditEntry)
      .where(
        and(
          inArray(auditEntry.purpose, ['journey command submit', 'journey command decide']),
          eq(auditEntry.action, 'update'),
        ),
      );
    assert.equal(entries.filter((e) => e.result === 'success').length, applicants.length);
    assert.equal(entries.filter((e) => e.result === 'denied').length, 3);
    assert.ok(!entries.some((e) => e.purpose === 'journey command decide'));
    assert.equal((await verifyAudit(db)).ok, true, 'every chain still verifies');
  });

  it('writes concurrent commands on one journey one after the other, each decided on the state the one before left', async () => {
    const db = t.database.db;
    const service = createJourneyService(db, { batch: { maxBatch: 8, maxInFlight: 2 } });
    const a = applicants[2] as Actor;
    const id = (await service.open(a, OPEN_BODY, randomUUID())).body.journeyId;
    const steps = ['orientation', 'recognition', 'job-offer'] as const;
    const results = await Promise.all(steps.map((step) => service.command(a, id, { type: 'submit', step })));
    const versions = results.map((r) => r.body.version).sort((x, y) => x - y);
    assert.equal(new Set(versions).size, 3, 'three distinct versions: no command overwrote another');
    const [row] = await db.select().from(journey).where(eq(journey.id, id));
    for (const step of steps) assert.equal(row?.state.steps[step].status, 'submitted');
    assert.deepEqual(await service.replayed(id), row?.state);
  });

  it('a command whose journey changed between the read and the write of its batch is decided again on the new state', async () => {
    const db = t.database.db;
    const a = applicants[3] as Actor;
    const opened = await createJourneyService(db).open(a, OPEN_BODY, randomUUID());
    const id = opened.body.journeyId;
    // Two service instances (two server processes) batch one command each on the same journey, in the same turn:
    // both read the same version, the first write wins, the second's guard fails and it is decided again alone.
    let clockReads = 0;
    const clock = () => {
      clockReads++;
      return new Date();
    };
    const one = createJourneyService(db, { now: clock });
    const two = createJourneyService(db, { now: clock });
    const results = await Promise.all([
      one.command(a, id, { type: 'submit', step: 'orientation' }),
      two.command(a, id, { type: 'submit', step: 'recognition' }),
    ]);
    const [first, second] = results.map((r) => r.body.version).sort((x, y) => x - y);
    assert.ok(first !== undefined && second !== undefined && first > opened.body.version && second > first);
    const [row] = await db.select().from(journey).where(eq(journey.id, id));
    assert.equal(row?.state.steps.orientation.status, 'submitted');
    assert.equal(row?.state.steps.recognition.status, 'submitted');
    assert.equal(row?.version, second, 'the later write built on the earlier one');
    assert.deepEqual(await one.replayed(id), row?.state);
    // PGlite runs one query at a time in the order sent, so there the second read surely saw the version before either write: two
    // batches and one command decided again. (On PostgreSQL the reads run side by side and usually do the same.)
    if (t.database.kind === 'pglite') assert.equal(clockReads, 3, 'two batches and one retry alone');
  });

  it('opens journeys that arrive together in one write, each with its own key, answer and audit entry', async () => {
    const db = t.database.db;
    const { service, clock } = counted({ maxBatch: 8, maxInFlight: 1 });
    const officer: Actor = {
      personId: applicants[0]?.personId as string,
      memberships: [{ role: 'recognition-officer', organisationId: randomUUID(), jurisdictions: [] }],
    };
    const keys = applicants.map(() => randomUUID());
    const outcomes = await Promise.all([
      ...applicants.map((a, i) => settled(service.open(a, OPEN_BODY, keys[i] as string))),
      // The same key again at the same time: never in the same batch, answered with the stored answer.
      settled(service.open(applicants[0] as Actor, OPEN_BODY, keys[0] as string)),
      // The same key with another body: 409.
      settled(service.open(applicants[1] as Actor, { ...OPEN_BODY, occupation: 'Koch' }, keys[1] as string)),
      // Only applicants open journeys.
      settled(service.open(officer, OPEN_BODY, randomUUID())),
    ]);
    const opened = outcomes.slice(0, applicants.length);
    for (const o of opened) assert.ok(o.ok && o.value.status === 201 && o.value.replayed === undefined);
    const ids = opened.map((o) => (o as { value: CommandResult }).value.body.journeyId);
    assert.equal(new Set(ids).size, applicants.length, 'one new journey per opening');
    const [again, otherBody, notApplicant] = outcomes.slice(applicants.length);
    assert.ok(again?.ok && again.value.replayed === true && again.value.body.journeyId === ids[0]);
    assert.equal((otherBody as { error: { code?: string } }).error.code, 'conflict');
    assert.equal((notApplicant as { error: { code?: string } }).error.code, 'forbidden');
    assert.ok(clock.reads < applicants.length, 'the openings went in batches');
    for (const [i, id] of ids.entries()) {
      const [row] = await db.select().from(journey).where(eq(journey.id, id));
      assert.equal(row?.applicantId, applicants[i]?.personId);
      assert.equal(row?.occupation, OPEN_BODY.occupation);
      assert.equal(row?.targetDistrictAgs, OPEN_BODY.place.districtAgs);
      assert.deepEqual(
        await service.replayed(id),
        row?.state,
        'the projection equals the replay of the stream',
      );
    }
    const entries = await db
      .select({ objectId: auditEntry.objectId })
      .from(auditEntry)
      .where(and(eq(auditEntry.action, 'journey.open-journey'), inArray(auditEntry.objectId, ids)));
    assert.equal(entries.length, applicants.length, 'one audit entry per journey opened');
    assert.equal((await verifyAudit(db)).ok, true);
  });
});

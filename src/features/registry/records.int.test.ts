import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { canonicalJson } from '../../domain/recognition/record.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ChangeActor } from './actor.ts';
import { createRecordsService } from './records.ts';
import { recognitionRecord, recognitionRecordEvent } from './schema.ts';
import { signingKeyFrom, verifySignature } from './signing.ts';

const officer: ChangeActor = { personId: randomUUID(), role: 'recognition-officer', organisationId: null };
const pem = () => String(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));

const decision = {
  person: { name: 'Ana Pereira', birthDate: '1990-04-01' },
  profession: { title: 'Pflegefachfrau', key: 'nurse', kldb: '81302' },
  equivalence: 'partial',
  adjustmentMeasures: ['Kenntnisprüfung'],
  authority: 'Kommunaler Sozialverband Sachsen',
  legalBasis: 'PflBG §§ 40-43',
  decisionDate: '2026-10-01',
  issuingState: 'SN',
  noticeReference: null,
};

describe('recognition records', () => {
  let database: TestDatabase;
  const key = signingKeyFrom(pem());
  let records: ReturnType<typeof createRecordsService>;
  before(async () => {
    database = await createTestDatabase();
    records = createRecordsService(database.db, () => key, { now: () => new Date('2026-11-02T10:00:00Z') });
  });
  after(() => database.destroy());

  const counts = async () => ({
    records: (await database.db.select({ n: sql<number>`count(*)::int` }).from(recognitionRecord))[0]?.n,
    audit: (await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEntry))[0]?.n,
  });

  it('signs the record so that anyone with the public key can check it offline (round trip)', async () => {
    const issued = await records.issue(officer, decision);
    assert.match(issued.code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    assert.equal(issued.signedText, canonicalJson(issued.payload));
    assert.ok(verifySignature(issued.signedText, issued.signature, key.publicKeyPem));
    const found = await records.find(issued.code);
    assert.equal(found?.signatureValid, true);
    assert.equal(found?.status, 'valid');
    assert.equal(found?.payload.person.name, 'Ana Pereira');
    assert.deepEqual(
      found?.events.map((e) => e.action),
      ['issued'],
    );
  });

  it('rejects a tampered record: changed content or a signature from another key', async () => {
    const issued = await records.issue(officer, { ...decision, equivalence: 'full', adjustmentMeasures: [] });
    const tampered = issued.signedText.replace('"full"', '"partial"');
    assert.equal(verifySignature(tampered, issued.signature, key.publicKeyPem), false);
    assert.equal(
      verifySignature(issued.signedText, issued.signature, signingKeyFrom(pem()).publicKeyPem),
      false,
    );
    await database.db
      .update(recognitionRecord)
      .set({ payload: { ...issued.payload, equivalence: 'partial' } })
      .where(eq(recognitionRecord.code, issued.code));
    assert.equal(
      (await records.find(issued.code))?.signatureValid,
      false,
      'content no longer matches the signed text',
    );
    await database.db
      .update(recognitionRecord)
      .set({ payload: issued.payload, signedText: tampered })
      .where(eq(recognitionRecord.code, issued.code));
    assert.equal((await records.find(issued.code))?.signatureValid, false, 'signed text altered');
  });

  it('shows a withdrawn record as withdrawn, keeps its history and refuses a second withdrawal', async () => {
    const issued = await records.issue(officer, decision);
    await records.withdraw(officer, issued.code, 'Bescheid zurückgenommen');
    const found = await records.find(issued.code);
    assert.equal(found?.status, 'withdrawn');
    assert.equal(
      found?.signatureValid,
      true,
      'the signature still holds; the status says it no longer applies',
    );
    assert.equal(found?.row.withdrawnReason, 'Bescheid zurückgenommen');
    assert.deepEqual(
      found?.events.map((e) => e.action),
      ['issued', 'withdrawn'],
    );
    await assert.rejects(
      records.withdraw(officer, issued.code, 'again'),
      (e: unknown) => e instanceof AppError && e.status === 409,
    );
  });

  it('writes the decision, its history and an audit entry, and nothing at all on bad input', async () => {
    const before = await counts();
    const bad = [
      [{ ...decision, adjustmentMeasures: [] }, 'body.adjustmentMeasures'],
      [{ ...decision, decisionDate: '2027-01-01' }, 'body.decisionDate'],
      [{ ...decision, decisionDate: '2026-02-30' }, 'body.decisionDate'],
      [{ ...decision, issuingState: 'BY' }, 'body.issuingState'],
      [{ ...decision, person: { name: '', birthDate: '1990-04-01' } }, 'body.person.name'],
      [{ ...decision, extra: 1 }, 'body'],
    ] as const;
    for (const [body, field] of bad) {
      await assert.rejects(records.issue(officer, body), (e: unknown) => {
        assert.ok(e instanceof AppError && e.status === 400, String(e));
        assert.ok(
          e.errors.some((x) => x.field === field),
          `${field}: ${JSON.stringify(e.errors)}`,
        );
        return true;
      });
    }
    await assert.rejects(
      records.withdraw(officer, '0000-0000-0000-0000', 'x'),
      (e: unknown) => e instanceof AppError && e.status === 404,
    );
    await assert.rejects(
      records.withdraw(officer, '0000-0000-0000-0000', ' '),
      (e: unknown) => e instanceof AppError && e.status === 400,
    );
    assert.deepEqual(await counts(), before);
    await records.issue(officer, decision);
    const afterOne = await counts();
    assert.equal(afterOne.records, (before.records ?? 0) + 1);
    assert.equal(afterOne.audit, (before.audit ?? 0) + 1);
    const events = await database.db.select().from(recognitionRecordEvent);
    assert.ok(events.every((e) => e.actor === officer.personId));
  });
});

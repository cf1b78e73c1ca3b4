import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { AUDIT_CHAINS, appendAudit, chainOf, verifyAudit } from './audit.ts';
import { auditEntry } from './schema.ts';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.destroy());

const event = (subject: string) => ({
  actorPersonId: '00000000-0000-4000-8000-000000000001',
  action: 'read',
  objectType: 'journey',
  objectId: subject,
  subjectPersonId: subject,
  purpose: 'test',
  result: 'success' as const,
});

describe('audit trail in parallel chains', () => {
  it('puts every entry about one person in the same chain, and spreads people over the chains', () => {
    const a = '11111111-1111-4111-8111-111111111111';
    assert.equal(chainOf(event(a)), chainOf({ ...event(a), action: 'update' }));
    const chains = new Set(
      Array.from({ length: 200 }, (_, i) =>
        chainOf(event(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)),
      ),
    );
    assert.ok(chains.size > AUDIT_CHAINS / 2, `${chains.size} chains used`);
  });

  it('keeps every chain intact under concurrent appends and verifies them all', async () => {
    const subjects = Array.from(
      { length: 40 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    await Promise.all(subjects.flatMap((s) => [1, 2, 3].map(() => appendAudit(db.db, event(s), new Date()))));
    const result = await verifyAudit(db.db);
    assert.deepEqual(result, { ok: true, entries: (await db.db.select().from(auditEntry)).length });
    const rows = await db.db.select().from(auditEntry);
    for (const r of rows)
      if (r.subjectPersonId) assert.equal(r.chain, chainOf({ ...event(r.subjectPersonId) }));
  });
});

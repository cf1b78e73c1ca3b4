import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import {
  AUDIT_CHAINS,
  type AuditEvent,
  appendAudit,
  appendAuditMany,
  canonicalEntry,
  chainHash,
  chainOf,
  chainOfKey,
  verifyAudit,
} from './audit.ts';
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

  it('appends several entries in one statement, concurrently with single appends, each linked into its chain', async () => {
    const people = Array.from(
      { length: 24 },
      (_, i) => `00000000-0000-4000-8000-1${String(i).padStart(11, '0')}`,
    );
    const events = people.map((p, i) => ({ ...event(p), purpose: `many ${i}` }));
    const [many] = await Promise.all([
      appendAuditMany(db.db, events, new Date()),
      ...people.slice(0, 8).map((p) => appendAudit(db.db, event(p), new Date())),
      appendAuditMany(db.db, [...events].reverse(), new Date()),
    ]);
    assert.equal(many.length, events.length, 'one entry per event, answered in the order given');
    for (const [i, appended] of many.entries()) {
      const [row] = await db.db.select().from(auditEntry).where(eq(auditEntry.seq, appended.seq));
      assert.equal(row?.purpose, `many ${i}`);
      assert.equal(row?.hash, appended.hash);
      assert.equal(row?.chain, chainOf(events[i] as AuditEvent));
    }
    assert.deepEqual(await appendAuditMany(db.db, [], new Date()), []);
    assert.equal((await verifyAudit(db.db)).ok, true);
  });

  it('appends a list’s entries to one chain when given a chain key, each still naming its person', async () => {
    const actor = '33333333-3333-4333-8333-333333333333';
    const people = Array.from(
      { length: 20 },
      (_, i) => `00000000-0000-4000-8000-2${String(i).padStart(11, '0')}`,
    );
    const events = people.map((p) => ({ ...event(p), actorPersonId: actor, purpose: 'work queue' }));
    // Before the times of the next test, which checks that a chain's time never runs backwards.
    const at = new Date('2026-01-01T00:00:00Z');
    const [listed] = await Promise.all([
      appendAuditMany(db.db, events, at, { chainKey: actor }),
      ...people.slice(0, 6).map((p) => appendAudit(db.db, event(p), at)),
      appendAuditMany(db.db, events, at, { chainKey: actor }),
    ]);
    for (const [i, appended] of listed.entries()) {
      const [row] = await db.db.select().from(auditEntry).where(eq(auditEntry.seq, appended.seq));
      assert.equal(row?.chain, chainOfKey(actor));
      assert.equal(row?.subjectPersonId, people[i]);
    }
    assert.equal((await verifyAudit(db.db)).ok, true);
  });

  it('hashes in the database exactly as TypeScript does, for any text and a clock that runs backwards', async () => {
    const subject = '22222222-2222-4222-8222-222222222222';
    const texts = [
      'plain',
      'quote " and \\ backslash',
      'Zeilen\numbruch\tTab\r\b\f',
      'ctrl \u0001\u001f\u007f',
      'Grüße ß € 漢字 😀 \u2028\u2029',
      '</script>/',
    ];
    const at = new Date('2026-03-29T01:59:59.999Z');
    for (const [i, text] of texts.entries()) {
      // The second entry is "earlier" than the first: it takes the chain's newest time instead.
      const when = new Date(at.getTime() - (i === 1 ? 5000 : -i));
      const { seq, hash } = await appendAudit(
        db.db,
        {
          ...event(subject),
          actorRole: i % 2 ? null : text,
          objectId: text,
          purpose: text,
          actorOrganisationId: null,
        },
        when,
      );
      const [row] = await db.db.select().from(auditEntry).where(eq(auditEntry.seq, seq));
      assert.ok(row);
      assert.equal(row.hash, hash);
      assert.equal(row.purpose, text);
      assert.equal(hash, chainHash(row.prevHash, canonicalEntry(row)), `hash of ${JSON.stringify(text)}`);
      if (i === 1) assert.equal(row.at.getTime(), at.getTime(), 'time never runs backwards in a chain');
    }
    assert.equal((await verifyAudit(db.db)).ok, true);
  });
});

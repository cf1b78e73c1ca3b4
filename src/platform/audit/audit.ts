import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client.ts';
import { auditEntry } from './schema.ts';

/** What one audit entry says: who, in which role and organisation, did what to which object, why, with what result. */
export interface AuditEvent {
  actorPersonId?: string | null | undefined;
  actorRole?: string | null | undefined;
  actorOrganisationId?: string | null | undefined;
  action: string;
  objectType: string;
  objectId?: string | null | undefined;
  subjectPersonId?: string | null | undefined;
  purpose: string;
  result: 'success' | 'denied' | 'failure';
}

export const GENESIS_HASH = '0'.repeat(64);
/** Arbitrary constant: with the chain number, serialises appends to one chain so that it never forks. */
const AUDIT_LOCK = 7_301_2024;
/**
 * Parallel chains. Appends to one chain wait for each other's commit; entries about different
 * people usually land in different chains and commit side by side (ADR 0007).
 */
export const AUDIT_CHAINS = 16;

/** The chain of an entry: by the person concerned, else the actor, else the object. */
export function chainOf(event: AuditEvent): number {
  const key = event.subjectPersonId ?? event.actorPersonId ?? `${event.objectType}:${event.objectId ?? ''}`;
  return createHash('sha256').update(key).digest().readUInt16BE(0) % AUDIT_CHAINS;
}

/** The canonical form hashed into the chain: fixed key order, nulls explicit, time in ISO 8601 UTC. */
export function canonicalEntry(e: AuditEvent & { at: Date; prevHash: string }): string {
  const fields: [string, string | null][] = [
    ['action', e.action],
    ['actorOrganisationId', e.actorOrganisationId ?? null],
    ['actorPersonId', e.actorPersonId ?? null],
    ['actorRole', e.actorRole ?? null],
    ['at', e.at.toISOString()],
    ['objectId', e.objectId ?? null],
    ['objectType', e.objectType],
    ['prevHash', e.prevHash],
    ['purpose', e.purpose],
    ['result', e.result],
    ['subjectPersonId', e.subjectPersonId ?? null],
  ];
  return JSON.stringify(Object.fromEntries(fields));
}

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

function isTransaction(db: DbOrTx): boolean {
  return typeof (db as { rollback?: unknown }).rollback === 'function';
}

/**
 * Appends one entry to the chain. Pass the transaction that makes the change being recorded, so
 * that entry and change commit (or roll back) together.
 */
export async function appendAudit(
  db: DbOrTx,
  event: AuditEvent,
  now: Date,
): Promise<{ seq: number; hash: string }> {
  if (!isTransaction(db)) return (db as Database).transaction((tx) => appendAudit(tx, event, now));
  const chain = chainOf(event);
  await db.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK}, ${chain})`);
  const [last] = await db
    .select({ hash: auditEntry.hash, at: auditEntry.at })
    .from(auditEntry)
    .where(eq(auditEntry.chain, chain))
    .orderBy(desc(auditEntry.seq))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Time never runs backwards inside a chain, even if clocks of two instances disagree.
  const at = last && last.at.getTime() > now.getTime() ? last.at : now;
  // The chain number needs no place in the hash: an entry moved to another chain breaks both links.
  const hash = chainHash(prevHash, canonicalEntry({ ...event, at, prevHash }));
  const [row] = await db
    .insert(auditEntry)
    .values({
      chain,
      at,
      actorPersonId: event.actorPersonId ?? null,
      actorRole: event.actorRole ?? null,
      actorOrganisationId: event.actorOrganisationId ?? null,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId ?? null,
      subjectPersonId: event.subjectPersonId ?? null,
      purpose: event.purpose,
      result: event.result,
      prevHash,
      hash,
    })
    .returning({ seq: auditEntry.seq });
  return { seq: row?.seq ?? 0, hash };
}

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenSeq: number; reason: 'hash-mismatch' | 'chain-broken' };

/** Recomputes every chain in order; reports the first entry whose hash or link does not hold. */
export async function verifyAudit(db: DbOrTx, batch = 1000): Promise<VerifyResult> {
  const last = new Map<number, string>();
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEntry)
      .where(gt(auditEntry.seq, after))
      .orderBy(asc(auditEntry.seq))
      .limit(batch);
    for (const r of rows) {
      count++;
      if (r.prevHash !== (last.get(r.chain) ?? GENESIS_HASH)) {
        return { ok: false, entries: count, brokenSeq: r.seq, reason: 'chain-broken' };
      }
      const expected = chainHash(r.prevHash, canonicalEntry(r));
      if (expected !== r.hash)
        return { ok: false, entries: count, brokenSeq: r.seq, reason: 'hash-mismatch' };
      last.set(r.chain, r.hash);
      after = r.seq;
    }
    if (rows.length < batch) return { ok: true, entries: count };
  }
}

/** The entries about one person, newest first ("Wer hat meine Daten gesehen?"). */
export function entriesAbout(db: DbOrTx, personId: string, limit = 200) {
  return db
    .select()
    .from(auditEntry)
    .where(and(eq(auditEntry.subjectPersonId, personId)))
    .orderBy(desc(auditEntry.seq))
    .limit(limit);
}
